"""``uow.actions``: a concern's actions, each change a new event row, ``action_state`` kept in the same transaction.

Nothing here is ever updated or deleted except the projection ``action_state`` (one row per action pointing at its
newest event). The caller (``services.actions``) checks the input and appends the audit row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain.actions import ActionChange, ActionEvent, ConcernAction, DueAction, Owner
from desktop_app.domain.records import Actor
from desktop_app.store.errors import RecordNotFound
from desktop_app.store.models import ConcernRow
from desktop_app.store.models_actions import ActionEventRow, ActionStateRow, ConcernActionRow
from desktop_app.store.repositories._common import actor_columns, actor_of
from desktop_app.store.types import utc_now


def _event(row: ActionEventRow) -> ActionEvent:
    return ActionEvent(
        change=ActionChange(row.change),
        at=row.at,
        by=actor_of(row.actor_name, row.actor_role, row.actor_user_id),
        owner=Owner(row.owner_staff_id, row.owner_name, row.owner_job_title),
        due=row.due,
        reason=row.reason,
        outcome=row.outcome,
        done_on=row.done_on,
    )


def _action(row: ConcernActionRow, events: Sequence[ActionEvent]) -> ConcernAction:
    latest = events[-1]
    return ConcernAction(
        action_id=row.id,
        concern_id=row.concern_id,
        child_id=row.child_id,
        text=row.description,
        created_at=row.created_at,
        created_by=actor_of(row.actor_name, row.actor_role, row.actor_user_id),
        owner=latest.owner,
        due=latest.due,
        done_on=latest.done_on,
        outcome=latest.outcome,
        events=tuple(events),
    )


class ActionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # --- writing --------------------------------------------------------------------------------------------------
    def add(self, concern_id: int, text: str, owner: Owner, due: date, actor: Actor) -> ConcernAction:
        concern = self._session.get(ConcernRow, concern_id)
        if concern is None:
            raise RecordNotFound(f"There is no concern with id {concern_id} in this vault.")
        row = ConcernActionRow(
            concern_id=concern_id,
            child_id=concern.child_id,
            description=text,
            created_at=utc_now(),
            **actor_columns(actor),
        )
        self._session.add(row)
        self._session.flush()
        self._append(row, ActionChange.ADDED, owner, due, actor)
        return self.get(row.id)

    def change(self, action_id: int, owner: Owner, due: date, reason: str, actor: Actor) -> ConcernAction:
        """A new owner and/or due date (the caller has checked something differs and the action is open)."""
        row = self._row(action_id)
        current = self._state(action_id)
        before = self._session.get(ActionEventRow, current.event_id)
        assert before is not None
        kind = ActionChange.REASSIGNED if owner.staff_id != before.owner_staff_id else ActionChange.REDATED
        self._append(row, kind, owner, due, actor, reason=reason)
        return self.get(action_id)

    def complete(self, action_id: int, done_on: date, outcome: str, actor: Actor) -> ConcernAction:
        row = self._row(action_id)
        current = self._state(action_id)
        before = self._session.get(ActionEventRow, current.event_id)
        assert before is not None
        owner = Owner(before.owner_staff_id, before.owner_name, before.owner_job_title)
        self._append(row, ActionChange.COMPLETED, owner, before.due, actor, outcome=outcome, done_on=done_on)
        return self.get(action_id)

    def _append(
        self,
        row: ConcernActionRow,
        change: ActionChange,
        owner: Owner,
        due: date,
        actor: Actor,
        *,
        reason: str = "",
        outcome: str = "",
        done_on: date | None = None,
    ) -> None:
        event = ActionEventRow(
            action_id=row.id,
            change=change.value,
            owner_staff_id=owner.staff_id,
            owner_name=owner.name,
            owner_job_title=owner.job_title,
            due=due,
            reason=reason,
            outcome=outcome,
            done_on=done_on,
            at=utc_now(),
            **actor_columns(actor),
        )
        self._session.add(event)
        self._session.flush()
        self._session.merge(
            ActionStateRow(
                action_id=row.id,
                concern_id=row.concern_id,
                child_id=row.child_id,
                event_id=event.id,
                is_open=change != ActionChange.COMPLETED,
                due=due,
            )
        )
        self._session.flush()

    # --- reading --------------------------------------------------------------------------------------------------
    def _row(self, action_id: int) -> ConcernActionRow:
        row = self._session.get(ConcernActionRow, action_id)
        if row is None:
            raise RecordNotFound(f"There is no action with id {action_id} in this vault.")
        return row

    def _state(self, action_id: int) -> ActionStateRow:
        state = self._session.get(ActionStateRow, action_id)
        assert state is not None, "every action has its state row"
        return state

    def get(self, action_id: int) -> ConcernAction:
        found = self._many([self._row(action_id)])
        return found[0]

    def _many(self, rows: Iterable[ConcernActionRow]) -> list[ConcernAction]:
        rows = list(rows)
        if not rows:
            return []
        events: dict[int, list[ActionEvent]] = {r.id: [] for r in rows}
        query = select(ActionEventRow).where(ActionEventRow.action_id.in_(list(events))).order_by(ActionEventRow.id)
        for event in self._session.scalars(query):
            events[event.action_id].append(_event(event))
        return [_action(r, events[r.id]) for r in rows]

    def for_concern(self, concern_id: int, limit: int = 200, offset: int = 0) -> list[ConcernAction]:
        """A concern's actions: open ones first, soonest due first; then those done, most recently done first."""
        query = (
            select(ConcernActionRow)
            .join(ActionStateRow, ActionStateRow.action_id == ConcernActionRow.id)
            .join(ActionEventRow, ActionEventRow.id == ActionStateRow.event_id)
            .where(ActionStateRow.concern_id == concern_id)
            .order_by(
                ActionStateRow.is_open.desc(), ActionStateRow.due, ActionEventRow.done_on.desc(), ConcernActionRow.id
            )
            .limit(limit)
            .offset(offset)
        )
        return self._many(self._session.scalars(query))

    def count_for_concern(self, concern_id: int) -> tuple[int, int]:
        """(open, done) actions of a concern."""
        rows = self._session.execute(
            select(ActionStateRow.is_open, func.count())
            .where(ActionStateRow.concern_id == concern_id)
            .group_by(ActionStateRow.is_open)
        )
        counts = {bool(is_open): int(n) for is_open, n in rows}
        return counts.get(True, 0), counts.get(False, 0)

    def for_child(self, child_id: int, limit: int = 1000) -> list[ConcernAction]:
        """Every action on the child's concerns, oldest first (the chronology)."""
        query = (
            select(ConcernActionRow)
            .where(ConcernActionRow.child_id == child_id)
            .order_by(ConcernActionRow.id)
            .limit(limit)
        )
        return self._many(self._session.scalars(query))

    def due(self, until: date, today: date, limit: int = 50, offset: int = 0) -> list[DueAction]:
        """Open actions due on or before ``until``, most overdue first (``child_name`` left empty for the caller)."""
        query = (
            select(ActionStateRow, ConcernActionRow.description, ConcernRow.reference, ActionEventRow)
            .join(ConcernActionRow, ConcernActionRow.id == ActionStateRow.action_id)
            .join(ConcernRow, ConcernRow.id == ActionStateRow.concern_id)
            .join(ActionEventRow, ActionEventRow.id == ActionStateRow.event_id)
            .where(ActionStateRow.is_open.is_(True), ActionStateRow.due <= until)
            .order_by(ActionStateRow.due, ActionStateRow.action_id)
            .limit(limit)
            .offset(offset)
        )
        return [
            DueAction(
                action_id=state.action_id,
                concern_id=state.concern_id,
                child_id=state.child_id,
                reference=reference,
                child_name="",
                text=description,
                owner=Owner(event.owner_staff_id, event.owner_name, event.owner_job_title),
                due=state.due,
                days_overdue=max(0, (today - state.due).days),
            )
            for state, description, reference, event in self._session.execute(query)
        ]

    def count_due(self, until: date, today: date) -> tuple[int, int]:
        """(due on or before ``until``, of which overdue: due before ``today``) among open actions."""
        base = select(func.count()).select_from(ActionStateRow).where(ActionStateRow.is_open.is_(True))
        due = self._session.scalar(base.where(ActionStateRow.due <= until)) or 0
        late = self._session.scalar(base.where(ActionStateRow.due < today)) or 0
        return int(due), int(late)
