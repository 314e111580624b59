"""Reading PDFs back in tests: text per page, body text without the page marks, fonts, PNG renders."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

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


def fonts_of(pdf: bytes, folder: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font ``pdffonts`` lists."""
    path = folder / "fonts-check.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        cols = line.split()
        # name type [type…] encoding emb sub uni object-id generation: "emb" is the 5th column from the end
        rows.append((cols[0], cols[-5] == "yes"))
    return rows


def render_pngs(pdf: bytes, name: str) -> list[Path]:
    """Render each page at 60 dpi into /tmp/waymark-pdf-renders (or $WAYMARK_PDF_RENDERS) to look at."""
    folder = Path(os.environ.get("WAYMARK_PDF_RENDERS", "/tmp/waymark-pdf-renders"))
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{name}-*.png"):
        old.unlink()
    source = folder / f"{name}.pdf"
    source.write_bytes(pdf)
    assert shutil.which("pdftoppm"), "poppler-utils (pdftoppm) is needed to render documents"
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(source), str(folder / name)], check=True)
    source.unlink()
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
