"""Change my passphrase: the current one, then the new one twice. Runs in the background (Argon2id)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.services.vault import keys as vault_keys
from desktop_app.ui.labels import secret_field
from desktop_app.ui.settings.common import StatusArea
from desktop_app.ui.settings.passphrase_fields import NewPassphraseFields
from desktop_app.ui.workers import Task, describe_error, run_in_background

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession


class PassphraseSection(QWidget):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task: Task | None = None
        intro = QLabel(
            f"Change the passphrase of {session.user.name}. Other people's passphrases and the recovery key "
            "are not affected.",
            self,
        )
        intro.setWordWrap(True)
        self.current = secret_field(self, "current_passphrase")
        self.fields = NewPassphraseFields(self, "New passphrase")
        # in the new passphrase's own form: one column of labels and one of boxes (a form of its own beside it put
        # the current passphrase's box further right than the new ones)
        self.fields.form.insertRow(0, "Current passphrase:", self.current)
        self.button = QPushButton("Change my passphrase", self)
        self.button.setObjectName("change_passphrase")
        self.button.clicked.connect(self.change)
        self.status = StatusArea(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.current.textChanged.connect(self._update)
        self.fields.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.button.setEnabled(self.task is None and bool(self.current.text()) and self.fields.acceptable)

    def change(self) -> None:
        if self.task is not None or not self.fields.acceptable:
            return
        self.status.busy("Saving the new passphrase…")
        self.task = run_in_background(vault_keys.change_passphrase, self.session, self.current.text(), self.fields.text)
        self.task.succeeded.connect(self._changed)
        self.task.failed.connect(self._failed)
        self._update()

    def _changed(self, _result: object) -> None:
        self.task = None
        self.current.clear()
        self.fields.clear()
        self.status.done("Your passphrase has been changed. Use the new one from now on.")
        self._update()

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.status.failed(describe_error(error))
        self.current.selectAll()
        self._update()
