"""What the screens list: a concern's actions, and the open actions due soon or overdue (the dashboard), a page at a
time; and the staff an action can be given to."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from desktop_app.definitions import load_forms
from desktop_app.domain.actions import ConcernAction, DueAction
from desktop_app.domain.audit import StaffMember
from desktop_app.domain.naming import name_with_detail
from desktop_app.services.vault import VaultSession


@dataclass(frozen=True, slots=True)
class DueCounts:
    due: int  # open actions due by the horizon (overdue ones included)
    overdue: int
    horizon: date  # the last due date listed


def horizon(today: date) -> date:
    """The last due date the dashboard lists: today plus ``due_within_days`` of forms/actions.toml."""
    return today + timedelta(days=load_forms().actions.due_within_days)


def for_concern(session: VaultSession, concern_id: int, limit: int = 200, offset: int = 0) -> list[ConcernAction]:
    """Open actions first (soonest due first), then those completed."""
    with session.uow() as uow:
        return uow.actions.for_concern(concern_id, limit, offset)


def get(session: VaultSession, action_id: int) -> ConcernAction:
    with session.uow() as uow:
        return uow.actions.get(action_id)


def due_actions(session: VaultSession, today: date, limit: int = 50, offset: int = 0) -> list[DueAction]:
    """Open actions due by the horizon, most overdue first, each with its child's name and date of birth."""
    with session.uow() as uow:
        rows = uow.actions.due(horizon(today), today, limit, offset)
        children = uow.children.get_many(r.child_id for r in rows)
        return [
            replace(r, child_name=name_with_detail(children[r.child_id].details))
            for r in rows
            if r.child_id in children
        ]


def count_due(session: VaultSession, today: date) -> DueCounts:
    until = horizon(today)
    with session.uow() as uow:
        due, overdue = uow.actions.count_due(until, today)
    return DueCounts(due, overdue, until)


def owners(session: VaultSession, limit: int = 500) -> list[StaffMember]:
    """Everyone on the staff register who has not left, by name: the people an action can be given to."""
    with session.uow() as uow:
        return uow.training.staff(limit=limit)


def suggestions() -> tuple[str, ...]:
    """Actions commonly agreed (forms/actions.toml), offered as a start when writing one."""
    return load_forms().actions.suggestions
