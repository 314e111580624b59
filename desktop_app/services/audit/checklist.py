"""The year's audit as use cases: start (carrying last year's answers), answer, date, sign, correct, compare.

Every change writes its audit-chain row in the same transaction. Once the first person signs, the answers and dates
stand as signed; when the DSL, the head teacher and the safeguarding governor have all signed the audit is closed,
and anything to put right is an addendum.
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date

from desktop_app.definitions import Forms, load_forms
from desktop_app.definitions.audit import AuditDefinition
from desktop_app.definitions.loader import load_audit
from desktop_app.domain.audit import (
    AcademicYear,
    AnswerForm,
    AuditAnswer,
    AuditStatus,
    AuditYearRecord,
    Change,
    ComparedObligation,
    Comparison,
    SignOffRecord,
    SignRole,
    compare_status,
)
from desktop_app.domain.enums import AddendumTarget
from desktop_app.domain.records import Addendum
from desktop_app.errors import FieldProblem, InvalidInput, UserFacingError
from desktop_app.services.vault import VaultSession
from desktop_app.store.uow import UnitOfWork

MAX_TEXT = 20_000
ADDENDUM_KIND = AddendumTarget.AUDIT


class AuditClosed(UserFacingError):
    """A change to an audit that has been signed."""


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# ----- reading -----------------------------------------------------------------------------------------------------


def _record(uow: UnitOfWork, year: AcademicYear, forms: Forms) -> AuditYearRecord | None:
    head = uow.audit_checklist.year(year)
    if head is None:
        return None
    stored = uow.audit_checklist.answers(head.audit_id)
    answers: list[AuditAnswer] = []
    for obligation in forms.obligations.obligations:
        answer = stored.pop(obligation.id, None)
        answers.append(answer or AuditAnswer(obligation.id, obligation.title, AnswerForm()))
    answers += list(stored.values())  # obligations since retired from forms/ still show what was answered
    return AuditYearRecord(
        audit_id=head.audit_id,
        year=year,
        obligations_version=head.obligations_version,
        started_at=head.started_at,
        carried_from=head.carried_from,
        audit_date=head.audit_date,
        next_review=head.next_review,
        answers=tuple(answers),
        sign_offs=tuple(uow.audit_checklist.sign_offs(head.audit_id)),
        addenda=tuple(uow.addenda.for_object(ADDENDUM_KIND, head.audit_id)),
    )


def audit_record(uow: UnitOfWork, year: AcademicYear, forms: Forms | None = None) -> AuditYearRecord | None:
    """A year's audit (inside an open ``with uow``), or None when that year has none."""
    return _record(uow, year, forms or load_forms())


def year_audit(session: VaultSession, year: AcademicYear) -> AuditYearRecord | None:
    with session.uow() as uow:
        return audit_record(uow, year)


def years(session: VaultSession) -> list[AcademicYear]:
    with session.uow() as uow:
        return uow.audit_checklist.years()


def _require(uow: UnitOfWork, year: AcademicYear, forms: Forms) -> AuditYearRecord:
    record = _record(uow, year, forms)
    if record is None:
        raise UserFacingError(f"There is no audit for {year} yet: start it first.")
    return record


def _open_for_change(record: AuditYearRecord) -> None:
    if record.locked:
        raise AuditClosed(
            f"The {record.year} audit has been signed, so it cannot be changed: add a correction instead."
        )


# ----- starting a year ---------------------------------------------------------------------------------------------


def start_year(session: VaultSession, year: AcademicYear) -> AuditYearRecord:
    """Start a year's audit. The latest earlier year's answers are carried: evidence, action, owner, due date and
    notes kept, each status to be confirmed afresh."""
    forms = load_forms()
    actor = session.actor()
    with session.uow() as uow:
        if uow.audit_checklist.year(year) is not None:
            raise UserFacingError(f"The {year} audit has already been started.")
        earlier = [y for y in uow.audit_checklist.years() if y < year]
        source = _record(uow, earlier[0], forms) if earlier else None
        head = uow.audit_checklist.start(year, forms.obligations.version, source.year.name if source else "", actor)
        carried = 0
        if source is not None:
            titles = {o.id: o.title for o in forms.obligations.obligations}
            for answer in source.answers:
                empty = not (answer.form.evidence or answer.form.owner or answer.form.action)
                if answer.obligation_id not in titles or (answer.status == AuditStatus.NOT_ASSESSED and empty):
                    continue
                form = replace(answer.form, status=AuditStatus.NOT_ASSESSED, reason=answer.form.reason)
                uow.audit_checklist.add_answer(
                    head.audit_id, answer.obligation_id, titles[answer.obligation_id], form, actor, carried=True
                )
                carried += 1
        uow.audit.append(
            actor,
            "audit.year_started",
            f"audit:{year}",
            {"carried_from": source.year.name if source else "", "answers_carried": carried},
        )
        uow.commit()
        record = _record(uow, year, forms)
    assert record is not None
    return record


# ----- answering ---------------------------------------------------------------------------------------------------


def check_answer(form: AnswerForm, today: date | None = None) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if form.status == AuditStatus.NOT_APPLICABLE and not form.reason.strip():
        problems.append(FieldProblem("reason", "Say why this obligation does not apply to the setting."))
    if form.action.strip():
        if not form.owner.strip():
            problems.append(FieldProblem("owner", "Name who will take the action."))
        if form.due is None:
            problems.append(FieldProblem("due", "Give the date the action is due."))
    elif form.status in (AuditStatus.PARTLY_MET, AuditStatus.NOT_MET):
        problems.append(FieldProblem("action", "Say what will be done, as this obligation is not fully met."))
    for name in ("reason", "evidence", "action", "owner", "notes"):
        if len(getattr(form, name)) > MAX_TEXT:
            problems.append(FieldProblem(name, f"This is longer than {MAX_TEXT:,} characters; shorten it."))
    return problems


def record_answer(session: VaultSession, year: AcademicYear, obligation_id: str, form: AnswerForm) -> AuditAnswer:
    """Save the year's answer for one obligation (a new row; the earlier answer is kept)."""
    problems = check_answer(form)
    if problems:
        raise InvalidInput(problems)
    forms = load_forms()
    actor = session.actor()
    with session.uow() as uow:
        record = _require(uow, year, forms)
        _open_for_change(record)
        current = next((a for a in record.answers if a.obligation_id == obligation_id), None)
        if current is None:
            raise UserFacingError(f"The {year} audit has no obligation '{obligation_id}'.")
        form = replace(
            form, **{n: getattr(form, n).strip() for n in ("reason", "evidence", "action", "owner", "notes")}
        )
        if form.status != AuditStatus.NOT_APPLICABLE:
            form = replace(form, reason="")
        answer = uow.audit_checklist.add_answer(record.audit_id, obligation_id, current.title, form, actor)
        uow.audit.append(actor, "audit.answered", f"audit:{year}:{obligation_id}", {"status": form.status.value})
        uow.commit()
    return answer


def set_dates(
    session: VaultSession,
    year: AcademicYear,
    audit_date: date,
    next_review: date | None = None,
    today: date | None = None,
) -> AuditYearRecord:
    """The audit date and the next review (by default the audit date plus forms/audit.toml's review months)."""
    today = today or date.today()
    definition = load_audit()
    problems = []
    if audit_date > today:
        problems.append(FieldProblem("audit_date", "The audit date cannot be in the future."))
    review = next_review or add_months(audit_date, definition.review_months)
    if review <= audit_date:
        problems.append(FieldProblem("next_review", "The next review must come after the audit date."))
    if problems:
        raise InvalidInput(problems)
    forms = load_forms()
    actor = session.actor()
    with session.uow() as uow:
        record = _require(uow, year, forms)
        _open_for_change(record)
        uow.audit_checklist.set_dates(record.audit_id, audit_date, review)
        uow.audit.append(actor, "audit.dated", f"audit:{year}", {"audit_date": audit_date, "next_review": review})
        uow.commit()
        updated = _record(uow, year, forms)
    assert updated is not None
    return updated


# ----- signing and correcting ----------------------------------------------------------------------------------------


def sign(
    session: VaultSession, year: AcademicYear, role: SignRole, name: str, signed_on: date, today: date | None = None
) -> AuditYearRecord:
    """Record a signature. The first one fixes the answers; the third closes the audit."""
    today = today or date.today()
    name = " ".join(name.split())
    problems = []
    if not name:
        problems.append(FieldProblem("name", f"Write the name of the {role.label.lower()} who signed."))
    if signed_on > today:
        problems.append(FieldProblem("signed_on", "The date signed cannot be in the future."))
    if problems:
        raise InvalidInput(problems)
    forms = load_forms()
    actor = session.actor()
    with session.uow() as uow:
        record = _require(uow, year, forms)
        if record.signed(role) is not None:
            raise UserFacingError(f"The {role.label.lower()} has already signed the {year} audit.")
        if record.audit_date is None:
            raise UserFacingError("Give the audit date before anyone signs.")
        if signed_on < record.audit_date:
            raise InvalidInput([FieldProblem("signed_on", "The date signed cannot be before the audit date.")])
        unconfirmed = record.to_confirm()
        if unconfirmed:
            raise UserFacingError(
                f"{unconfirmed} answer{'s' if unconfirmed != 1 else ''} carried from last year "
                f"{'are' if unconfirmed != 1 else 'is'} still to be confirmed: look at "
                f"{'each' if unconfirmed != 1 else 'it'} and save a status before signing."
            )
        uow.audit_checklist.sign(record.audit_id, role, name, signed_on, actor)
        closes = len(record.sign_offs) + 1 == len(SignRole)
        uow.audit.append(actor, "audit.signed", f"audit:{year}", {"role": role.value, "closed": closes})
        uow.commit()
        updated = _record(uow, year, forms)
    assert updated is not None
    return updated


def add_correction(session: VaultSession, year: AcademicYear, reason: str, change: str) -> Addendum:
    """A correction to a signed audit: the signed answers stay as they were, the addendum prints beside them."""
    problems = []
    if not change.strip():
        problems.append(FieldProblem("change", "Write what is corrected or added."))
    if not reason.strip():
        problems.append(FieldProblem("reason", "Say why the correction is needed."))
    if problems:
        raise InvalidInput(problems)
    forms = load_forms()
    actor = session.actor()
    with session.uow() as uow:
        record = _require(uow, year, forms)
        if not record.locked:
            raise UserFacingError(f"The {year} audit is not signed yet: change the answer itself.")
        addendum = uow.addenda.add(ADDENDUM_KIND, record.audit_id, actor, reason.strip(), change.strip())
        uow.audit.append(actor, "addendum.added", f"audit:{year}", {"addendum": addendum.addendum_id})
        uow.commit()
    return addendum


# ----- comparing -----------------------------------------------------------------------------------------------------


def compare(this: AuditYearRecord, last: AuditYearRecord) -> Comparison:
    before = {a.obligation_id: a for a in last.answers}
    rows = []
    for answer in this.answers:
        previous = before.get(answer.obligation_id)
        last_status = previous.status if previous is not None else None
        rows.append(
            ComparedObligation(
                answer.obligation_id,
                answer.title,
                last_status,
                answer.status,
                compare_status(last_status, answer.status),
            )
        )
    return Comparison(this.year, last.year, tuple(rows))


def comparison(session: VaultSession, year: AcademicYear) -> Comparison | None:
    """This year beside the latest earlier year with an audit, or None when there is none."""
    forms = load_forms()
    with session.uow() as uow:
        this = _record(uow, year, forms)
        earlier = [y for y in uow.audit_checklist.years() if y < year]
        last = _record(uow, earlier[0], forms) if earlier else None
    if this is None or last is None:
        return None
    return compare(this, last)


def changes_sentence(result: Comparison) -> str:
    parts = [f"{result.count(c)} {c.label.lower()}" for c in (Change.IMPROVED, Change.SLIPPED, Change.SAME)]
    return f"Beside {result.last_year}: " + ", ".join(parts) + "."


# ----- what the dashboard says ---------------------------------------------------------------------------------------


def definition() -> AuditDefinition:
    return load_audit()


def due_sentence(
    record: AuditYearRecord | None, year: AcademicYear, today: date, definition: AuditDefinition | None = None
) -> str | None:
    """A sentence when the year's audit needs doing, else None."""
    definition = definition or load_audit()
    if record is None:
        return f"The {year} audit of the setting's duties has not been started."
    if record.closed:
        if record.next_review is not None and record.next_review <= today:
            return f"The {year} audit was due for review on {record.next_review:%d %B %Y}."
        return None
    days_left = (year.last_day - today).days
    missing = 3 - len(record.sign_offs)
    if days_left <= definition.audit_warning_days:
        return (
            f"The {year} audit is not yet signed ({missing} signature{'s' if missing != 1 else ''} to come) "
            f"and the year ends on {year.last_day:%d %B %Y}."
        )
    return None


def signed_by(record: AuditYearRecord) -> tuple[SignOffRecord, ...]:
    return record.sign_offs
