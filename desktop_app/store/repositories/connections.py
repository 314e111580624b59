"""``uow.connections``: other children linked through a concern, adults of concern and places (records of their
own), and who else is linked to the same adult or place. Every query is index-backed and bounded by ``limit``."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import TypeVar

from sqlalchemy import Select, Subquery, func, select, union
from sqlalchemy.orm import Session

from desktop_app.domain.connections import AdultRecord, ChildLink, LinkedChild, PlaceRecord
from desktop_app.domain.enums import ChildRole
from desktop_app.domain.records import Actor, AdultOfConcern, ChildDetails, ConcernDraft, Place
from desktop_app.store.errors import RecordNotFound
from desktop_app.store.models import ChildRow, ConcernRow
from desktop_app.store.models_connections import (
    AdultRow,
    ConcernAdultRow,
    ConcernChildRow,
    ConcernPlaceRow,
    PlaceRow,
)
from desktop_app.store.repositories._common import actor_columns, fold
from desktop_app.store.types import utc_now

T = TypeVar("T")


def name_key(name: str) -> str:
    """Two records with the same key are the same adult or place ("'Tee'" and "tee" are one person): the folded
    words of the name, without quotes or punctuation."""
    return " ".join(re.findall(r"\w+", fold(name)))


def _adult(row: AdultRow) -> AdultRecord:
    return AdultRecord(row.id, row.name, row.description, row.vehicle, row.phone)


def _place(row: PlaceRow) -> PlaceRecord:
    return PlaceRecord(row.id, row.name, row.details)


def record_from_draft(session: Session, concern_id: int, child_id: int, draft: ConcernDraft, actor: Actor) -> None:
    """A new concern's other children, adults and places become rows (the concern body keeps them too)."""
    repository = ConnectionRepository(session)
    for other in draft.other_children:
        if other.name.strip() or other.details.strip():
            repository.add_link(
                concern_id, None, other.name.strip() or "A child not named", other.role, other.details, actor
            )
    for adult in draft.adults:
        if any(v.strip() for v in (adult.name_or_nickname, adult.description, adult.vehicle, adult.phone)):
            repository.link_adult(concern_id, child_id, repository.find_or_add_adult(adult))
    for place in draft.places:
        if place.name.strip() or place.details.strip():
            repository.link_place(concern_id, child_id, repository.find_or_add_place(place))


class ConnectionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._name_cache: dict[int, str] = {}

    # --- children linked through a concern -------------------------------------------------------------------
    def add_link(
        self, concern_id: int, child_id: int | None, name: str, role: ChildRole, details: str, actor: Actor
    ) -> int:
        row = ConcernChildRow(
            concern_id=concern_id,
            child_id=child_id,
            name=name,
            role=ChildRole(role).value,
            details=details,
            linked_at=utc_now(),
            **actor_columns(actor),
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def is_linked(self, concern_id: int, child_id: int) -> bool:
        return (
            self._session.scalar(
                select(ConcernChildRow.id)
                .where(ConcernChildRow.concern_id == concern_id, ConcernChildRow.child_id == child_id)
                .limit(1)
            )
            is not None
        )

    def link(self, link_id: int) -> ChildLink:
        links = self._links(ConcernChildRow.id == link_id, 1)
        if not links:
            raise RecordNotFound(f"There is no linked child with id {link_id} in this vault.")
        return links[0]

    def set_link_role(self, link_id: int, role: ChildRole) -> None:
        """Only with an addendum beside it (the service writes both)."""
        row = self._session.get(ConcernChildRow, link_id)
        if row is None:
            raise RecordNotFound(f"There is no linked child with id {link_id} in this vault.")
        row.role = ChildRole(role).value
        self._session.flush()

    def set_link_child(self, link_id: int, child_id: int) -> None:
        """Match a named child to the child on file (with an addendum beside it)."""
        row = self._session.get(ConcernChildRow, link_id)
        if row is None:
            raise RecordNotFound(f"There is no linked child with id {link_id} in this vault.")
        row.child_id = child_id
        self._session.flush()

    def unmatched(self, after_id: int = 0, limit: int = 1000) -> list[tuple[int, int, str]]:
        """Named children not matched to a file: (link id, concern id, name), in id order, a page at a time."""
        rows = self._session.execute(
            select(ConcernChildRow.id, ConcernChildRow.concern_id, ConcernChildRow.name)
            .where(ConcernChildRow.child_id.is_(None), ConcernChildRow.id > after_id)
            .order_by(ConcernChildRow.id)
            .limit(limit)
        ).all()
        return [(int(i), int(c), str(n)) for i, c, n in rows]

    def links_in_concerns_about(self, child_id: int, limit: int = 200) -> list[ChildLink]:
        """Other children named in concerns about ``child_id``, each with their own role, newest first."""
        return self._links(ConcernRow.child_id == child_id, limit)

    def links_naming(self, child_id: int, limit: int = 200) -> list[ChildLink]:
        """Concerns about other children that name ``child_id`` (matched to the file), with this child's role."""
        return self._links(ConcernChildRow.child_id == child_id, limit)

    def links_for_concern(self, concern_id: int) -> list[ChildLink]:
        return self._links(ConcernChildRow.concern_id == concern_id, 500)

    def _links(self, where: object, limit: int) -> list[ChildLink]:
        rows = self._session.execute(
            select(ConcernChildRow, ConcernRow.reference, ConcernRow.child_id)
            .join(ConcernRow, ConcernRow.id == ConcernChildRow.concern_id)
            .where(where)  # type: ignore[arg-type]
            .order_by(ConcernChildRow.concern_id.desc(), ConcernChildRow.id)
            .limit(limit)
        ).all()
        names = self._names({r[2] for r in rows} | {r[0].child_id for r in rows if r[0].child_id is not None})
        return [
            ChildLink(
                link_id=row.id,
                concern_id=row.concern_id,
                concern_reference=reference,
                subject_child_id=subject,
                subject_name=names.get(subject, ""),
                linked_child_id=row.child_id,
                linked_name=names.get(row.child_id, row.name) if row.child_id is not None else row.name,
                role=ChildRole(row.role),
                details=row.details,
                linked_at=row.linked_at,
            )
            for row, reference, subject in rows
        ]

    def _names(self, child_ids: set[int]) -> dict[int, str]:
        """Display names, each body read once per unit of work (only the three name fields are decoded)."""
        wanted = child_ids - self._name_cache.keys()
        if wanted:
            rows = self._session.execute(select(ChildRow.id, ChildRow.body).where(ChildRow.id.in_(wanted)))
            for child_id, body in rows:
                data = json.loads(body)
                self._name_cache[child_id] = ChildDetails(
                    first_name=data.get("first_name", ""),
                    last_name=data.get("last_name", ""),
                    known_as=data.get("known_as", ""),
                ).display_name
        return {i: self._name_cache[i] for i in child_ids if i in self._name_cache}

    # --- adults and places ---------------------------------------------------------------------------------------
    def find_or_add_adult(self, adult: AdultOfConcern) -> int:
        key = name_key(adult.name_or_nickname)
        if key:
            found = self._session.scalar(
                select(AdultRow.id).where(AdultRow.name_fold == key).order_by(AdultRow.id).limit(1)
            )
            if found is not None:
                return int(found)
        row = AdultRow(
            name_fold=key,
            name=adult.name_or_nickname.strip() or "An adult not named",
            description=adult.description,
            vehicle=adult.vehicle.strip(),
            phone=adult.phone.strip(),
            created_at=utc_now(),
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def find_or_add_place(self, place: Place) -> int:
        key = name_key(place.name)
        if key:
            found = self._session.scalar(
                select(PlaceRow.id).where(PlaceRow.name_fold == key).order_by(PlaceRow.id).limit(1)
            )
            if found is not None:
                return int(found)
        row = PlaceRow(
            name_fold=key, name=place.name.strip() or "A place not named", details=place.details, created_at=utc_now()
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def link_adult(self, concern_id: int, child_id: int, adult_id: int) -> bool:
        """False when the concern already names this adult."""
        if self._session.get(ConcernAdultRow, (concern_id, adult_id)) is not None:
            return False
        self._session.add(ConcernAdultRow(concern_id=concern_id, adult_id=adult_id, child_id=child_id))
        self._session.flush()
        return True

    def link_place(self, concern_id: int, child_id: int, place_id: int) -> bool:
        if self._session.get(ConcernPlaceRow, (concern_id, place_id)) is not None:
            return False
        self._session.add(ConcernPlaceRow(concern_id=concern_id, place_id=place_id, child_id=child_id))
        self._session.flush()
        return True

    def adult(self, adult_id: int) -> AdultRecord:
        row = self._session.get(AdultRow, adult_id)
        if row is None:
            raise RecordNotFound(f"There is no adult of concern with id {adult_id} in this vault.")
        return _adult(row)

    def place(self, place_id: int) -> PlaceRecord:
        row = self._session.get(PlaceRow, place_id)
        if row is None:
            raise RecordNotFound(f"There is no place with id {place_id} in this vault.")
        return _place(row)

    def update_adult(self, adult_id: int, adult: AdultOfConcern) -> AdultRecord:
        """Only with an addendum beside it (the service writes both)."""
        row = self._session.get(AdultRow, adult_id)
        if row is None:
            raise RecordNotFound(f"There is no adult of concern with id {adult_id} in this vault.")
        row.name, row.name_fold = adult.name_or_nickname.strip(), name_key(adult.name_or_nickname)
        row.description, row.vehicle, row.phone = adult.description, adult.vehicle.strip(), adult.phone.strip()
        self._session.flush()
        return _adult(row)

    def update_place(self, place_id: int, place: Place) -> PlaceRecord:
        row = self._session.get(PlaceRow, place_id)
        if row is None:
            raise RecordNotFound(f"There is no place with id {place_id} in this vault.")
        row.name, row.name_fold, row.details = place.name.strip(), name_key(place.name), place.details
        self._session.flush()
        return _place(row)

    def adults_of_child(self, child_id: int, limit: int = 100) -> list[tuple[AdultRecord, tuple[str, ...]]]:
        """Adults named in concerns about ``child_id`` or in concerns naming this child (matched), with the
        references of those concerns."""
        concerns = self._concerns_touching(child_id)
        rows = self._session.execute(
            select(AdultRow, ConcernRow.reference)
            .join(ConcernAdultRow, ConcernAdultRow.adult_id == AdultRow.id)
            .join(ConcernRow, ConcernRow.id == ConcernAdultRow.concern_id)
            .where(ConcernAdultRow.concern_id.in_(select(concerns.c.id)))
            .order_by(AdultRow.id, ConcernRow.id)
        ).all()
        return _grouped([(_adult(a), ref) for a, ref in rows], limit)

    def places_of_child(self, child_id: int, limit: int = 100) -> list[tuple[PlaceRecord, tuple[str, ...]]]:
        concerns = self._concerns_touching(child_id)
        rows = self._session.execute(
            select(PlaceRow, ConcernRow.reference)
            .join(ConcernPlaceRow, ConcernPlaceRow.place_id == PlaceRow.id)
            .join(ConcernRow, ConcernRow.id == ConcernPlaceRow.concern_id)
            .where(ConcernPlaceRow.concern_id.in_(select(concerns.c.id)))
            .order_by(PlaceRow.id, ConcernRow.id)
        ).all()
        return _grouped([(_place(p), ref) for p, ref in rows], limit)

    def _concerns_touching(self, child_id: int) -> Subquery:
        return union(
            select(ConcernRow.id).where(ConcernRow.child_id == child_id),
            select(ConcernChildRow.concern_id).where(ConcernChildRow.child_id == child_id),
        ).subquery()

    def children_of_adult(self, adult_id: int, limit: int = 200) -> list[LinkedChild]:
        """Every child on file linked to this adult: the child of each concern naming them, and children on file
        named in those concerns."""
        about = select(ConcernAdultRow.child_id.label("child_id")).where(ConcernAdultRow.adult_id == adult_id)
        named = (
            select(ConcernChildRow.child_id.label("child_id"))
            .join(ConcernAdultRow, ConcernAdultRow.concern_id == ConcernChildRow.concern_id)
            .where(ConcernAdultRow.adult_id == adult_id, ConcernChildRow.child_id.is_not(None))
        )
        return self._linked_children(union(about, named), limit)

    def count_children_of_adult(self, adult_id: int) -> int:
        return self._count(
            select(ConcernAdultRow.child_id).where(ConcernAdultRow.adult_id == adult_id),
            select(ConcernChildRow.child_id)
            .join(ConcernAdultRow, ConcernAdultRow.concern_id == ConcernChildRow.concern_id)
            .where(ConcernAdultRow.adult_id == adult_id, ConcernChildRow.child_id.is_not(None)),
        )

    def count_children_of_place(self, place_id: int) -> int:
        return self._count(
            select(ConcernPlaceRow.child_id).where(ConcernPlaceRow.place_id == place_id),
            select(ConcernChildRow.child_id)
            .join(ConcernPlaceRow, ConcernPlaceRow.concern_id == ConcernChildRow.concern_id)
            .where(ConcernPlaceRow.place_id == place_id, ConcernChildRow.child_id.is_not(None)),
        )

    def _count(self, about: Select[tuple[int]] | Select[int], named: Select[int | None]) -> int:
        sub = union(about, named).subquery()
        return int(self._session.scalar(select(func.count()).select_from(sub)) or 0)

    def children_of_place(self, place_id: int, limit: int = 200) -> list[LinkedChild]:
        about = select(ConcernPlaceRow.child_id.label("child_id")).where(ConcernPlaceRow.place_id == place_id)
        named = (
            select(ConcernChildRow.child_id.label("child_id"))
            .join(ConcernPlaceRow, ConcernPlaceRow.concern_id == ConcernChildRow.concern_id)
            .where(ConcernPlaceRow.place_id == place_id, ConcernChildRow.child_id.is_not(None))
        )
        return self._linked_children(union(about, named), limit)

    def _linked_children(self, ids: object, limit: int) -> list[LinkedChild]:
        sub = ids.subquery()  # type: ignore[attr-defined]
        child_ids = [
            int(i) for i in self._session.scalars(select(sub.c.child_id).order_by(sub.c.child_id).limit(limit))
        ]
        names = self._names(set(child_ids))
        return [LinkedChild(i, names.get(i, "")) for i in child_ids]

    def counts(self) -> tuple[int, int, int]:
        """Linked children, adults and places held (for checks and the benchmark)."""
        return (
            int(self._session.scalar(select(func.count()).select_from(ConcernChildRow)) or 0),
            int(self._session.scalar(select(func.count()).select_from(AdultRow)) or 0),
            int(self._session.scalar(select(func.count()).select_from(PlaceRow)) or 0),
        )


def _grouped(pairs: list[tuple[T, str]], limit: int) -> list[tuple[T, tuple[str, ...]]]:
    references: dict[T, list[str]] = defaultdict(list)
    for record, reference in pairs:
        if reference not in references[record]:
            references[record].append(reference)
    return [(record, tuple(refs)) for record, refs in list(references.items())[:limit]]
