"""How the application looks: its name and icon, the font every widget inherits (the zoom) and the style sheet."""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME, __version__, paths, settings

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
    apply_zoom(app, settings.load().zoom_percent)


def apply_zoom(app: QApplication, percent: int) -> None:
    """Scale the whole interface by scaling the application font every widget inherits."""
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * percent / 100)
    app.setFont(font)
    app.setProperty("waymark_zoom", percent)
    app.setStyleSheet(scaled_style_sheet(percent))


def scaled_style_sheet(percent: int) -> str:
    """The style sheet with every size in pt scaled like the application font, so headings follow the zoom."""
    path = paths.resource("style.qss")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    return re.sub(r"(\d+(?:\.\d+)?)pt\b", lambda m: f"{float(m.group(1)) * percent / 100:.1f}pt", text)
