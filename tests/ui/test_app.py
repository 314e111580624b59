"""The app starts to its main window with name, icon, title and zoom; one instance per vault; the demo vault."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app import settings
from desktop_app.ui.appearance import configure_application
from desktop_app.ui.main_window import MainWindow
from tests.ui.test_lock_screen import made_vault, template_root  # noqa: F401 - fixtures

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, qapp):
    configure_application(qapp)
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_main_window_has_name_title_and_icon(window, screenshot) -> None:
    assert window.windowTitle() == "Waymark"
    assert QApplication.applicationName() == "Waymark"
    assert not window.windowIcon().isNull()
    screenshot(window, "main_window")


def test_ctrl_plus_and_minus_zoom_the_whole_interface(window, qtbot, qapp) -> None:
    before = qapp.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    larger = qapp.font().pointSizeF()
    assert larger > before
    assert settings.load().zoom_percent == 110  # remembered for next time
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert qapp.font().pointSizeF() < before
    window.set_zoom(100)
    assert qapp.font().pointSizeF() == pytest.approx(before)


# ----- start-up: one instance per vault, demo vault ------------------------------------------------------------------


def _args(**values):
    import argparse

    return argparse.Namespace(**{"vault": None, "demo": False, "debug": False, "command": None, **values})


def test_a_second_instance_on_the_same_vault_is_refused(qapp, tmp_path, fake_ask, capsys) -> None:
    import subprocess
    import sys

    from desktop_app.ui.app import run_gui

    vault_dir = tmp_path / "vault"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from desktop_app.ui.app import app_instance_lock; "
            f"lock = app_instance_lock(Path({str(vault_dir)!r})); lock.acquire(); print('held', flush=True); "
            "sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert run_gui(_args(vault=str(vault_dir))) == 1
    finally:
        holder.communicate("", timeout=20)
    warnings = [(title, text) for kind, title, text in fake_ask.asked if kind == "warn"]
    assert len(warnings) == 1  # one clear message, then exit
    assert "already open" in warnings[0][1]
    assert "already open" in capsys.readouterr().err


def test_the_instance_lock_is_refused_twice_and_free_after_release(tmp_path, fake_ask) -> None:
    from desktop_app.ui.app import take_instance_lock

    first = take_instance_lock(tmp_path / "vault")
    assert first is not None
    assert take_instance_lock(tmp_path / "vault") is None
    first.release()
    again = take_instance_lock(tmp_path / "vault")
    assert again is not None
    again.release()


def test_demo_starts_on_a_throwaway_vault_and_deletes_it(qapp, qtbot, fake_ask, screenshot, tmp_path, monkeypatch):
    import tempfile

    from PySide6.QtCore import QTimer

    from desktop_app.ui.app import run_gui
    from desktop_app.ui.lock_screen import LockScreen

    seen: dict[str, object] = {}

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        page = windows[0].current_page() if windows else None
        if isinstance(page, LockScreen) and page.demo_passphrase:
            seen["folder"] = windows[0].vault_dir
            seen["banner"] = page.findChild(QLabel, "demo_banner").text()
            seen["passphrase"] = page.demo_passphrase
            screenshot(windows[0], "lock_screen_demo")
            windows[0].close()
        else:
            QTimer.singleShot(50, look)

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # its clean-up of older demos stays in this test
    QTimer.singleShot(0, look)
    assert run_gui(_args(demo=True)) == 0
    assert "DEMO" in str(seen["banner"]) and str(seen["passphrase"]) in str(seen["banner"])
    folder = seen["folder"]
    assert isinstance(folder, Path)
    assert not folder.exists() and not folder.parent.exists()  # deleted on exit


def test_the_start_applies_the_whole_style_sheet_just_after_the_first_paint(qapp, qtbot, made_vault, fake_ask) -> None:
    """The start applies only the style sheet's part the lock screen uses (issue 17), then the rest: the tones of later
    screens are in place soon after, with no screen waiting on them; the window icon arrives with them."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction, QIcon

    from desktop_app.ui.app import run_gui
    from desktop_app.ui.lock_screen import LockScreen

    seen: list[bool] = []  # at each look while the lock screen is up: is the whole sheet applied?
    collecting: list[bool] = []  # and is Python's garbage collector on?
    icons: list[bool] = []  # and has the window its icon?
    menus: list[tuple[list[str], int]] = []  # and the menu bar: its titles, and how many items the Vault menu has

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and isinstance(windows[0].current_page(), LockScreen):
            seen.append('[tone="problem"]' in qapp.styleSheet())
            collecting.append(gc.isenabled())
            icons.append(not windows[0].windowIcon().isNull())
            titles = windows[0].menuBar().actions()
            menus.append(([t.text() for t in titles], len(titles[0].menu().actions())))
            if seen[-1]:
                quit_action = windows[0].findChild(QAction, "quit_action")
                menus.append((["Quit (Ctrl+Q) found"], int(quit_action is not None)))
                if quit_action is not None:
                    quit_action.trigger()
                else:
                    windows[0].close()
                return
        QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    qapp.setWindowIcon(QIcon())  # as a new process starts: no icon yet (earlier tests gave this one the app's)
    gc.disable()  # as cli._run_window pauses it for the start
    try:
        assert run_gui(_args(vault=str(made_vault.folder))) == 0
        assert seen[0] is False, "the first look at the lock screen finds only the first part of the sheet"
        assert seen[-1] is True
        assert collecting[0] is False and collecting[-1] is True, "the collector is back on once the window is shown"
        assert icons[0] is False and icons[-1] is True, "the window icon is set with the rest of the sheet"
        assert menus[0] == (["&Vault", "&View", "&Help"], 0), "the menu bar's titles are there from the first paint"
        assert menus[-2][1] >= 8, "and the menus are filled with the rest"
        assert menus[-1] == (["Quit (Ctrl+Q) found"], 1), "with their shortcuts (the window was closed by Quit)"
    finally:
        gc.enable()
        configure_application(qapp)


def _demo_folders(tmp: Path) -> list[Path]:
    return sorted(tmp.glob("waymark-demo-*"))


def _wait_for(condition, seconds: float) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.parametrize(
    ("when", "name"), [("starting", "SIGTERM"), ("on the lock screen", "SIGTERM"), ("on the lock screen", "SIGINT")]
)
def test_sigterm_or_ctrl_c_closes_the_demo_cleanly_and_deletes_its_folder(tmp_path, when, name) -> None:
    import os
    import signal
    import subprocess
    import sys

    if not hasattr(signal, "SIGTERM") or sys.platform == "win32":
        pytest.fail("this test sends SIGTERM, which needs a POSIX system")  # never silently skipped
    tmp, home = tmp_path / "tmp", tmp_path / "home"
    tmp.mkdir()
    home.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WAYMARK_HOME": str(home), "TMPDIR": str(tmp)}
    app = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--demo"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert _wait_for(lambda: len(_demo_folders(tmp)) == 1, 60), "the demo folder never appeared"
        folder = _demo_folders(tmp)[0]
        if when == "on the lock screen":  # its vault is written and the window waits for the user
            log = home / "logs" / "waymark.log"
            assert _wait_for(lambda: log.exists() and "demo vault ready" in log.read_text(encoding="utf-8"), 120)
        app.send_signal(getattr(signal, name))  # SIGINT is what Ctrl+C in a terminal sends
        _out, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0, err  # closed through the event loop, not killed by the signal
    assert not folder.exists(), "the demo folder was left behind"
    assert _demo_folders(tmp) == []
    assert "Traceback" not in err


def test_a_new_demo_removes_folders_left_by_earlier_runs_but_not_a_running_ones(tmp_path, fake_ask) -> None:
    from desktop_app.ui.app import app_instance_lock, remove_leftover_demos

    killed = tmp_path / "waymark-demo-killed"  # an earlier run ended by SIGKILL: files, an unheld lock file
    (killed / "vault" / "inbox").mkdir(parents=True)
    (killed / "vault" / "waymark.db").write_bytes(b"fictional")
    (killed / "vault" / "waymark-app.lock").write_text("4242\n", encoding="utf-8")
    empty = tmp_path / "waymark-demo-empty"  # killed before its vault was made
    empty.mkdir()
    running = tmp_path / "waymark-demo-running"
    held = app_instance_lock(running / "vault")
    held.acquire()
    (running / "vault" / "waymark.db").write_bytes(b"in use")
    mine = tmp_path / "waymark-demo-mine"
    mine.mkdir()
    other = tmp_path / "not-a-demo"
    other.mkdir()
    try:
        removed = remove_leftover_demos(tmp_path, keep=mine)
    finally:
        held.release()
    assert sorted(removed) == sorted([killed, empty])
    assert not killed.exists() and not empty.exists()
    assert (running / "vault" / "waymark.db").read_bytes() == b"in use"
    assert mine.exists() and other.exists()


# ----- background work -------------------------------------------------------------------------------------------


def test_background_work_reports_result_sentence_or_nothing_lost(qtbot) -> None:
    from desktop_app.errors import UserFacingError
    from desktop_app.ui.workers import SOMETHING_WENT_WRONG, describe_error, progress_values, run_in_background

    def slow_sum(a: int, b: int, progress) -> int:
        progress(1, 2, "half way")
        return a + b

    task = run_in_background(slow_sum, 2, 3, progress=True)
    steps: list[tuple[int, int, str]] = []
    task.progress.connect(lambda *v: steps.append(v))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == [5]
    assert steps == [(1, 2, "half way")]

    def refuse() -> None:
        raise UserFacingError("The disk is full, so nothing was saved.")

    task = run_in_background(refuse)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert describe_error(blocker.args[0]) == "The disk is full, so nothing was saved."

    def crash() -> None:
        raise KeyError("Amara Okonkwo")  # a bug; its message may hold personal data and is never shown

    task = run_in_background(crash)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert describe_error(blocker.args[0]) == SOMETHING_WENT_WRONG
    assert progress_values((0.5, "x")) == (50, 100, "x")
    assert progress_values(("busy",)) == (0, 0, "busy")


# ----- zoom ----------------------------------------------------------------------------------------------------------


def test_lock_screen_and_setup_at_150_percent_keep_text_readable(qapp, qtbot, made_vault, fake_ask, screenshot):
    from desktop_app.ui.lock_screen import LockScreen
    from desktop_app.ui.setup_wizard import SetupWizard

    configure_application(qapp)
    win = MainWindow(vault_dir=made_vault.folder)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    screen = win.current_page()
    assert isinstance(screen, LockScreen)
    title = screen.main_page.findChild(QLabel, "title")
    normal_title = QFontInfo(title.font()).pointSizeF()
    normal_button = QFontInfo(screen.record_button.font()).pointSizeF()
    win.set_zoom(150)
    try:
        qtbot.waitUntil(lambda: QFontInfo(title.font()).pointSizeF() > normal_title * 1.3, timeout=3000)
        assert QFontInfo(screen.record_button.font()).pointSizeF() > normal_button * 1.3  # style sheet sizes scale too
        QApplication.processEvents()
        for widget in (screen.record_button, screen.unlock_button, screen.forgot_button):
            assert widget.width() >= widget.sizeHint().width(), f"{widget.text()} is cut off at 150%"
        screenshot(win, "lock_screen")
        wizard = SetupWizard(made_vault.folder.parent / "new")
        qtbot.addWidget(wizard)
        wizard.resize(1100, 760)
        wizard.show()
        screenshot(wizard, "setup_1_setting")
        wizard.setting_page.name.setText("Ashgrove Academy")
        wizard.next()
        screenshot(wizard, "setup_2_contacts")
    finally:
        win.set_zoom(100)
    assert settings.load().zoom_percent == 100


def test_start_up_vault_check_agrees_with_the_service(made_vault, tmp_path) -> None:
    from desktop_app.services import vault as vault_service
    from desktop_app.ui.main_window import vault_exists

    folder = made_vault.folder
    cases = [folder, tmp_path / "empty"]
    (tmp_path / "empty").mkdir()
    for case in cases:
        assert vault_exists(case) == vault_service.vault_exists(case)
    assert vault_exists(folder)
    (folder / "keyslots.json").unlink()  # the recovery copy alone still makes it a vault
    assert vault_exists(folder) == vault_service.vault_exists(folder)
    (folder / "waymark.db").unlink()  # a vault with its database gone is damaged, not a new set-up
    assert vault_exists(folder) == vault_service.vault_exists(folder)
    for leftover in folder.glob("keyslots*"):
        leftover.unlink()
    assert vault_exists(folder) == vault_service.vault_exists(folder)


def test_an_unusable_vault_folder_is_one_clear_sentence(tmp_path, fake_ask) -> None:
    from desktop_app.ui.app import take_instance_lock

    blocker = tmp_path / "a-file-not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    assert take_instance_lock(blocker / "vault") is None
    (kind, _title, text), *_ = fake_ask.asked
    assert kind == "warn" and "cannot use the vault folder" in text
