"""The governors' counts read one year through indexes, and every concern's categories are counted however it came."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import text

from desktop_app.domain.records import ConcernDraft
from desktop_app.services.vault import VaultSession
from desktop_app.store.clock import frozen_clock
from tests.fixtures_vault import fictional_child, open_session  # noqa: F401

FIRST, LAST = date(2026, 9, 1), date(2027, 8, 31)


def add(session: VaultSession, at: datetime, categories: tuple[str, ...]) -> None:
    actor = session.actor()
    with frozen_clock(at), session.uow() as uow:
        child = uow.children.add(fictional_child(), actor)
        concern = uow.concerns.add(child.child_id, ConcernDraft(account="x", category_ids=categories), actor, False)
        uow.audit.append(actor, "concern.submitted", concern.concern_id)
        uow.commit()


def test_categories_and_months_are_counted_for_the_year_only(open_session: VaultSession) -> None:
    add(open_session, datetime(2026, 8, 31, 12, tzinfo=UTC), ("cse",))  # the year before
    add(open_session, datetime(2026, 9, 2, 12, tzinfo=UTC), ("cse", "online"))
    add(open_session, datetime(2026, 9, 20, 12, tzinfo=UTC), ("cce",))
    add(open_session, datetime(2027, 3, 1, 12, tzinfo=UTC), ())
    with open_session.uow() as uow:
        counts = uow.year_counts
        assert counts.concerns_by_month(FIRST, LAST) == {"2026-09": 2, "2027-03": 1}
        assert counts.concerns_by_category(FIRST, LAST) == {
            ("2026-09", "cse"): 1,
            ("2026-09", "online"): 1,
            ("2026-09", "cce"): 1,
        }


def test_each_count_reads_an_index_not_the_whole_table(open_session: VaultSession) -> None:
    queries = {
        "concern_categories": "SELECT month, category_id, count(*) FROM concern_categories "
        "WHERE month >= '2026-09' AND month <= '2027-08' GROUP BY 1, 2",
        "concerns": "SELECT count(*) FROM concerns WHERE submitted_at >= '2026-09-01' AND submitted_at < '2026-10-01'",
        "screenings": "SELECT substr(completed_at, 1, 7), confirmed_level, count(*) FROM screenings "
        "WHERE completed_at >= '2026-09-01' AND completed_at < '2027-09-01' GROUP BY 1, 2",
        "referrals": "SELECT route, count(*) FROM referrals "
        "WHERE contacted_at >= '2026-09-01' AND contacted_at < '2027-09-01' GROUP BY 1",
    }
    with open_session.uow() as uow:
        for table, sql in queries.items():
            plan = " ".join(str(row[-1]) for row in uow.session.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
            assert "USING" in plan and "INDEX" in plan, f"{table}: {plan}"
            if table in ("concerns", "screenings"):  # the index alone: no row (with its body) is read
                assert "COVERING INDEX" in plan, f"{table}: {plan}"
