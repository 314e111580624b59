"""Advice the concern wizard must show (ring 999 now, LADO, police 101, over 18), numbers from the forms' contacts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from desktop_app.domain.enums import RouteId
from desktop_app.services.concern.entry import Entry, child_age
from desktop_app.services.concern.pages import Q_ADULT_AT_WORK, Page

ADULT_AGE = 18


@dataclass(frozen=True, slots=True)
class RouteContact:
    """A number to ring, from the forms' contacts (never hard-coded)."""

    title: str
    phone: str
    when_to_use: str = ""


RouteContacts = Mapping[RouteId, RouteContact]


@dataclass(frozen=True, slots=True)
class Notice:
    """Advice shown on a page; ``urgent`` ones (ring 999) are shown first and loudest."""

    key: str
    text: str
    urgent: bool = False


def _ring(contact: RouteContact | None, fallback: str) -> str:
    if contact is None or not contact.phone:
        return fallback
    return f"{contact.title}: ring {contact.phone}"


def notices(page: Page, entry: Entry, *, now: datetime, contacts: RouteContacts) -> list[Notice]:
    out: list[Notice] = []
    if page in (Page.SAFETY, Page.REVIEW, Page.DONE) and entry.immediate_danger:
        emergency = contacts.get(RouteId.EMERGENCY_999)
        number = emergency.phone if emergency and emergency.phone else "the emergency services"
        text = (
            f"Ring {number} now, before you write anything else. When the call is done, come back and carry on: "
            "this record stays open."
            if page is Page.SAFETY
            else f"You said the child is in immediate danger. If nobody has rung {number} yet, ring now."
        )
        out.append(Notice("immediate_danger", text, urgent=True))
    if page in (Page.CHILD, Page.REVIEW):
        age = child_age(entry, now.date())
        if age is not None and age >= ADULT_AGE:
            out.append(
                Notice(
                    "over_18",
                    f"This makes the young person {age}. The guidance covers children under 18. "
                    "You can still record this concern: your DSL will decide what to do.",
                )
            )
    if page in (Page.ROUTES, Page.REVIEW, Page.DONE) and entry.about_adult_working_with_children:
        lado = contacts.get(RouteId.LADO)
        out.append(
            Notice(
                "lado",
                "A concern about an adult who works with children (paid or unpaid) goes to the Local Authority "
                "Designated Officer (LADO). Your DSL makes that referral with a LADO request form; tell them today. "
                + (f"({_ring(lado, '')}.)" if lado and lado.phone else ""),
            )
        )
    if (
        page in (Page.ROUTES, Page.REVIEW, Page.DONE)
        and entry.about_adult_working_with_children is None
        and Q_ADULT_AT_WORK in entry.dont_know
    ):
        out.append(
            Notice(
                "lado_unsure",
                "If this might be about an adult who works with children, say so to your DSL today: "
                "they decide whether the Local Authority Designated Officer (LADO) must be told.",
            )
        )
    if page in (Page.ROUTES, Page.REVIEW, Page.DONE) and entry.group_or_community:
        police = contacts.get(RouteId.POLICE_101)
        number = police.phone if police and police.phone else "the police non-emergency number"
        out.append(
            Notice(
                "police_101",
                f"A concern about a group or community can be reported to the police on {number}. "
                "You or your DSL can ring; tell your DSL either way.",
            )
        )
    return out
