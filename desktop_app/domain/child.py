"""The child file's details beyond the name: the people around the child and the facts a social worker asks for.

Every value is optional. ``ChildDetails`` (``domain.records``) holds them; a change is a new version of the child's
details with a reason, never an edit of the old one.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

ADULT_AGE = 18


class SenStatus(enum.StrEnum):
    """Special educational needs provision, as the school's records say it."""

    NONE = "none"
    SEN_SUPPORT = "sen_support"
    EHCP = "ehcp"

    @property
    def label(self) -> str:
        return {
            "none": "No special educational needs",
            "sen_support": "SEN support",
            "ehcp": "Education, health and care plan (EHCP)",
        }[self.value]


@dataclass(frozen=True, slots=True)
class ContactPerson:
    """Someone to reach about the child: a parent or carer, the social worker, the GP, a worker at another agency.

    ``relationship`` is what they are to the child ("Mother", "Foster carer", "Youth worker"); ``organisation`` the
    team, practice or agency.
    """

    name: str
    relationship: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    parental_responsibility: bool = False
    notes: str = ""

    def one_line(self) -> str:
        """ "Jo Bloggs (Mother; parental responsibility), 07700 900123, jo@example.org" — for lists and old fields."""
        about = "; ".join(
            p
            for p in (
                self.relationship,
                self.organisation,
                "parental responsibility" if self.parental_responsibility else "",
            )
            if p
        )
        head = f"{self.name} ({about})" if about else self.name
        return ", ".join(p for p in (head, self.phone, self.email) if p.strip())


@dataclass(frozen=True, slots=True)
class HouseholdMember:
    """Someone the child lives with, or a brother or sister (``sibling``) wherever they live."""

    name: str
    relationship: str = ""
    date_of_birth: date | None = None
    lives_with_child: bool = True
    sibling: bool = False
    notes: str = ""

    def one_line(self) -> str:
        parts = [
            p
            for p in (
                self.relationship,
                f"born {self.date_of_birth:%d/%m/%Y}" if self.date_of_birth else "",
                "" if self.lives_with_child else "lives elsewhere",
            )
            if p
        ]
        return f"{self.name} ({', '.join(parts)})" if parts else self.name


def is_adult(age: int | None) -> bool:
    """18 or over: adult routes differ, and documents must not call them a child without comment."""
    return age is not None and age >= ADULT_AGE


@dataclass(frozen=True, slots=True)
class DetailGroup:
    """A record described once as labelled values, for the screen and for a document alike.

    Only recorded values are listed: a group with no rows is left out by whoever shows it.
    """

    title: str
    rows: tuple[tuple[str, str], ...]
