"""The page template every document shares: marks on every page, metadata, fonts, escaping, long text."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from desktop_app.domain.documents import DocumentMeta
from desktop_app.reports.flow import field, heading, long_text, para, pieces
from desktop_app.reports.template import build_pdf
from tests.reports.pdfcheck import body_text, fonts_of, page_texts, squeeze

META = DocumentMeta("Hillside Academy", "REF-2026-00042-01", 314, datetime(2026, 11, 28, 18, 5))


def long_account(sentences: int = 280) -> str:
    text = " ".join(
        f"Sentence {n:04d} of the account: they waited by the shop on Penistone Road." for n in range(sentences)
    )
    assert len(text) >= 20_000
    return text


def test_every_page_has_the_marking_page_numbers_and_ids() -> None:
    pdf = build_pdf(long_text("Account", long_account()), META, title="Test document", subject="Testing")
    pages = page_texts(pdf)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert text.count("OFFICIAL-SENSITIVE") == 2, f"page {number} lacks the marking top and bottom"
        assert f"Page {number} of {len(pages)}" in text
        assert "Hillside Academy" in text
        assert "REF-2026-00042-01" in text
        assert "Audit sequence 314" in text
        assert "Printed 28 November 2026 18:05" in text


def test_a_20000_character_account_flows_over_pages_without_losing_a_sentence() -> None:
    account = long_account()
    pdf = build_pdf([heading("Concern"), *long_text("What happened", account)], META, title="T", subject="S")
    assert len(page_texts(pdf)) >= 3
    body = body_text(pdf)
    assert "OFFICIAL-SENSITIVE" not in body, "the page marks must not be read as part of the account"
    assert squeeze(account) in squeeze(body)
    for n in range(280):
        assert f"Sentence {n:04d} of the account" in body


def test_metadata_names_the_document_the_setting_and_british_english() -> None:
    pdf = build_pdf([para("Hello")], META, title="Referral summary: WM-2026-00042", subject="Referral")
    reader = PdfReader(io.BytesIO(pdf))
    info = reader.metadata
    assert info is not None
    assert info.title == "Referral summary: WM-2026-00042"
    assert info.subject == "Referral"
    assert info.author == "Hillside Academy"
    assert str(reader.root_object["/Lang"]) == "en-GB"


def test_user_text_prints_literally_not_as_markup() -> None:
    pdf = build_pdf(
        [heading("<b>Tom & Jerry"), field("Known as", "<i>Spike</i> & <font size=40>Tyke"), para("a < b > c &amp;")],
        META,
        title="T",
        subject="S",
    )
    text = page_texts(pdf)[0]
    assert "<b>Tom & Jerry" in text
    assert "<i>Spike</i> & <font size=40>Tyke" in text
    assert "a < b > c &amp;" in text


def test_names_in_any_script_read_back_intact_and_every_font_is_embedded(tmp_path: Path) -> None:
    names = ["Zoë Wiśniewska-Nguyễn", "Ahmed Al-Sayed", "Şükrü Őrsi", "Jiří Dvořák"]
    pdf = build_pdf([field("Name", name) for name in names], META, title="T", subject="S")
    text = page_texts(pdf)[0]
    for name in names:
        assert name in text
    fonts = fonts_of(pdf, tmp_path)
    assert fonts, "pdffonts listed no fonts"
    assert all(embedded for _name, embedded in fonts), fonts
    assert all("DejaVu" in name for name, _embedded in fonts), fonts


def test_control_characters_pasted_into_a_record_do_not_stop_the_document() -> None:
    pdf = build_pdf([para("Line one\x00\x07\nLine two\r\nLine three\tend")], META, title="T", subject="S")
    text = page_texts(pdf)[0]
    assert "Line one" in text and "Line two" in text and "Line three" in text


@given(st.text(alphabet=st.sampled_from("ab .!?\nźễ"), max_size=600), st.integers(min_value=10, max_value=200))
def test_long_paragraphs_are_cut_into_pieces_without_losing_a_character(text: str, limit: int) -> None:
    parts = pieces(text, limit)
    assert "".join(parts) == text
    assert all(len(part) <= limit for part in parts)


def test_a_100000_character_account_prints_whole() -> None:
    account = " ".join(f"Entry {n:05d} of the account, written down as she said it." for n in range(1800))
    assert len(account) >= 100_000
    pdf = build_pdf(long_text("What happened", account), META, title="T", subject="S")
    assert squeeze(account) in squeeze(body_text(pdf))
