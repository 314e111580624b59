"""Connections and missing episodes at scale: bulk rows for the built vault, and the queries the child file, the
dashboard, the children list's filter and the sharing export run (figures, not tests)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from desktop_app.services.child import connections, missing, sharing
from desktop_app.services.vault import VaultSession
from desktop_app.store.types import format_utc

ROLES = ("possible_victim", "possible_perpetrator", "witness", "other")
LIMITS_MS = {
    "child file: connections of a well-connected child": 100,
    "children linked to the busiest adult": 50,
    "children list filter: missing episodes (first page)": 50,
    "sharing export of 10 children over a year": 500,
}


def bulk_connections(connection: Any, today: date, rng: random.Random) -> None:
    """Adults (one per 20 concerns, a few named very often), places, other children named in 30% of concerns (half
    matched to a file), and missing episodes for 6% of children (a third of them repeated)."""
    stamp = format_utc(datetime.combine(today, time.min, tzinfo=UTC))
    concerns = connection.execute("SELECT id, child_id FROM concerns").fetchall()
    children = int(connection.execute("SELECT max(id) FROM children").fetchone()[0])
    first_adult = int(connection.execute("SELECT coalesce(max(id), 0) FROM adults").fetchone()[0]) + 1
    first_place = int(connection.execute("SELECT coalesce(max(id), 0) FROM places").fetchone()[0]) + 1
    adults = max(10, len(concerns) // 20)
    places = max(10, len(concerns) // 50)
    connection.executemany(
        "INSERT INTO adults (id, name_fold, name, description, vehicle, phone, created_at) VALUES (?,?,?,?,?,?,?)",
        [(i, f"adult {i}", f"Adult {i}", "Fictional", "", "", stamp) for i in range(first_adult, first_adult + adults)],
    )
    connection.executemany(
        "INSERT INTO places (id, name_fold, name, details, created_at) VALUES (?,?,?,?,?)",
        [(i, f"place {i}", f"Place {i}", "", stamp) for i in range(first_place, first_place + places)],
    )
    named_adults, named_places, others = [], [], []
    for concern_id, child_id in concerns:
        if rng.random() < 0.3:  # a skewed pick: a handful of adults appear in hundreds of concerns
            adult = first_adult + min(adults - 1, int(rng.paretovariate(1.2)) - 1)
            named_adults.append((concern_id, adult, child_id))
        if rng.random() < 0.4:
            named_places.append((concern_id, first_place + rng.randrange(places), child_id))
        if rng.random() < 0.3:
            other = rng.randint(1, children)
            matched = other if other != child_id and rng.random() < 0.5 else None
            others.append(
                (concern_id, matched, f"Named child {other}", rng.choice(ROLES), "", stamp, "Bulk", "teacher", None)
            )
    connection.executemany(
        "INSERT OR IGNORE INTO concern_adults (concern_id, adult_id, child_id) VALUES (?,?,?)", named_adults
    )
    connection.executemany(
        "INSERT OR IGNORE INTO concern_places (concern_id, place_id, child_id) VALUES (?,?,?)", named_places
    )
    connection.executemany(
        "INSERT INTO concern_children (concern_id, child_id, name, role, details, linked_at, "
        "actor_name, actor_role, actor_user_id) VALUES (?,?,?,?,?,?,?,?,?)",
        others,
    )
    episodes = []
    now = datetime.combine(today, time(12), tzinfo=UTC)
    for child_id in rng.sample(range(1, children + 1), k=max(1, children * 6 // 100)):
        went = now - timedelta(days=rng.randint(1, 365))
        for _ in range(rng.randint(2, 4) if rng.random() < 0.33 else 1):
            back = went + timedelta(hours=rng.randint(2, 48))
            episodes.append(
                (
                    child_id,
                    format_utc(went),
                    format_utc(back),
                    "Fictional place",
                    False,
                    True,
                    "SY-BENCH",
                    True,
                    None,
                    "",
                    format_utc(back),
                    "Bulk",
                    "dsl",
                    None,
                )
            )
            went -= timedelta(days=rng.randint(5, 30))
    connection.executemany(
        "INSERT INTO missing_episodes (child_id, went_missing_at, returned_at, where_found, out_of_area, police_told, "
        "police_reference, interview_offered, interview_held_at, notes, recorded_at, actor_name, actor_role, "
        "actor_user_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        episodes,
    )


def queries(session: VaultSession, today: date) -> dict[str, Callable[[], object]]:
    with session.uow() as uow:
        busiest = uow.session.execute(
            _sql("SELECT adult_id FROM concern_adults GROUP BY adult_id ORDER BY count(*) DESC LIMIT 1")
        ).scalar_one()
        connected = uow.session.execute(
            _sql("SELECT child_id FROM concern_adults WHERE adult_id = :a LIMIT 1"), {"a": busiest}
        ).scalar_one()
        with_episodes = uow.missing.child_ids_with_episodes(limit=10)
    start = today - timedelta(days=365)
    return {
        "child file: connections of a well-connected child": lambda: connections.connections_of(session, connected),
        "children linked to the busiest adult": lambda: _children_of_adult(session, busiest),
        "children list filter: missing episodes (first page)": lambda: _filter_page(session),
        "sharing export of 10 children over a year": lambda: sharing.build_export(
            session, with_episodes, start, today, today
        ),
    }


def dashboard_query(session: VaultSession, today: date, page: int) -> Callable[[], object]:
    now = datetime.combine(today, time(23), tzinfo=UTC)
    return lambda: missing.repeatedly_missing(session, page, now)


def _children_of_adult(session: VaultSession, adult_id: int) -> object:
    with session.uow() as uow:
        return uow.connections.children_of_adult(adult_id)


def _filter_page(session: VaultSession) -> object:
    with session.uow() as uow:
        return uow.missing.child_ids_with_episodes(limit=50)


def _sql(statement: str) -> Any:
    from sqlalchemy import text

    return text(statement)
