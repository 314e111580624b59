"""Fictional connections and missing episodes for the demo children: named children matched to their files, a few
children linked with roles of their own, and missing episodes — some children repeatedly, so the dashboard shows
them. Reproducible from the seed; every moment before ``end``."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from desktop_app.domain.enums import ChildRole
from desktop_app.domain.records import Actor
from desktop_app.store.clock import frozen_clock

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession
    from desktop_app.store.uow import UnitOfWork

MISSING_SHARE = 0.12  # children with any missing episode
REPEATED_SHARE = 0.3  # of those, the ones who went missing again within weeks
FOUND_AT = (
    "Meadowhall bus interchange",
    "A friend's house in Rotherham",
    "Doncaster railway station",
    "The park behind the leisure centre",
    "A flat on the estate",
    "Sheffield city centre",
    "Leeds railway station",
    "Home, by themselves",
)


def fill_connections(session: VaultSession, child_ids: list[int], seed: int, end: datetime) -> tuple[int, int]:
    """Match named children to their files, add links with roles, and missing episodes; returns (links, episodes)."""
    rng = random.Random(f"connections:{seed}")  # noqa: S311 - reproducible fiction, not a secret
    actor: Actor = session.actor()
    with frozen_clock(end), session.uow() as uow:
        names = {uow.children.get(child_id).details.display_name: child_id for child_id in child_ids}
        matched = 0
        for link_id, concern_id, name in uow.connections.unmatched(limit=1_000_000):
            child_id = names.get(name)
            if child_id is None or child_id == uow.concerns.child_id_of(concern_id):
                continue
            if not uow.connections.is_linked(concern_id, child_id):
                uow.connections.set_link_child(link_id, child_id)
                matched += 1
        links = 0
        for child_id in rng.sample(child_ids, k=min(len(child_ids), max(1, len(child_ids) // 8))):
            concerns = uow.concerns.list_for_child(child_id, limit=5)
            others = [c for c in child_ids if c != child_id]
            if not concerns or not others:
                continue
            concern = rng.choice(concerns)
            other = rng.choice(others)
            if uow.connections.is_linked(concern.concern_id, other):
                continue
            role = rng.choice((ChildRole.POSSIBLE_VICTIM, ChildRole.POSSIBLE_PERPETRATOR, ChildRole.WITNESS))
            name = uow.children.get(other).details.display_name
            uow.connections.add_link(concern.concern_id, other, name, role, "Seen together by staff", actor)
            links += 1
        uow.audit.append(actor, "connection.child_linked", "demo", {"demo": True, "matched": matched, "links": links})
        uow.commit()
    episodes = 0
    with session.uow() as uow:
        missing = rng.sample(child_ids, k=min(len(child_ids), max(2, round(len(child_ids) * MISSING_SHARE))))
        repeated = max(1, round(len(missing) * REPEATED_SHARE))  # these went missing again within weeks
        for number, child_id in enumerate(missing):
            count = rng.randint(2, 4) if number < repeated else 1
            start = end - timedelta(days=rng.randint(3, 30 if number < repeated else 170))
            for _ in range(count):
                episodes += _episode(uow, rng, child_id, start, end, actor)
                start -= timedelta(days=rng.randint(6, 20))
        with frozen_clock(end):
            uow.audit.append(actor, "missing.recorded", "demo", {"demo": True, "episodes": episodes})
        uow.commit()
    return links + matched, episodes


def _episode(uow: UnitOfWork, rng: random.Random, child_id: int, went: datetime, end: datetime, actor: Actor) -> int:
    went = went.replace(hour=rng.choice((16, 18, 20, 22)), minute=rng.choice((0, 15, 30, 45)))
    if went >= end:
        return 0
    back = went + timedelta(hours=rng.randint(3, 60))
    returned = back if back < end else None
    police = rng.random() < 0.7
    held = returned + timedelta(hours=rng.randint(4, 110)) if returned and rng.random() < 0.75 else None
    if held is not None and held >= end:
        held = None
    found = rng.choice(FOUND_AT) if returned else ""
    values: dict[str, object] = {
        "went_missing_at": went,
        "returned_at": returned,
        "where_found": found,
        "out_of_area": found.startswith(("Doncaster", "Leeds", "A friend's house in Rotherham")),
        "police_told": police,
        "police_reference": f"SY-{went:%Y%m%d}-{rng.randint(1, 9999):04d}" if police else "",
        "interview_offered": held is not None or rng.random() < 0.5,
        "interview_held_at": held,
        "notes": rng.choice(
            (
                "",
                "Would not say where they had been.",
                "Came back with a new phone.",
                "Said they were 'with mates'; older youths seen nearby.",
            )
        ),
    }
    with frozen_clock(min(end, (held or returned or went) + timedelta(hours=1))):
        uow.missing.add(child_id, values, actor)
    return 1
