"""Showing a new recovery key, having it typed back, and keeping its recovery sheet: shared by setup and Settings.

The sheet itself and whether it was kept are ``services.vault.recovery_sheet``'s (one builder for setup, Settings and
``waymark init``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.services.vault import recovery_sheet
from desktop_app.ui.settings.recovery_key import grouped_lines, keys_match, mismatch_sentence, monospace_font
from desktop_app.ui.workers import describe_error

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)


class RecoveryKeyView(QLabel):
    """The key in large monospace groups, centred; not selectable (no copy to a clipboard)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_key")
        self.setFont(monospace_font(1.8))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def show_key(self, key: str) -> None:
        self.setText(grouped_lines(key))


class RecoveryKeyCheck(QWidget):
    """One line to type the key back, and the sentence saying which group differs."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = QLineEdit(self)
        self.entry.setObjectName("recovery_key_check")
        self.entry.setAccessibleName("Recovery key, typed back")
        self.entry.setFont(monospace_font(1.3))
        self.message = QLabel(self)
        self.message.setObjectName("error_message")
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.entry)
        layout.addWidget(self.message)
        self.entry.textChanged.connect(self._typed)

    def _typed(self) -> None:
        self.message.hide()
        self.changed.emit()

    @property
    def typed(self) -> bool:
        return bool(self.entry.text().strip())

    def check(self, shown: str) -> bool:
        """True when the typed key is ``shown``; else say where it differs."""
        if keys_match(self.entry.text(), shown):
            return True
        self.message.setText(mismatch_sentence(self.entry.text(), shown))
        self.message.show()
        return False

    def clear(self) -> None:
        self.entry.clear()
        self.message.hide()


class RecoverySheetKeeper(QWidget):
    """A button opening the sheet's preview (print / save encrypted) and a line saying how it was kept."""

    kept_changed = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        session: Callable[[], VaultSession],
        recovery_key: Callable[[], str],
        created_at: Callable[[], datetime | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self._session, self._key, self._created_at = session, recovery_key, created_at
        self.open_button = QPushButton("Preview, print or save the recovery sheet…", self)
        self.open_button.setObjectName("open_recovery_sheet")
        self.open_button.setProperty("role", "primary")
        self.open_button.clicked.connect(self.open_sheet)
        self.status = QLabel("Not printed or saved yet.", self)
        self.status.setObjectName("status_message")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        self.kept_as: set[str] = set()
        self.dialog: QWidget | None = None

    def reset(self) -> None:
        self.kept_as.clear()
        self.status.setText("Not printed or saved yet.")

    def sheet_pdf(self) -> bytes:
        return recovery_sheet.sheet_pdf(self._session(), self._key(), self._created_at())

    def open_sheet(self) -> None:
        from desktop_app.domain.documents import DocumentKind
        from desktop_app.services import documents
        from desktop_app.ui.documents import DocumentDialog

        session = self._session()
        try:
            pdf = self.sheet_pdf()
        except Exception as error:
            _log.exception("recovery sheet could not be made")
            self.status.setText(describe_error(error))
            return
        on_print, on_save = documents.actions(
            session, pdf, recovery_sheet.sheet_id(session.vault_id), DocumentKind.RECOVERY_SHEET
        )

        def printed() -> None:
            on_print()
            self.kept("printed")

        def save(path: Path, password: str | None) -> None:
            on_save(path, password)
            self.kept("saved")

        dialog = DocumentDialog(
            self.window(),
            "Recovery sheet",
            pdf,
            on_print=printed,
            on_save=save,
            suggested_name="Waymark recovery sheet.pdf",
        )
        self.dialog = dialog
        dialog.open()

    def kept(self, how: str) -> None:
        self.kept_as.add(how)
        self.status.setText(f"Recovery sheet {' and '.join(sorted(self.kept_as))}. Put it in the school safe.")
        self.kept_changed.emit()
