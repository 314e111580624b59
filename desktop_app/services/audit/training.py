"""The staff training register and the CE Lead and deputies: who, which training, when, when it is next due.

Its figures are the audit's evidence for the guidance's first duties ("41 of 44 staff trained in the last 12 months")
and the dashboard's "training due". Staff are adults who work at the setting; the register never holds a child.
"""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.definitions.audit import AuditDefinition
from desktop_app.definitions.loader import load_audit
from desktop_app.domain.audit import (
    ExploitationRole,
    RegisterRow,
    StaffMember,
    TrainingDue,
    TrainingFigures,
    TrainingRecord,
)
from desktop_app.errors import FieldProblem, InvalidInput, UserFacingError
from desktop_app.services.audit.checklist import add_months
from desktop_app.services.vault import VaultSession
from desktop_app.store.uow import UnitOfWork

MAX_NAME = 200


def _name_problems(name: str, job_title: str) -> list[FieldProblem]:
    problems = []
    if not name:
        problems.append(FieldProblem("name", "Write the person's name."))
    elif len(name) > MAX_NAME:
        problems.append(FieldProblem("name", f"A name can have at most {MAX_NAME} characters."))
    if len(job_title) > MAX_NAME:
        problems.append(FieldProblem("job_title", f"A job title can have at most {MAX_NAME} characters."))
    return problems


def add_staff(
    session: VaultSession,
    name: str,
    job_title: str = "",
    started_on: date | None = None,
    role: ExploitationRole = ExploitationRole.NONE,
    today: date | None = None,
) -> StaffMember:
    today = today or date.today()
    name, job_title = " ".join(name.split()), " ".join(job_title.split())
    problems = _name_problems(name, job_title)
    if started_on is not None and started_on > today + timedelta(days=366):
        problems.append(FieldProblem("started_on", "The start date is more than a year away."))
    if problems:
        raise InvalidInput(problems)
    actor = session.actor()
    with session.uow() as uow:
        member = uow.training.add_staff(name, job_title, started_on)
        if role != ExploitationRole.NONE:
            member = uow.training.set_role(member.staff_id, role)
        uow.audit.append(actor, "staff.added", f"staff:{member.staff_id}", {"role": role.value})
        uow.commit()
    return member


def set_role(session: VaultSession, staff_id: int, role: ExploitationRole) -> StaffMember:
    """Make someone the CE Lead (the previous one steps down), a deputy, or neither."""
    actor = session.actor()
    with session.uow() as uow:
        if not uow.training.get(staff_id).current:
            raise UserFacingError("This person has left the setting, so they cannot take a role.")
        member = uow.training.set_role(staff_id, role)
        uow.audit.append(actor, "staff.role_set", f"staff:{staff_id}", {"role": role.value})
        uow.commit()
    return member


def staff_left(session: VaultSession, staff_id: int, left_on: date, today: date | None = None) -> StaffMember:
    today = today or date.today()
    if left_on > today:
        raise InvalidInput([FieldProblem("left_on", "The leaving date cannot be in the future.")])
    actor = session.actor()
    with session.uow() as uow:
        if not uow.training.get(staff_id).current:
            raise UserFacingError("This person is already recorded as having left.")
        member = uow.training.set_left(staff_id, left_on)
        uow.audit.append(actor, "staff.left", f"staff:{staff_id}", None)
        uow.commit()
    return member


def record_training(
    session: VaultSession, staff_id: int, course_id: str, completed_on: date, notes: str = "", today: date | None = None
) -> TrainingRecord:
    """Record a course completed; it falls due again after the course's refresh months (forms/audit.toml)."""
    today = today or date.today()
    definition = load_audit()
    course = definition.course(course_id)
    problems = []
    if course is None:
        problems.append(FieldProblem("course", "Choose the training from the list."))
    if completed_on > today:
        problems.append(FieldProblem("completed_on", "The date of the training cannot be in the future."))
    if len(notes) > 2000:
        problems.append(FieldProblem("notes", "Notes can have at most 2,000 characters."))
    if problems:
        raise InvalidInput(problems)
    assert course is not None
    actor = session.actor()
    with session.uow() as uow:
        member = uow.training.get(staff_id)
        if member.started_on is not None and completed_on < member.started_on - timedelta(days=366):
            raise InvalidInput([FieldProblem("completed_on", "This date is long before the person started here.")])
        record = uow.training.add_training(
            staff_id,
            course.id,
            course.title,
            completed_on,
            add_months(completed_on, course.refresh_months),
            notes.strip(),
            actor,
        )
        uow.audit.append(actor, "training.recorded", f"staff:{staff_id}", {"course": course.id})
        uow.commit()
    return record


# ----- reading -----------------------------------------------------------------------------------------------------


def figures_in(uow: UnitOfWork, on: date, definition: AuditDefinition | None = None) -> TrainingFigures:
    """The register's figures on a day (inside an open ``with uow``)."""
    definition = definition or load_audit()
    since = add_months(on, -definition.training_window_months)
    leads = uow.training.with_role(ExploitationRole.CE_LEAD)
    lead = leads[0] if leads else None
    last = due = None
    if lead is not None:
        records = [r for r in uow.training.for_staff(lead.staff_id) if r.completed_on <= on]
        last = max((r.completed_on for r in records), default=None)
        due = max((r.next_due for r in records if r.next_due), default=None)
    return TrainingFigures(
        on=on,
        staff=uow.training.count_staff(on),
        trained_in_window=uow.training.count_trained_since(since, on),
        window_months=definition.training_window_months,
        due_or_overdue=uow.training.count_due(on, on + timedelta(days=definition.training_warning_days)),
        ce_lead=lead,
        ce_lead_last_trained=last,
        ce_lead_next_due=due,
        deputies=tuple(uow.training.with_role(ExploitationRole.DEPUTY)),
    )


def figures(session: VaultSession, on: date | None = None) -> TrainingFigures:
    with session.uow() as uow:
        return figures_in(uow, on or date.today())


def staff(session: VaultSession, limit: int = 500, offset: int = 0) -> list[StaffMember]:
    with session.uow() as uow:
        return uow.training.staff(limit=limit, offset=offset)


def register(session: VaultSession, limit: int = 100, today: date | None = None) -> list[RegisterRow]:
    with session.uow() as uow:
        return uow.training.register(today or date.today(), limit=limit)


def training_of(session: VaultSession, staff_id: int) -> list[TrainingRecord]:
    with session.uow() as uow:
        return uow.training.for_staff(staff_id)


def due(session: VaultSession, today: date | None = None, limit: int = 50, offset: int = 0) -> list[TrainingDue]:
    """Staff whose training is due within the warning days, overdue, or never recorded; most overdue first."""
    today = today or date.today()
    warn = today + timedelta(days=load_audit().training_warning_days)
    with session.uow() as uow:
        return uow.training.due(today, warn, limit=limit, offset=offset)


def count_due(session: VaultSession, today: date | None = None) -> int:
    today = today or date.today()
    warn = today + timedelta(days=load_audit().training_warning_days)
    with session.uow() as uow:
        return uow.training.count_due(today, warn)


def courses() -> list[tuple[str, str]]:
    """(id, title) of each course in forms/audit.toml, in its order."""
    return [(c.id, c.title) for c in load_audit().courses]
