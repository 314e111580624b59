"""Names in any script print with real letters (DESIGN §7): DejaVu Sans, and an embedded CJK font where it has none."""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.documents import DocumentMeta
from desktop_app.domain.records import ChildDetails
from desktop_app.reports import chronology_pdf, referral_summary_pdf
from desktop_app.reports.flow import esc, markup, para
from desktop_app.reports.template import build_pdf
from tests.reports import samples
from tests.reports.pdfcheck import all_text, body_text, fonts_of, render_pngs, squeeze, undrawable

# Fictional children: (first name, last name, what they said in their own language).
NAMES = [
    ("小龍", "李", "他说我欠他钱。"),
    ("Zoë", "Wiśniewska-Nguyễn", "Powiedział, że jestem mu winna."),
    ("Αλέξανδρος", "Παπαδόπουλος", "Είπε ότι του χρωστάω."),
    ("Дарья", "Соколова", "Он сказал, что я ему должна."),
    ("민준", "김", "그가 내가 빚졌다고 했어요."),
    ("さくら", "山田", "借りがあると言われた。"),
]
ARABIC = ("أحمد", "السيد", "قال إنني مدين له.")
EMBEDDED = ("DejaVuSans", "WenQuanYiMicroHei")


def documents_for(first: str, last: str, words: str) -> dict[str, bytes]:
    details = dataclasses.replace(samples.CHILD.details, first_name=first, last_name=last, known_as=first)
    child = dataclasses.replace(samples.CHILD, details=details)
    draft = dataclasses.replace(samples.DRAFT, childs_words=words, account=f"{first} was waiting by the shop.")
    concern = dataclasses.replace(samples.CONCERN, draft=draft)
    summary = dataclasses.replace(samples.SUMMARY, child=child, concern=concern)
    chronology = dataclasses.replace(samples.CHRONOLOGY, child=child)
    return {
        "referral": referral_summary_pdf(summary, samples.META),
        "chronology": chronology_pdf(chronology, samples.META),
    }


@pytest.mark.parametrize(("first", "last", "words"), NAMES, ids=[last for _first, last, _words in NAMES])
def test_a_name_in_any_script_reads_back_whole_with_real_letters(
    first: str, last: str, words: str, tmp_path: Path
) -> None:
    full_name = ChildDetails(first, last).full_name  # Chinese, Japanese and Korean names: family name first
    for kind, pdf in documents_for(first, last, words).items():
        text = all_text(pdf)
        assert f"Name: {full_name}" in text, kind
        assert f"Known as: {first}" in text, kind
        if kind == "referral":
            assert f"“{words}”" in text
            assert f"{first} was waiting by the shop." in text
        else:
            assert f"Chronology: {full_name}" in text
        assert undrawable(pdf) == [], f"{kind}: these letters would print as empty boxes"
        fonts = fonts_of(pdf, tmp_path)
        assert all(embedded for _name, embedded in fonts), fonts
        assert all(name.split("+")[-1].startswith(EMBEDDED) for name, _embedded in fonts), fonts


def test_an_arabic_name_prints_with_real_letters_in_every_document(tmp_path: Path) -> None:
    """Joined and drawn from the right (test_rtl); a reader copying the text gets it back in reading order."""
    first, last, words = ARABIC
    for kind, pdf in documents_for(first, last, words).items():
        assert undrawable(pdf) == [], kind
        text = unicodedata.normalize("NFKC", all_text(pdf))  # the joined letters read back as the plain ones
        assert f"Name: {first} {last}" in text, kind
        # Every word reads back whole; pypdf orders the words of a right-to-left run its own way (test_rtl checks
        # the drawing order itself).
        if kind == "referral":
            assert all(word in text for word in words.rstrip(".").split()), text
        else:
            title = text.split("Chronology:")[1].split("Significant")[0]
            assert first in title and last in title, title
        assert all(embedded for _name, embedded in fonts_of(pdf, tmp_path))


def test_a_latin_only_document_does_not_carry_the_cjk_font(tmp_path: Path) -> None:
    pdf = referral_summary_pdf(samples.SUMMARY, samples.META)
    names = [name for name, _embedded in fonts_of(pdf, tmp_path)]
    assert names and not any("WenQuanYi" in name for name in names), names


def test_the_setting_name_in_the_page_header_prints_in_any_script() -> None:
    meta = DocumentMeta("山田学園 Школа №5", "REF-2026-00042-01", 7, samples.META.printed_at)
    pdf = build_pdf([markup("Body")], meta, title="Test", subject="S")
    text = all_text(pdf)
    assert "山田学園 Школа №5" in text and "Document REF-2026-00042-01" in text
    assert undrawable(pdf) == []


def test_the_box_check_itself_sees_a_letter_drawn_in_a_font_without_it() -> None:
    unprotected = build_pdf([markup("李 and 김")], samples.META, title="T", subject="S")
    assert len(undrawable(unprotected)) == 2, "each letter DejaVu lacks is a box"
    assert "李" not in all_text(unprotected)
    protected = build_pdf([markup(esc("李 and 김"))], samples.META, title="T", subject="S")
    assert undrawable(protected) == []


def test_render_every_script_to_look_at() -> None:
    """Renders to /tmp/waymark-pdf-renders: open names_in_any_script-1.png to see the letters, not boxes."""
    story = []
    for first, last, words in [*NAMES, ARABIC]:
        story += [markup(f"<b>{esc(first)} {esc(last)}</b>: {esc(words)}")]
    pdf = build_pdf(story, samples.META, title="Names in any script", subject="S")
    assert undrawable(pdf) == []
    assert render_pngs(pdf, "names_in_any_script")


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab &<>;/\n李김ДśễΩ\u200b"), min_size=1, max_size=80))
def test_any_mix_of_scripts_and_markup_characters_prints_every_letter(text: str) -> None:
    pdf = build_pdf([para(text)], samples.META, title="T", subject="S")
    assert undrawable(pdf) == []
    assert squeeze(text.replace("\u200b", "")) in squeeze(body_text(pdf).replace("\u200b", ""))
