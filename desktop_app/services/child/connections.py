"""Connections (contextual safeguarding): other children linked through a concern, each with their own role; adults
of concern and places as records of their own; which children are linked to the same adult or place.

Each change checks its input first (one sentence, nothing saved half-way), then writes in one transaction with its
audit row. Corrections are addenda: the record shows its corrected values, the addendum keeps what it said before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop_app.domain.connections import (
    AdultConnection,
    AdultRecord,
    ChildConnections,
    ChildLink,
    LinkedChild,
    PlaceConnection,
    PlaceRecord,
)
from desktop_app.domain.enums import AddendumTarget, ChildRole
from desktop_app.domain.records import AdultOfConcern, Place
from desktop_app.errors import UserFacingError
from desktop_app.services.vault import VaultSession
from desktop_app.store.uow import UnitOfWork

MAX_NAME = 200
MAX_TEXT = 10_000


def connections_of(session: VaultSession, child_id: int) -> ChildConnections:
    """What the child file's Connections section shows: linked children with each one's own role, and the adults
    and places of this child's concerns with every other child linked to the same adult or place."""
    with session.uow() as uow:
        return child_connections(uow, child_id)


SHOWN_PER_RECORD = 30  # children listed under one adult or place in a child's file; the rest are counted


def child_connections(uow: UnitOfWork, child_id: int) -> ChildConnections:
    child = uow.children.get(child_id)
    adults = []
    for adult, refs in uow.connections.adults_of_child(child_id):
        fetched = uow.connections.children_of_adult(adult.adult_id, SHOWN_PER_RECORD + 2)
        shown = _others(fetched, child_id)
        complete = len(fetched) < SHOWN_PER_RECORD + 2
        total = len(shown) if complete else uow.connections.count_children_of_adult(adult.adult_id) - 1
        adults.append(AdultConnection(adult, refs, shown[:SHOWN_PER_RECORD], max(0, total - SHOWN_PER_RECORD)))
    places = []
    for place, refs in uow.connections.places_of_child(child_id):
        fetched = uow.connections.children_of_place(place.place_id, SHOWN_PER_RECORD + 2)
        shown = _others(fetched, child_id)
        complete = len(fetched) < SHOWN_PER_RECORD + 2
        total = len(shown) if complete else uow.connections.count_children_of_place(place.place_id) - 1
        places.append(PlaceConnection(place, refs, shown[:SHOWN_PER_RECORD], max(0, total - SHOWN_PER_RECORD)))
    return ChildConnections(
        child_id=child_id,
        child_name=child.details.display_name,
        named_in_own_concerns=tuple(uow.connections.links_in_concerns_about(child_id)),
        named_in_others_concerns=tuple(uow.connections.links_naming(child_id)),
        adults=tuple(adults),
        places=tuple(places),
    )


def _others(children: list[LinkedChild], child_id: int) -> tuple[LinkedChild, ...]:
    return tuple(c for c in children if c.child_id != child_id)


def _role(role: ChildRole | str) -> ChildRole:
    try:
        return ChildRole(role)
    except ValueError:
        raise UserFacingError("Choose the child's role in this concern from the list.") from None


def _text(value: str, what: str, limit: int = MAX_TEXT) -> str:
    if len(value) > limit:
        raise UserFacingError(f"The {what} is longer than {limit:,} characters; shorten it.")
    return value


def link_child(
    session: VaultSession, concern_id: int, child_id: int, role: ChildRole | str, details: str = ""
) -> ChildLink:
    """Link a child on file to a concern with *their own* role. Linking the concern's own child is refused, and so
    is linking the same child twice; the role is never taken from anyone else."""
    chosen = _role(role)
    details = _text(details.strip(), "note about the child")
    actor = session.actor()
    with session.uow() as uow:
        concern = uow.concerns.get(concern_id)
        other = uow.children.get(child_id)
        if concern.child_id == child_id:
            raise UserFacingError(
                f"This concern is about {other.details.display_name}, so they cannot be linked to "
                f"it as another child. Choose a different child."
            )
        if uow.connections.is_linked(concern_id, child_id):
            raise UserFacingError(
                f"{other.details.display_name} is already linked to concern {concern.reference}. "
                f"To change their role, correct the link instead."
            )
        link_id = uow.connections.add_link(concern_id, child_id, other.details.display_name, chosen, details, actor)
        uow.audit.append(
            actor,
            "connection.child_linked",
            f"concern:{concern_id}",
            {"link": link_id, "child": child_id, "role": chosen.value},
        )
        link = uow.connections.link(link_id)
        uow.commit()
    return link


def _read_link(session: VaultSession, link_id: int) -> ChildLink:
    with session.uow() as uow:
        return uow.connections.link(link_id)


def match_named_child(session: VaultSession, link_id: int, child_id: int, reason: str) -> ChildLink:
    """A child named in a concern's free text is this child on file (an addendum says so); their role is kept."""
    reason = _reason(reason)
    actor = session.actor()
    with session.uow() as uow:
        link = uow.connections.link(link_id)
        other = uow.children.get(child_id)
        if link.subject_child_id == child_id:
            raise UserFacingError(
                f"Concern {link.concern_reference} is about {other.details.display_name}, so they "
                f"cannot also be the other child named in it. Choose a different child."
            )
        if link.linked_child_id is not None:
            raise UserFacingError(f"{link.linked_name} is already matched to a child on file.")
        if uow.connections.is_linked(link.concern_id, child_id):
            raise UserFacingError(
                f"{other.details.display_name} is already linked to concern {link.concern_reference}."
            )
        uow.connections.set_link_child(link_id, child_id)
        uow.addenda.add(
            AddendumTarget.CHILD_LINK,
            link_id,
            actor,
            reason,
            f"“{link.linked_name}” named in concern {link.concern_reference} is "
            f"{other.details.display_name} (on file); their role stays {link.role.label.lower()}.",
        )
        uow.audit.append(actor, "connection.child_matched", f"link:{link_id}", {"child": child_id})
        uow.commit()
    return _read_link(session, link_id)


def correct_link_role(session: VaultSession, link_id: int, role: ChildRole | str, reason: str) -> ChildLink:
    """Correct one linked child's role (an addendum keeps the role it had); no other child's role changes."""
    chosen = _role(role)
    reason = _reason(reason)
    actor = session.actor()
    with session.uow() as uow:
        link = uow.connections.link(link_id)
        if link.role is chosen:
            raise UserFacingError(f"{link.linked_name}'s role is already {chosen.label.lower()}; nothing was changed.")
        uow.connections.set_link_role(link_id, chosen)
        uow.addenda.add(
            AddendumTarget.CHILD_LINK,
            link_id,
            actor,
            reason,
            f"{link.linked_name}'s role in concern {link.concern_reference}: "
            f"{link.role.label.lower()} → {chosen.label.lower()}.",
        )
        uow.audit.append(actor, "connection.role_corrected", f"link:{link_id}", {"role": chosen.value})
        uow.commit()
    return _read_link(session, link_id)


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise UserFacingError("Say why this is being corrected.")
    return _text(reason, "reason")


def _check_adult(adult: AdultOfConcern) -> AdultOfConcern:
    if not adult.name_or_nickname.strip():
        raise UserFacingError("Give the adult's name or nickname (or what the child calls them).")
    _text(adult.name_or_nickname, "name", MAX_NAME)
    _text(adult.description, "description")
    _text(adult.vehicle, "vehicle", MAX_NAME)
    _text(adult.phone, "phone number", MAX_NAME)
    return adult


def _check_place(place: Place) -> Place:
    if not place.name.strip():
        raise UserFacingError("Give the place's name or where it is.")
    _text(place.name, "place name", MAX_NAME)
    _text(place.details, "details")
    return place


def add_adult_to_concern(session: VaultSession, concern_id: int, adult: AdultOfConcern | int) -> AdultRecord:
    """Name an adult in a concern: an existing record (its id), or a new one (the same name is the same record)."""
    actor = session.actor()
    with session.uow() as uow:
        concern = uow.concerns.get(concern_id)
        adult_id = (
            uow.connections.adult(adult).adult_id
            if isinstance(adult, int)
            else uow.connections.find_or_add_adult(_check_adult(adult))
        )
        if not uow.connections.link_adult(concern_id, concern.child_id, adult_id):
            raise UserFacingError(f"Concern {concern.reference} already names this adult.")
        uow.audit.append(actor, "connection.adult_linked", f"concern:{concern_id}", {"adult": adult_id})
        uow.commit()
    return adult_record(session, adult_id)


def add_place_to_concern(session: VaultSession, concern_id: int, place: Place | int) -> PlaceRecord:
    actor = session.actor()
    with session.uow() as uow:
        concern = uow.concerns.get(concern_id)
        place_id = (
            uow.connections.place(place).place_id
            if isinstance(place, int)
            else uow.connections.find_or_add_place(_check_place(place))
        )
        if not uow.connections.link_place(concern_id, concern.child_id, place_id):
            raise UserFacingError(f"Concern {concern.reference} already names this place.")
        uow.audit.append(actor, "connection.place_linked", f"concern:{concern_id}", {"place": place_id})
        uow.commit()
    return place_record(session, place_id)


def adult_record(session: VaultSession, adult_id: int) -> AdultRecord:
    with session.uow() as uow:
        return uow.connections.adult(adult_id)


def place_record(session: VaultSession, place_id: int) -> PlaceRecord:
    with session.uow() as uow:
        return uow.connections.place(place_id)


def _changes(before: dict[str, str], after: dict[str, str]) -> str:
    return "; ".join(
        f"{label}: “{before[label]}” → “{after[label]}”" for label in before if before[label] != after[label]
    )


def correct_adult(session: VaultSession, adult_id: int, corrected: AdultOfConcern, reason: str) -> AdultRecord:
    """Correct an adult's record; the addendum keeps what it said before."""
    _check_adult(corrected)
    reason = _reason(reason)
    actor = session.actor()
    with session.uow() as uow:
        old = uow.connections.adult(adult_id)
        change = _changes(
            {"Name": old.name, "Description": old.description, "Vehicle": old.vehicle, "Phone": old.phone},
            {
                "Name": corrected.name_or_nickname.strip(),
                "Description": corrected.description,
                "Vehicle": corrected.vehicle.strip(),
                "Phone": corrected.phone.strip(),
            },
        )
        if not change:
            raise UserFacingError("Nothing was changed: the corrected details are the same as those on record.")
        record = uow.connections.update_adult(adult_id, corrected)
        uow.addenda.add(AddendumTarget.ADULT, adult_id, actor, reason, change)
        uow.audit.append(actor, "connection.adult_corrected", f"adult:{adult_id}")
        uow.commit()
    return record


def correct_place(session: VaultSession, place_id: int, corrected: Place, reason: str) -> PlaceRecord:
    _check_place(corrected)
    reason = _reason(reason)
    actor = session.actor()
    with session.uow() as uow:
        old = uow.connections.place(place_id)
        change = _changes(
            {"Name": old.name, "Details": old.details}, {"Name": corrected.name.strip(), "Details": corrected.details}
        )
        if not change:
            raise UserFacingError("Nothing was changed: the corrected details are the same as those on record.")
        record = uow.connections.update_place(place_id, corrected)
        uow.addenda.add(AddendumTarget.PLACE, place_id, actor, reason, change)
        uow.audit.append(actor, "connection.place_corrected", f"place:{place_id}")
        uow.commit()
    return record


def find_children(session: VaultSession, text: str, limit: int = 20) -> list[LinkedChild]:
    """Children on file whose names start with the words typed (for choosing a child to link or share)."""
    if not text.strip():
        return []
    with session.uow() as uow:
        return [LinkedChild(c.child_id, c.details.display_name) for c in uow.children.search(text[:200], limit)]


@dataclass(frozen=True, slots=True)
class ConcernChoice:
    concern_id: int
    reference: str
    submitted_at: datetime


def concerns_of(session: VaultSession, child_id: int) -> list[ConcernChoice]:
    """This child's concerns, newest first (to choose which one another child is linked through)."""
    with session.uow() as uow:
        concerns = uow.concerns.list_for_child(child_id)
    return [ConcernChoice(c.concern_id, c.reference, c.submitted_at) for c in reversed(concerns)]


def child_name(session: VaultSession, child_id: int) -> str:
    with session.uow() as uow:
        return uow.children.get(child_id).details.display_name
