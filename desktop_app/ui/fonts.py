"""The fonts the PDFs embed (``resources/fonts``) loaded into the window too: a name in Chinese never shows as boxes.

Loaded once, lazily: at the first unlock and when a concern wizard opens (where names are typed), never before the lock
screen is shown. WenQuanYi Micro Hei becomes the first fallback for Chinese, Japanese and Korean scripts, ahead of
whatever the computer has (often nothing on a school laptop): the application font's families become the family the
computer resolved, then the bundled one, so Qt draws each character the first family lacks with the second.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from desktop_app import paths
from desktop_app.log import Safe

_log = logging.getLogger(__name__)

CJK_FAMILY = "WenQuanYi Micro Hei"
_loaded: list[str] | None = None


def load_bundled_fonts() -> list[str]:
    """Add every bundled font to the application's font database once; return the families it gained."""
    global _loaded
    if _loaded is not None:
        return _loaded
    families: list[str] = []
    folder = paths.resource("fonts")
    for path in sorted(folder.glob("*.tt[fc]")) if folder.is_dir() else []:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            _log.warning("a bundled font could not be loaded: %s", Safe(path.name))
            continue
        families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    _loaded = families
    if CJK_FAMILY in families:
        use_as_fallback(CJK_FAMILY)
    return families


def use_as_fallback(family: str) -> None:
    """Make ``family`` the application font's fallback (after the family the computer resolved); zoom keeps it."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    font = QFont(app.font())
    first = QFontInfo(font).family()
    if font.families()[:2] == [first, family]:
        return
    font.setFamilies([first, family])
    app.setFont(font)
