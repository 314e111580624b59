"""The setup step that makes the vault: slow (Argon2id tuning), so it runs in the background with a busy bar."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QPushButton, QVBoxLayout, QWizard, QWizardPage

from desktop_app.domain.records import Setting
from desktop_app.services.vault.recovery_sheet import PENDING, mark_sheet
from desktop_app.ui.labels import note
from desktop_app.ui.settings.contacts import save_phones
from desktop_app.ui.setup.pages import page_title
from desktop_app.ui.workers import Task, describe_error, run_in_background


class CreatePage(QWizardPage):
    """Runs the slow creation in the background; moves on by itself when done."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("setup_create")
        self.setTitle(page_title("Creating the encrypted vault"))
        self.setSubTitle(
            "This takes a few seconds: Waymark measures this computer to make the passphrase hard to guess."
        )
        self.status = note("Working…", self, "status_message")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.retry = QPushButton("Try again", self)
        self.retry.setObjectName("retry_create")
        self.retry.hide()
        self.retry.clicked.connect(self.start)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.task: Task | None = None
        self.created: Any = None
        self.setCommitPage(True)  # once made, there is no going back to make it again
        self.setButtonText(QWizard.WizardButton.CommitButton, "Continue")

    def initializePage(self) -> None:
        if self.created is None and self.task is None:
            self.start()

    def start(self) -> None:
        wizard: Any = self.wizard()
        self.retry.hide()
        self.bar.show()
        self.status.setText("Working…")
        self.status.setProperty("state", "")
        self.task = run_in_background(create_vault_with_contacts, wizard.vault_dir, *wizard.collected())
        self.task.succeeded.connect(self._created)
        self.task.failed.connect(self._failed)

    def _created(self, created: object) -> None:
        self.task = None
        self.created = created
        self.bar.hide()
        self.status.setText("The vault is ready.")
        self.completeChanged.emit()
        wizard: Any = self.wizard()
        wizard.on_created(created)
        if wizard.currentPage() is self:
            wizard.next()

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.bar.hide()
        self.status.setText(f"The vault could not be created. {describe_error(error)}")
        self.status.setObjectName("error_message")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.retry.show()

    def isComplete(self) -> bool:
        return self.created is not None


def create_vault_with_contacts(
    vault_dir: Path, setting: Setting, user_name: str, passphrase: str, phones: dict[str, str]
) -> object:
    """Worker: make the vault, then store the local numbers that differ from the guidance sheet."""
    from desktop_app.services import vault as vault_service

    created = vault_service.create_vault(vault_dir, setting, user_name, passphrase)
    mark_sheet(created.session, PENDING)  # until setup finishes with the sheet kept; else asked again at unlock
    save_phones(created.session, phones)  # also the clear copy of the numbers for the lock screen
    return created
