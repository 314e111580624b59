"""Issue 15, item 10: the document tests pass on a fresh machine with only Python, uv and Qt's system libraries.

Before the fix ``fonts_of`` ran poppler's ``pdffonts`` (FileNotFoundError without poppler-utils, so every document
test that checks font embedding failed) and ``render_pngs`` asserted that ``pdftoppm`` was installed. Now fonts are
read from the PDF itself with pypdf, and rendering pages to look at is skipped with a message naming poppler-utils.
These tests run with an empty PATH, as on such a machine.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from desktop_app.domain.documents import DocumentMeta
from desktop_app.reports.flow import field
from desktop_app.reports.template import build_pdf
from tests.reports.pdfcheck import fonts_of, render_pngs

META = DocumentMeta(
    setting_name="Hollybrook", document_id="T-1", audit_seq=3, printed_at=datetime(2026, 12, 5, tzinfo=UTC)
)


@pytest.fixture
def no_poppler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def test_font_embedding_is_read_without_pdffonts(no_poppler: None) -> None:
    pdf = build_pdf([field("Name", "Zoë Wiśniewska-Nguyễn")], META, title="T", subject="S")
    fonts = fonts_of(pdf)
    assert fonts and all(embedded for _name, embedded in fonts), fonts
    assert all("DejaVu" in name for name, _embedded in fonts), fonts


def test_a_font_that_is_not_embedded_is_seen_as_such(no_poppler: None) -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("Helvetica", 12)  # one of the 14 standard fonts: never embedded by ReportLab
    page.drawString(72, 720, "Not embedded")
    page.save()
    assert fonts_of(buffer.getvalue()) == [("Helvetica", False)]


def test_rendering_without_pdftoppm_is_skipped_naming_the_package(no_poppler: None) -> None:
    pdf = build_pdf([field("Name", "Tamsin Quillfeather")], META, title="T", subject="S")
    with pytest.raises(pytest.skip.Exception, match="poppler-utils"):
        render_pngs(pdf, "fresh_machine")
