"""Page 1 of the referral summary holds what a social worker needs first; corrections are marked where they apply."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from desktop_app.reports import referral_summary_pdf
from tests.reports import samples
from tests.reports.pdfcheck import all_text, page_texts, render_pngs, squeeze

SETTING = dataclasses.replace(samples.SETTING, dsl_role="Designated Safeguarding Lead", dsl_phone="01144960001")
SUMMARY = dataclasses.replace(samples.SUMMARY, setting=SETTING)


def test_page_one_holds_status_level_urgency_request_routes_words_and_the_call_back_number() -> None:
    pdf = referral_summary_pdf(SUMMARY, samples.META)
    first = squeeze(page_texts(pdf)[0])
    for expected in (
        "Status: Referred",
        "Urgency: Urgent: high risk of exploitation",
        "Level of risk confirmed by the DSL: High risk (the screening tool suggested medium risk)",
        "What we are asking for: an assessment of the child's needs and risks by children's social care",
        "Consent to the referral: Sought and given",
        "Routes already taken: Sheffield Safeguarding Hub: Priya Shah, duty social worker",
        "SSH-884213",
        "I owe him",
        "Direct telephone: 0114 496 0001",
        "dsl@hillside.example",
    ):
        assert squeeze(expected) in first, expected
    render_pngs(pdf, "referral_page_one")


def test_a_closed_concern_says_so_with_its_outcome() -> None:
    closed = dataclasses.replace(SUMMARY, status="Closed", outcome="Social care assessment completed; plan in place.")
    first = squeeze(page_texts(referral_summary_pdf(closed, samples.META))[0])
    assert squeeze("Status: Closed. Outcome: Social care assessment completed; plan in place.") in first


def test_an_overdue_written_confirmation_is_flagged_on_page_one_and_in_the_log() -> None:
    text = squeeze(all_text(referral_summary_pdf(SUMMARY, samples.META)))
    assert squeeze("Written confirmation overdue: to Sheffield Safeguarding Hub, due 23 November 2026") in text
    assert "OVERDUE" in text
    on_time = dataclasses.replace(SUMMARY, today=date(2026, 11, 22))
    assert "overdue" not in all_text(referral_summary_pdf(on_time, samples.META)).lower()


def test_a_corrected_record_is_marked_where_it_first_appears() -> None:
    text = squeeze(all_text(referral_summary_pdf(SUMMARY, samples.META)))
    marked = text.index(squeeze("The concern (corrected: see addendum 1)"))
    assert marked < text.index(squeeze("Addendum 1:"))


def test_no_internal_words_reach_the_reader() -> None:
    text = all_text(referral_summary_pdf(SUMMARY, samples.META))
    assert "Waymark child number" not in text
    assert "Not recorded" not in text.split("The child")[0], "the setting block shows only what is recorded"


def test_no_snake_case_id_of_any_forms_file_is_printed() -> None:
    from tests.reports.test_no_form_ids import form_ids

    text = all_text(referral_summary_pdf(SUMMARY, samples.META))
    words = set(re.findall(r"[a-z0-9]+(?:_[a-z0-9]+)+", text))
    assert not (words & form_ids())


def test_the_chronology_names_the_child_keeps_corrections_in_words_and_flags_an_overdue_review() -> None:
    from desktop_app.domain.documents import ChronologyEvent
    from desktop_app.reports import chronology_pdf

    events = (
        *samples.CHRONOLOGY.events[:1],
        dataclasses.replace(samples.CHRONOLOGY.events[1], review_date=date(2026, 12, 4)),
        ChronologyEvent(
            samples.CHRONOLOGY.events[1].when,
            "Amendment",
            "The car was seen at 15:40, not 15:10.",
            action="Why: Time corrected by the recorder",
            recorded_by="Mrs Ruth Okonkwo",
        ),
    )
    late = dataclasses.replace(samples.CHRONOLOGY, events=events, today=date(2026, 12, 7))
    pdf = chronology_pdf(late, samples.META)
    text = squeeze(all_text(pdf))
    assert squeeze("Chronology: Zoë Wiśniewska-Nguyễn") in squeeze(page_texts(pdf)[0])
    assert squeeze("Corrected: The car was seen at 15:40, not 15:10. (Time corrected by the recorder)") in text
    assert squeeze("Review on 4 December 2026 (OVERDUE)") in text
    in_time = dataclasses.replace(late, today=date(2026, 12, 1))
    assert "OVERDUE" not in all_text(chronology_pdf(in_time, samples.META))
    assert "Waymark child number" not in text
    render_pngs(pdf, "chronology_overdue")
