"""What the DSL's dashboard lists: each a bounded query (``limit``) turned into plain rows, never a whole table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.definitions import Forms, load_forms
from desktop_app.domain.enums import RiskLevel, RouteId
from desktop_app.domain.naming import name_with_detail
from desktop_app.domain.records import ConcernDraft, ReferralEntry
from desktop_app.services.casework.screening import route_title

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession
    from desktop_app.store.uow import UnitOfWork

# Confirmations due within this many days are listed too, so the DSL sees them coming; overdue ones stand out.
CONFIRMATION_HORIZON_DAYS = 14


URGENCY_WORDS = {2: "IMMEDIATE DANGER", 1: "Significant signs", 0: ""}


@dataclass(frozen=True, slots=True)
class AwaitingRow:
    concern_id: int
    reference: str
    child_name: str  # with date of birth or year group: two children of the same name are told apart
    submitted_at: datetime
    days_waiting: int
    sealed: bool
    urgency: int = 0  # 2 immediate danger, 1 a significant sign ticked, 0 neither

    @property
    def urgency_text(self) -> str:
        return URGENCY_WORDS[self.urgency]


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
    review_overdue: bool = False


def _names(uow: UnitOfWork, child_ids: Iterable[int]) -> dict[int, str]:
    """The display names of one page of rows' children, each with a date of birth or year group, in one query."""
    return {child_id: name_with_detail(child.details) for child_id, child in uow.children.get_many(child_ids).items()}


def _day(moment: datetime) -> date:
    return moment.astimezone().date()


def significant_signs(forms: Forms) -> frozenset[str]:
    """The screening items marked significant in the default definition of ``forms``."""
    definition = forms.screening()
    return frozenset(item.id for _section, item in definition.items() if item.significant)


def urgency(draft: ConcernDraft, significant: frozenset[str]) -> int:
    if draft.immediate_danger:
        return 2
    return 1 if significant & set(draft.sign_ids) else 0


def awaiting_screening(session: VaultSession, limit: int, today: date, forms: Forms | None = None) -> list[AwaitingRow]:
    """Concerns not yet screened, most urgent first (immediate danger, then significant signs), then oldest first,
    with how many days each has waited. ``forms``: the loaded forms (read from forms/ when not given)."""
    significant = significant_signs(forms or load_forms())
    with session.uow() as uow:
        concerns = uow.concerns.awaiting_screening(limit, significant)
        names = _names(uow, (c.child_id for c in concerns))
        return [
            AwaitingRow(
                c.concern_id,
                c.reference,
                names[c.child_id],
                c.submitted_at,
                max(0, (today - _day(c.submitted_at)).days),
                c.sealed,
                urgency(c.draft, significant),
            )
            for c in concerns
        ]


def reviews_due(session: VaultSession, limit: int, today: date) -> list[ReviewRow]:
    """Children whose latest screening is due for review today or earlier, most overdue first."""
    with session.uow() as uow:
        latest = uow.screenings.reviews_due(today, limit)
        names = _names(uow, (r.child_id for r in latest))
        return [
            ReviewRow(r.concern_id, r.child_id, names[r.child_id], r.level, r.review_date, (today - r.review_date).days)
            for r in latest
        ]


def confirmations_awaited(
    session: VaultSession, limit: int, today: date, forms: Forms | None = None
) -> list[ConfirmationRow]:
    """Referrals whose written confirmation is not yet sent, due soonest first; overdue ones are marked."""
    contacts = (forms or load_forms()).contacts
    horizon = today + timedelta(days=CONFIRMATION_HORIZON_DAYS)
    with session.uow() as uow:
        entries: list[ReferralEntry] = uow.referrals.awaiting_confirmation(horizon, limit)
        child_of = uow.concerns.child_ids_of(e.concern_id for e in entries)
        names = _names(uow, child_of.values())
        rows = []
        for e in entries:
            assert e.confirmation_due is not None
            rows.append(
                ConfirmationRow(
                    e.concern_id,
                    e.referral_id,
                    names[child_of[e.concern_id]],
                    e.route,
                    route_title(e.route, contacts),
                    e.contacted_name,
                    e.contacted_at,
                    e.confirmation_due,
                    e.confirmation_due < today,
                )
            )
        return rows


def high_risk_children(session: VaultSession, limit: int, today: date | None = None) -> list[HighRiskRow]:
    """Children whose latest confirmed level is high (their concern not closed), soonest review first; a review
    date before ``today`` is marked overdue."""
    today = today or date.today()
    with session.uow() as uow:
        latest = uow.screenings.children_at_level(RiskLevel.HIGH, limit)
        names = _names(uow, (r.child_id for r in latest))
        return [
            HighRiskRow(
                r.concern_id,
                r.child_id,
                names[r.child_id],
                r.level,
                r.screened_at,
                r.review_date,
                r.review_date < today,
            )
            for r in latest
        ]


def sealed_waiting(vault_dir: Path) -> int:
    """Concerns staff recorded from the lock screen that wait to be imported (counted without opening them)."""
    from desktop_app.services.intake import sealing as intake_sealing

    return intake_sealing.pending(vault_dir)


@dataclass(frozen=True, slots=True)
class Counts:
    awaiting_screening: int
    awaiting_confirmation: int


def counts(session: VaultSession) -> Counts:
    """Totals for the headings (index-backed counts, not rows)."""
    from desktop_app.domain.enums import ConcernStatus

    with session.uow() as uow:
        return Counts(
            awaiting_screening=uow.concerns.count_with_status(ConcernStatus.AWAITING_SCREENING),
            awaiting_confirmation=uow.referrals.count_awaiting_confirmation(),
        )
