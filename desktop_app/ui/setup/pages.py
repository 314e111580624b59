"""The setup wizard's first pages: the setting, its local numbers, the first DSL, their passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWizard, QWizardPage

from desktop_app.ui.labels import note
from desktop_app.ui.settings.contacts import ContactsEditor
from desktop_app.ui.settings.passphrase_fields import NewPassphraseFields


def page_title(text: str) -> str:
    """A page title a size up from the body text (relative, so it follows the zoom)."""
    return f"<span style='font-size: x-large; font-weight: 600'>{text}</span>"


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
        welcome = note(
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
        self.editor.checked.connect(self.completeChanged)  # Next waits until every number can be dialled
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)

    def isComplete(self) -> bool:
        return not self.editor.problems()


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
