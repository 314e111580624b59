"""Every modal question goes through here so tests can answer it without a blocking dialog.

Tests install answers with ``ask.install(FakeAsker(...))``; the app uses ``QtAsker``.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


class Asker(Protocol):
    def confirm(self, parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool: ...
    def inform(self, parent: QWidget | None, title: str, text: str) -> None: ...
    def warn(self, parent: QWidget | None, title: str, text: str) -> None: ...
    def text(self, parent: QWidget | None, title: str, label: str, secret: bool = False) -> str | None: ...
    def save_path(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None: ...
    def open_path(self, parent: QWidget | None, title: str, filters: str) -> str | None: ...
    def open_folder(self, parent: QWidget | None, title: str) -> str | None: ...


class QtAsker:
    def confirm(self, parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no_button)
        box.exec()
        return box.clickedButton() is yes_button

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def text(self, parent: QWidget | None, title: str, label: str, secret: bool = False) -> str | None:
        mode = QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal
        value, ok = QInputDialog.getText(parent, title, label, mode)
        return value if ok else None

    def save_path(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None

    def open_path(self, parent: QWidget | None, title: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path or None

    def open_folder(self, parent: QWidget | None, title: str) -> str | None:
        return QFileDialog.getExistingDirectory(parent, title) or None


_current: Asker = QtAsker()


def install(asker: Asker) -> Asker:
    """Replace the asker (tests); returns the previous one."""
    global _current
    previous, _current = _current, asker
    return previous


def current() -> Asker:
    return _current
