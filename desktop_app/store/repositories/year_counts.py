"""``uow.year_counts``: counts over one period for the governors' report. Aggregates only: never a name or a text.

Each query reads one period through an index on its date column (concerns' submission, screenings' completion,
referrals' contact, status events), so a year of a ten-year vault costs a year's rows, not ten.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from desktop_app.domain.enums import ConcernStatus
from desktop_app.store.models import ConcernEventRow, ConcernRow, ReferralEventRow, ReferralRow, ScreeningRow
from desktop_app.store.models_audit import ConcernCategoryRow
from desktop_app.store.models_connections import MissingEpisodeRow
from desktop_app.store.repositories.referrals import CONFIRMATION_SENT
from desktop_app.store.types import format_utc


def _bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """The first moment of ``first`` and the first moment after ``last`` (UTC)."""
    start = datetime.combine(first, time.min, tzinfo=UTC)
    end = datetime.combine(date.fromordinal(last.toordinal() + 1), time.min, tzinfo=UTC)
    return start, end


def _months(first: date, last: date) -> list[tuple[str, datetime, datetime]]:
    """The calendar months the period touches, each as ("2026-09", its first moment, the first moment after it),
    cut to the period at both ends."""
    start, end = _bounds(first, last)
    months: list[tuple[str, datetime, datetime]] = []
    at = start
    while at < end:
        following = datetime(at.year + at.month // 12, at.month % 12 + 1, 1, tzinfo=UTC)
        months.append((f"{at:%Y-%m}", at, min(following, end)))
        at = following
    return months


class YearCountsRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def concerns_by_month(self, first: date, last: date) -> dict[str, int]:
        """Concerns submitted per month: {"2026-09": 12, …} (months with none left out).

        One count of an index range per month rather than one GROUP BY over the year: the counts read only the
        index, with no temporary sort of a year's rows (11 ms instead of 54 ms for 100,000 concerns in a year).
        """
        counts: dict[str, int] = {}
        for month, start, end in _months(first, last):
            n = self._session.scalar(
                select(func.count()).where(ConcernRow.submitted_at >= start, ConcernRow.submitted_at < end)
            )
            if n:
                counts[month] = int(n)
        return counts

    def concerns_by_category(self, first: date, last: date, column: str | None = None) -> dict[tuple[str, str], int]:
        """{(month, category id): count} of the categories ticked on concerns submitted in the period.

        ``column``: a column of ``concerns`` holding one kind per concern (when the vault has one); else the
        ``concern_categories`` projection of the categories in each concern's body.
        """
        if column is not None:
            start, end = _bounds(first, last)
            sql = (
                f"SELECT substr(submitted_at, 1, 7), {column}, count(*) FROM concerns "  # noqa: S608 - a column name of ours
                f"WHERE submitted_at >= :start AND submitted_at < :end AND {column} IS NOT NULL "
                f"GROUP BY 1, 2"
            )
            rows = self._session.execute(text(sql), {"start": format_utc(start), "end": format_utc(end)})
            return {(str(m), str(k)): int(n) for m, k, n in rows}
        query = (
            select(ConcernCategoryRow.month, ConcernCategoryRow.category_id, func.count())
            .where(ConcernCategoryRow.month >= f"{first:%Y-%m}", ConcernCategoryRow.month <= f"{last:%Y-%m}")
            .group_by(ConcernCategoryRow.month, ConcernCategoryRow.category_id)
        )
        return {(str(m), str(k)): int(n) for m, k, n in self._session.execute(query)}

    def columns(self, table: str) -> set[str]:
        """The column names of one of the vault's tables (empty when there is no such table)."""
        if not table.replace("_", "").isalnum():
            raise ValueError(f"not a table name: {table!r}")
        return {str(row[1]) for row in self._session.execute(text(f"PRAGMA table_info({table})"))}

    def screenings_by_level(self, first: date, last: date) -> dict[tuple[str, str], int]:
        """{(month, level): count} of screenings completed in the period, by the level the DSL confirmed."""
        start, end = _bounds(first, last)
        month = func.substr(ScreeningRow.completed_at, 1, 7)
        rows = self._session.execute(
            select(month, ScreeningRow.confirmed_level, func.count())
            .where(ScreeningRow.completed_at >= start, ScreeningRow.completed_at < end)
            .group_by(month, ScreeningRow.confirmed_level)
        )
        return {(str(m), str(level)): int(n) for m, level, n in rows}

    def referrals_by_route(self, first: date, last: date) -> dict[tuple[str, str], int]:
        """{(month, route): count} of referral contacts made in the period."""
        start, end = _bounds(first, last)
        month = func.substr(ReferralRow.contacted_at, 1, 7)
        rows = self._session.execute(
            select(month, ReferralRow.route, func.count())
            .where(ReferralRow.contacted_at >= start, ReferralRow.contacted_at < end)
            .group_by(month, ReferralRow.route)
        )
        return {(str(m), str(route)): int(n) for m, route, n in rows}

    def referral_outcomes(self, first: date, last: date) -> dict[str, int]:
        """Of the referrals made in the period: how many have an outcome recorded, and a written confirmation sent."""
        start, end = _bounds(first, last)
        in_period = (ReferralRow.contacted_at >= start, ReferralRow.contacted_at < end)
        total, with_outcome = self._session.execute(
            select(func.count(), func.coalesce(func.sum(func.length(func.trim(ReferralRow.outcome)) > 0), 0)).where(
                *in_period
            )
        ).one()
        confirmed = self._session.scalar(
            select(func.count(func.distinct(ReferralEventRow.referral_id)))
            .join(ReferralRow, ReferralRow.id == ReferralEventRow.referral_id)
            .where(*in_period, ReferralEventRow.kind == CONFIRMATION_SENT)
        )
        return {"referrals": int(total), "outcome_recorded": int(with_outcome), "confirmed": int(confirmed or 0)}

    def concerns_closed(self, first: date, last: date) -> int:
        start, end = _bounds(first, last)
        return int(
            self._session.scalar(
                select(func.count(func.distinct(ConcernEventRow.concern_id))).where(
                    ConcernEventRow.status == ConcernStatus.CLOSED.value,
                    ConcernEventRow.at >= start,
                    ConcernEventRow.at < end,
                )
            )
            or 0
        )

    def missing_by_month(self, first: date, last: date) -> dict[tuple[str, str], int]:
        """{(month, measure): count} of missing episodes begun in the period: "episodes", "out_of_area",
        "police_told", "interview_offered"."""
        start, end = _bounds(first, last)
        month = func.substr(MissingEpisodeRow.went_missing_at, 1, 7)
        rows = self._session.execute(
            select(
                month,
                func.count(),
                func.sum(MissingEpisodeRow.out_of_area),
                func.sum(MissingEpisodeRow.police_told),
                func.sum(MissingEpisodeRow.interview_offered),
            )
            .where(MissingEpisodeRow.went_missing_at >= start, MissingEpisodeRow.went_missing_at < end)
            .group_by(month)
        )
        out: dict[tuple[str, str], int] = {}
        for m, episodes, away, police, interview in rows:
            for measure, n in (
                ("episodes", episodes),
                ("out_of_area", away),
                ("police_told", police),
                ("interview_offered", interview),
            ):
                out[(str(m), measure)] = int(n or 0)
        return out


def month_keys(months: Sequence[date]) -> list[str]:
    return [f"{m:%Y-%m}" for m in months]
