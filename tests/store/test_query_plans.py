"""Every list a dashboard shows is answered from an index with a LIMIT, so it stays fast at 100,000 concerns."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import event

from desktop_app.domain.enums import ConcernStatus, RiskLevel
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import record_concern

# Full scans that are fine: the newest audit row (rowid order, LIMIT 1), the small projection of pending referrals.
ALLOWED_SCANS = ("SCAN audit", "SCAN referral_pending", "SCAN concern_text VIRTUAL TABLE")


@pytest.fixture
def captured(open_session: VaultSession) -> Iterator[list[tuple[str, Any]]]:
    statements: list[tuple[str, Any]] = []
    engine = open_session._db().engine

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    yield statements
    event.remove(engine, "before_cursor_execute", capture)


def test_dashboard_and_search_queries_use_indexes(open_session: VaultSession, captured: list[tuple[str, Any]]) -> None:
    concern_id = record_concern(open_session)
    captured.clear()
    with open_session.uow() as uow:
        uow.concerns.awaiting_screening(50)
        uow.concerns.search("car school")
        uow.concerns.list_for_child(1)
        uow.concerns.count_with_status(ConcernStatus.AWAITING_SCREENING)
        uow.concerns.get(concern_id)
        uow.children.search("tam quill")
        uow.screenings.reviews_due(date.today(), 50)
        uow.screenings.children_at_level(RiskLevel.HIGH, 50)
        uow.screenings.for_concern(concern_id)
        uow.referrals.awaiting_confirmation(date.today(), 50)
        uow.referrals.for_concern(concern_id)
        uow.referrals.count_awaiting_confirmation()
        uow.audit.latest_seq()
        uow.audit.entries(datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))
        plans = {
            statement: [
                row[3]
                for row in uow.session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
            ]
            for statement, parameters in list(captured)
        }
    assert len(plans) >= 12
    scans = [
        (statement.split("FROM")[1][:60], step)
        for statement, steps in plans.items()
        for step in steps
        if step.startswith("SCAN") and not step.startswith(ALLOWED_SCANS)
    ]
    assert scans == []
