"""What the school asks for and consent, as the social worker reads them in the referral summary: on page 1, in the
referral's own section, marked when corrected, and "Not recorded" said once for a referral made before they were
asked."""

from __future__ import annotations

import dataclasses

from desktop_app.domain.documents import ReferralSummary
from desktop_app.domain.enums import RouteId
from desktop_app.domain.records import Addendum, ReferralRequest
from desktop_app.reports import referral_summary_pdf
from tests.reports import samples
from tests.reports.pdfcheck import all_text, page_texts, render_pngs, squeeze

NOT_SOUGHT = ReferralRequest(
    asks=("nrm_referral",),
    consent="not_sought",
    consent_note="Asking the family would warn the adult who moves her: her stepfather is named.",
    parents_told=False,
    parents_not_told_reason="Agreed with the duty worker: telling them now would put Zoë at risk.",
)


def summary_with(request: ReferralRequest | None) -> ReferralSummary:
    referral = dataclasses.replace(samples.REFERRAL, request=request)
    return dataclasses.replace(samples.SUMMARY, referrals=(referral,))


def test_page_one_says_what_we_ask_for_and_whether_consent_was_given() -> None:
    pdf = referral_summary_pdf(samples.SUMMARY, samples.META)
    first = squeeze(page_texts(pdf)[0])
    for expected in (
        "What we are asking for: an assessment of the child's needs and risks by children's social care; a strategy "
        "discussion with the police and children's social care; consideration for the Amber Project (the specialist "
        "exploitation service); A joint visit with the school nurse.",
        "Consent to the referral: Sought and given",
        "Parents or carers know of the referral: Yes",
    ):
        assert squeeze(expected) in first, expected
    render_pngs(pdf, "referral_request_page_one")


def test_consent_not_sought_prints_why_on_page_one_and_in_the_referral() -> None:
    pdf = referral_summary_pdf(summary_with(NOT_SOUGHT), samples.META)
    first, text = squeeze(page_texts(pdf)[0]), squeeze(all_text(pdf))
    why = "Not sought. Why consent was not sought: Asking the family would warn the adult who moves her"
    assert squeeze(f"Consent to the referral: {why}") in first
    assert squeeze("Parents or carers know of the referral: No. Why not: Agreed with the duty worker") in first
    assert text.count(squeeze(why)) == 2, "on page 1 and in the referral's own section"
    assert squeeze("What we asked for: consideration of a National Referral Mechanism (NRM) referral") in text
    assert "not_sought" not in all_text(pdf) and "nrm_referral" not in all_text(pdf)
    render_pngs(pdf, "referral_request_not_sought")


def test_a_referral_made_before_these_were_asked_says_not_recorded_once() -> None:
    pdf = referral_summary_pdf(summary_with(None), samples.META)
    text = all_text(pdf)
    first = squeeze(page_texts(pdf)[0])
    assert squeeze("What we asked for and consent: Not recorded") in first
    assert "Consent to the referral" not in text, "not a column of 'Not recorded'"
    assert squeeze("Parents or carers told: Yes") in first, "what the decision recorded still prints"
    section = squeeze(text.split("Who was contacted")[1])
    assert section.count(squeeze("Not recorded")) == 1


def test_before_any_referral_page_one_says_what_the_routes_suggest_asking() -> None:
    pdf = referral_summary_pdf(dataclasses.replace(samples.SUMMARY, referrals=()), samples.META)
    first = squeeze(page_texts(pdf)[0])
    assert squeeze("What we are asking for: an assessment of the child's needs and risks") in first
    assert squeeze("Consent to the referral: Not recorded") in first


def test_a_corrected_referral_is_marked_on_page_one_where_the_request_is() -> None:
    correction = Addendum(
        addendum_id=2,
        object_kind="referral",
        object_id=samples.REFERRAL.referral_id,
        author=samples.DSL,
        written_at=samples.ADDENDUM.written_at,
        reason="Consent was recorded wrongly",
        change="Consent was sought and refused by mother.",
    )
    summary = dataclasses.replace(samples.SUMMARY, addenda=(samples.ADDENDUM, correction))
    first = squeeze(page_texts(referral_summary_pdf(summary, samples.META))[0])
    assert squeeze("Consent to the referral: Sought and given (corrected: see addendum 2)") in first


def test_two_referrals_asking_and_consenting_differently_read_without_stray_punctuation() -> None:
    """What was asked for and the consent of two referrals on page 1: a part typed with its own full stop is not
    followed by ";" ("…school nurse.; consideration…", "…her stepfather is named.; Police…")."""
    police = dataclasses.replace(samples.REFERRAL, referral_id=4, route=RouteId.POLICE_101, request=NOT_SOUGHT)
    not_sought_first = dataclasses.replace(samples.REFERRAL, request=NOT_SOUGHT)
    for referrals in (
        (samples.REFERRAL, police),
        (not_sought_first, dataclasses.replace(police, request=samples.REFERRAL.request)),
    ):
        pdf = referral_summary_pdf(dataclasses.replace(samples.SUMMARY, referrals=referrals), samples.META)
        first = squeeze(page_texts(pdf)[0])
        assert squeeze("Consent to the referral") in first
        for stray in (".;", "!;", "?;"):
            assert stray not in first, first
