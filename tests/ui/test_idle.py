"""Auto-lock: input restarts the wait; silence for the interval locks the vault and clears every record screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from shiboken6 import isValid

from desktop_app.errors import UserFacingError
from desktop_app.ui.idle import IdleWatcher, clamp_minutes
from tests.ui.test_lock_screen import made_vault, template_root, unlocked_window, window  # noqa: F401

pytestmark = pytest.mark.gui


def test_minutes_are_kept_between_one_and_fifteen() -> None:
    assert clamp_minutes(0) == 1
    assert clamp_minutes(5) == 5
    assert clamp_minutes(60) == 15


def test_silence_for_the_interval_emits_idle_once(qtbot) -> None:
    watcher = IdleWatcher()
    watcher.set_interval_ms(200)
    fired: list[int] = []
    watcher.idle.connect(lambda: fired.append(1))
    with qtbot.waitSignal(watcher.idle, timeout=3000):
        watcher.start()
    assert fired == [1]
    assert not watcher.active  # stops after locking; unlocking starts it again


def test_keyboard_and_mouse_input_restart_the_wait(qtbot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    watcher = IdleWatcher()
    watcher.set_interval_ms(10_000)
    watcher.start()
    timer = watcher._timer
    qtbot.waitUntil(lambda: timer.remainingTime() < 9_900, timeout=3000)
    QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a"))
    assert timer.remainingTime() > 9_900
    qtbot.waitUntil(lambda: timer.remainingTime() < 9_900, timeout=3000)
    point = QPointF(5, 5)
    click = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        point,
        field.mapToGlobal(point),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(field, click)
    assert timer.remainingTime() > 9_900
    watcher.stop()
    assert not watcher.active


def test_idle_locks_the_window_and_clears_the_dashboard(unlocked_window, qtbot, screenshot) -> None:
    win = unlocked_window
    screenshot(win, "dashboard_before_idle_lock")
    record_dialog = QDialog(win)  # e.g. a concern opened from the dashboard
    record_dialog.show()
    dashboard = win.current_page()
    assert dashboard is not None and dashboard.objectName() != "lock_screen"
    session = win.session
    win.idle.set_interval_ms(200)
    with qtbot.waitSignal(win.locked, timeout=5000):
        win.idle.start()
    assert win.session is None
    assert win.current_page().objectName() == "lock_screen"
    assert not record_dialog.isVisible()
    # the dashboard and the record win are deleted, not merely hidden: no record text stays in a widget
    qtbot.waitUntil(lambda: not isValid(dashboard) and not isValid(record_dialog), timeout=3000)
    assert win.pages.count() == 1
    assert session.is_locked
    with pytest.raises(UserFacingError, match="locked"):
        session.uow()
    screenshot(win, "lock_screen_after_idle")


def test_locking_waits_for_a_rekey_or_backup_to_finish(unlocked_window, qtbot) -> None:
    import threading

    from desktop_app.ui.workers import run_in_background

    win = unlocked_window
    release = threading.Event()
    task = run_in_background(release.wait, 10)  # stands in for a re-key still writing
    win.lock()
    assert win.session is not None  # not cut off mid-way
    assert win.current_page().objectName() != "lock_screen"
    release.set()
    with qtbot.waitSignal(win.locked, timeout=5000):
        pass
    assert task.finished_ok is True
    assert win.session is None
