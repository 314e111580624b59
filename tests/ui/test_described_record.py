"""A concern's stored record is described once (domain.concern_record) and both the concern view and the referral
summary show every entry of that description: the same labels, the same values, in the same order."""

from __future__ import annotations

import dataclasses
import html
import re

from desktop_app.definitions import load_forms
from desktop_app.domain.concern_record import Shape, concern_record
from desktop_app.reports import referral_summary_pdf
from desktop_app.services.casework import ConcernFile
from desktop_app.ui.concern_view import concern_html
from tests.reports import samples
from tests.reports.pdfcheck import all_text, squeeze

SIGN = "controlling_or_older_relationships"
SIGNS = ((SIGN, load_forms().screening().item(SIGN).text),)
DRAFT = dataclasses.replace(samples.DRAFT, sign_ids=(SIGN,), immediate_danger=True)
CONCERN = dataclasses.replace(samples.CONCERN, draft=DRAFT)
SUMMARY = dataclasses.replace(samples.SUMMARY, concern=CONCERN, sign_titles=SIGNS)


def view_text() -> str:
    page = concern_html(ConcernFile(CONCERN, samples.CHILD, (), (), (), ()))
    return squeeze(html.unescape(re.sub(r"<[^>]+>", " ", page)))


def shown(entry_texts: list[str], text: str) -> list[str]:
    """The texts of ``entry_texts`` missing from ``text``, or found out of order."""
    missing, at = [], 0
    for wanted in entry_texts:
        found = text.find(squeeze(wanted), at)
        if found < 0:
            missing.append(wanted)
        else:
            at = found
    return missing


def test_the_view_and_the_referral_summary_show_every_entry_of_the_one_description_in_its_order() -> None:
    record = concern_record(CONCERN, SUMMARY.sign_title, SUMMARY.category_title)
    texts = [text for entry in record for text in (entry.label, entry.value, *entry.items) if text.strip()]
    assert SIGNS[0][1] in texts and "Criminal exploitation" in texts
    assert shown(texts, view_text()) == []
    assert shown(texts, squeeze(all_text(referral_summary_pdf(SUMMARY, samples.META)))) == []


def test_every_part_of_the_stored_concern_is_in_the_description() -> None:
    record = concern_record(CONCERN, SUMMARY.sign_title, SUMMARY.category_title)
    assert record.entry("Immediate danger at the time").warning
    assert record.entry("The child's own words").shape is Shape.VERBATIM
    assert record.entry("When it happened").at == DRAFT.happened_at
    assert record.entry("Adults of concern").items == ("'Big T', Man in his twenties, Silver hatchback",)
    described = " ".join(text for entry in record for text in (entry.value, *entry.items))
    for value in (
        DRAFT.location,
        DRAFT.account,
        DRAFT.childs_words,
        DRAFT.others_present,
        DRAFT.action_taken,
        DRAFT.recorder_name,
        DRAFT.recorder_role,
        CONCERN.reference,
        "Ahmed Al-Sayed (witness): Saw the car",
        "Castle Market car park: Evenings",
    ):
        assert value in described, value
