"""How the application looks: its name and icon, the font every widget inherits (the zoom) and the style sheet."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME, __version__, paths, settings

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon  # its Python type costs ~2.5 ms to make (~100 theme-icon names): after the start

BASE_POINT_SIZE = 11.0
# style.qss is in two parts: above this line what the lock screen and the main window use, below it what only later
# screens do. The start applies the first part (parsing and matching the whole sheet as the first widgets are polished
# cost ~5 ms of the time to the lock screen) and the whole sheet just after the first paint (complete_appearance).
FIRST_PAINT_END = "/* ===== The lock screen and the main window use nothing below this line"
WHOLE_SHEET_AFTER_MS = 300  # after the window is first shown (a timer of 0 ms would run before its first paint)
_PARTIAL = "waymark_partial_style_sheet"  # the application's property: True while only the first part is applied


def app_icon() -> QIcon:
    from PySide6.QtGui import QIcon

    return QIcon(str(paths.resource("icons", "waymark.svg")))


def configure_application(app: QApplication, *, first_paint_only: bool = False) -> None:
    """Name, icon, font and style sheet; safe to call on an existing QApplication (tests).

    ``first_paint_only``: for the start, only the part of the style sheet the lock screen and the main window use, and
    no window icon yet (until then the system shows the program's own: the .exe's, or the desktop file's);
    ``complete_appearance`` adds the rest just after the first paint."""
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setApplicationVersion(__version__)
    QApplication.setOrganizationName(APP_NAME)
    QGuiApplication.setDesktopFileName("waymark")
    if not first_paint_only:
        app.setWindowIcon(app_icon())
    apply_zoom(app, settings.load().zoom_percent, whole_sheet=not first_paint_only)


def apply_zoom(app: QApplication, percent: int, *, whole_sheet: bool = True) -> None:
    """Scale the whole interface by scaling the application font every widget inherits (and the style sheet's sizes).

    ``whole_sheet=False``: only the style sheet's part for the first paint (see ``FIRST_PAINT_END``)."""
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * percent / 100)
    app.setFont(font)
    app.setProperty("waymark_zoom", percent)
    app.setStyleSheet(scaled_style_sheet(percent, whole=whole_sheet))
    app.setProperty(_PARTIAL, not whole_sheet)


def complete_appearance() -> None:
    """Apply the whole style sheet and the window icon if the start applied only its first part; otherwise nothing.

    Called just after the first paint, and before any screen but the lock screen is built sooner than that."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.property(_PARTIAL):
        app.setWindowIcon(app_icon())  # every window without its own takes it at once
        apply_zoom(app, int(app.property("waymark_zoom") or 100))


def scaled_style_sheet(percent: int, *, whole: bool = True) -> str:
    """The style sheet with every size in pt scaled like the application font, so headings follow the zoom.

    ``whole=False``: only the part above ``FIRST_PAINT_END``."""
    path = paths.resource("style.qss")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    if not whole:
        text = text.split(FIRST_PAINT_END, 1)[0]
    if percent == 100:
        return text  # the sizes as written (scaling each by 1 cost a regular expression pass before the first paint)
    return re.sub(r"(\d+(?:\.\d+)?)pt\b", lambda m: f"{float(m.group(1)) * percent / 100:.1f}pt", text)
