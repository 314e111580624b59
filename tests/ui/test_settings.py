"""Settings while unlocked: people (add, remove a deputy), my passphrase, local numbers, auto-lock, backup, verify."""

from __future__ import annotations

import contextlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from desktop_app import settings
from desktop_app.services import vault as vault_service
from desktop_app.ui.settings import SettingsPage
from desktop_app.vault.errors import WrongPassphrase
from tests.ui.test_lock_screen import (  # noqa: F401 - fixtures
    DSL_NAME,
    made_vault,
    template_root,
    unlocked_window,
    window,
)

pytestmark = pytest.mark.gui

DEPUTY = "Ngozi Adébáyọ̀"
DEPUTY_PASSPHRASE = "marigold tunnel brass kite"


@pytest.fixture
def settings_page(unlocked_window) -> SettingsPage:
    unlocked_window.show_settings()
    page = unlocked_window.current_page()
    assert isinstance(page, SettingsPage)
    return page


def test_settings_are_offered_only_while_unlocked(window, unlocked_window, qtbot) -> None:
    assert unlocked_window.settings_action.isEnabled()
    unlocked_window.lock()
    assert not unlocked_window.settings_action.isEnabled()
    unlocked_window.show_settings()
    assert not isinstance(unlocked_window.current_page(), SettingsPage)


def test_add_a_deputy_then_remove_them_and_their_passphrase_stops_working(
    settings_page,
    unlocked_window,
    made_vault,
    qtbot,
    fake_ask,
    screenshot,
) -> None:
    win = unlocked_window
    people = settings_page.show_section("people")
    assert people.names() == [DSL_NAME]
    screenshot(win, "settings_people")
    assert not people.add_button.isEnabled()
    people.new_name.setText(DEPUTY)
    people.new_passphrase.first.setText(DEPUTY_PASSPHRASE)
    people.new_passphrase.second.setText(DEPUTY_PASSPHRASE)
    assert people.add_button.isEnabled()
    screenshot(win, "settings_people_add_deputy")
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    assert people.add_status.bar.isVisible()  # background work shows a busy bar
    qtbot.waitUntil(lambda: people.task is None, timeout=15000)
    assert DEPUTY in people.names()
    assert "can now unlock" in people.add_status.label.text()
    assert people.new_passphrase.first.text() == ""

    # the deputy's own passphrase opens a copy of the vault as it is now (the live one is held by this win)
    import shutil

    copy = made_vault.folder.parent / "copy-with-deputy"
    shutil.copytree(made_vault.folder, copy, ignore=shutil.ignore_patterns("*.lock"))
    deputy_session = vault_service.unlock(copy, DEPUTY_PASSPHRASE)
    assert deputy_session.user.name == DEPUTY
    deputy_session.lock()

    # the DSL cannot remove themselves
    people.select(DSL_NAME)
    assert not people.remove_button.isEnabled()
    # removing asks first; "keep them" changes nothing
    people.select(DEPUTY)
    assert people.remove_button.isEnabled()
    fake_ask.answer_confirm = False
    qtbot.mouseClick(people.remove_button, Qt.MouseButton.LeftButton)
    assert people.task is None and DEPUTY in people.names()
    question = [text for kind, _title, text in fake_ask.asked if kind == "confirm"][-1]
    assert DEPUTY in question and "backup" in question
    fake_ask.answer_confirm = True
    progress: list[tuple[int, int, str]] = []
    qtbot.mouseClick(people.remove_button, Qt.MouseButton.LeftButton)
    assert people.task is not None
    people.task.progress.connect(lambda *values: progress.append(values))
    screenshot(win, "settings_people_removing")
    qtbot.waitUntil(lambda: people.task is None, timeout=30000)
    assert "has been removed" in people.remove_status.label.text(), people.remove_status.label.text()
    assert people.names() == [DSL_NAME]
    assert progress and progress[-1][0] == progress[-1][1]  # the bar reached its end
    assert list((made_vault.folder / "backups").glob("*")), "a backup is taken before the re-key"
    screenshot(win, "settings_people_removed")

    # after the re-key the removed deputy's passphrase opens nothing; the DSL's still does
    win.lock()
    with pytest.raises(WrongPassphrase):
        vault_service.unlock(made_vault.folder, DEPUTY_PASSPHRASE)
    again = vault_service.unlock(made_vault.folder, made_vault.passphrase)
    assert again.user.name == DSL_NAME
    again.lock()


def test_change_my_passphrase(settings_page, unlocked_window, made_vault, qtbot, screenshot) -> None:
    section = settings_page.show_section("passphrase")
    new = "juniper canal woollen sextant"
    section.current.setText("not my passphrase at all")
    section.fields.first.setText(new)
    section.fields.second.setText(new)
    qtbot.mouseClick(section.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.task is None, timeout=15000)
    assert "does not open" in section.status.label.text()
    screenshot(unlocked_window, "settings_passphrase_wrong_current")
    section.current.setText(made_vault.passphrase)
    qtbot.mouseClick(section.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.task is None, timeout=15000)
    assert "has been changed" in section.status.label.text()
    assert section.current.text() == "" and section.fields.first.text() == ""
    screenshot(unlocked_window, "settings_passphrase_changed")
    unlocked_window.lock()
    with pytest.raises(WrongPassphrase):
        vault_service.unlock(made_vault.folder, made_vault.passphrase)
    session = vault_service.unlock(made_vault.folder, new)
    session.lock()


def test_idle_minutes_are_saved_and_applied(settings_page, unlocked_window, screenshot) -> None:
    section = settings_page.show_section("autolock")
    assert section.minutes.value() == 5  # the default
    assert (section.minutes.minimum(), section.minutes.maximum()) == (1, 15)
    section.minutes.setValue(12)
    assert settings.load().idle_lock_minutes == 12
    assert unlocked_window.idle.interval_ms == 12 * 60_000
    assert "12 minutes" in section.saved.text()
    screenshot(unlocked_window, "settings_autolock")


def test_an_invalid_phone_number_is_refused_beside_it_and_nothing_is_lost(
    settings_page, unlocked_window, qtbot, screenshot
) -> None:
    from desktop_app.domain.contact_checks import phone_problem
    from desktop_app.ui.settings.contacts import PHONE

    session = unlocked_window.session
    section = settings_page.show_section("contacts")
    table = section.editor.table
    row = [c.id for c in section.editor.contacts].index("police_101")
    shipped = table.item(row, PHONE).text()
    table.setCurrentCell(row, PHONE)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)  # edit the number from the keyboard, as the page says
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "not a number!!")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)  # the delegate commits on a posted event
    problem = section.editor.phone_problem
    title = section.editor.contacts[row].title
    assert problem.isVisible() and problem.text() == f"{title}: {phone_problem('not a number!!')}"
    assert "letters or symbols" in problem.text()
    assert table.item(row, PHONE).text() == "not a number!!"  # kept as typed, to be corrected
    screenshot(unlocked_window, "settings_contacts_number_refused")
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert section.status.text() == "Nothing was saved: correct the number marked under the table first."
    assert table.hasFocus() and table.currentRow() == row  # the cursor is on the number to fix
    with session.uow() as uow:
        assert "police_101" not in uow.contacts.overrides()
    assert "contact.phone_set" not in _actions(session)

    # corrected as people type it: written as they would write it, then saved
    table.item(row, PHONE).setText("01142734855")
    assert table.item(row, PHONE).text() == "0114 273 4855" and problem.text() == ""
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert section.status.text() == "Saved 1 number."
    with session.uow() as uow:
        assert uow.contacts.overrides()["police_101"] == "0114 273 4855" != shipped
    assert "contact.phone_set" in _actions(session)
    section.save()
    assert section.status.text() == "Nothing has changed."
    screenshot(unlocked_window, "settings_contacts")


def test_backup_now_shows_its_date_and_the_damage_check_speaks_plain_english(
    settings_page, unlocked_window, tmp_path, fake_ask, qtbot, screenshot
) -> None:
    from datetime import datetime

    section = settings_page.show_section("backup")
    assert section.last_label.text() == "No backup has been made from this vault yet: make one now."
    target = tmp_path / "chosen" / "monday.wmbackup"
    target.parent.mkdir()
    fake_ask.answer_save = str(target)
    qtbot.mouseClick(section.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.task is None, timeout=30000)
    assert "Backup written" in section.status.label.text(), section.status.label.text()
    assert section.last_backup is not None and section.last_backup.exists()
    now = datetime.now().astimezone()
    assert section.last_label.text().startswith(f"Last backup: {now:%A} {now.day} {now:%B %Y} at ")
    qtbot.mouseClick(section.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.task is None, timeout=30000)
    shown = section.report.text()
    assert section.report.isVisible() and "The vault is sound." in shown
    assert "Nothing to do now" in shown  # what to do next, in one sentence
    for jargon in ("quick_check", "chema", "slot", "anchor", "page", "PRAGMA"):
        assert jargon not in shown, jargon
    assert "No problems found" in section.status.label.text(), shown
    screenshot(unlocked_window, "settings_backup_verified")


def test_the_damage_check_says_what_to_do_when_it_finds_a_problem(
    settings_page, unlocked_window, qtbot, screenshot
) -> None:
    from desktop_app.services.vault.integrity import VerifyReport

    section = settings_page.show_section("backup")
    report = VerifyReport()
    report.passed("Encryption: every part of the database file opens with the vault's key and is unchanged.")
    report.failed(
        "Newest entry: the audit trail ends at entry 40 but entry 52 was written: an older copy of the "
        "database was put back."
    )
    section._verified(report)
    assert "1 problem found." in section.report.text() and "ask IT to restore" in section.report.text()
    assert section.report.text().count("What to do next: change and delete nothing") == 1
    assert section.status.label.text() == "Problems were found: read what to do next below."
    screenshot(unlocked_window, "settings_backup_problem_found")


def test_restore_from_a_backup_in_the_window_keeps_the_vault_it_replaces(
    settings_page, unlocked_window, made_vault, tmp_path, fake_ask, qtbot, screenshot
) -> None:
    from desktop_app.ui.lock_screen import LockScreen
    from tests.fixtures_vault import record_concern

    session = unlocked_window.session
    backup = session.backup(tmp_path / "friday.wmbak")
    after = record_concern(session, account="Written after Friday's backup")
    section = settings_page.show_section("backup")

    # not a backup: refused in one sentence, nothing asked further, nothing changed
    (tmp_path / "notes.wmbak").write_text("shopping list")
    fake_ask.answer_open = str(tmp_path / "notes.wmbak")
    section.restore_button.click()
    assert "damaged or incomplete" in section.status.label.text()
    assert unlocked_window.session is session

    # the DSL reads what will happen, and keeps the vault as it is
    fake_ask.answer_open = str(backup)
    fake_ask.answer_confirm = False
    section.restore_button.click()
    question = [text for kind, _title, text in fake_ask.asked if kind == "confirm"][-1]
    assert "set aside, unchanged and not deleted" in question and "vault.before-restore-" in question
    assert "Anything recorded after" in question
    assert unlocked_window.session is session and section.restore_button.isEnabled()

    # a wrong passphrase of the backup: refused after the check, the vault still open and unchanged
    fake_ask.answer_confirm = True
    fake_ask.answer_text = "not the passphrase at all"
    section.restore_button.click()
    assert not section.restore_button.isEnabled() and section.status.bar.isVisible()  # working in the background
    screenshot(unlocked_window, "settings_backup_restore_checking")
    qtbot.waitUntil(lambda: section.restore_button.isEnabled(), timeout=30000)
    assert "does not open this backup" in section.status.label.text(), section.status.label.text()
    assert unlocked_window.session is session
    screenshot(unlocked_window, "settings_backup_restore_refused")

    fake_ask.answer_text = made_vault.passphrase
    with qtbot.waitSignal(unlocked_window.locked, timeout=30000):
        section.restore_button.click()
    qtbot.waitUntil(lambda: fake_ask.asked[-1][0] == "inform", timeout=10000)
    _kind, title, said = fake_ask.asked[-1]
    assert title == "The backup was restored" and "kept, unchanged" in said
    assert isinstance(unlocked_window.current_page(), LockScreen)
    screenshot(unlocked_window, "settings_backup_restored_lock_screen")
    kept = list(made_vault.folder.parent.glob("vault.before-restore-*"))
    assert len(kept) == 1

    restored = vault_service.unlock(made_vault.folder, made_vault.passphrase)
    with restored.uow() as uow:
        assert not uow.concerns.search("Friday")  # written after the backup: not in the restored vault
        assert uow.audit.last_at("vault.restored") is not None
    restored.lock()
    old = vault_service.unlock(kept[0], made_vault.passphrase)
    with old.uow() as uow:
        assert uow.concerns.get(after).draft.account == "Written after Friday's backup"
        assert uow.audit.last_at("vault.set_aside_for_restore") is not None
    old.lock()


def test_menu_backup_opens_settings_at_backup(unlocked_window, fake_ask) -> None:
    fake_ask.answer_save = None  # the DSL cancels the file chooser
    unlocked_window.backup_action.trigger()
    page = unlocked_window.current_page()
    assert isinstance(page, SettingsPage)
    assert page.current_section() == "backup"
    assert any(kind == "save_path" for kind, _t, _x in fake_ask.asked)


def test_leaving_settings_while_a_backup_runs_loses_nothing(settings_page, unlocked_window, tmp_path, fake_ask, qtbot):
    from shiboken6 import isValid

    section = settings_page.show_section("backup")
    target = tmp_path / "left-behind.wmbak"
    fake_ask.answer_save = str(target)
    qtbot.mouseClick(section.backup_button, Qt.MouseButton.LeftButton)
    task = section.task
    assert task is not None
    unlocked_window.show_dashboard()  # the DSL walks away from the page mid-backup
    qtbot.waitUntil(lambda: not task.running and not isValid(section), timeout=30000)
    assert task.finished_ok is True and target.exists()
    with qtbot.waitSignal(unlocked_window.locked, timeout=5000):
        unlocked_window.lock()


def test_settings_at_150_percent(settings_page, unlocked_window, qtbot, screenshot) -> None:
    unlocked_window.set_zoom(150)
    try:
        for key in ("people", "passphrase", "contacts", "autolock", "backup"):
            section = settings_page.show_section(key)
            qtbot.waitUntil(lambda s=section: s.isVisible(), timeout=3000)

            def cut_off(s=section) -> list[str]:
                return [
                    b.text() for b in s.findChildren(QPushButton) if b.isVisible() and b.width() < b.sizeHint().width()
                ]

            # the layout settles on a posted event after the zoom; what the DSL sees is the settled one
            with contextlib.suppress(qtbot.TimeoutError):
                qtbot.waitUntil(lambda: not cut_off(), timeout=3000)
            assert cut_off() == [], f"cut off at 150% in {key}"
            screenshot(unlocked_window, f"settings_{key}")
    finally:
        unlocked_window.set_zoom(100)


def test_a_lado_number_set_in_settings_is_shown_to_staff_at_the_lock_screen(
    settings_page, unlocked_window, made_vault, qtbot, screenshot
) -> None:
    from datetime import date, timedelta

    from PySide6.QtWidgets import QApplication

    from desktop_app.services.concern.flow import Page
    from desktop_app.services.vault import public_contacts
    from desktop_app.ui.concern import ConcernWizard
    from desktop_app.ui.lock_screen import LockScreen
    from tests.ui.concern.helpers import Windows, press_next, type_text

    lado = "0114 273 4850"
    section = settings_page.show_section("contacts")
    section.editor.set_phone("lado", lado)
    section.save()
    assert "Saved 1 number" in section.status.text()
    unlocked_window.lock()
    screen = unlocked_window.current_page()
    assert isinstance(screen, LockScreen)

    opened = Windows()
    try:
        screen.record_button.click()
        wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ConcernWizard) and w.isVisible())
        opened.add(wizard)
        wizard.flow_pages[Page.SAFETY].danger.no.click()
        press_next(wizard)
        type_text(wizard.flow_pages[Page.CHILD].first_name, "Rowan")
        press_next(wizard)
        happened = wizard.flow_pages[Page.HAPPENED]
        happened.date.setText((date.today() - timedelta(days=1)).strftime("%d/%m/%Y"))
        happened.time.setText("08:45")
        type_text(happened.account, "A teaching assistant offered Rowan lifts and gifts.")
        press_next(wizard)
        press_next(wizard)
        press_next(wizard)
        routes = wizard.flow_pages[Page.ROUTES]
        assert wizard.currentPage() is routes
        routes.adult.yes.click()
        qtbot.waitUntil(lambda: "lado" in routes.notices.labels)
        assert lado in routes.notices.labels["lado"].text()  # the setting's number, not the shipped one
        screenshot(wizard, "lock_screen_staff_wizard_local_lado")
    finally:
        opened.close_all()

    # after each unlock the clear copy is rewritten from the database
    public_contacts.path_for(made_vault.folder).unlink()
    screen.passphrase.setText(made_vault.passphrase)
    with qtbot.waitSignal(unlocked_window.unlocked, timeout=15000):
        screen.unlock()
    assert public_contacts.read(made_vault.folder) == {"lado": lado}


def _actions(session) -> list[str]:
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    with session.uow() as uow:
        return [e.action for e in uow.audit.entries(now - timedelta(days=1), now + timedelta(days=1))]


def test_make_a_new_recovery_key_and_the_old_one_stops_working(
    settings_page, unlocked_window, made_vault, qtbot, fake_ask, tmp_path, screenshot
) -> None:
    from desktop_app.reports import is_encrypted
    from desktop_app.services.vault.recovery_sheet import sheet_pending
    from desktop_app.ui.settings.recovery_key import grouped_lines
    from desktop_app.vault.errors import WrongRecoveryKey

    session = unlocked_window.session
    section = settings_page.show_section("recovery")
    assert section.why.isVisible() and "recovery sheet has been lost" in section.why.text()  # why, before how
    assert not section.pending_note.isVisible()  # setup kept this vault's sheet
    screenshot(unlocked_window, "settings_recovery_1_why")

    fake_ask.answer_confirm = False
    section.make_button.click()
    assert fake_ask.asked[-1][:2] == ("confirm", "Make a new recovery key?")
    assert section.step() == 0 and "vault.recovery_key_replaced" not in _actions(session)

    fake_ask.answer_confirm = True
    section.make_button.click()
    qtbot.waitUntil(lambda: section.step() == 1, timeout=10000)
    key = section.key
    assert key and key != made_vault.recovery_key
    assert section.key_view.text() == grouped_lines(key)
    assert sheet_pending(session)  # until its sheet is kept
    assert "vault.recovery_key_replaced" in _actions(session)  # audited by the service
    screenshot(unlocked_window, "settings_recovery_2_key")

    section.written_button.click()
    assert section.step() == 2
    section.check.entry.setText(made_vault.recovery_key)  # the old key is not the new one
    section.check_button.click()
    assert section.step() == 2 and section.check.message.isVisible()
    assert "group 1 (counting from the left) is different" in section.check.message.text()
    screenshot(unlocked_window, "settings_recovery_3_check_wrong")
    section.check.entry.setText(key.lower().replace("-", " "))
    section.check_button.click()
    assert section.step() == 3

    assert not section.finish_button.isEnabled()  # not before the sheet is kept
    screenshot(unlocked_window, "settings_recovery_4_sheet")
    section.keeper.open_button.click()
    dialog = section.keeper.dialog
    assert dialog is not None and dialog.isVisible()
    screenshot(dialog, "settings_recovery_4_sheet_preview")
    target = tmp_path / "stick" / "new recovery sheet.pdf"
    target.parent.mkdir()
    fake_ask.answer_save = str(target)
    dialog.show_password_panel()
    dialog.password.setText("head's safe password 7")
    dialog.password_again.setText("head's safe password 7")
    dialog.save_encrypted()
    dialog.close()
    assert is_encrypted(target.read_bytes())
    assert "saved" in section.keeper.status.text()
    assert section.finish_button.isEnabled() and not sheet_pending(session)
    section.finish_button.click()
    assert section.step() == 0 and section.key == ""
    assert "new recovery key is in use" in section.status.text
    screenshot(unlocked_window, "settings_recovery_5_done")

    unlocked_window.lock()
    opened = vault_service.unlock_with_recovery(made_vault.folder, key)  # the new key opens the vault
    opened.lock()
    with pytest.raises(WrongRecoveryKey):
        vault_service.unlock_with_recovery(made_vault.folder, made_vault.recovery_key)  # the old one no longer


def _unlock_on_screen(window, passphrase: str, qtbot) -> None:
    from desktop_app.ui.lock_screen import LockScreen

    # A lock waits for background work started after the last unlock; a busy machine may still be running it.
    qtbot.waitUntil(lambda: isinstance(window.current_page(), LockScreen), timeout=15000)
    screen = window.current_page()
    screen.passphrase.setText(passphrase)
    with qtbot.waitSignal(window.unlocked, timeout=15000):
        screen.unlock()


def test_a_vault_closed_before_its_recovery_sheet_was_kept_asks_for_a_new_key(
    qtbot, qapp, tmp_path, fake_ask, screenshot
) -> None:
    from desktop_app.domain.records import Setting
    from desktop_app.services.vault.recovery_sheet import sheet_pending
    from desktop_app.ui.appearance import configure_application
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.setup.create import create_vault_with_contacts

    passphrase = "quince harbour pewter sledge"
    vault_dir = tmp_path / "vault"
    created = create_vault_with_contacts(vault_dir, Setting(name="Larkfield School"), "Imogen Tarrant", passphrase, {})
    created.session.lock()  # the app closed on the recovery key page: nobody kept that key

    configure_application(qapp)
    window = MainWindow(vault_dir=vault_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    fake_ask.answer_confirm = False  # "Later": the dashboard, asked again next time
    _unlock_on_screen(window, passphrase, qtbot)
    asked = [a for a in fake_ask.asked if a[0] == "confirm"]
    assert asked and asked[-1][1] == "Make a new recovery key" and "never printed or saved" in asked[-1][2]
    assert not isinstance(window.current_page(), SettingsPage)
    assert sheet_pending(window.session)
    window.lock()

    fake_ask.answer_confirm = True
    fake_ask.asked.clear()
    _unlock_on_screen(window, passphrase, qtbot)
    assert [a[1] for a in fake_ask.asked if a[0] == "confirm"] == ["Make a new recovery key"]  # asked once
    page = window.current_page()
    assert isinstance(page, SettingsPage) and page.current_section() == "recovery"
    section = page.sections["recovery"]
    assert section.pending_note.isVisible()
    qtbot.waitUntil(lambda: section.step() == 1, timeout=10000)  # the new key is made and shown
    assert section.key and created.recovery_key != section.key
    screenshot(window, "unlock_asks_new_recovery_key")
    window.close()
