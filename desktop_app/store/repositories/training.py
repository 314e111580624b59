"""``uow.training``: the staff register (with the CE Lead and deputies) and the training each person completed."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, Subquery, and_, func, or_, select
from sqlalchemy.orm import Session

from desktop_app.domain.audit import ExploitationRole, RegisterRow, StaffMember, TrainingDue, TrainingRecord
from desktop_app.domain.records import Actor
from desktop_app.store.errors import RecordNotFound
from desktop_app.store.models_audit import StaffRow, TrainingRow
from desktop_app.store.repositories._common import actor_columns
from desktop_app.store.types import utc_now


def _member(row: StaffRow) -> StaffMember:
    return StaffMember(
        staff_id=row.id,
        name=row.name,
        job_title=row.job_title,
        exploitation_role=ExploitationRole(row.exploitation_role),
        started_on=row.started_on,
        left_on=row.left_on,
    )


def _record(row: TrainingRow) -> TrainingRecord:
    return TrainingRecord(
        training_id=row.id,
        staff_id=row.staff_id,
        course=row.course_title,
        completed_on=row.completed_on,
        next_due=row.next_due,
        notes=row.notes,
    )


class TrainingRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # --- staff ----------------------------------------------------------------------------------------------------
    def add_staff(
        self, name: str, job_title: str, started_on: date | None, role: ExploitationRole = ExploitationRole.NONE
    ) -> StaffMember:
        row = StaffRow(
            name=name, job_title=job_title, started_on=started_on, exploitation_role=role.value, created_at=utc_now()
        )
        self._session.add(row)
        self._session.flush()
        return _member(row)

    def _staff_row(self, staff_id: int) -> StaffRow:
        row = self._session.get(StaffRow, staff_id)
        if row is None:
            raise RecordNotFound(f"There is no member of staff with id {staff_id} on the register.")
        return row

    def get(self, staff_id: int) -> StaffMember:
        return _member(self._staff_row(staff_id))

    def set_role(self, staff_id: int, role: ExploitationRole) -> StaffMember:
        """Give one person a role; a new CE Lead replaces the old one (there is one CE Lead at a time)."""
        row = self._staff_row(staff_id)
        if role == ExploitationRole.CE_LEAD:
            for other in self._session.scalars(
                select(StaffRow).where(
                    StaffRow.exploitation_role == ExploitationRole.CE_LEAD.value, StaffRow.id != staff_id
                )
            ):
                other.exploitation_role = ExploitationRole.NONE.value
        row.exploitation_role = role.value
        self._session.flush()
        return _member(row)

    def set_left(self, staff_id: int, left_on: date) -> StaffMember:
        row = self._staff_row(staff_id)
        row.left_on = left_on
        row.exploitation_role = ExploitationRole.NONE.value
        self._session.flush()
        return _member(row)

    def staff(self, on: date | None = None, limit: int = 500, offset: int = 0) -> list[StaffMember]:
        """Staff on the register on ``on`` (everyone not yet left when None), by name."""
        query = select(StaffRow)
        if on is not None:
            query = query.where(
                or_(StaffRow.left_on.is_(None), StaffRow.left_on > on),
                or_(StaffRow.started_on.is_(None), StaffRow.started_on <= on),
            )
        else:
            query = query.where(StaffRow.left_on.is_(None))
        rows = self._session.scalars(query.order_by(func.lower(StaffRow.name), StaffRow.id).limit(limit).offset(offset))
        return [_member(r) for r in rows]

    def with_role(self, role: ExploitationRole) -> list[StaffMember]:
        rows = self._session.scalars(
            select(StaffRow)
            .where(StaffRow.exploitation_role == role.value, StaffRow.left_on.is_(None))
            .order_by(StaffRow.name)
        )
        return [_member(r) for r in rows]

    # --- training -------------------------------------------------------------------------------------------------
    def add_training(
        self,
        staff_id: int,
        course_id: str,
        course_title: str,
        completed_on: date,
        next_due: date | None,
        notes: str,
        actor: Actor,
    ) -> TrainingRecord:
        self._staff_row(staff_id)
        row = TrainingRow(
            staff_id=staff_id,
            course_id=course_id,
            course_title=course_title,
            completed_on=completed_on,
            next_due=next_due,
            notes=notes,
            recorded_at=utc_now(),
            **actor_columns(actor),
        )
        self._session.add(row)
        self._session.flush()
        return _record(row)

    def for_staff(self, staff_id: int) -> list[TrainingRecord]:
        rows = self._session.scalars(
            select(TrainingRow)
            .where(TrainingRow.staff_id == staff_id)
            .order_by(TrainingRow.completed_on.desc(), TrainingRow.id.desc())
        )
        return [_record(r) for r in rows]

    def _latest(self, on: date) -> tuple[Subquery, ColumnElement[bool]]:
        """Per member of staff: the last completion on or before ``on``, and the furthest next-due date of it."""
        last = (
            select(
                TrainingRow.staff_id.label("staff_id"),
                func.max(TrainingRow.completed_on).label("last"),
                func.max(TrainingRow.next_due).label("due"),
            )
            .where(TrainingRow.completed_on <= on)
            .group_by(TrainingRow.staff_id)
            .subquery()
        )
        current = and_(
            or_(StaffRow.left_on.is_(None), StaffRow.left_on > on),
            or_(StaffRow.started_on.is_(None), StaffRow.started_on <= on),
        )
        return last, current

    def count_staff(self, on: date) -> int:
        _last, current = self._latest(on)
        return int(self._session.scalar(select(func.count()).select_from(StaffRow).where(current)) or 0)

    def count_trained_since(self, since: date, on: date) -> int:
        """Staff on the register on ``on`` with a course completed between ``since`` and ``on``."""
        last, current = self._latest(on)
        query = (
            select(func.count())
            .select_from(StaffRow)
            .join(last, last.c.staff_id == StaffRow.id)
            .where(current, last.c.last >= since)
        )
        return int(self._session.scalar(query) or 0)

    def due(self, on: date, warn_until: date, limit: int = 50, offset: int = 0) -> list[TrainingDue]:
        """Staff whose training falls due by ``warn_until`` (or who have none recorded), most overdue first."""
        last, current = self._latest(on)
        due = last.c.due
        query = (
            select(StaffRow.id, StaffRow.name, StaffRow.job_title, last.c.last, due)
            .outerjoin(last, last.c.staff_id == StaffRow.id)
            .where(current, or_(due.is_(None), due <= warn_until))
            .order_by(due.is_not(None), due, func.lower(StaffRow.name))
            .limit(limit)
            .offset(offset)
        )
        return [
            TrainingDue(staff_id=i, name=n, job_title=j, last_trained=_d(lt), next_due=_d(nd))
            for i, n, j, lt, nd in self._session.execute(query)
        ]

    def register(self, on: date, limit: int = 100, offset: int = 0) -> list[RegisterRow]:
        """Current staff by name, each with their last training and when it is next due."""
        last, current = self._latest(on)
        query = (
            select(StaffRow, last.c.last, last.c.due)
            .outerjoin(last, last.c.staff_id == StaffRow.id)
            .where(current)
            .order_by(func.lower(StaffRow.name), StaffRow.id)
            .limit(limit)
            .offset(offset)
        )
        return [RegisterRow(_member(row), _d(lt), _d(nd)) for row, lt, nd in self._session.execute(query)]

    def count_due(self, on: date, warn_until: date) -> int:
        last, current = self._latest(on)
        due = last.c.due
        query = (
            select(func.count())
            .select_from(StaffRow)
            .outerjoin(last, last.c.staff_id == StaffRow.id)
            .where(current, or_(due.is_(None), due <= warn_until))
        )
        return int(self._session.scalar(query) or 0)


def _d(value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
