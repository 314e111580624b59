"""Create the QApplication with Waymark's name, icon, readable font and zoom, and show the main window."""

from __future__ import annotations

import argparse
import logging

from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME, __version__, paths, settings

_log = logging.getLogger(__name__)
BASE_POINT_SIZE = 11.0


def app_icon() -> QIcon:
    return QIcon(str(paths.resource("icons", "waymark.svg")))


def configure_application(app: QApplication) -> None:
    """Name, icon, font and style sheet; safe to call on an existing QApplication (tests)."""
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setApplicationVersion(__version__)
    QApplication.setOrganizationName(APP_NAME)
    QGuiApplication.setDesktopFileName("waymark")
    app.setWindowIcon(app_icon())
    style = paths.resource("style.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    apply_zoom(app, settings.load().zoom_percent)


def apply_zoom(app: QApplication, percent: int) -> None:
    """Scale the whole interface by scaling the application font every widget inherits."""
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * percent / 100)
    app.setFont(font)
    app.setProperty("waymark_zoom", percent)


def run_gui(args: argparse.Namespace) -> int:
    from desktop_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    configure_application(app)
    window = MainWindow(args)
    window.show()
    _log.info("window shown")
    return app.exec()
