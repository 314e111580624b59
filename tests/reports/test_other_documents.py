"""Chronology, obligations checklist (blank and completed), quick reference, and encryption of saved copies."""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from desktop_app.domain.documents import (
    ChecklistEntry,
    ChecklistRun,
    ChronologyEvent,
    ContactLine,
    ObligationStatus,
    ObligationText,
    SignOff,
)
from desktop_app.errors import UserFacingError
from desktop_app.reports import checklist_pdf, chronology_pdf, encrypt_pdf, is_encrypted, quick_reference_pdf
from tests.reports import samples
from tests.reports.pdfcheck import all_text, body_text, fonts_of, page_texts, render_pngs, squeeze

OBLIGATIONS = tuple(
    ObligationText(
        f"ob_{n}", f"Obligation number {n} is met", f"What obligation {n} asks of the setting.", f"Proof {n}"
    )
    for n in range(1, 10)
)


def test_chronology_lists_each_event_in_date_order(tmp_path: Path) -> None:
    late = ChronologyEvent(
        when=samples.CHRONOLOGY.events[0].when.replace(year=2027),
        kind="Missing episode",
        summary="Missing overnight; found in Doncaster.",
        outcome="Return interview held",
    )
    chronology = dataclasses.replace(samples.CHRONOLOGY, events=(late, *samples.CHRONOLOGY.events))
    pdf = chronology_pdf(chronology, samples.META)
    text = all_text(pdf)
    for expected in (
        "Chronology: Zoë Wiśniewska-Nguyễn",
        "14 March 2012",
        "Year 9",
        "20 November 2026 15:40",
        "Seen getting into a silver car with an older male.",
        "Told the DSL.",
        "Safety plan agreed.",
        "Review on 4 December 2026",
        "SSH-884213",
        "Strategy discussion booked",
        "Mr Tom Reyes",
        "Missing overnight; found in Doncaster.",
        "Return interview held",
    ):
        assert expected in text, expected
    assert text.index("Seen getting into a silver car") < text.index("Strategy discussion") < text.index("Missing over")
    assert all(embedded for _n, embedded in fonts_of(pdf, tmp_path))
    assert render_pngs(pdf, "chronology")


def test_blank_checklist_has_every_obligation_status_boxes_and_sign_off(tmp_path: Path) -> None:
    pdf = checklist_pdf(samples.SETTING, OBLIGATIONS, samples.META)
    text = all_text(pdf)
    for ob in OBLIGATIONS:
        assert ob.title in text and ob.description in text and ob.evidence in text
    for header in ("Obligation", "Status", "Evidence", "Action", "Owner", "Due date"):
        assert header in text
    assert text.count("☐ Met") == len(OBLIGATIONS)
    assert "☒" not in text
    assert "Head teacher or principal" in text and "Safeguarding governor" in text
    pages = page_texts(pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert page.count("OFFICIAL-SENSITIVE") == 2 and f"Page {number} of {len(pages)}" in page
    reader = PdfReader(io.BytesIO(pdf))
    assert float(reader.pages[0].mediabox.width) > float(reader.pages[0].mediabox.height), "landscape"
    assert all(embedded for _n, embedded in fonts_of(pdf, tmp_path))
    assert render_pngs(pdf, "checklist_blank")


def test_completed_checklist_shows_each_status_evidence_action_owner_and_due_date() -> None:
    long_evidence = " ".join(f"Evidence line {n:03d} from the staff training log." for n in range(150))
    run = ChecklistRun(
        year="2026/27",
        entries=(
            ChecklistEntry(OBLIGATIONS[0], ObligationStatus.MET, "Policy names Mrs Okonkwo", "None", "DSL", None),
            ChecklistEntry(
                OBLIGATIONS[1], ObligationStatus.NOT_MET, long_evidence, "Book training", "Mr Reyes", date(2027, 1, 31)
            ),
        ),
        completed_on=date(2026, 12, 1),
        sign_offs=(SignOff("Ms Dana Whitfield", "Safeguarding governor", date(2026, 12, 2)),),
    )
    pdf = checklist_pdf(samples.SETTING, OBLIGATIONS, samples.META, run)
    text = all_text(pdf)
    for expected in (
        "annual audit for 2026/27",
        "Status: Met",
        "Status: Not met",
        "Policy names Mrs Okonkwo",
        "Book training",
        "Mr Reyes",
        "31 January 2027",
        "1 December 2026",
        "Ms Dana Whitfield",
        "2 December 2026",
    ):
        assert expected in text, expected
    assert "☒" not in text and "☐" not in text, "a completed audit says each status in words, not boxes"
    assert len(page_texts(pdf)) >= 2
    body = squeeze(body_text(pdf))
    lost = [n for n in range(150) if f"Evidenceline{n:03d}fromthestafftraininglog." not in body]
    assert not lost, f"a long entry must continue on the next page whole; lost lines {lost}"
    assert render_pngs(pdf, "checklist_completed")


def test_quick_reference_is_one_page_with_the_steps_and_local_numbers(tmp_path: Path) -> None:
    contacts = (
        *samples.QUICK.contacts,
        ContactLine("Local Authority Designated Officer (LADO)", "", "An adult who works with children.", "Form"),
    )
    pdf = quick_reference_pdf(dataclasses.replace(samples.QUICK, contacts=contacts), samples.META)
    pages = page_texts(pdf)
    assert len(pages) == 1
    text = all_text(pdf)
    for expected in (
        "What to do",
        "1. If someone is in immediate danger, ring 999 now.",
        "Mrs Ruth Okonkwo",
        "0114 496 0001",
        "Sheffield Safeguarding Hub",
        "0114 273 4855",  # as people write it
        "Mr Sam Hale",
        "Child Exploitation Lead",
        "A number not shown here: ask the Designated Safeguarding Lead.",
    ):
        assert expected in text, expected
    assert "LADO" not in text, "a contact without a number is left out"
    assert "Ask the DSL" not in text and "Settings" not in text
    assert all(embedded for _n, embedded in fonts_of(pdf, tmp_path))
    assert render_pngs(pdf, "quick_reference")


def test_an_encrypted_copy_refuses_to_open_without_its_password_and_uses_aes_256_r6() -> None:
    plain = chronology_pdf(samples.CHRONOLOGY, samples.META)
    locked = encrypt_pdf(plain, "correct horse battery")
    assert is_encrypted(locked) and not is_encrypted(plain)
    assert b"Wi" not in locked.split(b"stream")[0] or "Zoë" not in locked.decode("latin-1")
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(locked))
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(locked), password="wrong password")
    with pikepdf.open(io.BytesIO(locked), password="correct horse battery") as document:
        info = document.encryption
        assert info.R == 6
        assert info.bits == 256
        assert str(info.stream_method) == "EncryptionMethod.aesv3"
    reader = PdfReader(io.BytesIO(locked))
    assert reader.is_encrypted
    assert "Seen getting into a silver car" in " ".join(page_texts(locked, password="correct horse battery"))


def test_a_short_pdf_password_is_refused_with_a_clear_sentence() -> None:
    with pytest.raises(UserFacingError, match="at least 8 characters"):
        encrypt_pdf(chronology_pdf(samples.CHRONOLOGY, samples.META), "short")
