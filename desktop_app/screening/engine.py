"""The screening rules of DESIGN §6: answers + definition + facts -> suggested level, reasons and routes.

The level is the band the score reaches, raised (never lowered) by the hard rules. "Warning sign" in the rules
means any item answered yes in a warning-signs or context section. Protective factors are never scored: they are
returned beside the level.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.definitions.models import ContactsDefinition, Item, ScreeningDefinition, SectionKind
from desktop_app.domain.enums import AnswerStatus, RiskLevel, When
from desktop_app.domain.records import Closure
from desktop_app.domain.screening import Answer, DefinitionRef, ScreeningInput, ScreeningResult
from desktop_app.errors import UserFacingError
from desktop_app.screening.routes import Facts, advise_routes
from desktop_app.screening.school_days import next_school_day

MAX_AGE = 18
UNDER_AGE_RULE = 13


class ScreeningInputError(UserFacingError):
    """Answers or facts the rules cannot use: an unknown item, an impossible answer, an age out of range."""


@dataclass(frozen=True, slots=True)
class _Yes:
    """An item answered yes, with what the rules need to know about it."""

    item: Item
    kind: SectionKind
    current: bool


def evaluate(definition: ScreeningDefinition, data: ScreeningInput, contacts: ContactsDefinition) -> ScreeningResult:
    """Suggest a level with its reasons and the routes in the order to act on them.

    ``contacts`` (``forms.contacts``, with the setting's numbers if it has any) gives each route's title, number and
    advice. A "yes" with no ``when`` counts as current, the cautious reading.
    """
    _check(definition, data)
    yeses = [
        _Yes(definition.item(item_id), definition.section_of(item_id).kind, answer.when is not When.EARLIER)
        for item_id, answer in _in_form_order(definition, data)
        if answer.status is AnswerStatus.YES
    ]
    risk = [yes for yes in yeses if yes.kind is not SectionKind.PROTECTIVE]
    signs = [yes for yes in risk if yes.kind in (SectionKind.WARNING_SIGNS, SectionKind.CONTEXT)]
    flags = {flag for yes in risk for flag in yes.item.flags}

    score = sum(_points(definition, yes) for yes in risk)
    band = max((b for b in definition.bands if b.min_score <= score), key=lambda b: b.min_score)
    level = band.level
    reasons = [_band_reason(score, len(risk), band.level, band.min_score)]

    def at_least(floor: RiskLevel, reason: str) -> None:
        nonlocal level
        level = RiskLevel.highest(level, floor)
        reasons.append(reason)

    immediate_danger = data.concern.immediate_danger or "immediate_danger" in flags
    if immediate_danger:
        at_least(RiskLevel.HIGH, "The child is in immediate danger: ring 999 first, then follow the other routes.")
    trafficked = [yes.item.text for yes in risk if "trafficking" in yes.item.flags]
    if trafficked:
        at_least(
            RiskLevel.HIGH,
            f"Possible trafficking ({_listed(trafficked)}) means at least high risk; children's social care or the "
            "police decide on a National Referral Mechanism referral.",
        )
    significant_now = [yes.item.text for yes in risk if yes.item.significant and yes.current]
    if significant_now:
        signs_present = (
            "A current significant sign is present"
            if len(significant_now) == 1
            else "Current significant signs are present"
        )
        at_least(
            RiskLevel.MEDIUM,
            f"{signs_present} ({_listed(significant_now)}), which means at least medium risk.",
        )
    exchange = [yes.item.text for yes in risk if yes.kind is SectionKind.EXCHANGE]
    if exchange and signs:
        at_least(
            RiskLevel.MEDIUM,
            f"Something is exchanged ({_listed(exchange)}) alongside a warning sign, which means at least medium risk.",
        )
    age = data.child.age
    if signs and age is not None and age < UNDER_AGE_RULE:
        at_least(
            RiskLevel.MEDIUM,
            f"The child is under {UNDER_AGE_RULE} (age {age}) and has a warning sign, "
            "which means at least medium risk.",
        )
    if signs and (data.child.learning_disability or "learning_disability" in flags):
        at_least(
            RiskLevel.MEDIUM,
            "The child has a learning disability and a warning sign, which means at least medium risk.",
        )
    if signs and age is None and level.rank < RiskLevel.MEDIUM.rank:
        reasons.append(
            f"The child's age is not known: if they are under {UNDER_AGE_RULE}, any warning sign means "
            "at least medium risk."
        )

    not_known = sum(
        1
        for item_id, answer in data.answers.items()
        if answer.status is AnswerStatus.NOT_KNOWN and definition.section_of(item_id).kind is not SectionKind.PROTECTIVE
    )
    if not_known:
        reasons.append(
            f"{not_known} {'item is' if not_known == 1 else 'items are'} not known: finding out may change the level."
        )
    protective = tuple(yes.item.text for yes in yeses if yes.kind is SectionKind.PROTECTIVE)
    if protective:
        reasons.append(
            f"{len(protective)} protective {'factor is' if len(protective) == 1 else 'factors are'} "
            "present; they are shown beside the level and never lower it."
        )

    facts = Facts(
        level=level,
        score=score,
        has_social_worker=data.child.has_social_worker,
        immediate_danger=immediate_danger,
        trafficking=bool(trafficked),
        group=data.concern.group_or_community or "group" in flags,
        staff=data.concern.about_adult_working_with_children or "staff" in flags,
        warning_signs=len(signs),
    )
    review_days = definition.band(level).review_days
    return ScreeningResult(
        definition=DefinitionRef(definition.id, definition.version, definition.hash),
        suggested_level=level,
        reasons=tuple(reasons),
        routes=advise_routes(facts, contacts, review_days),
        protective_factors=protective,
        score=score,
        review_after_days=review_days,
    )


def default_review_date(
    level: RiskLevel, today: date, definition: ScreeningDefinition, closures: Iterable[Closure] = ()
) -> date:
    """The next review at this level (the definition's band's review interval from today), on a school day.

    A date falling on a weekend, an England and Wales bank holiday or one of the setting's closures moves to the
    next day the setting is open.
    """
    return next_school_day(today + timedelta(days=definition.band(level).review_days), closures)


def _check(definition: ScreeningDefinition, data: ScreeningInput) -> None:
    for item_id, answer in data.answers.items():
        if not definition.has_item(item_id):
            raise ScreeningInputError(
                f"The answers name an item {item_id!r} that the screening definition {definition.id!r} "
                f"version {definition.version} does not have."
            )
        if answer.status is not AnswerStatus.YES and (answer.when is not None or answer.basis is not None):
            raise ScreeningInputError(
                f"The answer to {item_id!r} is {answer.status.value!r} but gives when or how it is known; "
                "only a 'yes' can have those."
            )
    age = data.child.age
    if age is not None and not 0 <= age <= MAX_AGE:
        raise ScreeningInputError(f"The child's age {age} is not a child's age: it must be from 0 to {MAX_AGE}.")


def _in_form_order(definition: ScreeningDefinition, data: ScreeningInput) -> list[tuple[str, Answer]]:
    """The answers in the order of the form, so reasons read the same whatever order the answers came in."""
    return [(item.id, data.answers[item.id]) for _, item in definition.items() if item.id in data.answers]


def _points(definition: ScreeningDefinition, yes: _Yes) -> int:
    points = definition.scoring.points_for(yes.kind, yes.item.significant)
    if points is None:
        return 0
    return points.current if yes.current else points.earlier


def _band_reason(score: int, yes_count: int, level: RiskLevel, min_score: int) -> str:
    if yes_count == 0:
        return "No vulnerability, warning sign, exchange or context is answered yes."
    answers = "answer scores" if yes_count == 1 else "answers score"
    points = "point" if score == 1 else "points"
    return (
        f"{yes_count} 'yes' {answers} {score} {points}, which is in the {level.label.lower()} band (from {min_score})."
    )


def _listed(texts: list[str]) -> str:
    quoted = [f"“{text}”" for text in texts]
    return quoted[0] if len(quoted) == 1 else "; ".join(quoted)
