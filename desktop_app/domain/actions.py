"""A concern's actions: what is to be done, by whom (a named member of staff), by when, and what came of it.

An action is never edited. It is added once; a change of owner or due date, and its completion with an outcome, are
events after it. ``ConcernAction`` is the action as it stands now, with every event that brought it there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from desktop_app.domain.records import Actor


class ActionChange(StrEnum):
    ADDED = "added"
    REASSIGNED = "reassigned"  # a new owner (perhaps a new due date too)
    REDATED = "redated"  # a new due date, the same owner
    COMPLETED = "completed"

    @property
    def label(self) -> str:
        return {
            ActionChange.ADDED: "Action agreed",
            ActionChange.REASSIGNED: "Given to another member of staff",
            ActionChange.REDATED: "Due date changed",
            ActionChange.COMPLETED: "Action completed",
        }[self]


@dataclass(frozen=True, slots=True)
class Owner:
    """The member of staff an action is given to, as the staff register named them when it was given."""

    staff_id: int
    name: str
    job_title: str = ""

    @property
    def described(self) -> str:
        return f"{self.name} ({self.job_title})" if self.job_title else self.name


@dataclass(frozen=True, slots=True)
class ActionEvent:
    change: ActionChange
    at: datetime
    by: Actor
    owner: Owner
    due: date
    reason: str = ""  # why the owner or due date changed
    outcome: str = ""  # when completed
    done_on: date | None = None  # the day it was done (completed)


@dataclass(frozen=True, slots=True)
class ConcernAction:
    action_id: int
    concern_id: int
    child_id: int
    text: str  # what is to be done
    created_at: datetime
    created_by: Actor
    owner: Owner
    due: date
    done_on: date | None = None
    outcome: str = ""
    events: tuple[ActionEvent, ...] = ()  # oldest first; the first is ``ADDED``

    @property
    def is_open(self) -> bool:
        return self.done_on is None

    def days_overdue(self, today: date) -> int:
        """Days past its due date while still open (0 when done, due today or later)."""
        return max(0, (today - self.due).days) if self.is_open else 0

    def overdue(self, today: date) -> bool:
        return self.days_overdue(today) > 0


@dataclass(frozen=True, slots=True)
class DueAction:
    """A row of the dashboard's "Actions due": an open action due within the horizon, or overdue."""

    action_id: int
    concern_id: int
    child_id: int
    reference: str
    child_name: str
    text: str
    owner: Owner
    due: date
    days_overdue: int

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0
