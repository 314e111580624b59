"""A concern's actions at scale (issue 16): bulk actions for the scale vault; the dashboard's "Actions due" (its
counts and first page are in ``measure.dashboard_queries``) a page deep, and one concern's actions (≤ 100 ms each)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import text

from desktop_app.services.actions import lists
from desktop_app.services.vault.session import VaultSession
from desktop_app.store.types import format_utc

LIMIT_MS = 100.0
EVERY = 4  # one concern in four has actions


def bulk_actions(connection: Any, today: date, rng: random.Random) -> None:
    """One or two actions on one concern in four (owned by the demo's staff), a third of them completed."""
    staff = [tuple(r) for r in connection.execute("SELECT id, name, job_title FROM staff ORDER BY id").fetchall()]
    if not staff:
        return
    action_id = int(connection.execute("SELECT coalesce(max(id), 0) + 1 FROM concern_actions").fetchone()[0])
    event_id = int(connection.execute("SELECT coalesce(max(id), 0) + 1 FROM action_events").fetchone()[0])
    concerns = connection.execute(
        "SELECT c.id, c.child_id, c.submitted_at FROM concerns c LEFT JOIN concern_actions a ON a.concern_id = c.id "
        "WHERE a.id IS NULL AND c.id % ? = 0",
        (EVERY,),
    ).fetchall()
    stamp = format_utc(datetime.combine(today, datetime.min.time(), tzinfo=UTC))
    actions, events, states = [], [], []
    for concern_id, child_id, submitted in concerns:
        for _ in range(rng.choice((1, 2))):
            owner = rng.choice(staff)
            due = (today + timedelta(days=rng.randint(-60, 60))).isoformat()
            actions.append(
                (action_id, concern_id, child_id, "Check attendance every day", submitted, "Bulk", "dsl", None)
            )
            events.append((event_id, action_id, "added", *owner, due, "", "", None, submitted, "Bulk", "dsl", None))
            latest, is_open = event_id, True
            if rng.random() < 1 / 3:
                event_id += 1
                events.append(
                    (event_id, action_id, "completed", *owner, due, "", "Done", due, stamp, "Bulk", "dsl", None)
                )
                latest, is_open = event_id, False
            states.append((action_id, concern_id, child_id, latest, is_open, due))
            action_id += 1
            event_id += 1
    connection.executemany(
        "INSERT INTO concern_actions (id, concern_id, child_id, description, created_at, "
        "actor_name, actor_role, actor_user_id) VALUES (?,?,?,?,?,?,?,?)",
        actions,
    )
    connection.executemany(
        "INSERT INTO action_events (id, action_id, change, owner_staff_id, owner_name, "
        "owner_job_title, due, reason, outcome, done_on, at, actor_name, actor_role, actor_user_id) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        events,
    )
    connection.executemany(
        "INSERT INTO action_state (action_id, concern_id, child_id, event_id, is_open, due) VALUES (?,?,?,?,?,?)",
        states,
    )


def figures(
    session: VaultSession, today: date, repeat: int, timed_ms: Callable[[Callable[[], object], int], list[float]]
) -> dict[str, tuple[float, list[float]]]:
    """{what: (limit ms, times)} for ``figures.py``'s ``more_ms``."""
    with session.uow() as uow:
        total = int(uow.session.execute(text("SELECT count(*) FROM action_state")).scalar_one())
        busiest = uow.session.execute(
            text("SELECT concern_id FROM action_state GROUP BY concern_id ORDER BY count(*) DESC LIMIT 1")
        ).scalar()
    due = lists.count_due(session, today)
    return {
        f"Actions due: a page 1,000 rows in ({due.due:,} due of {total:,} actions)": (
            LIMIT_MS,
            timed_ms(lambda: lists.due_actions(session, today, 50, 1000), repeat),
        ),
        "A concern's actions (the concern with the most)": (
            LIMIT_MS,
            timed_ms(lambda: lists.for_concern(session, int(busiest or 0)), repeat),
        ),
    }
