"""Right-to-left text (Arabic, Hebrew…) put in the order ReportLab draws it: left to right, letters joined.

ReportLab draws the characters of a string left to right, one glyph each, and does no shaping. So a line holding
Arabic or Hebrew is first shaped (each Arabic letter replaced by its joined presentation form, which DejaVu Sans
draws) and then reordered by the Unicode bidirectional algorithm: each right-to-left run is reversed in place, and
the Latin text around it stays where it was. Vowel marks (harakat) are left out: drawn in reversed order they
would sit on the wrong letter, and names read without them. Letters only Urdu uses (ہ, ے) are in no embedded font
and print as empty boxes, joined or not.

ReportLab would wrap reordered text as if it were Latin, reading its lines bottom to top, so a wholly right-to-left
paragraph is broken into lines first and each line reordered (``flow.RightToLeft``). A right-to-left run inside a
Latin line is reordered whole; it would wrap the wrong way only if it were longer than a line.
"""

from __future__ import annotations

import re
from functools import cache

from arabic_reshaper import ArabicReshaper  # type: ignore[import-untyped]
from arabic_reshaper.ligatures import LIGATURES  # type: ignore[import-untyped]
from bidi import get_display  # type: ignore[import-untyped]

# Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms: the scripts written right to left.
_RIGHT_TO_LEFT = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff"
_ANY_RTL = re.compile(f"[{_RIGHT_TO_LEFT}]")
# A letter of a left-to-right script: Latin, Greek, Cyrillic, CJK… (digits and punctuation are neither).
_ANY_LTR = re.compile(r"[^\W\d_" + _RIGHT_TO_LEFT + "]")


def has_rtl(text: str) -> bool:
    return _ANY_RTL.search(text) is not None


def entirely_rtl(text: str) -> bool:
    """True when ``text`` has right-to-left letters and no left-to-right ones: it reads from the right margin."""
    return has_rtl(text) and _ANY_LTR.search(text) is None


def visual(text: str) -> str:
    """``text`` shaped and in drawing order, line by line; text without right-to-left letters comes back as it was."""
    if not has_rtl(text):
        return text
    return "\n".join(_visual_line(line) for line in text.split("\n"))


def _visual_line(line: str) -> str:
    if not has_rtl(line):
        return line
    return reorder(shape(line), right_to_left=entirely_rtl(line))


def shape(line: str) -> str:
    """Arabic letters replaced by their joined forms; still in reading order."""
    return str(_reshaper().reshape(line))


def reorder(shaped: str, *, right_to_left: bool) -> str:
    """A shaped line in drawing order; ``right_to_left`` when the line itself reads from the right."""
    return str(get_display(shaped, base_dir="R" if right_to_left else "L"))


@cache
def _glyphs() -> frozenset[int]:
    from desktop_app.reports import fonts

    fonts.register()
    return fonts.regular_characters()


@cache
def _reshaper() -> ArabicReshaper:
    """A reshaper that makes only the ligatures DejaVu Sans has (lam-alef); others would print as empty boxes."""
    glyphs = _glyphs()
    config: dict[str, bool] = {"delete_harakat": True, "support_ligatures": True}
    for name, (_pattern, forms) in LIGATURES:
        config[name] = all(ord(form) in glyphs for form in forms if form)
    return ArabicReshaper(configuration=config)
