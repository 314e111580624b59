"""Fictional cases, each written as answers, with the level and routes a DSL should see (DESIGN §6)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from desktop_app.definitions import ContactsDefinition, ScreeningDefinition
from desktop_app.domain.enums import AnswerStatus, RiskLevel, RouteId
from desktop_app.domain.screening import Answer, ChildFacts, ConcernFacts, ScreeningInput
from desktop_app.screening import evaluate
from tests.screening.answers import answer

NONE, LOW, MEDIUM, HIGH = RiskLevel.NO_APPARENT_RISK, RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH
R = RouteId


@dataclass(frozen=True)
class Case:
    story: str
    answers: dict[str, str]
    level: RiskLevel
    routes: tuple[RouteId, ...]
    age: int | None = 14
    learning_disability: bool = False
    social_worker: bool = False
    danger: bool = False
    staff: bool = False
    group: bool = False
    says: tuple[str, ...] = field(default=())


PROTECTIVE_ALL = {
    "enjoys_learning_home_school_links": "yes",
    "engaged_in_education_or_training": "yes",
    "good_health_and_development": "yes",
    "age_appropriate_relationships_no_substance_misuse": "yes",
    "positive_boundaries_and_peers": "yes",
    "parental_warmth_and_safety_network": "yes",
}

CASES = [
    Case(
        "Nothing ticked: a form tutor's general worry about Amara, 14",
        {},
        NONE,
        (R.MONITOR,),
        says=("No vulnerability, warning sign, exchange or context is answered yes.",),
    ),
    Case(
        "Everything answered no for Ben, 15",
        {"in_care": "no", "carrying_weapons": "no", "county_lines": "no", "exchange_tangible": "no"},
        NONE,
        (R.MONITOR,),
    ),
    Case(
        "Vulnerabilities only: Chloe, 14, in care, recently bereaved, money worries",
        {"in_care": "yes", "recent_bereavement_or_loss": "yes", "economically_vulnerable": "yes"},
        LOW,
        (R.EARLY_HELP, R.MONITOR),
        says=("3 'yes' answers score 3 points, which is in the low risk band",),
    ),
    Case(
        "Many vulnerabilities and no signs: Dev, 15",
        {
            item: "yes"
            for item in (
                "prior_abuse_or_neglect",
                "unsafe_or_unstable_home",
                "recent_bereavement_or_loss",
                "social_isolation",
                "economically_vulnerable",
                "in_care",
                "gang_connections",
                "unsafe_social_media_use",
            )
        },
        MEDIUM,
        (R.SAFEGUARDING_HUB,),
        says=("score 8 points, which is in the medium risk band",),
    ),
    Case(
        "One warning sign: Ellie, 14, has drifted from her friends",
        {"isolated_from_peers": "yes"},
        LOW,
        (R.EARLY_HELP, R.MONITOR),
    ),
    Case(
        "One warning sign, only earlier: Finn, 15, was secretive last year",
        {"increasing_secretiveness": "earlier"},
        LOW,
        (R.EARLY_HELP, R.MONITOR),
    ),
    Case(
        "One current significant sign: Grace, 15, found with a knife this week",
        {"carrying_weapons": "yes"},
        MEDIUM,
        (R.SAFEGUARDING_HUB,),
        says=("A current significant sign is present (“Carries weapons”)",),
    ),
    Case(
        "Two current significant signs: Ivo, 15, injured and carrying a knife",
        {"carrying_weapons": "yes", "assault_or_unexplained_injuries": "yes"},
        MEDIUM,
        (R.SAFEGUARDING_HUB,),
        says=("Current significant signs are present",),
    ),
    Case(
        "One significant sign, only earlier: Harry, 15, seen near a sex-work area last year",
        {"frequents_sex_work_areas": "earlier"},
        LOW,
        (R.EARLY_HELP, R.MONITOR),
    ),
    Case(
        "Significant sign answered yes with no 'when': treated as current",
        {"unexplained_money_or_goods": "yes_no_when"},
        MEDIUM,
        (R.SAFEGUARDING_HUB,),
    ),
    Case(
        "Exchange with a warning sign: Isla, 14, given 'protection' and secretive",
        {"exchange_intangible": "yes", "increasing_secretiveness": "yes"},
        MEDIUM,
        (R.SAFEGUARDING_HUB,),
        says=("Something is exchanged",),
    ),
    Case(
        "Exchange without any warning sign: Jack, 15, given vapes by an older pupil",
        {"exchange_tangible": "yes"},
        LOW,
        (R.EARLY_HELP, R.MONITOR),
    ),
    Case(
        "County lines: Kai, 15, found in another town with cash", {"county_lines": "yes"}, MEDIUM, (R.SAFEGUARDING_HUB,)
    ),
    Case(
        "County lines with several signs: Leo, 16",
        {
            "county_lines": "yes",
            "missing_or_found_out_of_area": "yes",
            "exchange_tangible": "yes",
            "excessive_calls_or_multiple_phones": "yes",
            "carrying_weapons": "yes",
        },
        HIGH,
        (R.SAFEGUARDING_HUB,),
        says=("score 17 points, which is in the high risk band",),
    ),
    Case(
        "Trafficking, earlier: Maya, 15, was moved between flats last spring",
        {"trafficking": "earlier"},
        HIGH,
        (R.SAFEGUARDING_HUB, R.NRM),
        says=("Possible trafficking", "National Referral Mechanism"),
    ),
    Case(
        "Trafficking with an allocated social worker: Noah, 16",
        {"trafficking": "yes", "county_lines": "yes"},
        HIGH,
        (R.SOCIAL_WORKER, R.NRM),
        social_worker=True,
    ),
    Case(
        "Immediate danger and nothing else known: Olivia, 13",
        {},
        HIGH,
        (R.EMERGENCY_999, R.SAFEGUARDING_HUB),
        danger=True,
        says=("ring 999 first",),
    ),
    Case(
        "Immediate danger, social worker, a group: Priya, 15",
        {"gang_association": "yes"},
        HIGH,
        (R.EMERGENCY_999, R.SOCIAL_WORKER, R.POLICE_101),
        danger=True,
        social_worker=True,
        group=True,
    ),
    Case(
        "An adult working with children, no signs yet: a coach messaging Quinn, 14",
        {},
        NONE,
        (R.LADO, R.MONITOR),
        staff=True,
    ),
    Case(
        "A teaching assistant giving Rosa, 14, lifts and gifts",
        {"adult_working_with_children": "yes", "exchange_tangible": "yes"},
        MEDIUM,
        (R.SAFEGUARDING_HUB, R.LADO),
    ),
    Case(
        "A group concern with one warning sign: Sam and friends, 15, at a takeaway",
        {"multiple_callers": "yes"},
        LOW,
        (R.POLICE_101, R.EARLY_HELP, R.MONITOR),
        group=True,
    ),
    Case(
        "Group context answered yes: Tia, 14, one of several girls driven around",
        {"group_or_community": "yes"},
        MEDIUM,
        (R.SAFEGUARDING_HUB, R.POLICE_101),
    ),
    Case(
        "Allocated social worker, low: Umar, 15",
        {"decline_in_attainment": "yes"},
        LOW,
        (R.SOCIAL_WORKER, R.MONITOR),
        social_worker=True,
    ),
    Case("Allocated social worker, nothing ticked: Vera, 14", {}, NONE, (R.MONITOR,), social_worker=True),
    Case(
        "Allocated social worker, medium: Will, 16",
        {"controlling_or_older_relationships": "yes"},
        MEDIUM,
        (R.SOCIAL_WORKER,),
        social_worker=True,
        says=("contact them today",),
    ),
    Case(
        "Under 13 with one ordinary warning sign: Xena, 11",
        {"excessive_calls_or_multiple_phones": "yes"},
        MEDIUM,
        (R.SAFEGUARDING_HUB,),
        age=11,
        says=("under 13 (age 11)",),
    ),
    Case(
        "Under 13 with vulnerabilities only: Yusuf, 10",
        {"social_isolation": "yes"},
        LOW,
        (R.EARLY_HELP, R.MONITOR),
        age=10,
    ),
    Case(
        "Aged 13 exactly with one ordinary sign: Zara",
        {"excessive_calls_or_multiple_phones": "yes"},
        LOW,
        (R.EARLY_HELP, R.MONITOR),
        age=13,
    ),
    Case(
        "Learning disability on file and a warning sign: Alfie, 16",
        {"returns_under_influence": "earlier"},
        MEDIUM,
        (R.SAFEGUARDING_HUB,),
        learning_disability=True,
        says=("learning disability",),
    ),
    Case(
        "Learning disability ticked in the tool and a warning sign: Bea, 15",
        {"learning_disability": "yes", "parental_concerns": "yes"},
        MEDIUM,
        (R.SAFEGUARDING_HUB,),
    ),
    Case(
        "Learning disability with vulnerabilities only: Cal, 15",
        {"economically_vulnerable": "yes"},
        LOW,
        (R.EARLY_HELP, R.MONITOR),
        learning_disability=True,
    ),
    Case(
        "Protective factors alongside a current significant sign: Dana, 15",
        {"assault_or_unexplained_injuries": "yes", **PROTECTIVE_ALL},
        MEDIUM,
        (R.SAFEGUARDING_HUB,),
        says=("6 protective factors are present", "never lower it"),
    ),
    Case("Protective factors only: Eli, 14", dict(PROTECTIVE_ALL), NONE, (R.MONITOR,)),
    Case(
        "High by the score alone: Fay, 16",
        {
            "gang_association": "earlier",
            "unexplained_money_or_goods": "yes",
            "controlling_or_older_relationships": "yes",
            "returns_under_influence": "yes",
            "isolated_from_peers": "yes",
        },
        HIGH,
        (R.SAFEGUARDING_HUB,),
    ),
    Case(
        "Mix: online grooming of Gus, 12, with a learning disability",
        {
            "online_exploitation": "yes",
            "sexualised_behaviour_or_sti": "yes",
            "exchange_intangible": "yes",
            "multiple_callers": "yes",
            "concerning_online_use": "yes",
        },
        HIGH,
        (R.SAFEGUARDING_HUB,),
        age=12,
        learning_disability=True,
    ),
    Case(
        "Only 'not known' answers: Hana, 15",
        {"missing_or_found_out_of_area": "not_known", "in_care": "not_known"},
        NONE,
        (R.MONITOR,),
        says=("2 items are not known",),
    ),
    Case(
        "Age not known, one ordinary sign: Ivo",
        {"self_harm_or_wellbeing_change": "yes"},
        LOW,
        (R.EARLY_HELP, R.MONITOR),
        age=None,
        says=("The child's age is not known",),
    ),
    Case(
        "Everything at once: Jade, 15",
        {
            "county_lines": "yes",
            "trafficking": "yes",
            "online_exploitation": "yes",
            "group_or_community": "yes",
            "adult_working_with_children": "yes",
            "exchange_prevention_of_harm": "yes",
        },
        HIGH,
        (R.SAFEGUARDING_HUB, R.POLICE_101, R.LADO, R.NRM),
    ),
    Case(
        "Threat to family makes Kit, 15, carry parcels: exchange + county lines + missing",
        {"exchange_prevention_of_harm": "yes", "county_lines": "earlier", "missing_or_found_out_of_area": "earlier"},
        MEDIUM,
        (R.SAFEGUARDING_HUB,),
    ),
]


def run(case: Case, definition: ScreeningDefinition, contacts: ContactsDefinition) -> tuple[RiskLevel, list[str]]:
    answers: dict[str, Answer] = {}
    for item_id, code in case.answers.items():
        answers[item_id] = Answer(AnswerStatus.YES) if code == "yes_no_when" else answer(code)
    result = evaluate(
        definition,
        ScreeningInput(
            child=ChildFacts(case.age, case.learning_disability, case.social_worker),
            concern=ConcernFacts(case.danger, case.staff, case.group),
            answers=answers,
        ),
        contacts=contacts,
    )
    assert tuple(advice.route for advice in result.routes) == case.routes, case.story
    assert all(advice.title and advice.why for advice in result.routes)
    return result.suggested_level, [*result.reasons, *(advice.why for advice in result.routes)]


def test_there_are_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30
    assert len({case.story for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.story for case in CASES])
def test_scenario(case: Case, definition: ScreeningDefinition, contacts: ContactsDefinition) -> None:
    level, reasons = run(case, definition, contacts)
    assert level is case.level, f"{case.story}: {reasons}"
    for fragment in case.says:
        assert any(fragment in reason for reason in reasons), (
            f"{case.story}: neither a reason nor a route says {fragment!r}: {reasons}"
        )


def test_the_hub_route_carries_the_local_number(definition: ScreeningDefinition, contacts: ContactsDefinition) -> None:
    data = ScreeningInput(ChildFacts(15), ConcernFacts(), {"carrying_weapons": answer("yes")})
    hub = evaluate(definition, data, contacts=contacts).routes[0]
    assert (hub.route, hub.title, hub.phone) == (R.SAFEGUARDING_HUB, "Sheffield Safeguarding Hub", "0114 2734855")
    local = evaluate(definition, data, contacts=contacts.with_phones({"safeguarding_hub": "0114 999 0000"}))
    assert local.routes[0].phone == "0114 999 0000"


def test_protective_factors_are_returned_beside_the_level(
    definition: ScreeningDefinition, contacts: ContactsDefinition
) -> None:
    data = ScreeningInput(
        ChildFacts(15),
        ConcernFacts(),
        {"carrying_weapons": answer("yes"), "positive_boundaries_and_peers": answer("yes")},
    )
    result = evaluate(definition, data, contacts=contacts)
    assert result.protective_factors == ("Has positive boundaries, guidance, services, activities and friends",)


def test_low_risk_monitoring_gives_the_review_interval(
    definition: ScreeningDefinition, contacts: ContactsDefinition
) -> None:
    result = evaluate(
        definition, ScreeningInput(ChildFacts(14), ConcernFacts(), {"in_care": answer("yes")}), contacts=contacts
    )
    assert result.review_after_days == 42
    assert "review within 6 weeks" in result.routes[-1].why
