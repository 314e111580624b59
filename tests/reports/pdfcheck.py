"""Reading PDFs back in tests: text per page, body text without the page marks, fonts, PNG renders."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.reports.template import BOTTOM_BAND, TOP_BAND


def page_texts(pdf: bytes, password: str | None = None) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    if password is not None:
        reader.decrypt(password)
    return [page.extract_text() or "" for page in reader.pages]


def all_text(pdf: bytes) -> str:
    """Every page's text with runs of whitespace made single spaces (lines wrap wherever the layout put them)."""
    return " ".join(" ".join(text.split()) for text in page_texts(pdf))


def body_text(pdf: bytes) -> str:
    """The text between the top and bottom bands of every page, in order, whitespace collapsed."""
    reader = PdfReader(io.BytesIO(pdf))
    parts: list[str] = []
    for page in reader.pages:
        height = float(page.mediabox.height)

        def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
            y = cm[5] + tm[5] * cm[3] if cm else tm[5]
            if BOTTOM_BAND < y < height - TOP_BAND:  # noqa: B023
                parts.append(text)

        page.extract_text(visitor_text=visit)
    return " ".join("".join(parts).split())


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def fonts_of(pdf: bytes, folder: Path | None = None) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font used on any page, read with pypdf (no ``pdffonts`` needed).

    A font is embedded when its descriptor (for a composite font, its descendant's) carries a font program:
    ``/FontFile``, ``/FontFile2`` or ``/FontFile3``. ``folder`` is no longer used (kept for old callers).
    """
    rows: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        for ref in fonts.get_object().values() if fonts is not None else []:
            font = ref.get_object()
            name = str(font.get("/BaseFont", "?")).lstrip("/")
            described = font
            if "/DescendantFonts" in font:
                described = font["/DescendantFonts"].get_object()[0].get_object()
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            rows[name] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return sorted(rows.items())


def render_pngs(pdf: bytes, name: str) -> list[Path]:
    """Render each page at 60 dpi into /tmp/waymark-pdf-renders (or $WAYMARK_PDF_RENDERS) to look at."""
    folder = Path(os.environ.get("WAYMARK_PDF_RENDERS", "/tmp/waymark-pdf-renders"))
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{name}-*.png"):
        old.unlink(missing_ok=True)  # several worktrees' test runs share this folder
    source = folder / f"{name}.{os.getpid()}.pdf"
    source.write_bytes(pdf)
    if shutil.which("pdftoppm") is None:
        source.unlink()
        pytest.skip(
            "rendering the pages to look at needs poppler-utils (pdftoppm), which is not installed; every "
            "check of this document above this line ran"
        )
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(source), str(folder / name)], check=True)
    source.unlink(missing_ok=True)
    return sorted(folder.glob(f"{name}-*.png"))


def undrawable(pdf: bytes) -> list[tuple[str, str]]:
    """(character, font) for every printed character its font has no glyph for: it prints as an empty box.

    ReportLab writes such a character as glyph 0, which reads back as NUL; a letter with a glyph in the wrong font
    would read back as itself, so this checks each character against the cmap of the font that drew it.
    """
    from reportlab.pdfbase import pdfmetrics

    from desktop_app.reports import fonts

    fonts.register()
    fonts.cjk_characters()
    registered = sorted(pdfmetrics.getRegisteredFontNames(), key=len, reverse=True)
    missing: list[tuple[str, str]] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:

        def visit(text: str, _cm: object, _tm: object, font: dict[str, object] | None, _size: float) -> None:
            base = str((font or {}).get("/BaseFont", "")).lstrip("/").split("+")[-1]
            name = next((n for n in registered if base.startswith(n)), None)
            if name is None:
                missing.extend((char, base) for char in text if not char.isspace())
                return
            glyphs = pdfmetrics.getFont(name).face.charToGlyph
            missing.extend((char, name) for char in text if not char.isspace() and ord(char) not in glyphs)

        page.extract_text(visitor_text=visit)
    return missing


def drawn_text(pdf: bytes) -> str:
    """The characters in the order they are drawn, left to right: the content streams decoded through each font's
    ToUnicode map, a line break wherever the text moves to another height.

    ``page_texts`` cannot show drawing order: pypdf, like most readers, turns right-to-left runs back round.
    """
    from pypdf.generic import ContentStream

    out: list[str] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        maps: dict[str, dict[int, str]] = {}
        for name, font in page["/Resources"]["/Font"].items():
            cmap = font.get_object().get("/ToUnicode")
            maps[name] = _to_unicode(cmap.get_object().get_data().decode("latin-1")) if cmap else {}
        current: dict[int, str] = {}
        lifted, saved = 0.0, []  # the graphics state's vertical shift (ReportLab only translates), and its stack
        y: float | None = None
        line_y: float | None = None
        leading = 0.0
        for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
            if operator == b"q":
                saved.append(lifted)
            elif operator == b"Q":
                lifted = saved.pop()
            elif operator == b"cm":
                lifted += float(operands[5])
            elif operator == b"Tf":
                current = maps.get(str(operands[0]), {})
            elif operator == b"Tm":
                y = lifted + float(operands[5])
            elif operator in (b"Td", b"TD"):
                y = (y or 0.0) + float(operands[1])
            elif operator == b"TL":
                leading = float(operands[0])
            elif operator in (b"T*", b"'", b'"'):
                y = (y or 0.0) - leading
            if operator in (b"Tj", b"'", b'"', b"TJ"):
                if y is None or y != line_y:
                    out.append("\n")
                    line_y = y
                parts = operands[0] if operator == b"TJ" else [operands[-1]]
                out.extend(_decode(part, current) for part in parts if not isinstance(part, (int, float)))
    return "".join(out)


def _decode(operand: object, cmap: dict[int, str]) -> str:
    raw = operand.get_original_bytes() if hasattr(operand, "get_original_bytes") else bytes(operand)  # type: ignore[call-overload]
    return "".join(cmap.get(byte, "\ufffd") for byte in raw)


def _to_unicode(cmap: str) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for section in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", section):
            mapping[int(code, 16)] = bytes.fromhex(target).decode("utf-16-be")
    for section in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for first, last, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", section):
            start = int(target, 16)
            for offset, code in enumerate(range(int(first, 16), int(last, 16) + 1)):
                mapping[code] = chr(start + offset)
    return mapping
