"""Answers the rules cannot use are refused with one sentence; review dates follow the level."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desktop_app.definitions import ContactsDefinition, ScreeningDefinition
from desktop_app.domain.enums import AnswerStatus, Basis, RiskLevel, RouteId, When
from desktop_app.domain.screening import Answer, ChildFacts, ConcernFacts, ScreeningInput
from desktop_app.errors import UserFacingError
from desktop_app.screening import ScreeningInputError, default_review_date, evaluate
from desktop_app.screening.jsonio import parse_input, result_to_json


def screen(definition: ScreeningDefinition, contacts: ContactsDefinition, **answers: Answer) -> None:
    evaluate(definition, ScreeningInput(ChildFacts(14), ConcernFacts(), answers), contacts=contacts)


def test_unknown_item_is_refused(definition: ScreeningDefinition, contacts: ContactsDefinition) -> None:
    with pytest.raises(ScreeningInputError) as caught:
        screen(definition, contacts, wears_hoodie=Answer(AnswerStatus.YES))
    assert str(caught.value) == (
        "The answers name an item 'wears_hoodie' that the screening definition 'sheffield-exploitation-screening' "
        "version 1 does not have."
    )
    assert isinstance(caught.value, UserFacingError)


def test_a_no_with_a_when_is_impossible(definition: ScreeningDefinition, contacts: ContactsDefinition) -> None:
    with pytest.raises(ScreeningInputError, match="'carrying_weapons' is 'no' but gives when or how it is known"):
        screen(definition, contacts, carrying_weapons=Answer(AnswerStatus.NO, When.CURRENT, Basis.OBSERVED))


def test_an_adult_age_is_refused(definition: ScreeningDefinition, contacts: ContactsDefinition) -> None:
    with pytest.raises(ScreeningInputError, match="age 25 is not a child's age"):
        evaluate(definition, ScreeningInput(ChildFacts(25), ConcernFacts(), {}), contacts=contacts)


def test_the_advice_for_each_route_is_the_wording_of_contacts_toml(
    definition: ScreeningDefinition, contacts: ContactsDefinition
) -> None:
    """Another area's forms folder words its routes (and names its specialist service) without a code change."""
    hub = contacts.for_route(RouteId.SAFEGUARDING_HUB)
    assert hub is not None
    ours = contacts.model_copy(
        update={
            "contacts": tuple(
                c.model_copy(update={"advice": "{level}: ring the Hub; it can refer to the Harbour Team."})
                if c is hub
                else c
                for c in contacts.contacts
            )
        }
    )
    data = ScreeningInput(ChildFacts(14), ConcernFacts(), {"carrying_weapons": Answer(AnswerStatus.YES)})
    [shipped] = evaluate(definition, data, contacts).routes
    assert shipped.why.endswith("The Hub can refer the child to the Amber Project.")
    [local] = evaluate(definition, data, ours).routes
    assert local.why == "Medium risk: ring the Hub; it can refer to the Harbour Team."


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (RiskLevel.HIGH, date(2026, 12, 7)),
        (RiskLevel.MEDIUM, date(2026, 12, 29)),  # 28 December 2026 is the Boxing Day bank holiday (substitute)
        (RiskLevel.LOW, date(2027, 1, 11)),
        (RiskLevel.NO_APPARENT_RISK, date(2027, 3, 1)),  # 28 February 2027 is a Sunday
    ],
)
def test_review_date_follows_the_level(definition: ScreeningDefinition, level: RiskLevel, expected: date) -> None:
    today = date(2026, 11, 30)
    assert default_review_date(level, today, definition) == expected


GOOD: dict[str, Any] = {
    "child": {"age": 14, "learning_disability": False, "has_social_worker": False},
    "concern": {"immediate_danger": False, "about_adult_working_with_children": False, "group_or_community": False},
    "answers": {"carrying_weapons": {"status": "yes", "when": "current", "basis": "observed", "note": "Knife in bag"}},
}


def test_the_design_example_parses_and_round_trips(
    definition: ScreeningDefinition, contacts: ContactsDefinition
) -> None:
    data = parse_input(GOOD)
    assert data.answers["carrying_weapons"] == Answer(AnswerStatus.YES, When.CURRENT, Basis.OBSERVED, "Knife in bag")
    out = result_to_json(evaluate(definition, data, contacts))
    assert out["suggested_level"] == "medium"
    assert out["definition"] == {"id": definition.id, "version": "1", "hash": definition.hash}
    assert out["routes"][0]["route"] == "safeguarding_hub"


@pytest.mark.parametrize(
    ("change", "sentence"),
    [
        (lambda d: d.pop("child"), "The answers file has no 'child' object"),
        (lambda d: d["child"].pop("age"), "'child.age' is missing"),
        (lambda d: d["child"].update(age="fourteen"), "'child.age' is \"fourteen\"; it must be a whole number"),
        (lambda d: d["child"].update(age=True), "'child.age' is true"),
        (lambda d: d["child"].update(has_social_worker="yes"), "'child.has_social_worker' is \"yes\"; it must be true"),
        (lambda d: d.update(extra=1), "The answers file has an unknown key 'extra'"),
        (
            lambda d: d["answers"]["carrying_weapons"].update(status="maybe"),
            "'carrying_weapons' has status \"maybe\"; it must be yes, no or not_known",
        ),
        (
            lambda d: d["answers"]["carrying_weapons"].update(when="last week"),
            'has when "last week"; it must be current or earlier',
        ),
        (lambda d: d["answers"]["carrying_weapons"].pop("status"), "'carrying_weapons' has no 'status'"),
        (
            lambda d: d["answers"].update(carrying_weapons="yes"),
            "The answer to 'carrying_weapons' must be a JSON object",
        ),
        (lambda d: d.update(answers=[]), "'answers' must be a JSON object, not a list"),
    ],
)
def test_bad_json_input_is_refused_with_its_sentence(change: Any, sentence: str) -> None:
    import copy

    data = copy.deepcopy(GOOD)
    change(data)
    with pytest.raises(ScreeningInputError) as caught:
        parse_input(data)
    assert sentence in str(caught.value)
    assert str(caught.value).endswith(".")


def test_a_json_list_is_not_an_answers_file() -> None:
    with pytest.raises(ScreeningInputError, match="The answers file must be a JSON object, not a list"):
        parse_input([1, 2])
