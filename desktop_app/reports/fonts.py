"""The embedded fonts: DejaVu for every character it has, WenQuanYi Micro Hei for Chinese, Japanese and Korean.

ReportLab's built-in fonts (Helvetica, Courier…) are never embedded and lack letters such as ś, ő or ễ, so every
style, table and canvas in ``reports`` names one of the DejaVu families. ReportLab has no font fallback of its own:
``with_fallbacks`` wraps each run of user text DejaVu cannot draw in a ``<font>`` tag naming a face that can, and
``runs`` does the same for text drawn straight on the canvas. The CJK font (5 MB) is read only when first needed.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from xml.sax.saxutils import quoteattr

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
CJK = "WenQuanYiMicroHei"  # one weight only: bold or oblique CJK text prints upright and regular

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_OBLIQUE: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_OBLIQUE: "DejaVuSans-BoldOblique.ttf",
    MONO: "DejaVuSansMono.ttf",
    MONO_BOLD: "DejaVuSansMono-Bold.ttf",
}
CJK_FILE = "wqy-microhei.ttc"

_lock = threading.Lock()
_registered = False
_cjk_chars: frozenset[int] | None = None
_regular_chars: frozenset[int] = frozenset()
_needs_care: re.Pattern[str] = re.compile("(?!)")  # runs some DejaVu Sans face cannot draw; set by register()


def _font_file(file_name: str) -> str:
    path = paths.resource("fonts", file_name)
    if not path.is_file():
        raise UserFacingError(
            f"The font file {file_name} is missing from Waymark's resources folder; reinstall Waymark."
        )
    return str(path)


def register() -> None:
    """Register the fonts and make DejaVu Sans ReportLab's base font for canvases and drawings; cheap after the first
    call."""
    global _registered, _regular_chars, _needs_care
    with _lock:
        if _registered:
            return
        faces = {name: TTFont(name, _font_file(file_name)) for name, file_name in _FILES.items()}
        for font in faces.values():
            pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(
            SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_OBLIQUE, boldItalic=SANS_BOLD_OBLIQUE
        )
        pdfmetrics.registerFontFamily(MONO, normal=MONO, bold=MONO_BOLD, italic=MONO, boldItalic=MONO_BOLD)
        # The first font a canvas, and a drawing (the body map, the governors' charts), sets before any text: left at
        # ReportLab's Helvetica it is listed on the page unembedded even though no letter is drawn in it.
        rl_config.canvas_basefontname = SANS
        rl_config.defaultGraphicsFontName = SANS
        sans_faces = [set(faces[name].face.charToGlyph) for name in (SANS, SANS_BOLD, SANS_OBLIQUE, SANS_BOLD_OBLIQUE)]
        _regular_chars = frozenset(sans_faces[0])
        every_face = set.intersection(*sans_faces) | set(range(0x80))
        _needs_care = re.compile(f"[^{_char_class(every_face)}]+")
        _registered = True


def _char_class(codepoints: Iterable[int]) -> str:
    """A regex character class body (without brackets) matching exactly ``codepoints``, as ranges."""
    parts: list[str] = []
    ordered = sorted(codepoints)
    start = previous = ordered[0]
    for code in [*ordered[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(previous)) if previous > start else ""))
        start = previous = code
    return "".join(parts)


def regular_characters() -> frozenset[int]:
    """The characters DejaVu Sans (the upright regular face) has a glyph for."""
    register()
    return _regular_chars


def cjk_characters() -> frozenset[int]:
    """The CJK font's characters, registering it with ReportLab the first time."""
    global _cjk_chars
    with _lock:
        if _cjk_chars is None:
            font = TTFont(CJK, _font_file(CJK_FILE), subfontIndex=0)
            pdfmetrics.registerFont(font)
            pdfmetrics.registerFontFamily(CJK, normal=CJK, bold=CJK, italic=CJK, boldItalic=CJK)
            _cjk_chars = frozenset(font.face.charToGlyph)
        return _cjk_chars


def _face_for(char: str) -> str | None:
    """None when every DejaVu Sans face draws ``char``; else the font to draw it with."""
    code = ord(char)
    if code in _regular_chars:
        return SANS  # e.g. Arabic: in the upright faces, not the oblique ones
    if code in cjk_characters():
        return CJK
    return None  # no embedded font has it: it prints as the font's empty box, as it would anyway


def runs(text: str) -> list[tuple[str, str | None]]:
    """``text`` cut into (piece, font) with font None where the caller's own DejaVu face will do."""
    register()
    out: list[tuple[str, str | None]] = []
    position = 0
    for match in _needs_care.finditer(text):
        if match.start() > position:
            out.append((text[position : match.start()], None))
        for char in match.group():
            face = _face_for(char)
            if out and out[-1][1] == face:
                out[-1] = (out[-1][0] + char, face)
            else:
                out.append((char, face))
        position = match.end()
    if position < len(text):
        out.append((text[position:], None))
    return out


def with_fallbacks(markup: str) -> str:
    """Escaped paragraph text with every run DejaVu cannot draw in this style wrapped in a font that can.

    A ``<font>`` tag resets bold and italic, so such a run prints upright and regular: real letters before weight.
    """
    register()
    if _needs_care.search(markup) is None:
        return markup
    return "".join(
        piece if face is None else f"<font name={quoteattr(face)}>{piece}</font>" for piece, face in runs(markup)
    )
