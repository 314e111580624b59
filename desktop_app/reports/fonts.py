"""The embedded DejaVu fonts: registered once with ReportLab and used for every character Waymark prints.

ReportLab's built-in fonts (Helvetica, Courier…) are never embedded and lack letters such as ś, ő or ễ, so every
style, table and canvas in ``reports`` names one of these families instead.
"""

from __future__ import annotations

import threading

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app import paths
from desktop_app.errors import UserFacingError

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SANS_OBLIQUE = "DejaVuSans-Oblique"
SANS_BOLD_OBLIQUE = "DejaVuSans-BoldOblique"
MONO = "DejaVuSansMono"
MONO_BOLD = "DejaVuSansMono-Bold"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_OBLIQUE: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_OBLIQUE: "DejaVuSans-BoldOblique.ttf",
    MONO: "DejaVuSansMono.ttf",
    MONO_BOLD: "DejaVuSansMono-Bold.ttf",
}

_lock = threading.Lock()
_registered = False


def register() -> None:
    """Register the fonts and make DejaVu Sans ReportLab's base font; cheap after the first call."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, file_name in _FILES.items():
            path = paths.resource("fonts", file_name)
            if not path.is_file():
                raise UserFacingError(
                    f"The font file {file_name} is missing from Waymark's resources folder; reinstall Waymark."
                )
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_OBLIQUE, boldItalic=SANS_BOLD_OBLIQUE
        )
        pdfmetrics.registerFontFamily(MONO, normal=MONO, bold=MONO_BOLD, italic=MONO, boldItalic=MONO_BOLD)
        rl_config.canvas_basefontname = SANS
        _registered = True
