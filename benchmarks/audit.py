"""The annual audit's figures: the governors' report data for the busiest academic year, and the dashboard's audit
and training reminders (DESIGN §9, issue 12: ≤ 200 ms for the year's report data at 100,000 concerns)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import text

from desktop_app.domain.audit import AcademicYear
from desktop_app.services.audit import dashboard as audit_dashboard
from desktop_app.services.audit import governors
from desktop_app.services.vault import VaultSession


def busiest_year(session: VaultSession) -> AcademicYear:
    with session.uow() as uow:
        month = uow.session.execute(
            text("SELECT substr(submitted_at, 1, 7) AS m FROM concerns GROUP BY m ORDER BY count(*) DESC LIMIT 1")
        ).scalar()
    if not month:
        return AcademicYear.containing(date.today())
    return AcademicYear.containing(date.fromisoformat(f"{month}-01"))


def audit_figures(
    session: VaultSession, repeat: int, timed_ms: Callable[[Callable[[], object], int], list[float]], today: date
) -> dict[str, tuple[float, list[float]]]:
    year = busiest_year(session)

    def report() -> Any:
        with session.uow() as uow:
            return governors.report(uow, year, today)

    with session.uow() as uow:
        concerns = governors.report(uow, year, today).concerns_by_month.total(0)
    return {
        f"Governors' report data for {year} ({concerns:,} concerns that year)": (200.0, timed_ms(report, repeat)),
        "Dashboard: audit and training reminders": (
            100.0,
            timed_ms(lambda: audit_dashboard.reminders(session, today), repeat),
        ),
    }
