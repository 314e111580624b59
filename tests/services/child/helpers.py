"""Fictional children and concerns for the connections and missing-episode tests."""

from __future__ import annotations

from desktop_app.domain.records import AdultOfConcern, ConcernDraft, OtherChild, Place
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import fictional_child


def add_child(session: VaultSession, first: str, last: str) -> int:
    actor = session.actor()
    with session.uow() as uow:
        child = uow.children.add(fictional_child(first, last), actor)
        uow.audit.append(actor, "child.added", child.child_id)
        uow.commit()
    return child.child_id


def add_concern(
    session: VaultSession,
    child_id: int,
    *,
    others: tuple[OtherChild, ...] = (),
    adults: tuple[AdultOfConcern, ...] = (),
    places: tuple[Place, ...] = (),
    account: str = "Seen getting into a silver car after school",
) -> int:
    actor = session.actor()
    with session.uow() as uow:
        concern = uow.concerns.add(
            child_id,
            ConcernDraft(account=account, other_children=others, adults=adults, places=places),
            actor,
            sealed=False,
        )
        uow.audit.append(actor, "concern.submitted", concern.concern_id)
        uow.commit()
    return concern.concern_id
