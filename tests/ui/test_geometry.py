"""Windows never open taller or wider than the screen, at any zoom (school laptops are often 1366×768)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from desktop_app.ui.appearance import apply_zoom
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("zoom", [100, 150, 200])
def test_a_large_window_is_clamped_to_the_available_screen(qtbot, qapp, zoom: int) -> None:
    apply_zoom(qapp, zoom)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        available = window.screen().availableGeometry()
        fit_to_screen(window, available.width() + 500, available.height() + 500)
        assert window.width() <= available.width()
        assert window.height() <= available.height()
    finally:
        apply_zoom(qapp, 100)


def test_a_small_window_grows_with_the_zoom(qtbot, qapp) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    fit_to_screen(window, 300, 200)
    normal = window.size()
    apply_zoom(qapp, 150)
    try:
        fit_to_screen(window, 300, 200)
        assert window.width() == normal.width() * 3 // 2
    finally:
        apply_zoom(qapp, 100)


def test_the_main_window_fits_the_screen(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert window.height() <= available.height()
    assert window.width() <= available.width()
