"""Window sizes that fit the screen: many school laptops are 1366×768, and zoom makes everything larger."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

SCREEN_SHARE = 0.95  # leave a margin for the window frame


def zoom_percent() -> int:
    app = QApplication.instance()
    return int(app.property("waymark_zoom") or 100) if app else 100


def fit_to_screen(window: QWidget, width: int, height: int, *, zoomed: bool = True) -> None:
    """Resize ``window`` to width×height (scaled by the zoom when ``zoomed``), never past the available screen."""
    if zoomed:
        width, height = width * zoom_percent() // 100, height * zoom_percent() // 100
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, int(available.width() * SCREEN_SHARE))
        height = min(height, int(available.height() * SCREEN_SHARE))
    window.resize(width, height)
