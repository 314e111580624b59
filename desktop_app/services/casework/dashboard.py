"""What the DSL's dashboard lists: each a bounded query (``limit``) turned into plain rows, never a whole table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from desktop_app.domain.enums import RiskLevel, RouteId
from desktop_app.domain.records import Child, ReferralEntry, ScreeningRecord
from desktop_app.services.casework import Session
from desktop_app.services.casework.screening import route_title

# Confirmations due within this many days are listed too, so the DSL sees them coming; overdue ones stand out.
CONFIRMATION_HORIZON_DAYS = 14


@dataclass(frozen=True, slots=True)
class AwaitingRow:
    concern_id: int
    reference: str
    child_name: str
    submitted_at: datetime
    days_waiting: int
    sealed: bool


@dataclass(frozen=True, slots=True)
class ReviewRow:
    concern_id: int
    child_id: int
    child_name: str
    level: RiskLevel
    review_date: date
    days_overdue: int


@dataclass(frozen=True, slots=True)
class ConfirmationRow:
    concern_id: int
    referral_id: int
    child_name: str
    route: RouteId
    route_title: str
    contacted_name: str
    contacted_at: datetime
    due: date
    overdue: bool


@dataclass(frozen=True, slots=True)
class HighRiskRow:
    concern_id: int
    child_id: int
    child_name: str
    level: RiskLevel
    screened_at: datetime
    review_date: date


class _Names:
    """Child names for one page of rows, each looked up once."""

    def __init__(self, uow: Any) -> None:
        self._uow = uow
        self._cache: dict[int, str] = {}

    def __call__(self, child_id: int) -> str:
        if child_id not in self._cache:
            child: Child = self._uow.children.get(child_id)
            self._cache[child_id] = child.details.display_name
        return self._cache[child_id]


def _day(moment: datetime) -> date:
    return moment.astimezone().date()


def awaiting_screening(session: Session, limit: int, today: date) -> list[AwaitingRow]:
    """Concerns not yet screened, oldest first, with how many days each has waited."""
    with session.uow() as uow:
        names = _Names(uow)
        return [
            AwaitingRow(c.concern_id, c.reference, names(c.child_id), c.submitted_at,
                        max(0, (today - _day(c.submitted_at)).days), c.sealed)
            for c in uow.concerns.awaiting_screening(limit)
        ]


def reviews_due(session: Session, limit: int, today: date) -> list[ReviewRow]:
    """Children whose latest screening is due for review today or earlier, most overdue first."""
    with session.uow() as uow:
        names = _Names(uow)
        records: list[ScreeningRecord] = uow.screenings.reviews_due(today, limit)
        return [
            ReviewRow(r.concern_id, r.child_id, names(r.child_id), r.decision.confirmed_level,
                      r.decision.review_date, (today - r.decision.review_date).days)
            for r in records
        ]


def confirmations_awaited(session: Session, limit: int, today: date) -> list[ConfirmationRow]:
    """Referrals whose written confirmation is not yet sent, due soonest first; overdue ones are marked."""
    horizon = today + timedelta(days=CONFIRMATION_HORIZON_DAYS)
    with session.uow() as uow:
        names = _Names(uow)
        entries: list[ReferralEntry] = uow.referrals.awaiting_confirmation(horizon, limit)
        rows = []
        for e in entries:
            assert e.confirmation_due is not None
            child_id = uow.concerns.child_id_of(e.concern_id)
            rows.append(ConfirmationRow(e.concern_id, e.referral_id, names(child_id), e.route,
                                        route_title(e.route), e.contacted_name, e.contacted_at, e.confirmation_due,
                                        e.confirmation_due < today))
        return rows


def high_risk_children(session: Session, limit: int) -> list[HighRiskRow]:
    """Children whose latest confirmed level is high, soonest review first."""
    with session.uow() as uow:
        names = _Names(uow)
        records: list[ScreeningRecord] = uow.screenings.children_at_level(RiskLevel.HIGH, limit)
        return [
            HighRiskRow(r.concern_id, r.child_id, names(r.child_id), r.decision.confirmed_level, r.completed_at,
                        r.decision.review_date)
            for r in records
        ]


def sealed_waiting(vault_dir: Path) -> int:
    """Concerns staff recorded from the lock screen that wait to be imported (counted without opening them)."""
    from desktop_app.services import intake
    return intake.pending(vault_dir)


@dataclass(frozen=True, slots=True)
class Counts:
    awaiting_screening: int
    awaiting_confirmation: int


def counts(session: Session) -> Counts:
    """Totals for the headings (index-backed counts, not rows)."""
    from desktop_app.domain.enums import ConcernStatus

    with session.uow() as uow:
        return Counts(
            awaiting_screening=uow.concerns.count_with_status(ConcernStatus.AWAITING_SCREENING),
            awaiting_confirmation=uow.referrals.count_awaiting_confirmation(),
        )
