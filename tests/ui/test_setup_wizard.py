"""First-run setup, driven end to end: setting, contacts, DSL, passphrase, vault made, recovery key kept, dashboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop_app.reports import is_encrypted
from desktop_app.services.vault import public_contacts
from desktop_app.services.vault.recovery_sheet import sheet_pending
from desktop_app.ui.appearance import configure_application
from desktop_app.ui.lock_screen import LockScreen
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings.recovery_key import grouped_lines, keys_match, mismatch_sentence
from desktop_app.ui.setup_wizard import SetupWizard
from tests.ui.test_lock_screen import made_vault, template_root  # noqa: F401 - fixtures

pytestmark = pytest.mark.gui

SETTING = "École Saint-Étienne & Ærø Academy"
DSL = "Zofia Wiśniewska-Øvergård"
PASSPHRASE = "kettle orchard velvet lighthouse"


def test_grouped_key_is_read_back_ignoring_spaces_dashes_and_case() -> None:
    key = "A2DY8-2MFDD-EHB4Y-0Z8ZJ-WG6H5"
    assert grouped_lines(key).split("\n") == ["A2DY8  2MFDD  EHB4Y  0Z8ZJ", "WG6H5" + "\u00a0" * 21]
    assert keys_match("a2dy8 2mfdd ehb4y 0z8zj wg6h5", key)
    assert not keys_match("A2DY8-2MFDD-EHB4Y-0Z8ZJ-WG6H6", key)
    assert not keys_match("", key)
    assert "group 2 (counting from the left)" in mismatch_sentence("A2DY8 2MFDE EHB4Y 0Z8ZJ WG6H5", key)
    assert "stops after group 3" in mismatch_sentence("A2DY8 2MFDD EHB4Y", key)
    assert "more characters" in mismatch_sentence(key + "X", key)


def _click(qtbot, wizard: SetupWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), f"{which} is not available on {wizard.current_name()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# Closing the preview detaches its document; Qt 6.12's QPdfView warns about that (ui/documents.py, not ours).
def test_setup_wizard_end_to_end(qtbot, qapp, tmp_path, fake_ask, screenshot) -> None:
    configure_application(qapp)
    vault_dir = tmp_path / "vault"
    window = MainWindow(vault_dir=vault_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wizard = window.current_page()
    assert isinstance(wizard, SetupWizard)
    next_button = QWizard.WizardButton.NextButton

    # 1. the setting: its name is required
    assert wizard.current_name() == "setting"
    assert not wizard.button(next_button).isEnabled()
    wizard.setting_page.name.setText(SETTING)
    wizard.setting_page.address.setText("1 Łąkowa Lane, Sheffield S1 2AB")
    wizard.setting_page.phone.setText("0114 496 0000")
    screenshot(window, "setup_1_setting")
    _click(qtbot, wizard, next_button)

    # 2. local contacts from forms/, numbers editable
    assert wizard.current_name() == "contacts"
    editor = wizard.contacts_page.editor
    assert editor.table.rowCount() == len(editor.contacts) > 3
    hub = next(c for c in editor.contacts if c.id == "safeguarding_hub")
    from desktop_app.domain.contact_checks import format_phone

    # defaults from the guidance sheet, written as people write them
    assert editor.phones()["safeguarding_hub"] == format_phone(hub.phone) == "0114 273 4855"
    editor.set_phone("safeguarding_hub", "not a number!!")  # refused beside the table; Next waits for a number
    assert not wizard.button(next_button).isEnabled()
    assert editor.phone_problem.isVisible() and "letters or symbols" in editor.phone_problem.text()
    screenshot(window, "setup_2_contacts_refused")
    editor.set_phone("safeguarding_hub", "0114 496 0999")
    assert wizard.button(next_button).isEnabled() and not editor.phone_problem.isVisible()
    screenshot(window, "setup_2_contacts")
    _click(qtbot, wizard, next_button)

    # 3. the first DSL
    assert wizard.current_name() == "dsl"
    assert not wizard.button(next_button).isEnabled()
    wizard.dsl_page.name.setText(DSL)
    # a number or address nobody could use: one sentence under the box, Next waits, nothing lost
    dsl = wizard.dsl_page
    for box, typed, said in ((dsl.phone, "not a number!!", "letters or symbols"), (dsl.email, "dsl@", "after the @")):
        box.setText(typed)
        box.editingFinished.emit()  # the cursor leaves the box
        field = dsl.phone_field if box is dsl.phone else dsl.email_field
        assert field.message.isVisible() and said in field.message.text(), field.message.text()
        assert box.text() == typed and not wizard.button(next_button).isEnabled()
    screenshot(window, "setup_3_dsl_refused")
    dsl.phone.setText("01142734855")
    dsl.phone.editingFinished.emit()
    assert dsl.phone.text() == "0114 273 4855" and not dsl.phone_field.message.isVisible()  # as people write it
    dsl.email.setText("dsl@example.org")
    dsl.email.editingFinished.emit()
    assert wizard.button(next_button).isEnabled()
    screenshot(window, "setup_3_dsl")
    _click(qtbot, wizard, next_button)

    # 4. passphrase twice, live feedback, no composition rules
    assert wizard.current_name() == "passphrase"
    fields = wizard.passphrase_page.fields
    commit = QWizard.WizardButton.CommitButton
    fields.first.setText("short one")
    assert "9 characters" in fields.feedback.text() and "15" in fields.feedback.text()
    assert not wizard.button(commit).isEnabled()
    fields.first.setText("correct horse battery staple")  # on the list of common passwords
    assert "guessed" in fields.feedback.text()
    assert not wizard.button(commit).isEnabled()
    screenshot(window, "setup_4_passphrase_common")
    fields.first.setText(PASSPHRASE)
    fields.second.setText(PASSPHRASE + "x")
    assert "not the same" in fields.match.text()
    assert not wizard.button(commit).isEnabled()
    fields.second.setText(PASSPHRASE)
    assert "can be used" in fields.feedback.text() and "match" in fields.match.text()
    assert wizard.button(commit).text() == "Create the vault"
    screenshot(window, "setup_4_passphrase_good")
    _click(qtbot, wizard, commit)

    # 5. creation runs in the background with a busy bar; the window keeps painting
    assert wizard.current_name() == "create"
    assert wizard.create_page.bar.isVisible()
    screenshot(window, "setup_5_creating")
    qtbot.waitUntil(lambda: wizard.current_name() == "recovery_key", timeout=30000)
    assert window.session is not None  # closing the window from here on locks the vault
    assert not window.lock_action.isEnabled() and not window.settings_action.isEnabled()  # no way out of setup
    assert fields.first.text() == ""  # the passphrase does not linger in the widget
    assert sheet_pending(window.session)  # closing now would lose the key: the next unlock asks for a new one
    assert public_contacts.read(vault_dir) == {"safeguarding_hub": "0114 496 0999"}  # for the lock screen

    # 6. the recovery key, large and grouped
    key = wizard.recovery_key
    assert key
    shown = wizard.key_page.key_label.text()
    assert shown == grouped_lines(key)
    screenshot(window, "setup_6_recovery_key")
    back = wizard.button(QWizard.WizardButton.BackButton)
    assert not (back.isVisible() and back.isEnabled())  # the vault is made: no way back to make it again
    _click(qtbot, wizard, next_button)

    # 7. typed back: a wrong key is refused with a clear sentence, a loosely typed right one accepted
    assert wizard.current_name() == "recovery_check"
    entry = wizard.check_page.entry
    entry.setText(key[:-1] + ("0" if key[-1] != "0" else "1"))
    _click(qtbot, wizard, next_button)
    assert wizard.current_name() == "recovery_check"
    assert wizard.check_page.message.isVisible()
    groups = len(key.split("-"))
    assert f"group {groups} (counting from the left) is different" in wizard.check_page.message.text()
    screenshot(window, "setup_7_recovery_check_wrong")
    entry.setText(key.lower().replace("-", " "))
    assert not wizard.check_page.message.isVisible()
    screenshot(window, "setup_7_recovery_check_right")
    _click(qtbot, wizard, next_button)

    # 8. the recovery sheet must be saved or printed before finishing
    assert wizard.current_name() == "recovery_sheet"
    finish = QWizard.WizardButton.FinishButton
    assert not wizard.button(finish).isEnabled()
    screenshot(window, "setup_8_recovery_sheet")
    qtbot.mouseClick(wizard.sheet_page.open_button, Qt.MouseButton.LeftButton)
    dialog = wizard.sheet_page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.document.pageCount() >= 1
    screenshot(dialog, "setup_8_recovery_sheet_preview")
    target = tmp_path / "out" / "recovery sheet.pdf"
    target.parent.mkdir()
    fake_ask.answer_save = str(target)
    dialog.show_password_panel()
    dialog.password.setText("safe drawer password 42")
    dialog.password_again.setText("safe drawer password 42")
    dialog.save_encrypted()
    assert target.exists()
    assert is_encrypted(target.read_bytes())  # encrypted PDF by default
    assert key.encode() not in target.read_bytes()
    dialog.close()
    assert "saved" in wizard.sheet_page.status.text()
    assert wizard.button(finish).isEnabled()
    assert wizard.button(finish).text() == "Finish and open the dashboard"
    screenshot(window, "setup_8_recovery_sheet_saved")
    session = window.session
    _click(qtbot, wizard, finish)

    # finished: the dashboard of the new vault, with the local number stored through the service
    qtbot.waitUntil(lambda: not isinstance(window.current_page(), SetupWizard), timeout=5000)
    assert window.session is session
    assert window.lock_action.isEnabled() and window.idle.active  # now an ordinary unlocked session
    assert session.user.name == DSL
    assert session.setting.name == SETTING
    with session.uow() as uow:
        assert uow.contacts.overrides().get("safeguarding_hub") == "0114 496 0999"
    assert not sheet_pending(session)  # the sheet was kept: no question at the next unlock
    screenshot(window, "setup_9_dashboard")

    # the next start finds the vault: the lock screen, and the passphrase opens it
    window.lock()
    assert isinstance(window.current_page(), LockScreen)
    from desktop_app.services import vault as vault_service

    again = vault_service.unlock(vault_dir, PASSPHRASE)
    try:
        assert again.user.name == DSL
    finally:
        again.lock()


def test_failed_creation_says_why_and_offers_to_try_again(qtbot, qapp, tmp_path, fake_ask, monkeypatch, screenshot):
    from desktop_app.errors import UserFacingError
    from desktop_app.services import vault as vault_service

    def refuse(*_args, **_kwargs):
        raise UserFacingError("The disk is full, so nothing was saved.")

    monkeypatch.setattr(vault_service, "create_vault", refuse)
    wizard = SetupWizard(tmp_path / "vault")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.setting_page.name.setText("Ashgrove Academy")
    wizard.next()
    wizard.next()
    wizard.dsl_page.name.setText("Amara Okonkwo")
    wizard.next()
    wizard.passphrase_page.fields.first.setText(PASSPHRASE)
    wizard.passphrase_page.fields.second.setText(PASSPHRASE)
    wizard.next()
    page = wizard.create_page
    qtbot.waitUntil(lambda: page.retry.isVisible(), timeout=10000)
    assert "The disk is full" in page.status.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    screenshot(wizard, "setup_5_create_failed")


def test_printing_the_recovery_sheet_also_completes_setup(qtbot, tmp_path, made_vault, fake_ask) -> None:
    from types import SimpleNamespace

    from PySide6.QtPrintSupport import QPrinter

    from desktop_app.services import vault as vault_service
    from desktop_app.ui import documents

    class PdfPrinter:
        def choose(self, parent, document_name, page_count):
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(tmp_path / "printed.pdf"))
            return printer

    session = vault_service.unlock(made_vault.folder, made_vault.passphrase)
    previous = documents.install_printer_chooser(PdfPrinter())
    try:
        wizard = SetupWizard(made_vault.folder)
        qtbot.addWidget(wizard)
        wizard.on_created(SimpleNamespace(session=session, recovery_key=made_vault.recovery_key, vault_id=""))
        page = wizard.sheet_page
        assert not page.isComplete()
        before = session.audit_seq()
        page.open_sheet()
        assert page.dialog is not None
        page.dialog.print_document()
        assert (tmp_path / "printed.pdf").stat().st_size > 0
        assert page.isComplete() and "printed" in page.status.text()
        assert session.audit_seq() == before + 1  # the print is in the audit trail
        page.dialog.close()
    finally:
        documents.install_printer_chooser(previous)
        session.lock()
