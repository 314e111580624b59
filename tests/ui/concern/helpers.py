"""Driving the concern wizard like a person at the keyboard."""

from __future__ import annotations

import json
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from desktop_app.services.intake import sealing as intake_sealing
from desktop_app.vault import sealing

NAME_FIRST = "Zoë"
NAME_LAST = "Wiśniewska-Nguyễn"


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, in any script, as key events that carry it (qtbot.keyClicks cannot send non-ASCII)."""
    widget.setFocus()
    for char in text:
        if char == "\n":
            press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        else:
            press = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
        QApplication.sendEvent(widget, press)
        release = QKeyEvent(QEvent.Type.KeyRelease, press.key(), Qt.KeyboardModifier.NoModifier, press.text())
        QApplication.sendEvent(widget, release)


class Windows:
    """Closes the wizards a test opened, unless the app already deleted them (they delete themselves on close)."""

    def __init__(self) -> None:
        self.opened: list[QWidget] = []

    def add(self, widget: QWidget | None) -> QWidget:
        assert widget is not None
        self.opened.append(widget)
        return widget

    def close_all(self) -> None:
        for widget in self.opened:
            if shiboken6.isValid(widget):
                widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
                widget.close()
                widget.deleteLater()
        QApplication.processEvents()


def press_next(wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.CommitButton)
    if not button.isVisible():
        button = wizard.button(QWizard.WizardButton.NextButton)
    button.click()


def open_sealed(path: Path, private: bytes, vault_id: str) -> dict:
    item_id = path.name.removesuffix(intake_sealing.SUFFIX)
    return json.loads(sealing.open_sealed(private, path.read_bytes(), intake_sealing.seal_context(vault_id, item_id)))


def sealed_files(vault_dir: Path) -> list[Path]:
    inbox = vault_dir / intake_sealing.INBOX_DIR
    return sorted(p for p in inbox.glob("*.sealed")) if inbox.exists() else []


def settle(qtbot, wizard) -> None:
    """Wait until the current page has laid out rows just added (before a screenshot)."""
    page = wizard.current_flow_page()

    def laid_out() -> bool:
        page.form.activate()
        frames = [f for rows in getattr(page, "lists", {}).values() for f, _ in rows.rows]
        return page.body.height() >= page.body.minimumSizeHint().height() and all(
            f.height() >= f.minimumSizeHint().height() for f in frames
        )

    qtbot.waitUntil(laid_out)
