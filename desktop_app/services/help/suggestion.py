"""How the suggested level is worked out, from the screening definition in forms/ (points, bands, review times).

The points and bands are the local authority's: a new version of the definition changes them, and this page with
them. The rules that can only raise a level are the engine's (``screening/engine.py``), described here in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.definitions import Forms
from desktop_app.definitions.models import ScreeningDefinition, SectionKind
from desktop_app.domain.enums import RiskLevel
from desktop_app.screening.engine import UNDER_AGE_RULE

JUDGEMENT = (
    "The level Waymark suggests is a starting point for your judgement, never a replacement for it: you confirm the "
    "level, and you may choose another one with your reason, which is kept with the screening."
)
WHOSE = (
    "The points, the bands and the review times come from the local authority's screening tool, kept in Waymark's "
    "forms folder. They are the local authority's to change: when it publishes a new version, Waymark uses the new "
    "numbers and every screening keeps the version it was completed with."
)

_KIND_LABELS = {
    SectionKind.VULNERABILITIES: "A vulnerability",
    SectionKind.WARNING_SIGNS: "A warning sign",
    SectionKind.EXCHANGE: "Something exchanged",
    SectionKind.CONTEXT: "Context (for example county lines or a group)",
}


@dataclass(frozen=True, slots=True)
class PointsRow:
    what: str
    current: int  # points for a "yes" in the last three months
    earlier: int  # points for a "yes" only before that


@dataclass(frozen=True, slots=True)
class BandRow:
    level: RiskLevel
    from_points: int
    to_points: int | None  # None: and above
    review_days: int
    meaning: str

    @property
    def points_text(self) -> str:
        if self.to_points is None:
            return f"{self.from_points} or more"
        if self.to_points == self.from_points:
            return str(self.from_points)
        return f"{self.from_points} to {self.to_points}"


@dataclass(frozen=True, slots=True)
class SuggestionHelp:
    title: str  # the screening tool's title
    version: str
    source: str
    summary: str  # the definition's own explanation
    points: tuple[PointsRow, ...]
    bands: tuple[BandRow, ...]
    raising_rules: tuple[str, ...]
    not_scored: tuple[str, ...]
    whose: str = WHOSE
    judgement: str = JUDGEMENT


def _bands(definition: ScreeningDefinition) -> tuple[BandRow, ...]:
    rows = []
    for index, band in enumerate(definition.bands):
        following = definition.bands[index + 1] if index + 1 < len(definition.bands) else None
        rows.append(
            BandRow(
                band.level,
                band.min_score,
                following.min_score - 1 if following else None,
                band.review_days,
                band.meaning,
            )
        )
    return tuple(rows)


def _points(definition: ScreeningDefinition) -> tuple[PointsRow, ...]:
    scoring = definition.scoring
    kinds = {section.kind for section in definition.sections}
    rows = [
        PointsRow(label, points.current, points.earlier)
        for kind, label in _KIND_LABELS.items()
        if kind in kinds and (points := scoring.points_for(kind, significant=False)) is not None
    ]
    if any(item.significant for _section, item in definition.items()):
        rows.append(
            PointsRow(
                "A significant sign (instead of its section's points)",
                scoring.significant.current,
                scoring.significant.earlier,
            )
        )
    return tuple(rows)


def _raising_rules() -> tuple[str, ...]:
    high, medium = RiskLevel.HIGH.label.lower(), RiskLevel.MEDIUM.label.lower()
    return (
        f"A child in immediate danger: at least {high} (ring 999 first).",
        f"Possible trafficking: at least {high}.",
        f"A significant sign in the last three months: at least {medium}.",
        f"Something exchanged together with a warning sign: at least {medium}.",
        f"A child under {UNDER_AGE_RULE} with a warning sign: at least {medium}.",
        f"A child with a learning disability and a warning sign: at least {medium}.",
    )


def how_the_suggestion_works(forms: Forms, definition_id: str | None = None) -> SuggestionHelp:
    definition = forms.screening(definition_id)
    return SuggestionHelp(
        title=definition.title,
        version=definition.version,
        source=definition.source,
        summary=definition.scoring.explanation,
        points=_points(definition),
        bands=_bands(definition),
        raising_rules=_raising_rules(),
        not_scored=(
            'An answer of "no" or "not known" adds nothing; items not known are counted and shown, because '
            "finding out may change the level.",
            "Protective factors are not scored: they are shown beside the level and never lower it.",
        ),
    )
