"""A stored screening and the DSL's decision described once (domain.screening_record): the sections and labels in the
order a reader needs them, answers grouped with their facts, entries that do not apply left out, a high level marked."""

from __future__ import annotations

import dataclasses
from datetime import date

from desktop_app.domain.concern_record import Answer, RecordSection, Shape, correction_target, screening_title
from desktop_app.domain.enums import AddendumTarget, RiskLevel, RouteId
from desktop_app.domain.screening_record import screening_record
from tests.reports import samples

ROUTES = {RouteId.SAFEGUARDING_HUB: "Sheffield Safeguarding Hub — 0114 2734855", RouteId.POLICE_101: "Police — 101"}
TITLES = {"criminal_exploitation": "Criminal exploitation", "county_lines": "County lines"}


def describe(**decision_changes: object) -> tuple[RecordSection, ...]:
    decision = dataclasses.replace(samples.DECISION, **decision_changes)  # type: ignore[arg-type]
    return screening_record(
        dataclasses.replace(samples.SCREENING, decision=decision),
        tool_title="Child exploitation screening tool",
        protective_section_ids={"protective"},
        route_label=ROUTES.__getitem__,
        category_title=TITLES.__getitem__,
    )


def labels(sections: tuple[RecordSection, ...]) -> list[tuple[str, list[str]]]:
    return [(s.title, [e.label for e in s]) for s in sections]


def test_the_screening_and_decision_are_described_in_the_order_a_reader_needs_them() -> None:
    assert labels(describe()) == [
        (
            "Screening",
            ["Screening tool", "Completed by", "Completed at", "Indicators answered yes", "Protective factors"],
        ),
        (
            "Level of risk",
            [
                "Suggested by the screening",
                "Confirmed by the DSL",
                "Reason for changing the suggested level",
                "The child's wishes and feelings",
            ],
        ),
        ("Parents and carers", ["Parents or carers told", "Their views"]),
        ("Danger and safety", ["Danger statement", "Safety goal"]),
        ("Routes", ["Chosen by the DSL"]),
        ("Actions and review", ["Actions agreed", "Review date"]),
    ]


def test_each_value_is_as_recorded_and_as_a_reader_says_it() -> None:
    screening, level, parents, danger, routes, review = describe()
    assert screening.entry("Screening tool").value == "Child exploitation screening tool, version 2"
    assert screening.entry("Completed by").value == "Mrs Ruth Okonkwo, Designated Safeguarding Lead"
    assert screening.entry("Completed at").at == samples.SCREENING.completed_at
    suggested = level.entry("Suggested by the screening")
    assert (suggested.value, suggested.items) == ("Medium risk", samples.DECISION.suggested_reasons)
    assert level.entry("Confirmed by the DSL").value == "High risk"
    assert level.entry("Reason for changing the suggested level").value == samples.DECISION.override_reason
    assert level.entry("Reason for changing the suggested level").follows, "kept on the page of the level it explains"
    assert level.entry("The child's wishes and feelings").shape is Shape.TEXT
    assert parents.entry("Parents or carers told").value == "Yes"
    assert parents.entry("Their views").value == "Mother is worried and wants help."
    assert danger.entry("Danger statement").value == samples.DECISION.danger_statement
    assert danger.entry("Safety goal").value == samples.DECISION.safety_goal
    assert routes.entry("Chosen by the DSL").items == (ROUTES[RouteId.SAFEGUARDING_HUB], "Police — 101")
    assert review.entry("Actions agreed").value == samples.DECISION.actions
    assert review.entry("Review date").at == date(2026, 12, 4)


def test_answers_yes_are_grouped_by_section_with_when_basis_significance_and_note_and_protective_factors_apart() -> (
    None
):
    screening = describe()[0]
    indicators = screening.entry("Indicators answered yes")
    assert indicators.shape is Shape.ANSWERS
    assert indicators.answers == (
        Answer(
            "Has experienced recent bereavement or loss",
            ("earlier", "reported"),
            "Grandfather died in June.",
            "Vulnerabilities",
        ),
        Answer(
            "Money, clothes or phones without a plausible explanation",
            ("current (last 3 months)", "observed", "significant indicator"),
            "New phone seen in form time.",
            "Warning signs",
        ),
    ), "an item answered no (Unexplained absences) is left out"
    protective = screening.entry("Protective factors")
    assert protective.answers == (
        Answer("Parental warmth, support and a good safety network", ("observed",), "Mother engaged and worried."),
    ), "a protective factor carries no 'current or earlier' and sits under its own label"


def test_what_does_not_apply_is_left_out_and_what_is_missing_is_said() -> None:
    as_suggested = describe(confirmed_level=RiskLevel.MEDIUM, override_reason="")
    assert "Reason for changing the suggested level" not in labels(as_suggested)[1][1]
    told = labels(describe())[2][1]
    assert "Why they were not told" not in told
    not_told = describe(parents_told=False, parents_not_told_reason="It may put her at risk")[2]
    assert [e.label for e in not_told] == ["Parents or carers told", "Why they were not told", "Their views"]
    assert not_told.entry("Parents or carers told").value == "No"
    assert not_told.entry("Why they were not told").value == "It may put her at risk"
    assert not_told.entry("Why they were not told").follows

    no_routes = describe(routes=())[4].entry("Chosen by the DSL")
    assert no_routes.items == () and no_routes.none == "No route chosen."
    nothing = screening_record(dataclasses.replace(samples.SCREENING, answers=()))[0]
    assert nothing.entry("Indicators answered yes").none == "No indicator was answered yes."
    assert nothing.entry("Protective factors").none == "None recorded."
    assert nothing.entry("Screening tool").value == "Screening tool, version 2", "never the tool's id"


def test_the_kinds_the_dsl_confirmed_are_described_when_the_dsl_was_asked() -> None:
    assert "Kinds of concern confirmed by the DSL" not in labels(describe())[0][1], "a screening saved before asking"
    confirmed = describe(category_ids=("county_lines", "criminal_exploitation"))[0]
    assert [e.label for e in confirmed][3] == "Kinds of concern confirmed by the DSL"
    kinds = confirmed.entry("Kinds of concern confirmed by the DSL")
    assert kinds.value == "County lines, Criminal exploitation"
    assert describe(category_ids=())[0].entry("Kinds of concern confirmed by the DSL").value == "None of these kinds"


def test_a_high_level_confirmed_is_a_warning_a_reader_must_not_miss() -> None:
    assert describe()[1].entry("Confirmed by the DSL").warning
    medium = describe(confirmed_level=RiskLevel.MEDIUM, override_reason="")[1]
    assert not medium.entry("Confirmed by the DSL").warning
    assert not any(e.warning for s in describe() for e in s if e.label != "Confirmed by the DSL")


def test_the_first_section_takes_the_title_it_is_given() -> None:
    sections = screening_record(samples.SCREENING, title="Screening 2 of 2")
    assert [s.title for s in sections][:2] == ["Screening 2 of 2", "Level of risk"]


def test_a_correction_names_what_it_corrects_as_a_reader_would() -> None:
    hub = samples.REFERRAL
    police = dataclasses.replace(samples.REFERRAL, referral_id=4, route=RouteId.POLICE_101)

    def target(kind: AddendumTarget, object_id: int, screenings: tuple[int, ...] = (4, 5)) -> str:
        addendum = dataclasses.replace(samples.ADDENDUM, object_kind=kind, object_id=object_id)
        return correction_target(addendum, screenings, (hub, police), ROUTES.__getitem__)

    assert target(AddendumTarget.CONCERN, 42) == "the concern"
    assert target(AddendumTarget.SCREENING, 5) == "screening 2 of 2", "as the screening's heading names it"
    assert target(AddendumTarget.SCREENING, 5, (5,)) == "the screening", "the only one"
    assert target(AddendumTarget.SCREENING, 9) == "a screening"
    assert target(AddendumTarget.REFERRAL, 4) == "the referral to Police — 101", "which referral, when there are two"
    assert target(AddendumTarget.REFERRAL, 99) == "a referral"
    assert target(AddendumTarget.CHILD_LINK, 17) == "the child link", "never a kind's id or a record's number"


def test_a_screening_is_numbered_only_when_the_concern_was_screened_more_than_once() -> None:
    assert screening_title(1, 1) == "Screening"
    assert screening_title(2, 3) == "Screening 2 of 3"
