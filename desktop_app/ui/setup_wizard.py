"""First-run setup: the setting, local contacts, the first DSL, a passphrase, the vault made, the recovery key kept.

The order of pages is plain data (``PAGES``); each page (``ui.setup``) lays out widgets and says when it is complete.
The slow step (Argon2id tuning and creating the encrypted store) runs in the background with a busy indicator.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from desktop_app.domain.records import Setting
from desktop_app.services.vault.recovery_sheet import KEPT, mark_sheet, sheet_id, sheet_pdf
from desktop_app.ui.setup.create import CreatePage, create_vault_with_contacts
from desktop_app.ui.setup.pages import ContactsPage, DslPage, PassphrasePage, SettingPage, page_title
from desktop_app.ui.setup.recovery import RecoveryCheckPage, RecoveryKeyPage, RecoverySheetPage

if TYPE_CHECKING:
    from desktop_app.services.vault import CreatedVault
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)

PAGES = ("setting", "contacts", "dsl", "passphrase", "create", "recovery_key", "recovery_check", "recovery_sheet")

__all__ = [
    "PAGES",
    "ContactsPage",
    "CreatePage",
    "DslPage",
    "PassphrasePage",
    "RecoveryCheckPage",
    "RecoveryKeyPage",
    "RecoverySheetPage",
    "SettingPage",
    "SetupWizard",
    "create_vault_with_contacts",
    "page_title",
]


class SetupWizard(QWizard):
    """Embedded in the main window as a page. Emits ``vault_created(session)`` then ``completed(session)``."""

    vault_created = Signal(object)
    completed = Signal(object)

    def __init__(self, vault_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setObjectName("setup_wizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setTitleFormat(Qt.TextFormat.RichText)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.vault_dir = Path(vault_dir)
        self.setting_page = SettingPage()
        self.contacts_page = ContactsPage()
        self.dsl_page = DslPage()
        self.passphrase_page = PassphrasePage()
        self.create_page = CreatePage()
        self.key_page = RecoveryKeyPage()
        self.check_page = RecoveryCheckPage()
        self.sheet_page = RecoverySheetPage()
        self.page_by_name: dict[str, QWizardPage] = dict(
            zip(
                PAGES,
                (
                    self.setting_page,
                    self.contacts_page,
                    self.dsl_page,
                    self.passphrase_page,
                    self.create_page,
                    self.key_page,
                    self.check_page,
                    self.sheet_page,
                ),
                strict=True,
            )
        )
        for page in self.page_by_name.values():
            self.addPage(page)
        self.created: CreatedVault | None = None
        self.created_at: datetime | None = None

    @property
    def session(self) -> VaultSession | None:
        return self.created.session if self.created is not None else None

    @property
    def recovery_key(self) -> str:
        return self.created.recovery_key if self.created is not None else ""

    def current_name(self) -> str:
        for name, page in self.page_by_name.items():
            if page is self.currentPage():
                return name
        return ""

    def setting(self) -> Setting:
        return Setting(
            name=self.setting_page.name.text().strip(),
            address=self.setting_page.address.text().strip(),
            phone=self.setting_page.phone.text().strip(),
            dsl_name=self.dsl_page.name.text().strip(),
            dsl_phone=self.dsl_page.phone.text().strip(),
            dsl_email=self.dsl_page.email.text().strip(),
        )

    def collected(self) -> tuple[Setting, str, str, dict[str, str]]:
        """What the creation step needs: setting, DSL name, passphrase, changed contact numbers."""
        return (
            self.setting(),
            self.dsl_page.name.text().strip(),
            self.passphrase_page.fields.text,
            self.contacts_page.editor.changes(),
        )

    def on_created(self, created: CreatedVault) -> None:
        self.created = created
        self.created_at = datetime.now(UTC)
        self.passphrase_page.fields.clear()  # the secret need not stay in a widget
        self.vault_created.emit(self.session)

    def recovery_sheet_pdf(self) -> bytes:
        if self.created is None:
            raise RuntimeError("the recovery sheet is printed only after the vault is made")
        return sheet_pdf(self.created.session, self.recovery_key, self.created_at)

    @property
    def sheet_id(self) -> str:
        return sheet_id(self.vault_id)

    @property
    def vault_id(self) -> str:
        if self.created is None:
            return ""
        return self.created.vault_id or self.created.session.vault_id

    def accept(self) -> None:
        try:  # the sheet page cannot be finished before it is printed or saved
            if self.created is not None:
                mark_sheet(self.created.session, KEPT)
        except Exception:
            _log.exception("could not record that the recovery sheet was kept")  # asked again at the next unlock
        super().accept()
        self.completed.emit(self.session)
