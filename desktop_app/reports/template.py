"""The one page template every Waymark document uses (DESIGN §7).

Each page carries the protective marking top and bottom, the setting, the document id, the audit sequence, the date
printed and "Page X of Y". The page count is known only at the end, so the canvas keeps each page's state and draws
the marks when the document is saved.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import partial
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from desktop_app import __version__
from desktop_app.domain.documents import DocumentMeta
from desktop_app.reports import fonts, rtl
from desktop_app.reports.flow import INK, MUTED, RULE, moment

MARKING = "OFFICIAL-SENSITIVE"
MARGIN = 16 * mm
TOP_BAND = 20 * mm  # the marking and the setting line above the text
BOTTOM_BAND = 22 * mm  # the marking, ids and page numbers below it


class _MarkedCanvas(Canvas):  # type: ignore[misc]  # ReportLab is untyped
    """A canvas that holds its pages back until the end, then marks each one knowing the page count."""

    def __init__(self, *args: Any, meta: DocumentMeta, title: str, counter: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._counter = counter
        self._meta = meta
        self._doc_title = title
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        self._counter.append(total)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._mark_page(number, total)
            super().showPage()
        super().save()

    def _mark_page(self, number: int, total: int) -> None:
        width, height = self._pagesize
        meta = self._meta
        self.saveState()
        self.setFillColor(INK)
        self.setFont(fonts.SANS_BOLD, 10)
        self.drawCentredString(width / 2, height - 10 * mm, MARKING)
        self.drawCentredString(width / 2, 7 * mm, MARKING)
        self.setFont(fonts.SANS, 8)
        self.setFillColor(MUTED)
        self._draw_any_script(MARGIN, height - 15 * mm, _fit(meta.setting_name, 90), 8)
        self._draw_any_script(width - MARGIN, height - 15 * mm, _fit(self._doc_title, 60), 8, right=True)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN, height - 17 * mm, width - MARGIN, height - 17 * mm)
        self.line(MARGIN, 17 * mm, width - MARGIN, 17 * mm)
        # A form printed without a vault (the blank checklist) has no audit sequence to give: it says nothing of one.
        seq = f"   ·   Audit sequence {meta.audit_seq}" if meta.audit_seq > 0 else ""
        left = f"Document {meta.document_id}{seq}   ·   Printed {moment(meta.printed_at)}"
        self.drawString(MARGIN, 13 * mm, left)
        self.setFillColor(INK)
        self.setFont(fonts.SANS_BOLD, 8.5)
        self.drawRightString(width - MARGIN, 13 * mm, f"Page {number} of {total}")
        self.restoreState()

    def _draw_any_script(self, x: float, y: float, text: str, size: float, *, right: bool = False) -> None:
        """Draw a line of user text in DejaVu Sans, each run it lacks in the font that has it, Arabic joined."""
        pieces = [(piece, face or fonts.SANS) for piece, face in fonts.runs(rtl.visual(text))]
        if right:
            x -= sum(pdfmetrics.stringWidth(piece, face, size) for piece, face in pieces)
        for piece, face in pieces:
            self.setFont(face, size)
            self.drawString(x, y, piece)
            x += pdfmetrics.stringWidth(piece, face, size)
        self.setFont(fonts.SANS, size)


def _fit(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def frame_width(wide: bool = False) -> float:
    """The width a flowable may take: the page less its margins and the frame's 6 pt padding each side."""
    page_width = landscape(A4)[0] if wide else A4[0]
    return float(page_width - 2 * MARGIN - 12)


def build_pdf(story: Sequence[Flowable], meta: DocumentMeta, *, title: str, subject: str, wide: bool = False) -> bytes:
    """Lay the story out on marked A4 pages (landscape when ``wide``) and return the PDF bytes."""
    return build_pdf_counted(story, meta, title=title, subject=subject, wide=wide)[0]


def build_pdf_counted(
    story: Sequence[Flowable], meta: DocumentMeta, *, title: str, subject: str, wide: bool = False
) -> tuple[bytes, int]:
    """``build_pdf`` and the number of pages it made."""
    fonts.register()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4) if wide else A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP_BAND + 2 * mm,
        bottomMargin=BOTTOM_BAND,
        title=title,
        subject=subject,
        author=meta.setting_name,
        creator=f"Waymark {__version__}",
        producer=f"Waymark {__version__}",
        lang="en-GB",
        initialFontName=fonts.SANS,
        displayDocTitle=1,
    )
    counter: list[int] = []
    doc.build(list(story), canvasmaker=partial(_MarkedCanvas, meta=meta, title=title, counter=counter))
    return buffer.getvalue(), counter[-1]
