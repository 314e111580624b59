"""The referral summary carries every field a social worker needs, exactly as recorded."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from desktop_app.reports import referral_summary_pdf
from tests.reports import samples
from tests.reports.pdfcheck import all_text, body_text, fonts_of, page_texts, render_pngs, squeeze


def test_every_field_of_the_record_is_in_the_summary(tmp_path: Path) -> None:
    pdf = referral_summary_pdf(samples.SUMMARY, samples.META)
    text = all_text(pdf)
    expected = [
        # the setting and the DSL
        "Hillside Academy",
        "1 School Lane, Sheffield S1 2AB",
        "0114 496 0000",
        "Mrs Ruth Okonkwo",
        "0114 496 0001",
        "dsl@hillside.example",
        # the child
        "Zoë",
        "Wiśniewska-Nguyễn",
        "Zo",
        "14 March 2012",
        "14 at the time of the concern",
        "Female",
        "Year 9",
        "14 Birch Grove, Sheffield S2 9ZZ",
        "Mother, Anna Wiśniewska",
        "CAMHS (Dr Patel)",
        "None known",
        # the concern
        "WM-2026-00042",
        "20 November 2026",
        "Bus stop outside the school gates",
        "<b>cash</b>",
        "“He said I owe him & I have to do one more run to Doncaster.”",
        "verbatim",
        "Ahmed Al-Sayed",
        "Spoke to Zoë the next morning",
        "Mr Tom Reyes",
        "Form tutor",
        "Criminal exploitation",
        "'Big T'",
        "Silver hatchback",
        "Castle Market car park",
        # the screening, grouped by section, with timeframe, basis and note
        "Child exploitation screening tool, version 2",
        "Vulnerabilities",
        "Has experienced recent bereavement or loss",
        "earlier, reported",
        "Grandfather died in June.",
        "Warning signs",
        "Money, clothes or phones without a plausible explanation",
        "current (last 3 months), observed",
        "New phone seen in form time.",
        "Protective factors",
        "Parental warmth, support and a good safety network",
        "Mother engaged and worried.",
        # levels, reasons and override
        "Medium risk",
        "A current significant warning sign makes the level at least medium.",
        "High risk",
        "Disclosure of debt bondage to an adult: raised to high.",
        # wishes, parents, danger, safety
        "Zoë wants to stay at Hillside",
        "Mother is worried and wants help.",
        "Parents or carers told: Yes",
        "We are worried Zoë is being made to carry drugs to pay a debt.",
        "Zoë is safe from 'Big T'",
        # routes, contacts, actions, review, addenda, signatures
        "Sheffield Safeguarding Hub",
        "South Yorkshire Police (101)",
        "Priya Shah, duty social worker",
        "SSH-884213",
        "Strategy discussion booked",
        "due 23 November 2026",
        "Daily check-in with the pastoral lead",
        "4 December 2026",
        "Time corrected by the recorder",
        "The car was seen at 15:40, not 15:10.",
        "Designated Safeguarding Lead or deputy",
        "Received by",
        "Signature",
    ]
    missing = [item for item in expected if item not in text]
    assert not missing, f"missing from the referral summary: {missing}"
    assert "Unexplained absences" not in text, "an item answered no must not appear as an indicator"
    assert all(embedded for _name, embedded in fonts_of(pdf, tmp_path))
    assert render_pngs(pdf, "referral_summary")


def test_parents_not_told_says_why() -> None:
    assert samples.SUMMARY.screening is not None
    decision = dataclasses.replace(
        samples.SUMMARY.screening.decision,
        parents_told=False,
        parents_not_told_reason="Telling them may put her at risk",
    )
    screening = dataclasses.replace(samples.SUMMARY.screening, decision=decision)
    text = all_text(referral_summary_pdf(dataclasses.replace(samples.SUMMARY, screening=screening), samples.META))
    assert "Parents or carers told: No" in text
    assert "Why they were not told: Telling them may put her at risk" in text


def test_an_unscreened_concern_still_prints_and_says_so() -> None:
    summary = dataclasses.replace(samples.SUMMARY, screening=None, referrals=(), addenda=())
    text = all_text(referral_summary_pdf(summary, samples.META))
    assert "This concern has not been screened yet." in text
    assert "No contact with another agency has been recorded yet." in text


def test_a_20000_character_account_and_long_words_flow_over_pages_with_nothing_lost() -> None:
    account = " ".join(f"Line {n:04d}: she said the man at the flat gave her a bag to carry." for n in range(320))
    assert len(account) >= 20_000
    draft = dataclasses.replace(samples.DRAFT, account=account, childs_words="x" * 3000)
    summary = dataclasses.replace(samples.SUMMARY, concern=dataclasses.replace(samples.CONCERN, draft=draft))
    pdf = referral_summary_pdf(summary, samples.META)
    pages = page_texts(pdf)
    assert len(pages) >= 5
    for number, page in enumerate(pages, start=1):
        assert page.count("OFFICIAL-SENSITIVE") == 2
        assert f"Page {number} of {len(pages)}" in page
    body = squeeze(body_text(pdf))
    assert squeeze(account) in body
    assert "x" * 3000 in body


def test_roles_print_as_a_reader_says_them_not_as_stored() -> None:
    deputy = dataclasses.replace(samples.DSL, role="deputy_dsl")
    screening = dataclasses.replace(samples.SUMMARY.screening, completed_by=deputy)
    pdf = referral_summary_pdf(dataclasses.replace(samples.SUMMARY, screening=screening), samples.META)
    text = squeeze(all_text(pdf))
    assert squeeze("Completed by: Mrs Ruth Okonkwo, Deputy Designated Safeguarding Lead") in text
    assert "deputy_dsl" not in text


def test_dont_know_on_the_adult_and_group_questions_prints_as_dont_know() -> None:
    draft = dataclasses.replace(
        samples.SUMMARY.concern.draft,
        about_adult_working_with_children=None,
        group_or_community=None,
        dont_know=("about_adult_working_with_children", "group_or_community"),
    )
    concern = dataclasses.replace(samples.SUMMARY.concern, draft=draft)
    text = squeeze(all_text(referral_summary_pdf(dataclasses.replace(samples.SUMMARY, concern=concern), samples.META)))
    assert squeeze("About an adult who works with children Don't know") in text.replace(":", "")
    assert squeeze("About a group or community Don't know") in text.replace(":", "")
