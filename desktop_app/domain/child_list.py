"""The children list: what a DSL filters by, and one row of what they see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop_app.domain.enums import RiskLevel
from desktop_app.domain.records import ChildDetails


@dataclass(frozen=True, slots=True)
class ChildFilter:
    """Empty means every child. ``text`` matches any name (every word a prefix) or the words of a concern."""

    text: str = ""
    level: RiskLevel | None = None  # the level confirmed at the child's latest screening
    not_screened: bool = False  # children never screened (``level`` is then ignored)
    open_concerns: bool = False  # at least one concern not closed
    review_due_on: date | None = None  # latest screening's review date on or before this day
    missing_episodes: bool = False  # at least one missing episode recorded


@dataclass(frozen=True, slots=True)
class ChildListEntry:
    child_id: int
    details: ChildDetails
    level: RiskLevel | None  # None: never screened
    review_date: date | None
    open_concerns: int
    last_concern_at: datetime | None
    found_by_name: bool = True  # False: found only by the words of a concern


@dataclass(frozen=True, slots=True)
class ChildPage:
    """One page of the list, and what to tell the DSL about their search (one sentence, or empty)."""

    entries: tuple[ChildListEntry, ...]
    offset: int
    has_more: bool
    note: str = ""
