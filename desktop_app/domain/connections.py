"""Contextual safeguarding: other children linked through a concern, adults of concern and places as records, and
missing episodes. Plain values passed between the store, the services and the screens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop_app.domain.enums import ChildRole


@dataclass(frozen=True, slots=True)
class ChildLink:
    """Another child named in a concern, with *their own* role in it. The child the concern is about has no role
    here: a link never copies one child's role to another."""

    link_id: int
    concern_id: int
    concern_reference: str
    subject_child_id: int  # the child the concern is about
    subject_name: str
    linked_child_id: int | None  # the named child, when on file
    linked_name: str
    role: ChildRole
    details: str
    linked_at: datetime


@dataclass(frozen=True, slots=True)
class AdultRecord:
    adult_id: int
    name: str  # a name or nickname
    description: str = ""
    vehicle: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    place_id: int
    name: str
    details: str = ""


@dataclass(frozen=True, slots=True)
class LinkedChild:
    child_id: int
    name: str


@dataclass(frozen=True, slots=True)
class AdultConnection:
    """An adult named in this child's concerns, and every child on file linked to the same adult."""

    adult: AdultRecord
    concern_references: tuple[str, ...]
    children: tuple[LinkedChild, ...]  # others than the child whose file it is (the first few)
    more: int = 0  # further children linked to the same adult, not listed


@dataclass(frozen=True, slots=True)
class PlaceConnection:
    place: PlaceRecord
    concern_references: tuple[str, ...]
    children: tuple[LinkedChild, ...]
    more: int = 0


@dataclass(frozen=True, slots=True)
class ChildConnections:
    """Everything the child file's Connections section shows for one child."""

    child_id: int
    child_name: str
    named_in_own_concerns: tuple[ChildLink, ...]  # others named in concerns about this child, each with their role
    named_in_others_concerns: tuple[ChildLink, ...]  # concerns about someone else that name this child
    adults: tuple[AdultConnection, ...]
    places: tuple[PlaceConnection, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.named_in_own_concerns or self.named_in_others_concerns or self.adults or self.places)


@dataclass(frozen=True, slots=True)
class MissingEpisode:
    """A time the child went missing (from home, care or school) and, if known, came back."""

    episode_id: int
    child_id: int
    went_missing_at: datetime
    returned_at: datetime | None
    where_found: str
    out_of_area: bool
    police_told: bool
    police_reference: str
    interview_offered: bool
    interview_held_at: datetime | None  # the return interview, if held
    notes: str
    recorded_at: datetime
    recorded_by: str

    @property
    def interview_held(self) -> bool:
        return self.interview_held_at is not None

    def interview_within(self, hours: int) -> bool | None:
        """Whether the return interview was held within ``hours`` of the return (None when not known)."""
        if self.returned_at is None or self.interview_held_at is None:
            return None
        return (self.interview_held_at - self.returned_at).total_seconds() <= hours * 3600
