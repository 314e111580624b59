"""Which referral routes follow from a screening, in the order to act on them, each with its local contact.

Order: 999 (immediate danger) first; then the lead agency (the child's social worker if allocated, else the
Safeguarding Hub); police 101 for a group or community; the LADO for an adult who works with children; the NRM note
for trafficking; then early help and monitoring in school.

Judgement, documented: the Safeguarding Hub is advised at medium or high risk (or immediate danger, which is always
high). A child with an allocated social worker has that social worker told of any concern from low upwards, because
they hold the plan. At low risk without a social worker the setting offers early help and monitors; the DSL can
still ring the Hub for advice, and may override the level. The words of each route's advice are its contact's in
forms/contacts.toml.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.definitions.models import ContactsDefinition
from desktop_app.domain.enums import RiskLevel, RouteId
from desktop_app.domain.screening import RouteAdvice
from desktop_app.domain.wording import plural


@dataclass(frozen=True, slots=True)
class Facts:
    """What the answers and facts say, worked out once; the routes read it too."""

    level: RiskLevel
    score: int
    has_social_worker: bool
    immediate_danger: bool
    trafficking: bool
    group: bool
    staff: bool
    warning_signs: int


def advise_routes(facts: Facts, contacts: ContactsDefinition, review_days: int) -> tuple[RouteAdvice, ...]:
    """The routes in the order to act on them, each with the advice its contact in forms/contacts.toml gives."""
    level = facts.level
    referral_level = level.rank >= RiskLevel.MEDIUM.rank
    routes: list[RouteId] = []
    if facts.immediate_danger:
        routes.append(RouteId.EMERGENCY_999)
    if facts.has_social_worker and level.rank >= RiskLevel.LOW.rank:
        routes.append(RouteId.SOCIAL_WORKER)
    elif referral_level:
        routes.append(RouteId.SAFEGUARDING_HUB)
    if facts.group:
        routes.append(RouteId.POLICE_101)
    if facts.staff:
        routes.append(RouteId.LADO)
    if facts.trafficking:
        routes.append(RouteId.NRM)
    if level is RiskLevel.LOW and not facts.has_social_worker:
        routes.append(RouteId.EARLY_HELP)
    if level.rank <= RiskLevel.LOW.rank:
        routes.append(RouteId.MONITOR)
    return tuple(_advice(route, level, not referral_level, review_days, contacts) for route in routes)


def _advice(
    route: RouteId, level: RiskLevel, low_risk: bool, review_days: int, contacts: ContactsDefinition
) -> RouteAdvice:
    contact = contacts.for_route(route)
    if contact is None:  # a validated ContactsDefinition has a contact for every route
        raise ValueError(f"no contact for the route {route.value!r}")
    return RouteAdvice(
        route, contact.title, contact.phone, contact.advice_text(level.label, _weeks(review_days), low_risk=low_risk)
    )


def _weeks(days: int) -> str:
    if days % 7 == 0:
        weeks = days // 7
        return plural(weeks, "week")
    return plural(days, "day")
