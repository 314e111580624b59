"""The casework input rules, without Qt or a vault: each problem is named by the field the screen shows it beside."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop_app.definitions import load_forms
from desktop_app.domain.enums import RiskLevel, RouteId
from desktop_app.domain.screening import DefinitionRef, RouteAdvice, ScreeningResult
from desktop_app.errors import InvalidInput
from desktop_app.services import casework
from desktop_app.services.casework import DecisionForm, ReferralForm

TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 15, 30)
RESULT = ScreeningResult(
    definition=DefinitionRef("sheffield-ce", "1", "abc"),
    suggested_level=RiskLevel.MEDIUM,
    reasons=("A current significant warning sign puts the level at medium or above.",),
    routes=(
        RouteAdvice(RouteId.SAFEGUARDING_HUB, "Safeguarding Hub", "0114 2734855", "No allocated social worker."),
        RouteAdvice(RouteId.POLICE_101, "Police 101", "101", "A group concern."),
    ),
)


def good_form(**changes: object) -> DecisionForm:
    values: dict[str, object] = {
        "confirmed_level": RiskLevel.MEDIUM,
        "childs_wishes": "Wants to stay at the school and keep playing football.",
        "parents_told": True,
        "parents_views": "Mother is worried and agrees to a referral.",
        "danger_statement": "Older youths may use Jamie to carry parcels across the city.",
        "safety_goal": "Jamie is home by 7pm and has no contact with the group.",
        "routes": (RouteId.POLICE_101, RouteId.SAFEGUARDING_HUB),
        "review_date": TODAY + timedelta(days=28),
    }
    values.update(changes)
    return DecisionForm(**values)  # type: ignore[arg-type]


def fields(error: pytest.ExceptionInfo[InvalidInput]) -> list[str]:
    return [p.field for p in error.value.problems]


def test_a_complete_decision_is_recorded_with_routes_in_the_engines_order() -> None:
    decision = casework.check_decision(good_form(), RESULT, TODAY)
    assert decision.confirmed_level is RiskLevel.MEDIUM
    assert decision.suggested_level is RiskLevel.MEDIUM
    assert decision.suggested_reasons == RESULT.reasons
    assert decision.routes == (RouteId.SAFEGUARDING_HUB, RouteId.POLICE_101)
    assert decision.override_reason == ""


def test_an_override_without_a_reason_is_refused_and_with_one_is_kept() -> None:
    with pytest.raises(InvalidInput) as error:
        casework.check_decision(good_form(confirmed_level=RiskLevel.LOW), RESULT, TODAY)
    assert fields(error) == ["override_reason"]
    assert "low risk" in error.value.problems[0].sentence and "medium risk" in error.value.problems[0].sentence
    with pytest.raises(InvalidInput):
        casework.check_decision(good_form(confirmed_level=RiskLevel.HIGH, override_reason="   "), RESULT, TODAY)
    decision = casework.check_decision(
        good_form(confirmed_level=RiskLevel.HIGH, override_reason="Went missing twice this week."), RESULT, TODAY
    )
    assert decision.confirmed_level is RiskLevel.HIGH
    assert decision.override_reason == "Went missing twice this week."


def test_parents_not_told_needs_a_reason_never_blank() -> None:
    with pytest.raises(InvalidInput) as error:
        casework.check_decision(good_form(parents_told=False, parents_views=""), RESULT, TODAY)
    assert fields(error) == ["parents_not_told_reason"]
    decision = casework.check_decision(
        good_form(parents_told=False, parents_views="", parents_not_told_reason="Telling them may put her at risk."),
        RESULT,
        TODAY,
    )
    assert decision.parents_told is False
    assert decision.parents_not_told_reason == "Telling them may put her at risk."


def test_parents_told_needs_their_views_and_an_unanswered_question_is_refused() -> None:
    with pytest.raises(InvalidInput) as error:
        casework.check_decision(good_form(parents_views=" "), RESULT, TODAY)
    assert fields(error) == ["parents_views"]
    with pytest.raises(InvalidInput) as error:
        casework.check_decision(good_form(parents_told=None), RESULT, TODAY)
    assert fields(error) == ["parents_told"]


def test_every_missing_field_is_named_in_page_order() -> None:
    empty = DecisionForm(confirmed_level=None)
    with pytest.raises(InvalidInput) as error:
        casework.check_decision(empty, RESULT, TODAY)
    assert fields(error) == [
        "confirmed_level",
        "childs_wishes",
        "parents_told",
        "danger_statement",
        "safety_goal",
        "routes",
        "review_date",
    ]


def test_review_date_in_the_past_is_refused_and_very_long_text_is_refused_by_its_field() -> None:
    with pytest.raises(InvalidInput) as error:
        casework.check_decision(good_form(review_date=TODAY - timedelta(days=1)), RESULT, TODAY)
    assert fields(error) == ["review_date"]
    with pytest.raises(InvalidInput) as error:
        casework.check_decision(good_form(safety_goal="x" * (casework.MAX_TEXT + 1)), RESULT, TODAY)
    assert fields(error) == ["safety_goal"]
    long_but_fine = "Ж" * casework.MAX_TEXT
    assert casework.check_decision(good_form(childs_wishes=long_but_fine), RESULT, TODAY).childs_wishes == long_but_fine


def test_a_referral_needs_who_when_and_outcome_and_a_due_date_for_confirmation() -> None:
    with pytest.raises(InvalidInput) as error:
        casework.check_referral(ReferralForm(route=None), NOW)
    assert fields(error) == [
        "route",
        "contacted_name",
        "outcome",
        "contacted_at",
        "confirmation_due",
        "asks",
        "consent",
        "parents_told",
    ]
    form = ReferralForm(
        route=RouteId.SAFEGUARDING_HUB,
        contacted_name="  Duty social worker, Safeguarding Hub ",
        contacted_at=NOW - timedelta(hours=1),
        reference="SH-2231",
        outcome="Passed to the exploitation team.",
        confirmation_due=casework.default_confirmation_due(NOW, load_forms().contacts),
        asks=("assessment",),
        consent="given",
        parents_told=True,
    )
    checked = casework.check_referral(form, NOW)
    assert checked.contacted_name == "Duty social worker, Safeguarding Hub"
    assert checked.confirmation_due == date(2026, 11, 30)


def test_a_referral_in_the_future_or_before_the_concern_is_refused() -> None:
    request = {"asks": ("police_awareness",), "consent": "given", "parents_told": True}
    base = ReferralForm(RouteId.POLICE_101, "PC Fictional", NOW + timedelta(hours=2), "", "Logged.", False, **request)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as error:
        casework.check_referral(base, NOW)
    assert fields(error) == ["contacted_at"]
    early = ReferralForm(RouteId.POLICE_101, "PC Fictional", NOW - timedelta(days=9), "", "Logged.", False, **request)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as error:
        casework.check_referral(early, NOW, concern_submitted=NOW - timedelta(days=2))
    assert "before the concern" in error.value.problems[0].sentence
    assert casework.check_referral(early, NOW).confirmation_due is None


def test_confirmation_dates_addenda_and_closing_need_their_fields() -> None:
    with pytest.raises(InvalidInput):
        casework.check_confirmation(None, TODAY, NOW)
    with pytest.raises(InvalidInput):
        casework.check_confirmation(TODAY + timedelta(days=1), TODAY, NOW)
    with pytest.raises(InvalidInput):
        casework.check_confirmation(TODAY - timedelta(days=3), TODAY, NOW)
    assert casework.check_confirmation(TODAY, TODAY, NOW) == TODAY
    with pytest.raises(InvalidInput) as error:
        casework.check_addendum(" ", "")
    assert [p.field for p in error.value.problems] == ["reason", "change"]
    expected = ("Wrong date", "It happened on Tuesday")
    assert casework.check_addendum(" Wrong date ", " It happened on Tuesday ") == expected
    with pytest.raises(InvalidInput) as error:
        casework.check_outcome("   ")
    assert error.value.problems[0].field == "outcome"
