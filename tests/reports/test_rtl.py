"""Arabic and Hebrew names print joined and read from the right, inside Latin lines and on their own."""

from __future__ import annotations

import dataclasses
import io
import re
import unicodedata
from datetime import datetime

from pypdf import PdfReader

from desktop_app.domain.documents import DocumentMeta
from desktop_app.reports import referral_summary_pdf
from desktop_app.reports.flow import field, long_text, para
from desktop_app.reports.template import MARGIN, build_pdf
from tests.reports import samples
from tests.reports.pdfcheck import drawn_text, page_texts, render_pngs, undrawable

ARABIC_FIRST, ARABIC_LAST = "أحمد", "السيد"  # fictional
HEBREW = "נועה לוי"  # fictional
META = DocumentMeta("Hillside Academy", "REF-2026-00042-01", 314, datetime(2026, 11, 28, 18, 5))


def summary_for(first: str, last: str, known_as: str = "") -> bytes:
    details = dataclasses.replace(samples.CHILD.details, first_name=first, last_name=last, known_as=known_as)
    child = dataclasses.replace(samples.CHILD, details=details)
    return referral_summary_pdf(dataclasses.replace(samples.SUMMARY, child=child), samples.META)


def after(label: str, drawn: str) -> str:
    """What is drawn after ``label`` on its line."""
    assert label in drawn, f"{label!r} is not drawn"
    return drawn.split(label, 1)[1].split("\n", 1)[0]


def names(text: str) -> list[str]:
    return [unicodedata.name(char) for char in text if not char.isspace()]


def test_an_arabic_name_is_drawn_joined_and_from_the_right() -> None:
    pdf = summary_for(ARABIC_FIRST, ARABIC_LAST)
    name = after("Name: ", drawn_text(pdf))
    letters = names(name)
    # Drawn left to right, the name starts with the last letter of the surname, joined to the letter before it…
    assert letters[0] == "ARABIC LETTER DAL FINAL FORM"
    # …and ends with the first letter of the first name, alef, which never joins the letter after it.
    assert letters[-1] == "ARABIC LETTER ALEF WITH HAMZA ABOVE ISOLATED FORM"
    assert "ARABIC LETTER HAH INITIAL FORM" in letters and "ARABIC LETTER MEEM MEDIAL FORM" in letters
    assert all(" FORM" in letter for letter in letters), f"a letter is drawn unjoined: {letters}"
    # Read from the right, the drawn letters are the name as typed.
    assert unicodedata.normalize("NFKC", name[::-1]) == f"{ARABIC_FIRST} {ARABIC_LAST}"
    # A reader copying or searching the text gets the name in reading order.
    assert f"Name: {ARABIC_FIRST} {ARABIC_LAST}" in unicodedata.normalize("NFKC", page_texts(pdf)[0])
    assert undrawable(pdf) == [], "a character printed as an empty box"
    assert render_pngs(pdf, "referral_summary_arabic")


def test_a_hebrew_name_is_drawn_from_the_right_after_its_latin_label() -> None:
    pdf = summary_for("Noa", "Levi", known_as=HEBREW)
    drawn = drawn_text(pdf)
    assert after("Known as: ", drawn) == "יול העונ", "the Hebrew name must read right to left"
    assert "Name: Noa Levi" in drawn, "Latin text around a Hebrew name keeps its order"
    assert f"Known as: {HEBREW}" in page_texts(pdf)[0]
    assert undrawable(pdf) == []


def test_a_name_whose_ligature_dejavu_lacks_still_prints_every_letter() -> None:
    # The reshaper's defaults would write "الله" as one ligature (U+FDF2), which DejaVu Sans does not have.
    pdf = build_pdf([field("Name", "عبد الله")], META, title="T", subject="S")
    drawn = drawn_text(pdf)
    assert undrawable(pdf) == [], "a character printed as an empty box"
    assert unicodedata.normalize("NFKC", after("Name: ", drawn)[::-1]) == "عبد الله"
    assert "ARABIC LIGATURE ALLAH ISOLATED FORM" not in names(drawn)
    assert names(after("Name: ", drawn))[:3] == [
        "ARABIC LETTER HEH FINAL FORM",
        "ARABIC LETTER LAM MEDIAL FORM",
        "ARABIC LETTER LAM INITIAL FORM",
    ], "the letters of الله are joined one by one instead"


def left_edges(pdf: bytes) -> dict[str, float]:
    """The x at which each drawn piece of text starts on the first page."""
    edges: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        if text.strip():
            edges.setdefault(text.strip(), cm[4] + tm[4] * cm[0] if cm else tm[4])

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return edges


def test_only_a_wholly_right_to_left_paragraph_is_right_aligned() -> None:
    story = [para("Plain English first."), para(f"{ARABIC_FIRST} {ARABIC_LAST}"), para(f"Called {HEBREW} at home.")]
    pdf = build_pdf(story, META, title="T", subject="S")
    edges = left_edges(pdf)
    text_left = edges["Plain English first."]
    assert abs(text_left - MARGIN) < 10
    arabic = next(x for text, x in edges.items() if ARABIC_FIRST in unicodedata.normalize("NFKC", text))
    mixed = next(x for text, x in edges.items() if text.startswith("Called"))
    assert arabic > 350, "an Arabic paragraph starts at the right margin"
    assert mixed == text_left, "a Latin line holding a Hebrew name stays left-aligned"
    assert "Called יול העונ at home." in drawn_text(pdf)


def test_the_page_header_draws_an_arabic_title_joined_and_from_the_right() -> None:
    pdf = build_pdf([para("Body")], META, title=f"Chronology: {ARABIC_FIRST} {ARABIC_LAST}", subject="S")
    drawn = after("Chronology: ", drawn_text(pdf))
    assert names(drawn)[0] == "ARABIC LETTER DAL FINAL FORM"
    assert unicodedata.normalize("NFKC", drawn[::-1]) == f"{ARABIC_FIRST} {ARABIC_LAST}"
    assert undrawable(pdf) == []


def test_the_childs_words_in_arabic_open_their_quotation_at_the_right() -> None:
    words = "قال إنني مدين له."  # "He said I owe him."
    draft = dataclasses.replace(samples.DRAFT, childs_words=words)
    concern = dataclasses.replace(samples.CONCERN, draft=draft)
    pdf = referral_summary_pdf(dataclasses.replace(samples.SUMMARY, concern=concern), samples.META)
    line = after("The child's own words (verbatim, exactly as said)\n", drawn_text(pdf))
    assert line.startswith("”."), "read from the right, the words end with the full stop and closing quote"
    assert line.endswith("“"), "the quotation opens at the right, where Arabic is read from"
    assert names(line)[2] == "ARABIC LETTER HEH FINAL FORM", "the last word, له, is drawn first from the left"
    assert unicodedata.normalize("NFKC", line[2:-1][::-1]) == words[:-1]


def test_an_arabic_paragraph_over_several_lines_reads_top_to_bottom() -> None:
    # "Sentence n: he said I owe him." fifteen times, numbered so the reading order can be checked.
    text = " ".join(f"جملة {n} قال إنني مدين له." for n in range(1, 16))
    pdf = build_pdf(long_text("The child's own words", text), META, title="T", subject="S")
    drawn = drawn_text(pdf).split("The child's own words\n", 1)[1].split("\nOFFICIAL-SENSITIVE", 1)[0].split("\n")
    assert len(drawn) >= 3, "the words take several lines"
    # Each line read from the right, the lines read from the top: the sentences come in order.
    read = [int(n) for line in drawn for n in reversed(re.findall(r"\d+", line))]
    assert read == list(range(1, 16))
    assert names(drawn[0])[-1] == "ARABIC LETTER JEEM INITIAL FORM", "the first line ends at the right with جملة"
    assert undrawable(pdf) == []
