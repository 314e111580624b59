"""``uow.audit_checklist``: each academic year's audit of the setting's duties, its answers and sign-offs.

Not to be confused with ``store/audit.py``, the chain of every change. Answers and sign-offs are append-only: a year's
answer for an obligation is its newest row. The year's dates change only until the first signature.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain.audit import (
    AcademicYear,
    AnswerForm,
    AuditAnswer,
    AuditStatus,
    SignOffRecord,
    SignRole,
)
from desktop_app.domain.records import Actor
from desktop_app.store.errors import RecordNotFound
from desktop_app.store.models_audit import AuditAnswerRow, AuditSignOffRow, AuditYearRow
from desktop_app.store.repositories._common import actor_columns, actor_of
from desktop_app.store.types import utc_now


def _answer(row: AuditAnswerRow) -> AuditAnswer:
    form = AnswerForm(
        status=AuditStatus(row.status),
        reason=row.reason,
        evidence=row.evidence,
        action=row.action,
        owner=row.owner,
        due=row.due,
        notes=row.notes,
    )
    return AuditAnswer(
        obligation_id=row.obligation_id,
        title=row.title,
        form=form,
        carried=row.carried,
        written_at=row.written_at,
        written_by=actor_of(row.actor_name, row.actor_role, row.actor_user_id),
    )


class AuditYearHead:
    """A year's row as the services read it (no answers)."""

    def __init__(self, row: AuditYearRow) -> None:
        self.audit_id = row.id
        self.year = AcademicYear(row.year_start)
        self.obligations_version = row.obligations_version
        self.carried_from = row.carried_from
        self.audit_date = row.audit_date
        self.next_review = row.next_review
        self.started_at = row.started_at


class AuditChecklistRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _row(self, year: AcademicYear) -> AuditYearRow | None:
        return self._session.scalar(select(AuditYearRow).where(AuditYearRow.year_start == year.start))

    def year(self, year: AcademicYear) -> AuditYearHead | None:
        row = self._row(year)
        return AuditYearHead(row) if row is not None else None

    def years(self) -> list[AcademicYear]:
        """Every year with an audit, newest first."""
        starts = self._session.scalars(select(AuditYearRow.year_start).order_by(AuditYearRow.year_start.desc()))
        return [AcademicYear(s) for s in starts]

    def start(self, year: AcademicYear, obligations_version: str, carried_from: str, actor: Actor) -> AuditYearHead:
        row = AuditYearRow(
            year_start=year.start,
            obligations_version=obligations_version,
            carried_from=carried_from,
            started_at=utc_now(),
            **actor_columns(actor),
        )
        self._session.add(row)
        self._session.flush()
        return AuditYearHead(row)

    def set_dates(self, audit_id: int, audit_date: date | None, next_review: date | None) -> None:
        row = self._session.get(AuditYearRow, audit_id)
        if row is None:
            raise RecordNotFound(f"There is no audit with id {audit_id} in this vault.")
        row.audit_date = audit_date
        row.next_review = next_review
        self._session.flush()

    def add_answer(
        self, audit_id: int, obligation_id: str, title: str, form: AnswerForm, actor: Actor, carried: bool = False
    ) -> AuditAnswer:
        row = AuditAnswerRow(
            audit_id=audit_id,
            obligation_id=obligation_id,
            title=title,
            status=form.status.value,
            reason=form.reason,
            evidence=form.evidence,
            action=form.action,
            owner=form.owner,
            due=form.due,
            notes=form.notes,
            carried=carried,
            written_at=utc_now(),
            **actor_columns(actor),
        )
        self._session.add(row)
        self._session.flush()
        return _answer(row)

    def answers(self, audit_id: int) -> dict[str, AuditAnswer]:
        """The newest answer for each obligation answered in this year's audit."""
        newest = (
            select(func.max(AuditAnswerRow.id))
            .where(AuditAnswerRow.audit_id == audit_id)
            .group_by(AuditAnswerRow.obligation_id)
        )
        rows = self._session.scalars(select(AuditAnswerRow).where(AuditAnswerRow.id.in_(newest)))
        return {row.obligation_id: _answer(row) for row in rows}

    def history(self, audit_id: int, obligation_id: str) -> list[AuditAnswer]:
        """Every answer written for one obligation this year, oldest first."""
        rows = self._session.scalars(
            select(AuditAnswerRow)
            .where(AuditAnswerRow.audit_id == audit_id, AuditAnswerRow.obligation_id == obligation_id)
            .order_by(AuditAnswerRow.id)
        )
        return [_answer(r) for r in rows]

    def sign(self, audit_id: int, role: SignRole, name: str, signed_on: date, actor: Actor) -> SignOffRecord:
        row = AuditSignOffRow(
            audit_id=audit_id,
            role=role.value,
            name=name,
            signed_on=signed_on,
            recorded_at=utc_now(),
            **actor_columns(actor),
        )
        self._session.add(row)
        self._session.flush()
        return self._sign_off(row)

    @staticmethod
    def _sign_off(row: AuditSignOffRow) -> SignOffRecord:
        return SignOffRecord(
            role=SignRole(row.role),
            name=row.name,
            signed_on=row.signed_on,
            recorded_at=row.recorded_at,
            recorded_by=actor_of(row.actor_name, row.actor_role, row.actor_user_id),
        )

    def sign_offs(self, audit_id: int) -> list[SignOffRecord]:
        order = {role.value: n for n, role in enumerate(SignRole)}
        rows = list(self._session.scalars(select(AuditSignOffRow).where(AuditSignOffRow.audit_id == audit_id)))
        return [self._sign_off(r) for r in sorted(rows, key=lambda r: order.get(r.role, 9))]
