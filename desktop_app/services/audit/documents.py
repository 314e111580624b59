"""The completed audit and the governors' report as documents: gathered from the vault, rendered, printed or saved
(each print and save audited through ``services.documents``)."""

from __future__ import annotations

from datetime import date

from desktop_app.definitions import load_forms
from desktop_app.domain.audit import AcademicYear, AuditStatus, AuditYearRecord, TrainingFigures
from desktop_app.domain.documents import (
    ChecklistEntry,
    ChecklistRun,
    DocumentKind,
    ObligationStatus,
    ObligationText,
    SignOff,
)
from desktop_app.errors import UserFacingError
from desktop_app.reports import checklist_pdf
from desktop_app.services import documents
from desktop_app.services.audit import checklist, governors, training
from desktop_app.services.vault import VaultSession


def audit_document_id(year: AcademicYear, version: str) -> str:
    """``AUD-202627-V1``: the year and the obligations' version."""
    return f"AUD-{year.start}{(year.start + 1) % 100:02d}-V{''.join(ch for ch in version if ch.isalnum()) or '1'}"


def governors_document_id(year: AcademicYear, on: date) -> str:
    return f"GOV-{year.start}{(year.start + 1) % 100:02d}-{on:%Y%m%d}"


def checklist_run(record: AuditYearRecord, figures: TrainingFigures | None) -> ChecklistRun:
    """The year's audit as the checklist document prints it."""
    texts = {o.id: o for o in load_forms().obligations.obligations}
    entries = []
    for answer in record.answers:
        known = texts.get(answer.obligation_id)
        text = ObligationText(
            answer.obligation_id, answer.title, known.description if known else "", known.evidence if known else ""
        )
        f = answer.form
        entries.append(
            ChecklistEntry(
                obligation=text,
                status=ObligationStatus(f.status.value),
                evidence=f.evidence,
                action=f.action,
                owner=f.owner,
                due=f.due,
                reason=f.reason,
                notes=f.notes,
                carried=answer.carried,
            )
        )
    lines = (figures.sentence() + ".", figures.lead_sentence() + ".") if figures is not None else ()
    return ChecklistRun(
        year=record.year.name,
        entries=tuple(entries),
        completed_on=record.audit_date,
        sign_offs=tuple(SignOff(s.name, s.role.label, s.signed_on) for s in record.sign_offs),
        next_review=record.next_review,
        evidence_lines=lines,
        addenda=record.addenda,
        closed=record.closed,
    )


def render_audit(session: VaultSession, year: AcademicYear, today: date | None = None) -> tuple[bytes, str, str]:
    """(pdf, document id, title) of a year's completed (or in-progress) audit."""
    forms = load_forms()
    with session.uow() as uow:
        record = checklist.audit_record(uow, year, forms)
        if record is None:
            raise UserFacingError(f"There is no audit for {year} in this vault.")
        figures = training.figures_in(uow, record.audit_date or min(today or date.today(), year.last_day))
        setting = uow.setting.get()
        document_id = audit_document_id(year, record.obligations_version)
        meta = documents.meta_for(setting, document_id, uow.audit.latest_seq())
    obligations = [
        ObligationText(e.obligation.obligation_id, e.obligation.title, e.obligation.description, e.obligation.evidence)
        for e in checklist_run(record, figures).entries
    ]
    run = checklist_run(record, figures)
    pdf = checklist_pdf(setting, obligations, meta, run, title=forms.obligations.title)
    return pdf, document_id, f"Annual audit {year}"


def audit_actions(session: VaultSession, year: AcademicYear) -> tuple[bytes, str, documents.OnPrint, documents.OnSave]:
    pdf, document_id, title = render_audit(session, year)
    on_print, on_save = documents.actions(session, pdf, document_id, DocumentKind.CHECKLIST)
    return pdf, title, on_print, on_save


def render_governors_report(
    session: VaultSession, year: AcademicYear, today: date | None = None
) -> tuple[bytes, str, str]:
    from desktop_app.reports.governors import governors_report_pdf

    today = today or date.today()
    with session.uow() as uow:
        report = governors.report(uow, year, today)
        document_id = governors_document_id(year, today)
        meta = documents.meta_for(uow.setting.get(), document_id, uow.audit.latest_seq())
    return governors_report_pdf(report, meta), document_id, f"Governors' report {year}"


def governors_actions(
    session: VaultSession, year: AcademicYear
) -> tuple[bytes, str, documents.OnPrint, documents.OnSave]:
    pdf, document_id, title = render_governors_report(session, year)
    on_print, on_save = documents.actions(session, pdf, document_id, DocumentKind.GOVERNORS_REPORT)
    return pdf, title, on_print, on_save


def status_words(status: AuditStatus) -> str:
    return status.label
