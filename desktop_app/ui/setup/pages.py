"""The setup wizard's first pages: the setting, its local numbers, the first DSL, their passphrase."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget, QWizard, QWizardPage

from desktop_app.domain.contact_checks import email_problem, format_email, format_phone, phone_problem
from desktop_app.ui.a11y import name_field
from desktop_app.ui.labels import note
from desktop_app.ui.settings.contacts import ContactsEditor
from desktop_app.ui.settings.passphrase_fields import NewPassphraseFields


def page_title(text: str) -> str:
    """A page title a size up from the body text (relative, so it follows the zoom)."""
    return f"<span style='font-size: x-large; font-weight: 600'>{text}</span>"


class CheckedField(QWidget):
    """A telephone number or email box with its problem sentence just under it (room kept, so nothing jumps).

    Checked when the cursor leaves the box: a good value is rewritten as people write it, a bad one stays as typed
    with one sentence saying what is wrong. ``checked`` fires after each check.
    """

    checked = Signal()

    def __init__(
        self, parent: QWidget, name: str, problem: Callable[[str], str | None], tidy: Callable[[str], str]
    ) -> None:
        super().__init__(parent)
        self.box = QLineEdit(self)
        self.box.setObjectName(name)
        self.message = note("", self, "error_message")
        policy = self.message.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(policy)
        self.message.hide()
        self._problem, self._tidy = problem, tidy
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.box)
        layout.addWidget(self.message)
        self.box.editingFinished.connect(self.check)

    def problem(self) -> str | None:
        return self._problem(self.box.text())

    def check(self) -> bool:
        sentence = self.problem()
        if sentence is None:
            tidy = self._tidy(self.box.text())
            if tidy != self.box.text():
                self.box.setText(tidy)
        self.message.setText(sentence or "")
        self.message.setVisible(sentence is not None)
        self.box.setAccessibleDescription(sentence or "")
        self.checked.emit()
        return sentence is None


def phone_field(parent: QWidget, name: str) -> CheckedField:
    return CheckedField(parent, name, phone_problem, format_phone)


def email_field(parent: QWidget, name: str) -> CheckedField:
    return CheckedField(parent, name, email_problem, lambda text: format_email(text) if text.strip() else "")


def fields_fine(*fields: CheckedField) -> bool:
    """True when every field may be saved; otherwise each problem is shown and the cursor goes to the first."""
    bad = [field for field in fields if not field.check()]
    if bad:
        bad[0].box.setFocus()
    return not bad


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
        self.phone_field = phone_field(self, "setting_phone")
        self.phone = self.phone_field.box
        self.phone_field.checked.connect(self.completeChanged)
        welcome = note(
            "Setting up takes about five minutes. You will need: the setting's details, the name of the Designated "
            "Safeguarding Lead, a passphrase, and a printer (or a memory stick for the safe) for the recovery sheet.",
            self,
        )
        form = QFormLayout(self)
        form.addRow(welcome)
        form.addRow("Name of the setting (required):", self.name)
        form.addRow("Address:", self.address)
        form.addRow("Main phone number:", self.phone_field)
        name_field(form, self.phone_field, self.phone, "Main phone number")
        self.name.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.name.text().strip()) and self.phone_field.problem() is None

    def validatePage(self) -> bool:
        return fields_fine(self.phone_field)


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
        self.phone_field = phone_field(self, "dsl_phone")
        self.phone = self.phone_field.box
        self.email_field = email_field(self, "dsl_email")
        self.email = self.email_field.box
        for field in (self.phone_field, self.email_field):
            field.checked.connect(self.completeChanged)
        form = QFormLayout(self)
        form.addRow("Your full name (required):", self.name)
        form.addRow("Your phone number:", self.phone_field)
        form.addRow("Your work email:", self.email_field)
        name_field(form, self.phone_field, self.phone, "Your phone number")
        name_field(form, self.email_field, self.email, "Your work email")
        self.name.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return (
            bool(self.name.text().strip()) and self.phone_field.problem() is None and self.email_field.problem() is None
        )

    def validatePage(self) -> bool:
        return fields_fine(self.phone_field, self.email_field)


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
