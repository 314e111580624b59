"""The setup wizard's last pages: the recovery key shown once, typed back, and its sheet printed or saved."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget, QWizard, QWizardPage

from desktop_app.ui.labels import note
from desktop_app.ui.settings.recovery_sheet import RecoveryKeyCheck, RecoveryKeyView, RecoverySheetKeeper
from desktop_app.ui.setup.pages import page_title


class RecoveryKeyPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("setup_recovery_key")
        self.setTitle(page_title("Your recovery key"))
        self.setSubTitle(
            "If every passphrase is forgotten, this key is the only way into the records. Write it down now or print "
            "the recovery sheet at the end of setup; keep it in the school safe, not with this computer."
        )
        self.key_label = RecoveryKeyView(self)
        reminder = note(
            "You will type it back on the next page to check it was copied correctly. "
            "It will not be shown again after setup.",
            self,
        )
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.key_label)
        layout.addStretch(1)
        layout.addWidget(reminder)

    def initializePage(self) -> None:
        wizard: Any = self.wizard()
        self.key_label.show_key(wizard.recovery_key)


class RecoveryCheckPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("setup_recovery_check")
        self.setTitle(page_title("Type the recovery key back"))
        self.setSubTitle("Type the key as you wrote it down. Spaces, dashes and capital letters do not matter.")
        self.check = RecoveryKeyCheck(self)
        self.entry = self.check.entry
        self.message = self.check.message
        layout = QVBoxLayout(self)
        layout.addWidget(self.check)
        layout.addStretch(1)
        self.check.changed.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return self.check.typed

    def validatePage(self) -> bool:
        wizard: Any = self.wizard()
        return self.check.check(wizard.recovery_key)


class RecoverySheetPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("setup_recovery_sheet")
        self.setTitle(page_title("Print or save the recovery sheet"))
        self.setSubTitle(
            "The recovery sheet has the recovery key and what to do with it. Print it for the school safe, or save "
            "it as an encrypted PDF on a memory stick kept in the safe. Do not leave it on this computer."
        )
        self.keeper = RecoverySheetKeeper(
            self,
            session=lambda: self._wizard().session,
            recovery_key=lambda: self._wizard().recovery_key,
            created_at=lambda: self._wizard().created_at,
        )
        self.keeper.kept_changed.connect(self.completeChanged)
        self.open_button = self.keeper.open_button
        self.status = self.keeper.status
        layout = QVBoxLayout(self)
        layout.addWidget(self.keeper)
        layout.addStretch(1)
        self.setFinalPage(True)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Finish and open the dashboard")

    def _wizard(self) -> Any:
        return self.wizard()

    @property
    def dialog(self) -> QWidget | None:
        return self.keeper.dialog

    @property
    def kept_as(self) -> set[str]:
        return self.keeper.kept_as

    def isComplete(self) -> bool:
        return bool(self.keeper.kept_as)

    def sheet_pdf(self) -> bytes:
        return self.keeper.sheet_pdf()

    def open_sheet(self) -> None:
        self.keeper.open_sheet()
