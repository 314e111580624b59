"""Where the referral summary's pages break, as a reader turning the pages would notice it: a label stays with its
value, a heading with what follows, no lone word at the top of a page, and the signatures never alone at the end."""

from __future__ import annotations

import dataclasses
import io

import pytest
from pypdf import PdfReader

from desktop_app.reports import referral_summary_pdf
from desktop_app.reports.template import BOTTOM_BAND, TOP_BAND
from tests.reports import samples
from tests.reports.pdfcheck import render_pngs


@dataclasses.dataclass
class Line:
    text: str
    bold: bool  # every piece of the line is in a bold face: a heading, or a label whose value went elsewhere


def page_lines(pdf: bytes) -> list[list[Line]]:
    """The lines between the top and bottom bands of each page, top to bottom."""
    pages: list[list[Line]] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        height = float(page.mediabox.height)
        rows: dict[int, list[tuple[str, bool]]] = {}  # pieces of a line in the order they are drawn

        def visit(text: str, cm: list[float], tm: list[float], font: object, _size: float) -> None:
            if not text.strip():
                return
            y = cm[5] + tm[5] * cm[3] if cm else tm[5]
            if BOTTOM_BAND < y < height - TOP_BAND:  # noqa: B023
                name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""  # type: ignore[union-attr]
                rows.setdefault(round(y), []).append((text, "Bold" in name))  # noqa: B023

        page.extract_text(visitor_text=visit)
        lines = []
        for y in sorted(rows, reverse=True):
            pieces = [p for p in rows[y] if p[0].strip()]
            text = " ".join("".join(p[0] for p in pieces).split())
            if text:
                lines.append(Line(text, all(p[1] for p in pieces)))
        pages.append(lines)
    return pages


def break_problems(pdf: bytes) -> list[str]:
    """Each bad page break, in a sentence naming the page."""
    pages = page_lines(pdf)
    problems = []
    for number, lines in enumerate(pages, 1):
        if not lines:
            problems.append(f"page {number} is empty")
            continue
        first, last = lines[0], lines[-1]
        if number > 1 and not first.bold and len(first.text.split()) == 1:
            problems.append(f"page {number} starts with a lone word: {first.text!r}")
        if number < len(pages) and (last.bold or last.text.endswith(":")):
            problems.append(f"page {number} ends with a heading or a label: {last.text!r}")
    if len(pages) > 1 and pages[-1] and pages[-1][0].text == "Signatures":
        problems.append("the last page holds only the signatures")
    return problems


def long_account(words: int) -> str:
    """An account as a worried member of staff writes it: paragraphs of uneven length, nothing repeated word for
    word in a way that would hide a lost line."""
    sentences = [
        f"At {9 + n % 7}:{(n * 13) % 60:02d} on day {n + 1} Zoë said the man in the silver car had rung her again "
        f"and told her she owed him {20 * (n + 1)} pounds for the phone."
        for n in range(words // 25 + 1)
    ]
    paragraphs, size = [], 1
    while sentences:
        paragraphs.append(" ".join(sentences[:size]))
        sentences = sentences[size:]
        size = size % 5 + 1
    return "\n\n".join(paragraphs)


def test_the_sample_summary_breaks_its_pages_where_a_reader_expects() -> None:
    pdf = referral_summary_pdf(samples.SUMMARY, samples.META)
    pngs = render_pngs(pdf, "referral_breaks_sample")
    assert len(pngs) == len(page_lines(pdf))
    assert break_problems(pdf) == []


def test_the_last_word_of_a_paragraph_never_starts_a_page_alone() -> None:
    """Placed so that only the paragraph's last line, one word, would fall onto the next page."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    from desktop_app.reports.flow import paragraphs
    from desktop_app.reports.template import build_pdf

    said = "She said the man had rung her twice that evening and that she was scared to go home alone after school. "
    story = [Spacer(1, 232 * mm * 0.98), *paragraphs(said * 3 + "Again " * 8 + "tonight.")]
    pdf = build_pdf(story, samples.META, title="t", subject="s")
    assert [line.text for line in page_lines(pdf)[1]][-1].endswith("tonight.")
    assert break_problems(pdf) == []


@pytest.mark.parametrize("words", [180, 420, 750, 900, 1532, 2600])
def test_a_long_account_breaks_its_pages_where_a_reader_expects(words: int) -> None:
    draft = dataclasses.replace(samples.DRAFT, account=long_account(words))
    summary = dataclasses.replace(samples.SUMMARY, concern=dataclasses.replace(samples.CONCERN, draft=draft))
    pdf = referral_summary_pdf(summary, samples.META)
    if words in (420, 2600):
        render_pngs(pdf, f"referral_breaks_{words}")
    assert break_problems(pdf) == []


def test_the_check_itself_sees_a_lone_signature_page_and_a_heading_left_at_the_foot() -> None:
    """The checks above could pass by reading nothing: this shows they fail on what they look for."""
    from reportlab.platypus import PageBreak

    from desktop_app.reports.flow import heading, para, signature_lines
    from desktop_app.reports.template import build_pdf, frame_width

    story = [
        para("Some words on the first page."),
        heading("A heading left at the foot"),
        PageBreak(),
        para("word"),
        PageBreak(),
        signature_lines(("Designated Safeguarding Lead",), frame_width(), "Signatures"),
    ]
    pdf = build_pdf(story, samples.META, title="t", subject="s")
    problems = break_problems(pdf)
    assert any("page 1 ends with a heading" in p for p in problems)
    assert any("page 2 starts with a lone word" in p for p in problems)
    assert "the last page holds only the signatures" in problems
