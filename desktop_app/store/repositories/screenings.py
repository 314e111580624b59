"""``uow.screenings``: completed screenings (never edited) and each child's latest level and review date."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, delete, select, text
from sqlalchemy.orm import Session

from desktop_app.domain.enums import ConcernStatus, RiskLevel
from desktop_app.domain.records import Actor, AnsweredItem, Decision, ScreeningRecord
from desktop_app.domain.screening import DefinitionRef
from desktop_app.store.errors import RecordNotFound
from desktop_app.store.models import ChildRiskRow, ConcernRow, ConcernStateRow, ScreeningRow
from desktop_app.store.models_audit import ConcernCategoryRow
from desktop_app.store.repositories._common import actor_columns, actor_of, dump, load
from desktop_app.store.types import utc_now


@dataclass(frozen=True, slots=True)
class _Body:
    answers: tuple[AnsweredItem, ...]
    decision: Decision


@dataclass(frozen=True, slots=True)
class LatestLevel:
    """A child's latest confirmed level from its indexed columns: what a list shows, without the answers' body."""

    screening_id: int
    concern_id: int
    child_id: int
    level: RiskLevel
    review_date: date
    screened_at: datetime


def _to_record(row: ScreeningRow) -> ScreeningRecord:
    body = load(_Body, row.body)
    return ScreeningRecord(
        screening_id=row.id,
        concern_id=row.concern_id,
        child_id=row.child_id,
        definition_id=row.definition_id,
        definition_version=row.definition_version,
        definition_hash=row.definition_hash,
        answers=body.answers,
        decision=body.decision,
        completed_by=actor_of(row.actor_name, row.actor_role, row.actor_user_id),
        completed_at=row.completed_at,
    )


class ScreeningRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        concern_id: int,
        definition_ref: DefinitionRef,
        answers: tuple[AnsweredItem, ...],
        decision: Decision,
        actor: Actor,
    ) -> ScreeningRecord:
        concern = self._session.get(ConcernRow, concern_id)
        if concern is None:
            raise RecordNotFound(f"There is no concern with id {concern_id} in this vault.")
        row = ScreeningRow(
            concern_id=concern_id,
            child_id=concern.child_id,
            definition_id=definition_ref.id,
            definition_version=definition_ref.version,
            definition_hash=definition_ref.hash,
            suggested_level=RiskLevel(decision.suggested_level).value,
            confirmed_level=RiskLevel(decision.confirmed_level).value,
            review_date=decision.review_date,
            completed_at=utc_now(),
            body=dump(_Body(answers=tuple(answers), decision=decision)),
            **actor_columns(actor),
        )
        self._session.add(row)
        self._session.flush()
        risk = self._session.get(ChildRiskRow, concern.child_id)
        if risk is None:
            self._session.add(
                ChildRiskRow(
                    child_id=concern.child_id,
                    screening_id=row.id,
                    level=row.confirmed_level,
                    review_date=row.review_date,
                )
            )
        else:
            risk.screening_id, risk.level, risk.review_date = row.id, row.confirmed_level, row.review_date
        if decision.category_ids is not None:  # the DSL's word on the kind of concern is what the governors count
            self._session.execute(delete(ConcernCategoryRow).where(ConcernCategoryRow.concern_id == concern_id))
            for category_id in decision.category_ids:
                self._session.execute(
                    text(
                        "INSERT INTO concern_categories (concern_id, category_id, month) "
                        "SELECT id, :category, substr(submitted_at, 1, 7) FROM concerns WHERE id = :concern"
                    ),
                    {"category": category_id, "concern": concern_id},
                )
        self._session.flush()
        return _to_record(row)

    def get(self, screening_id: int) -> ScreeningRecord:
        row = self._session.get(ScreeningRow, screening_id)
        if row is None:
            raise RecordNotFound(f"There is no screening with id {screening_id} in this vault.")
        return _to_record(row)

    def for_concern(self, concern_id: int) -> list[ScreeningRecord]:
        return self.for_concerns([concern_id])[concern_id]

    def for_concerns(self, concern_ids: Collection[int]) -> dict[int, list[ScreeningRecord]]:
        """Each concern's screenings, oldest first, in one query (a child's file: no query per concern)."""
        found: dict[int, list[ScreeningRecord]] = {concern_id: [] for concern_id in concern_ids}
        if not found:  # nothing to look for: no query
            return found
        rows = self._session.scalars(
            select(ScreeningRow).where(ScreeningRow.concern_id.in_(list(found))).order_by(ScreeningRow.id)
        )
        for row in rows:
            found[row.concern_id].append(_to_record(row))
        return found

    def for_child(self, child_id: int, limit: int = 1000) -> list[ScreeningRecord]:
        rows = self._session.scalars(
            select(ScreeningRow).where(ScreeningRow.child_id == child_id).order_by(ScreeningRow.id).limit(limit)
        )
        return [_to_record(r) for r in rows]

    def latest_for_child(self, child_id: int) -> ScreeningRecord | None:
        risk = self._session.get(ChildRiskRow, child_id)
        return None if risk is None else self.get(risk.screening_id)

    def reviews_due(self, on: date, limit: int = 50) -> list[LatestLevel]:
        """Each child's latest screening whose review date is on or before ``on``, most overdue first."""
        return self._latest(ChildRiskRow.review_date <= on, limit)

    def children_at_level(self, level: RiskLevel, limit: int = 50) -> list[LatestLevel]:
        """The latest screening of each child whose current confirmed level is ``level``, soonest review first; a
        child whose latest screened concern is closed is left out (the concern needs no further action)."""
        return self._latest(ChildRiskRow.level == RiskLevel(level).value, limit, open_only=True)

    def _latest(self, condition: ColumnElement[bool], limit: int, *, open_only: bool = False) -> list[LatestLevel]:
        # Columns only: decoding each screening's answers would cost more than the rest of the dashboard together.
        query = (
            select(
                ScreeningRow.id,
                ScreeningRow.concern_id,
                ScreeningRow.child_id,
                ChildRiskRow.level,
                ChildRiskRow.review_date,
                ScreeningRow.completed_at,
            )
            .join(ChildRiskRow, ChildRiskRow.screening_id == ScreeningRow.id)
            .where(condition)
        )
        if open_only:
            query = query.join(ConcernStateRow, ConcernStateRow.concern_id == ScreeningRow.concern_id).where(
                ConcernStateRow.status != ConcernStatus.CLOSED.value
            )
        query = query.order_by(ChildRiskRow.review_date, ChildRiskRow.child_id).limit(limit)
        rows = self._session.execute(query)
        return [
            LatestLevel(screening_id, concern_id, child_id, RiskLevel(level), review_date, completed_at)
            for screening_id, concern_id, child_id, level, review_date, completed_at in rows
        ]
