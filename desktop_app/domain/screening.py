"""Values the screening engine takes and returns (DESIGN §6)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop_app.domain.enums import AnswerStatus, Basis, RiskLevel, RouteId, When


@dataclass(frozen=True, slots=True)
class ChildFacts:
    age: int | None
    learning_disability: bool = False
    has_social_worker: bool = False


@dataclass(frozen=True, slots=True)
class ConcernFacts:
    immediate_danger: bool = False
    about_adult_working_with_children: bool = False
    group_or_community: bool = False


@dataclass(frozen=True, slots=True)
class Answer:
    status: AnswerStatus
    when: When | None = None
    basis: Basis | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class RouteAdvice:
    route: RouteId
    title: str
    phone: str
    why: str


@dataclass(frozen=True, slots=True)
class DefinitionRef:
    id: str
    version: str
    hash: str


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    definition: DefinitionRef
    suggested_level: RiskLevel
    reasons: tuple[str, ...]
    routes: tuple[RouteAdvice, ...]
    protective_factors: tuple[str, ...] = ()  # the text of each protective factor answered yes
    score: int = 0  # the points behind the band, before the hard rules
    review_after_days: int = 0  # the definition's default time to the next review at the suggested level


Answers = Mapping[str, Answer]


@dataclass(frozen=True, slots=True)
class ScreeningInput:
    child: ChildFacts
    concern: ConcernFacts
    answers: Mapping[str, Answer] = field(default_factory=dict)
