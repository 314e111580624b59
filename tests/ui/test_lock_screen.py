"""The lock screen: unlock right and wrong (with the growing wait), the recovery route, the staff entry point."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.domain.records import Setting
from desktop_app.ui.appearance import configure_application
from desktop_app.ui.lock_screen import LockScreen, pending_sentence
from desktop_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

PASSPHRASE = "lantern meadow copper violin"
DSL_NAME = "Zofia Wiśniewska"
SETTING_NAME = "Ashgrove Academy"


@dataclass
class MadeVault:
    folder: Path
    passphrase: str
    recovery_key: str


_template: dict[str, tuple[Path, str]] = {}


def make_vault(target: Path, template_root: Path) -> MadeVault:
    """A fresh copy of one vault made per test run (creating a vault tunes Argon2id, which takes a few seconds)."""
    from desktop_app.services import vault as vault_service

    if "vault" not in _template:
        source = template_root / "template-vault"
        created = vault_service.create_vault(source, Setting(name=SETTING_NAME), DSL_NAME, PASSPHRASE)
        created.session.lock()
        _template["vault"] = (source, created.recovery_key)
    source, key = _template["vault"]
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.lock", "unlock-failures.json"))
    return MadeVault(target, PASSPHRASE, key)


@pytest.fixture(scope="session")
def template_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("templates")


@pytest.fixture
def made_vault(tmp_path, template_root) -> MadeVault:
    return make_vault(tmp_path / "vault", template_root)


@pytest.fixture
def window(qtbot, qapp, made_vault, fake_ask):
    configure_application(qapp)
    win = MainWindow(vault_dir=made_vault.folder)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def unlocked_window(window, made_vault, qtbot):
    screen = window.current_page()
    assert isinstance(screen, LockScreen)
    screen.passphrase.setText(made_vault.passphrase)
    with qtbot.waitSignal(window.unlocked, timeout=15000):
        qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    return window


def type_into(widget, text: str) -> None:
    """Set text as if typed (qtbot.keyClicks cannot send non-ASCII)."""
    widget.setText(text)


def test_existing_vault_starts_on_the_lock_screen(window, screenshot) -> None:
    screen = window.current_page()
    assert isinstance(screen, LockScreen)
    assert screen.record_button.text() == "Record a concern"
    assert screen.record_button.isVisible()
    assert "no password needed" in screen.main_page.findChild(QLabel, "staff_note").text()
    assert "locked" in screen.main_page.findChild(QLabel, "locked_line").text()
    assert not window.lock_action.isEnabled()  # nothing to lock yet
    assert not window.settings_action.isEnabled()
    screenshot(window, "lock_screen")


def test_right_passphrase_unlocks_to_the_dashboard(window, made_vault, qtbot, screenshot) -> None:
    screen = window.current_page()
    type_into(screen.passphrase, made_vault.passphrase)
    with qtbot.waitSignal(window.unlocked, timeout=15000):
        qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)  # Enter unlocks
    assert window.session is not None
    assert window.session.user.name == DSL_NAME
    assert not isinstance(window.current_page(), LockScreen)
    assert window.windowTitle() == f"Waymark — {SETTING_NAME}"
    assert window.lock_action.isEnabled()
    screenshot(window, "unlocked")


def test_wrong_passphrase_says_so_and_the_window_stays_usable(window, qtbot, screenshot) -> None:
    screen = window.current_page()
    type_into(screen.passphrase, "not the right passphrase at all")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert screen.busy.isVisible()  # the unlock runs in the background with a busy bar
    qtbot.waitUntil(lambda: screen.task is None, timeout=15000)
    assert screen.message.isVisible()
    assert "does not open this vault" in screen.message.text()
    assert "Traceback" not in screen.message.text()
    assert window.session is None
    assert screen.unlock_button.isEnabled()
    screenshot(window, "lock_screen_wrong_passphrase")


def test_repeated_wrong_passphrases_show_a_countdown(window, made_vault, qtbot, screenshot) -> None:
    from desktop_app.vault.passphrase import FailureCounter

    counter = FailureCounter(made_vault.folder)
    for _ in range(3):
        counter.record_failure(datetime.now(UTC))
    LockScreen.countdown_tick_ms = 50
    try:
        configure_application(QApplication.instance())
        screen = LockScreen(made_vault.folder)
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitUntil(lambda: screen.wait_left >= 1, timeout=5000)  # read just after the first paint
        assert not screen.unlock_button.isEnabled()
        assert "you can try again in" in screen.countdown_label.text()
        assert not screen.passphrase.isReadOnly()  # not frozen: the field still takes typing
        screenshot(screen, "lock_screen_countdown")
        qtbot.waitUntil(lambda: screen.unlock_button.isEnabled(), timeout=10000)
        assert not screen.countdown_label.isVisible()
    finally:
        LockScreen.countdown_tick_ms = 1000


def test_an_unlock_asked_for_before_the_wait_is_read_still_waits(window, made_vault, qtbot) -> None:
    """The wait left by wrong passphrases before a restart is read just after the first paint; Enter pressed sooner
    reads it first, and no unlock is tried while it applies."""
    from desktop_app.vault.passphrase import FailureCounter

    counter = FailureCounter(made_vault.folder)
    for _ in range(4):
        counter.record_failure(datetime.now(UTC))
    configure_application(QApplication.instance())
    screen = LockScreen(made_vault.folder)
    qtbot.addWidget(screen)
    screen.show()
    screen.passphrase.setText(made_vault.passphrase)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert screen.task is None  # nothing was tried
    assert screen.wait_left >= 1
    assert not screen.unlock_button.isEnabled()
    assert "you can try again in" in screen.countdown_label.text()
    assert FailureCounter(made_vault.folder).failures == 4  # no attempt, so no new failure either


def test_the_lock_screen_looks_the_same_before_and_after_the_whole_style_sheet(qapp, made_vault, qtbot) -> None:
    """The start applies only the style sheet's part above ``FIRST_PAINT_END`` and the whole sheet just after the
    first paint: the lock screen (with its banner, messages and menus) must not change when the rest arrives."""
    from desktop_app.ui.appearance import complete_appearance

    flash_time = qapp.cursorFlashTime()
    qapp.setCursorFlashTime(0)  # a blinking text cursor would differ between two pictures
    try:
        configure_application(qapp, first_paint_only=True)
        assert '[tone="problem"]' not in qapp.styleSheet()
        win = MainWindow(vault_dir=made_vault.folder, demo_passphrase="lantern meadow copper violin")
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        screen = win.current_page()
        assert isinstance(screen, LockScreen)
        screen._show_message("That passphrase does not open this vault.")
        screen.countdown_label.setText("Several wrong passphrases in a row: you can try again in 4 seconds.")
        screen.countdown_label.show()
        screen._show_pending(2)
        qtbot.wait(50)
        first_paint = win.grab().toImage()
        complete_appearance()
        assert '[tone="problem"]' in qapp.styleSheet()
        qtbot.wait(50)
        same = win.grab().toImage() == first_paint
        assert same, "the lock screen changed when the whole style sheet came: its rule belongs above FIRST_PAINT_END"
    finally:
        qapp.setCursorFlashTime(flash_time)
        configure_application(qapp)


def test_staff_can_record_a_concern_without_unlocking(window, made_vault, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QWizard

    import desktop_app.ui.concern as concern_ui

    opened: list[Path] = []

    def fake_open(parent, vault_dir):
        opened.append(Path(vault_dir))
        wizard = QWizard(parent)
        return wizard

    monkeypatch.setattr(concern_ui, "open_staff_wizard", fake_open, raising=False)
    screen = window.current_page()
    qtbot.mouseClick(screen.record_button, Qt.MouseButton.LeftButton)
    assert opened == [made_vault.folder]
    assert window.session is None


def test_waiting_concerns_are_counted_in_plain_words(made_vault, qtbot) -> None:
    assert pending_sentence(0) == ""
    assert pending_sentence(1) == "1 concern is waiting for the DSL."
    assert pending_sentence(2) == "2 concerns are waiting for the DSL."
    from desktop_app.domain.records import ChildDetails, ConcernDraft
    from desktop_app.services.intake import sealing as intake_sealing

    for first_name in ("Maya", "Łukasz"):  # two staff concerns sealed from the lock screen
        draft = ConcernDraft(child=ChildDetails(first_name=first_name, last_name="Example"), account="Fictional.")
        intake_sealing.SealedIntake.for_vault(made_vault.folder).submit(draft)
    screen = LockScreen(made_vault.folder)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.pending_label.text() == "2 concerns are waiting for the DSL.", timeout=5000)


def test_recovery_key_opens_the_vault_and_sets_a_new_passphrase(window, made_vault, qtbot, fake_ask, screenshot):
    screen = window.current_page()
    qtbot.mouseClick(screen.forgot_button, Qt.MouseButton.LeftButton)
    assert screen.stack.currentWidget() is screen.recovery_page
    screenshot(window, "lock_screen_recovery")
    # typed loosely: lower case, spaces instead of dashes
    type_into(screen.recovery_key, made_vault.recovery_key.lower().replace("-", " "))
    new = "otter harbour quilted piano"
    type_into(screen.recovery_new.first, "short")
    assert not screen.recover_button.isEnabled()
    assert "at least 15" in screen.recovery_new.feedback.text()
    type_into(screen.recovery_new.first, new)
    type_into(screen.recovery_new.second, new)
    assert screen.recover_button.isEnabled()
    screenshot(window, "lock_screen_recovery_filled")
    with qtbot.waitSignal(window.unlocked, timeout=15000):
        qtbot.mouseClick(screen.recover_button, Qt.MouseButton.LeftButton)
    assert any(kind == "inform" and "new passphrase" in text for kind, _t, text in fake_ask.asked)
    window.lock()  # waits for background work still running (the lock screen's count of waiting concerns)
    qtbot.waitUntil(lambda: window.session is None, timeout=10000)
    from desktop_app.services import vault as vault_service

    session = vault_service.unlock(made_vault.folder, new)  # the new passphrase now opens it
    try:
        assert session.user.name == DSL_NAME
    finally:
        session.lock()


def test_wrong_recovery_key_is_a_clear_sentence(window, made_vault, qtbot) -> None:
    screen = window.current_page()
    screen.show_recovery()
    key = made_vault.recovery_key
    wrong = ("B" if key[0] != "B" else "C") + key[1:]
    type_into(screen.recovery_key, wrong)
    type_into(screen.recovery_new.first, "otter harbour quilted piano")
    type_into(screen.recovery_new.second, "otter harbour quilted piano")
    qtbot.mouseClick(screen.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.task is None, timeout=15000)
    assert screen.recovery_message.isVisible()
    text = screen.recovery_message.text()
    assert "recovery key" in text.lower()
    assert "went wrong" not in text
    assert window.session is None
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert screen.stack.currentWidget() is screen.main_page
    assert screen.recovery_key.text() == ""  # nothing of the key left behind


def test_a_damaged_key_slot_file_is_a_sentence_not_a_traceback(window, made_vault, qtbot) -> None:
    for name in ("keyslots.json", "keyslots.json.bak"):
        path = made_vault.folder / name
        if path.exists():
            path.write_text("{ this is not json", encoding="utf-8")
    screen = window.current_page()
    type_into(screen.passphrase, made_vault.passphrase)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.task is None, timeout=15000)
    text = screen.message.text()
    assert screen.message.isVisible() and text
    assert "Traceback" not in text and "went wrong" not in text
    assert window.session is None


def test_lock_now_returns_to_the_lock_screen(unlocked_window, qtbot) -> None:
    window = unlocked_window
    session = window.session
    with qtbot.waitSignal(window.locked, timeout=3000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session is None
    assert session.is_locked
    assert isinstance(window.current_page(), LockScreen)


@pytest.mark.parametrize("damage", ["truncated", "rolled_back"])
def test_database_faults_are_sentences_not_tracebacks(made_vault, qtbot, damage, screenshot) -> None:
    from desktop_app.services import vault as vault_service

    database = made_vault.folder / "waymark.db"
    if damage == "truncated":
        with database.open("r+b") as handle:
            handle.truncate(database.stat().st_size // 3)
    else:  # an older copy of the database put back after newer work was anchored
        older = database.read_bytes()
        session = vault_service.unlock(made_vault.folder, made_vault.passphrase)
        with session.uow() as uow:
            uow.contacts.set_phone("police_101", "101", session.actor())
            uow.commit()
        session.lock()
        for suffix in ("-wal", "-shm"):
            (made_vault.folder / f"waymark.db{suffix}").unlink(missing_ok=True)
        database.write_bytes(older)
    configure_application(QApplication.instance())
    screen = LockScreen(made_vault.folder)
    qtbot.addWidget(screen)
    screen.show()
    type_into(screen.passphrase, made_vault.passphrase)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.task is None, timeout=15000)
    text = screen.message.text()
    assert screen.message.isVisible() and len(text) > 20
    assert "went wrong" not in text and "Traceback" not in text
    screenshot(screen, f"lock_screen_{damage}")


def test_record_a_concern_opens_the_staff_wizard_on_this_vault(window, qtbot, screenshot) -> None:
    from PySide6.QtWidgets import QWizard

    screen = window.current_page()
    qtbot.mouseClick(screen.record_button, Qt.MouseButton.LeftButton)
    wizards = [w for w in window.findChildren(QWizard) if w.isVisible()]
    assert len(wizards) == 1, "the staff wizard opens over the lock screen"
    screenshot(wizards[0], "staff_wizard_from_lock_screen")
    assert window.session is None  # recording needs no unlock
    wizards[0].reject()
    qtbot.waitUntil(lambda: not wizards[0].isVisible(), timeout=3000)
    assert isinstance(window.current_page(), LockScreen)
