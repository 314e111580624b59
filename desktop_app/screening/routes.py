"""Which referral routes follow from a screening, in the order to act on them, each with its local contact.

Order: 999 (immediate danger) first; then the lead agency (the child's social worker if allocated, else the
Safeguarding Hub); police 101 for a group or community; the LADO for an adult who works with children; the NRM note
for trafficking; then early help and monitoring in school.

Judgement, documented: the Safeguarding Hub is advised at medium or high risk (or immediate danger, which is always
high). A child with an allocated social worker has that social worker told of any concern from low upwards, because
they hold the plan. At low risk without a social worker the setting offers early help and monitors; the DSL can
still ring the Hub for advice, and may override the level.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.definitions.models import ContactsDefinition
from desktop_app.domain.enums import RiskLevel, RouteId
from desktop_app.domain.screening import RouteAdvice


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
    level = facts.level
    referral_level = level.rank >= RiskLevel.MEDIUM.rank
    steps: list[tuple[RouteId, str]] = []
    if facts.immediate_danger:
        steps.append((RouteId.EMERGENCY_999, "Someone is in immediate danger: ring 999 now, before anything else."))
    if facts.has_social_worker and level.rank >= RiskLevel.LOW.rank:
        if referral_level:
            why = (
                f"{level.label}: the child has an allocated social worker, so contact them today with this "
                "screening. They can refer the child to the Amber Project."
            )
        else:
            why = "The child has an allocated social worker: tell them about this concern so their plan takes it in."
        steps.append((RouteId.SOCIAL_WORKER, why))
    elif referral_level:
        steps.append(
            (
                RouteId.SAFEGUARDING_HUB,
                f"{level.label} and no allocated social worker: ring the Safeguarding Hub to refer. "
                "The Hub can refer the child to the Amber Project.",
            )
        )
    if facts.group:
        steps.append(
            (
                RouteId.POLICE_101,
                "The concern involves a group of children or a community: ring the police "
                "on 101 (999 if anyone is in immediate danger).",
            )
        )
    if facts.staff:
        steps.append(
            (
                RouteId.LADO,
                "An adult who works with children may be involved: inform the LADO using the "
                "LADO request form, and do not discuss it with that adult.",
            )
        )
    if facts.trafficking:
        steps.append(
            (
                RouteId.NRM,
                "The child may have been trafficked: tell the social worker or the Hub that "
                "trafficking is suspected; children's social care or the police decide on and make "
                "the National Referral Mechanism referral.",
            )
        )
    if level is RiskLevel.LOW and not facts.has_social_worker:
        steps.append(
            (
                RouteId.EARLY_HELP,
                "Low risk: offer early help to the child and family, with their consent, to stop things getting worse.",
            )
        )
    if level.rank <= RiskLevel.LOW.rank:
        steps.append(
            (
                RouteId.MONITOR,
                f"{level.label}: keep watching in school, record anything new straight away, "
                f"and review within {_weeks(review_days)}.",
            )
        )
    return tuple(_advice(route, why, contacts) for route, why in steps)


def _advice(route: RouteId, why: str, contacts: ContactsDefinition) -> RouteAdvice:
    contact = contacts.for_route(route)
    if contact is None:  # validated files always have one; a hand-built definition may not
        return RouteAdvice(route, route.value.replace("_", " ").capitalize(), "", why)
    return RouteAdvice(route, contact.title, contact.phone, why)


def _weeks(days: int) -> str:
    if days % 7 == 0:
        weeks = days // 7
        return f"{weeks} week" if weeks == 1 else f"{weeks} weeks"
    return f"{days} days"
