"""First-run setup: the setting, local contacts, the first DSL, a passphrase, the vault made, the recovery key kept.

The order of pages is plain data (``PAGES``); each page lays out widgets and says when it is complete. The slow step
(Argon2id tuning and creating the encrypted store) runs in the background with a busy indicator.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app.domain.records import Setting
from desktop_app.ui.settings.contacts import ContactsEditor, save_phones
from desktop_app.ui.settings.passphrase_fields import NewPassphraseFields
from desktop_app.ui.settings.recovery_key import grouped_lines, keys_match, mismatch_sentence, monospace_font
from desktop_app.ui.workers import Task, describe_error, run_in_background

_log = logging.getLogger(__name__)

PAGES = ("setting", "contacts", "dsl", "passphrase", "create", "recovery_key", "recovery_check", "recovery_sheet")


def page_title(text: str) -> str:
    """A page title a size up from the body text (relative, so it follows the zoom)."""
    return f"<span style='font-size: x-large; font-weight: 600'>{text}</span>"


def _label(text: str, parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class SettingPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("setup_setting")
        self.setTitle(page_title("Your school or college"))
        self.setSubTitle(
            "Waymark keeps this setting's safeguarding records about exploitation, encrypted on this computer. "
            "The name and contact details below are printed on documents."
        )
        self.name = QLineEdit(self)
        self.name.setObjectName("setting_name")
        self.address = QLineEdit(self)
        self.address.setObjectName("setting_address")
        self.phone = QLineEdit(self)
        self.phone.setObjectName("setting_phone")
        welcome = _label(
            "Setting up takes about five minutes. You will need: the setting's details, the name of the Designated "
            "Safeguarding Lead, a passphrase, and a printer (or a memory stick for the safe) for the recovery sheet.",
            self,
        )
        form = QFormLayout(self)
        form.addRow(welcome)
        form.addRow("Name of the setting (required):", self.name)
        form.addRow("Address:", self.address)
        form.addRow("Main phone number:", self.phone)
        self.name.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())


class ContactsPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("setup_contacts")
        self.setTitle(page_title("Local contacts"))
        self.setSubTitle(
            "These are the services on the local guidance sheet. Check the numbers your setting uses and change any "
            "that differ (double-click a number). You can change them later in Settings."
        )
        self.editor = ContactsEditor(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)


class DslPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("setup_dsl")
        self.setTitle(page_title("The Designated Safeguarding Lead"))
        self.setSubTitle(
            "The DSL sets up Waymark and can later add deputies, each with their own passphrase. "
            "The phone number and email are printed on referral summaries."
        )
        self.name = QLineEdit(self)
        self.name.setObjectName("dsl_name")
        self.phone = QLineEdit(self)
        self.phone.setObjectName("dsl_phone")
        self.email = QLineEdit(self)
        self.email.setObjectName("dsl_email")
        form = QFormLayout(self)
        form.addRow("Your full name (required):", self.name)
        form.addRow("Your phone number:", self.phone)
        form.addRow("Your work email:", self.email)
        self.name.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())


class PassphrasePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("setup_passphrase")
        self.setTitle(page_title("Choose your passphrase"))
        self.setSubTitle(
            "Only your passphrase (or the recovery key you will see next) opens the records. Nobody can reset it for "
            "you, so choose something you will remember: a few unrelated words are best."
        )
        self.fields = NewPassphraseFields(self, "Passphrase")
        self.fields.changed.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addStretch(1)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "Create the vault")

    def isComplete(self) -> bool:
        return self.fields.acceptable


class CreatePage(QWizardPage):
    """Runs the slow creation in the background; moves on by itself when done."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("setup_create")
        self.setTitle(page_title("Creating the encrypted vault"))
        self.setSubTitle(
            "This takes a few seconds: Waymark measures this computer to make the passphrase hard to guess."
        )
        self.status = _label("Working…", self, "status_message")
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
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
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
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
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
    save_phones(created.session, phones)
    return created


class RecoveryKeyPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("setup_recovery_key")
        self.setTitle(page_title("Your recovery key"))
        self.setSubTitle(
            "If every passphrase is forgotten, this key is the only way into the records. Write it down now or print "
            "the recovery sheet at the end of setup; keep it in the school safe, not with this computer."
        )
        self.key_label = QLabel(self)
        self.key_label.setObjectName("recovery_key")
        self.key_label.setFont(monospace_font(1.8))
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        note = _label(
            "You will type it back on the next page to check it was copied correctly. "
            "It will not be shown again after setup.",
            self,
        )
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.key_label)
        layout.addStretch(1)
        layout.addWidget(note)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        self.key_label.setText(grouped_lines(wizard.recovery_key))


class RecoveryCheckPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("setup_recovery_check")
        self.setTitle(page_title("Type the recovery key back"))
        self.setSubTitle("Type the key as you wrote it down. Spaces, dashes and capital letters do not matter.")
        self.entry = QLineEdit(self)
        self.entry.setObjectName("recovery_key_check")
        self.entry.setFont(monospace_font(1.3))
        self.message = _label("", self, "error_message")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.entry)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.entry.textChanged.connect(self._typed)

    def _typed(self) -> None:
        self.message.hide()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.entry.text().strip())

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        if keys_match(self.entry.text(), wizard.recovery_key):
            return True
        self.message.setText(mismatch_sentence(self.entry.text(), wizard.recovery_key))
        self.message.show()
        return False


class RecoverySheetPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("setup_recovery_sheet")
        self.setTitle(page_title("Print or save the recovery sheet"))
        self.setSubTitle(
            "The recovery sheet has the recovery key and what to do with it. Print it for the school safe, or save "
            "it as an encrypted PDF on a memory stick kept in the safe. Do not leave it on this computer."
        )
        self.open_button = QPushButton("Preview, print or save the recovery sheet…", self)
        self.open_button.setObjectName("open_recovery_sheet")
        self.open_button.setProperty("role", "primary")
        self.open_button.clicked.connect(self.open_sheet)
        self.status = _label("Not printed or saved yet.", self, "status_message")
        layout = QVBoxLayout(self)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.kept_as: set[str] = set()
        self.dialog: QWidget | None = None
        self.setFinalPage(True)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Finish and open the dashboard")

    def isComplete(self) -> bool:
        return bool(self.kept_as)

    def sheet_pdf(self) -> bytes:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        return wizard.recovery_sheet_pdf()

    def open_sheet(self) -> None:
        from desktop_app.ui.documents import DocumentDialog

        try:
            pdf = self.sheet_pdf()
        except Exception as error:
            _log.exception("recovery sheet could not be made")
            self.status.setText(describe_error(error))
            return
        from desktop_app.domain.documents import DocumentKind
        from desktop_app.services import documents

        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        on_print, on_save = documents.actions(wizard.session, pdf, wizard.sheet_id, DocumentKind.RECOVERY_SHEET)

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
        self.completeChanged.emit()


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
        self.created: Any = None
        self.created_at: datetime | None = None

    @property
    def session(self) -> Any:
        return getattr(self.created, "session", None)

    @property
    def recovery_key(self) -> str:
        return str(getattr(self.created, "recovery_key", ""))

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

    def on_created(self, created: object) -> None:
        self.created = created
        self.created_at = datetime.now(UTC)
        self.passphrase_page.fields.clear()  # the secret need not stay in a widget
        self.vault_created.emit(self.session)

    def recovery_sheet_pdf(self) -> bytes:
        from desktop_app.reports import DocumentMeta, recovery_sheet_pdf

        session = self.session
        vault_id = self.vault_id
        now = self.created_at or datetime.now(UTC)
        meta = DocumentMeta(
            setting_name=session.setting.name,
            document_id=self.sheet_id,
            audit_seq=session.audit_seq(),
            printed_at=datetime.now(UTC),
        )
        return bytes(recovery_sheet_pdf(session.setting, vault_id, self.recovery_key, now, meta))

    @property
    def sheet_id(self) -> str:
        return f"RECOVERY-{self.vault_id[:8].upper()}"

    @property
    def vault_id(self) -> str:
        return str(getattr(self.created, "vault_id", "") or getattr(self.session, "vault_id", ""))

    def accept(self) -> None:
        super().accept()
        self.completed.emit(self.session)
