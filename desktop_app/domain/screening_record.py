"""A stored screening and the DSL's decision described once, as titled sections of labelled values.

The concern view (``ui/concern_view.py``, every screening of a concern) and the referral summary
(``reports/referral.py``, the latest screening) both render this description with the renderers of
``domain.concern_record``, so which answers are shown, in which order and under which label is decided here and
nowhere else. Titles from the forms (the tool, routes with their numbers, kinds of concern) come in as arguments.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from desktop_app.domain.concern_record import Answer, Entry, RecordSection, Shape
from desktop_app.domain.enums import AnswerStatus, RiskLevel, RouteId, When
from desktop_app.domain.records import AnsweredItem, Decision, ScreeningRecord
from desktop_app.domain.wording import join_phrases

SCREENING = "Screening"
WHEN = {When.CURRENT: "current (last 3 months)", When.EARLIER: "earlier"}


def _route_words(route: RouteId) -> str:
    return route.value.replace("_", " ").capitalize()


def answer(item: AnsweredItem, protective: bool = False) -> Answer:
    """An answer as printed: a protective factor sits under its own label and has no 'current or earlier'."""
    facts = [] if protective or item.when is None else [WHEN[item.when]]
    if item.basis is not None:
        facts.append(item.basis.label.lower())
    if item.significant:
        facts.append("significant indicator")
    return Answer(item.text, tuple(facts), item.note.strip(), "" if protective else item.section_title)


def screening_record(
    screening: ScreeningRecord,
    tool_title: str = "",
    protective_section_ids: Collection[str] = frozenset(),
    route_label: Callable[[RouteId], str] = _route_words,
    category_title: Callable[[str], str] = str,
    title: str = SCREENING,
) -> tuple[RecordSection, ...]:
    """The screening (``title`` names its first section: "Screening 2" in a list of them), then the decision.

    ``tool_title`` is the tool's title from the forms; ``protective_section_ids`` the tool's sections whose answers
    are protective factors; ``route_label`` names a route (with its number to ring, where the reader has it);
    ``category_title`` names a kind of concern.
    """
    decision = screening.decision
    yes = [a for a in screening.answers if a.status is AnswerStatus.YES]
    tool = [
        Entry("Screening tool", f"{tool_title.strip() or 'Screening tool'}, version {screening.definition_version}"),
        Entry("Completed by", join_phrases((screening.completed_by.name, screening.completed_by.role_label))),
        Entry("Completed at", at=screening.completed_at),
    ]
    if decision.category_ids is not None:  # a screening saved before the DSL was asked has none
        kinds = ", ".join(category_title(c) for c in decision.category_ids) or "None of these kinds"
        tool.append(Entry("Kinds of concern confirmed by the DSL", kinds))
    tool += [
        Entry(
            "Indicators answered yes",
            shape=Shape.ANSWERS,
            answers=tuple(answer(a) for a in yes if a.section_id not in protective_section_ids),
            none="No indicator was answered yes.",
        ),
        Entry(
            "Protective factors",
            shape=Shape.ANSWERS,
            answers=tuple(answer(a, protective=True) for a in yes if a.section_id in protective_section_ids),
            none="None recorded.",
        ),
    ]
    return (
        RecordSection(title, tuple(tool)),
        RecordSection("Level of risk", _level(decision)),
        RecordSection("Parents and carers", _parents(decision)),
        RecordSection(
            "Danger and safety",
            (
                Entry("Danger statement", decision.danger_statement, Shape.TEXT),
                Entry("Safety goal", decision.safety_goal, Shape.TEXT),
            ),
        ),
        RecordSection(
            "Routes",
            (
                Entry(
                    "Chosen by the DSL",
                    shape=Shape.ITEMS,
                    items=tuple(route_label(r) for r in decision.routes),
                    none="No route chosen.",
                ),
            ),
        ),
        RecordSection(
            "Actions and review",
            (Entry("Actions agreed", decision.actions, Shape.TEXT), Entry("Review date", at=decision.review_date)),
        ),
    )


def _level(decision: Decision) -> tuple[Entry, ...]:
    entries = [
        Entry(
            "Suggested by the screening",
            decision.suggested_level.label,
            Shape.ITEMS,
            items=tuple(decision.suggested_reasons),
        ),
        Entry(
            "Confirmed by the DSL",
            decision.confirmed_level.label,
            warning=decision.confirmed_level is RiskLevel.HIGH,
        ),
    ]
    if decision.confirmed_level is not decision.suggested_level or decision.override_reason.strip():
        entries.append(Entry("Reason for changing the suggested level", decision.override_reason, follows=True))
    entries.append(Entry("The child's wishes and feelings", decision.childs_wishes, Shape.TEXT))
    return tuple(entries)


def _parents(decision: Decision) -> tuple[Entry, ...]:
    entries = [Entry("Parents or carers told", "Yes" if decision.parents_told else "No")]
    if not decision.parents_told:
        entries.append(Entry("Why they were not told", decision.parents_not_told_reason, follows=True))
    entries.append(Entry("Their views", decision.parents_views, Shape.TEXT))
    return tuple(entries)
