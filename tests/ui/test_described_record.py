"""A concern's stored record and its screening are described once (domain.concern_record, domain.screening_record) and
both the concern view and the referral summary show every entry of that description: the same labels, the same
values, in the same order."""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable
from datetime import date, datetime

from desktop_app.definitions import load_forms
from desktop_app.domain.concern_record import RecordSection, Shape, concern_record
from desktop_app.domain.enums import AddendumTarget, RouteId
from desktop_app.domain.records import ScreeningRecord
from desktop_app.domain.screening_record import screening_record
from desktop_app.reports import referral_summary_pdf
from desktop_app.reports.flow import day, moment
from desktop_app.services.casework import ConcernFile, record
from desktop_app.ui.concern_view import concern_html
from desktop_app.ui.referrals import short_date
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


# --- the screening and the DSL's decision (domain.screening_record) -------------------------------------------------

FORMS = load_forms()
ROUTE_TITLES = tuple((str(c.route), c.title) for c in FORMS.contacts.contacts if c.route is not None)
PROTECTIVE = "protective_factors"  # the forms' section whose answers are protective factors


def a_screening(**decision_changes: object) -> ScreeningRecord:
    answers = tuple(
        dataclasses.replace(a, section_id=PROTECTIVE) if a.section_id == "protective" else a for a in samples.ANSWERS
    )
    decision = dataclasses.replace(samples.DECISION, category_ids=("county_lines",), **decision_changes)  # type: ignore[arg-type]
    return dataclasses.replace(
        samples.SCREENING, definition_id=FORMS.screening().id, answers=answers, decision=decision
    )


def both(screening: ScreeningRecord) -> tuple[tuple[RecordSection, ...], str, str]:
    """The screening as the view describes it, then the view's text and the referral summary's text."""
    labels = {RouteId(route): title for route, title in ROUTE_TITLES}  # the summary names routes without numbers
    described = record.screening_record(screening, labels, FORMS)
    view = concern_html(ConcernFile(CONCERN, samples.CHILD, (), (screening,), (), ()), labels)
    summary = dataclasses.replace(
        SUMMARY,
        screening=screening,
        screening_title=FORMS.screening().title,
        protective_section_ids=record.protective_sections(FORMS, screening.definition_id),
        route_titles=ROUTE_TITLES,
        category_titles=tuple((c.id, c.title) for c in FORMS.categories.categories),
    )
    printed = screening_record(
        screening,
        summary.screening_title,
        summary.protective_section_ids,
        summary.route_title,
        summary.category_title,
        title=described[0].title,
    )
    assert printed == described, "the view and the summary describe the screening alike"
    pdf = squeeze(all_text(referral_summary_pdf(summary, samples.META)))
    text = squeeze(html.unescape(re.sub(r"<[^>]+>", " ", view)))
    return described, text, pdf


def texts(sections: tuple[RecordSection, ...], when: Callable[[date], str]) -> list[str]:
    """Every title (but the first: each renderer names the screening its own way), label and value of the
    description in order, days and moments as ``when`` writes them."""
    out: list[str] = []
    for number, section in enumerate(sections):
        out.append(section.title if number else "")
        for entry in section:
            out += [entry.label, entry.value, when(entry.at) if entry.at else "", *entry.items]
            out += [text for a in entry.answers for text in (a.group, a.line, a.note)]
            out.append("" if entry.items or entry.answers else entry.none)
    return [text for text in out if text.strip()]


def pdf_when(at: date) -> str:
    return moment(at) if isinstance(at, datetime) else day(at)


def test_the_view_and_the_referral_summary_show_every_entry_of_the_described_screening_in_its_order() -> None:
    described, view, pdf = both(a_screening(parents_told=False, parents_not_told_reason="It may put her at risk"))
    assert [s.title for s in described][1:] == [
        "Level of risk",
        "Parents and carers",
        "Danger and safety",
        "Routes",
        "Actions and review",
    ]
    view_texts, pdf_texts = texts(described, short_date), texts(described, pdf_when)
    for expected in ("County lines", "significant indicator", "Mother engaged and worried.", "It may put her at risk"):
        assert expected in " ".join(view_texts), expected
    assert shown(view_texts, view[view.index(squeeze("Screening tool:")) :]) == []
    assert shown(pdf_texts, pdf[pdf.index(squeeze("Screening tool:")) :]) == []
    assert "Unexplained absences" not in view and "Unexplained absences" not in pdf, "an item answered no"


def test_what_is_missing_from_a_screening_is_said_alike_in_the_view_and_the_summary() -> None:
    screening = dataclasses.replace(a_screening(routes=()), answers=())
    described, view, pdf = both(screening)
    for said in ("No indicator was answered yes.", "None recorded.", "No route chosen."):
        assert said in [e.none for s in described for e in s]
        assert squeeze(said) in view and squeeze(said) in pdf, said


def test_a_correction_to_a_screening_or_a_referral_names_it_alike_in_the_view_and_the_summary() -> None:
    earlier = dataclasses.replace(a_screening(), screening_id=4)
    latest = a_screening()
    police = dataclasses.replace(samples.REFERRAL, referral_id=4, route=RouteId.POLICE_101)
    to_latest, to_earlier, to_police = (
        dataclasses.replace(samples.ADDENDUM, addendum_id=n, object_kind=kind, object_id=object_id)
        for n, kind, object_id in (
            (1, AddendumTarget.SCREENING, latest.screening_id),
            (2, AddendumTarget.SCREENING, earlier.screening_id),
            (3, AddendumTarget.REFERRAL, police.referral_id),
        )
    )
    addenda, referrals = (to_latest, to_earlier, to_police), (samples.REFERRAL, police)
    summary = dataclasses.replace(
        SUMMARY, screening=latest, screening_ids=(4, 5), addenda=addenda, referrals=referrals, route_titles=ROUTE_TITLES
    )
    pdf = all_text(referral_summary_pdf(summary, samples.META))
    view = concern_html(ConcernFile(CONCERN, samples.CHILD, addenda, (earlier, latest), referrals, ()))
    assert "<h3>Screening 1 of 2</h3>" in view and "<h3>Screening 2 of 2</h3>" in view
    assert "Screening 2 of 2 (corrected: see addendum 1)" in pdf, "the printed screening is the latest of two"
    police_title = dict(ROUTE_TITLES)["police_101"]
    for target in ("screening 2 of 2", "screening 1 of 2", f"the referral to {police_title}"):
        assert f"Correction to {target}</b>" in view, target
        assert squeeze(f"to {target}") in squeeze(pdf), target


def test_the_only_screening_is_not_numbered() -> None:
    screening = a_screening()
    correction = dataclasses.replace(
        samples.ADDENDUM, object_kind=AddendumTarget.SCREENING, object_id=screening.screening_id
    )
    summary = dataclasses.replace(SUMMARY, screening=screening, addenda=(correction,))
    pdf = all_text(referral_summary_pdf(summary, samples.META))
    assert "Screening (corrected: see addendum 1)" in pdf and "to the screening" in pdf
    view = concern_html(ConcernFile(CONCERN, samples.CHILD, (correction,), (screening,), (), ()))
    assert "Correction to the screening</b>" in view and "<h3>Screening</h3>" in view
