"""The app starts to its main window with name, icon, title and zoom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app import settings
from desktop_app.ui.app import configure_application
from desktop_app.ui.main_window import MainWindow

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
