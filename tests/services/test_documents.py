"""Documents from a real vault: the referral summary and chronology carry the record; saves and prints are audited."""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pikepdf
import pytest

from desktop_app.definitions import load_forms
from desktop_app.domain.documents import DocumentKind
from desktop_app.domain.screening import DefinitionRef
from desktop_app.errors import UserFacingError
from desktop_app.services import documents
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import make_vault
from tests.reports import samples
from tests.reports.pdfcheck import all_text, page_texts


@pytest.fixture
def session(tmp_path: Path) -> Iterator[VaultSession]:
    """An unlocked session on a new vault of the shared fictional setting; locked after the test."""
    created = make_vault(tmp_path / "vault")
    yield created.session
    created.session.lock()


def audit_actions(session: VaultSession) -> list[tuple[str, str, str]]:
    with session.uow() as uow:
        entries = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
    return [(e.action, str(e.object_ref), str(e.details)) for e in entries]


def record_case(session: VaultSession) -> tuple[int, int]:
    """Put the fictional child, concern, screening, referral and a correction into the vault."""
    actor = session.actor()
    answers = tuple(
        dataclasses.replace(a, section_id="protective_factors") if a.section_id == "protective" else a
        for a in samples.ANSWERS
    )
    with session.uow() as uow:
        child = uow.children.add(samples.CHILD.details, actor)
        concern = uow.concerns.add(child.child_id, samples.DRAFT, actor, sealed=False)
        uow.audit.append(actor, "concern.submitted", concern.reference)
        screening = uow.screenings.add(
            concern.concern_id,
            DefinitionRef("sheffield-exploitation-screening", "1", "ab" * 32),
            answers,
            samples.DECISION,
            actor,
        )
        uow.audit.append(actor, "screening.completed", screening.screening_id)
        entry = samples.REFERRAL
        uow.referrals.add(
            concern.concern_id,
            entry.route,
            entry.contacted_name,
            entry.contacted_at,
            entry.reference,
            entry.outcome,
            entry.confirmation_due,
            actor,
        )
        uow.audit.append(actor, "referral.recorded", concern.concern_id)
        uow.addenda.add("concern", concern.concern_id, actor, samples.ADDENDUM.reason, samples.ADDENDUM.change)
        uow.audit.append(actor, "addendum.added", concern.concern_id)
        uow.commit()
    return child.child_id, concern.concern_id


def test_referral_summary_from_the_vault_has_the_record_and_its_document_id(session: VaultSession) -> None:
    _child_id, concern_id = record_case(session)
    pdf, document_id, title = documents.render_referral_summary(session, concern_id)
    assert document_id.startswith("REF-") and document_id.endswith("-01")
    assert title.startswith("Referral summary: WM-")
    text = all_text(pdf)
    for expected in (
        "Hollybrook Community School",  # the vault's setting
        "Wiśniewska-Nguyễn",
        "“He said I owe him & I have to do one more run to Doncaster.”",
        "Money, clothes or phones without a plausible explanation",
        "Parental warmth, support and a good safety network",
        "Disclosure of debt bondage to an adult: raised to high.",
        "Sheffield Safeguarding Hub",  # the route's title from forms/ contacts
        "SSH-884213",
        "The car was seen at 15:40, not 15:10.",
        document_id,
        "Morgan Fairweather",  # prepared by the signed-in DSL
    ):
        assert expected in text, expected
    protective = text.index("Protective factors")
    assert text.index("Parental warmth") > protective > text.index("Money, clothes"), "protective factors apart"


def test_chronology_from_the_vault_lists_concern_screening_referral_and_amendment(session: VaultSession) -> None:
    child_id, _concern_id = record_case(session)
    pdf, document_id, _title = documents.render_chronology(session, child_id, today=date(2026, 11, 28))
    assert document_id == f"CHR-{child_id:05d}-20261128"
    text = all_text(pdf)
    for expected in (
        "Concern",
        "Bus stop outside the school gates",
        "Screening",
        "suggested medium risk",
        "confirmed high risk",
        "Review by 4 December 2026",
        "Referral",
        "Priya Shah, duty social worker",
        "Amendment",
        "The car was seen at 15:40",
    ):
        assert expected in text, expected


def test_save_pdf_encrypts_writes_and_audits_with_the_document_id(session: VaultSession, tmp_path: Path) -> None:
    _child_id, concern_id = record_case(session)
    pdf, document_id, _title = documents.render_referral_summary(session, concern_id)
    target = tmp_path / "out" / "referral.pdf"
    target.parent.mkdir()
    documents.save_pdf(session, pdf, target, "long enough password", document_id, kind=DocumentKind.REFERRAL_SUMMARY)
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(target.read_bytes()))
    with pikepdf.open(target, password="long enough password") as opened:
        assert opened.encryption.R == 6 and opened.encryption.bits == 256
    assert [p.name for p in target.parent.iterdir()] == ["referral.pdf"], "no temp file left beside it"
    saved = [a for a in audit_actions(session) if a[0] == "document.saved"]
    assert saved and saved[-1][1] == document_id
    assert json.loads(saved[-1][2]) == {"encrypted": True, "kind": "referral_summary"}


def test_save_pdf_refuses_to_write_in_the_clear_unless_told(session: VaultSession, tmp_path: Path) -> None:
    with pytest.raises(UserFacingError, match="without encryption"):
        documents.save_pdf(session, b"%PDF-1.4", tmp_path / "x.pdf", None, "REF-2026-00001-01")
    assert not (tmp_path / "x.pdf").exists()
    documents.save_pdf(session, b"%PDF-1.4", tmp_path / "x.pdf", None, "REF-2026-00001-01", unencrypted=True)
    assert (tmp_path / "x.pdf").read_bytes() == b"%PDF-1.4"
    with pytest.raises(UserFacingError, match="does not exist"):
        documents.save_pdf(session, b"%PDF-1.4", tmp_path / "gone" / "x.pdf", None, "REF-1", unencrypted=True)


def test_record_print_and_the_dialog_callbacks_audit_each_print_and_save(session: VaultSession, tmp_path: Path) -> None:
    _child_id, concern_id = record_case(session)
    pdf, title, on_print, on_save = documents.referral_summary_actions(session, concern_id)
    assert pdf.startswith(b"%PDF") and title.startswith("Referral summary")
    on_print()
    on_save(tmp_path / "plain.pdf", None)
    actions = [a for a in audit_actions(session) if a[0].startswith("document.")]
    assert [a[0] for a in actions] == ["document.printed", "document.saved"]
    assert actions[0][1] == actions[1][1] and actions[0][1].startswith("REF-")
    assert (tmp_path / "plain.pdf").read_bytes() == pdf


def test_the_blank_checklist_and_quick_reference_come_from_forms(session: VaultSession) -> None:
    pdf, document_id, _title = documents.render_blank_checklist()
    assert document_id.startswith("CHK-BLANK")
    text = all_text(pdf)
    for obligation in documents.obligations():
        assert obligation.title in text
    quick, _id, _title = documents.render_quick_reference(session)
    assert len(page_texts(quick)) == 1, "the quick reference is one sheet for the staff-room wall"
    text = all_text(quick)
    assert "0114 2734855" in text and "999" in text and "Local Authority Designated Officer" in text


def test_the_quick_reference_steps_are_the_forms_steps_with_the_settings_own_numbers(session: VaultSession) -> None:
    with session.uow() as uow:
        uow.contacts.set_phone("lado", "0114 496 0777", session.actor())
        uow.commit()
    pdf, document_id, _title = documents.render_quick_reference(session)
    assert document_id == "QR-V1-1"
    text = all_text(pdf)
    forms = load_forms()
    numbered = forms.what_to_do.texts(forms.contacts.with_phones({"lado": "0114 496 0777"}))
    for number, step in enumerate(numbered, start=1):
        assert f"{number}. {step}" in text, step
    assert "LADO number: 0114 496 0777." in text
    assert "ring 999 now" in text and "the police on 101" in text


def test_document_ids_follow_the_concern_reference() -> None:
    assert documents.referral_document_id(samples.CONCERN, 1) == "REF-2026-00042-01"
    assert documents.referral_document_id(samples.CONCERN, 0) == "REF-2026-00042-01"
    assert documents.referral_document_id(samples.CONCERN, 3) == "REF-2026-00042-03"


def test_a_saved_pdf_whose_audit_row_cannot_be_committed_is_not_left_on_disk(
    session: VaultSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.store.uow import UnitOfWork

    def full_disk(_self: UnitOfWork) -> None:
        raise UserFacingError("The disk is full, so this was not saved.")

    monkeypatch.setattr(UnitOfWork, "commit", full_disk)
    target = tmp_path / "plain.pdf"
    with pytest.raises(UserFacingError, match="disk is full"):
        documents.save_pdf(session, b"%PDF-1.4", target, None, "REF-2026-00001-01", unencrypted=True)
    assert not target.exists(), "an unaudited copy of the document was left on disk"
    assert list(tmp_path.glob("*.pdf*")) == [] and list(tmp_path.glob(".plain.pdf*")) == []
    monkeypatch.undo()
    assert not [a for a in audit_actions(session) if a[0] == "document.saved"]
