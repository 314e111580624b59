"""Properties of the rules that must hold for every combination of answers and facts."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app import paths
from desktop_app.definitions import SectionKind, load_forms
from desktop_app.domain.enums import AnswerStatus, RouteId
from desktop_app.domain.screening import Answer, ChildFacts, ConcernFacts, ScreeningInput, ScreeningResult
from desktop_app.screening import evaluate
from tests.screening.answers import answer

FORMS = load_forms(paths.forms_dir())
DEFINITION = FORMS.screening()
CONTACTS = FORMS.contacts
ITEM_IDS = [item.id for _, item in DEFINITION.items()]
PROTECTIVE_IDS = [item.id for section, item in DEFINITION.items() if section.kind is SectionKind.PROTECTIVE]

answers_st = st.dictionaries(
    st.sampled_from(ITEM_IDS), st.sampled_from(["yes", "earlier", "no", "not_known"]), max_size=20
).map(lambda codes: {k: answer(v) for k, v in codes.items()})
child_st = st.builds(ChildFacts, st.one_of(st.none(), st.integers(0, 18)), st.booleans(), st.booleans())
concern_st = st.builds(ConcernFacts, st.booleans(), st.booleans(), st.booleans())
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run(child: ChildFacts, concern: ConcernFacts, answers: dict[str, Answer]) -> ScreeningResult:
    return evaluate(DEFINITION, ScreeningInput(child, concern, answers), contacts=CONTACTS)


@FAST
@given(child_st, concern_st, answers_st, st.sampled_from(ITEM_IDS), st.sampled_from(["yes", "earlier"]))
def test_adding_a_yes_never_lowers_the_level(child, concern, answers, item_id, code) -> None:
    if answers.get(item_id, Answer(AnswerStatus.NO)).status is AnswerStatus.YES:
        return  # already a yes: nothing is added
    before = run(child, concern, answers).suggested_level
    after = run(child, concern, {**answers, item_id: answer(code)}).suggested_level
    assert after.rank >= before.rank


@FAST
@given(child_st, concern_st, answers_st, st.sampled_from(ITEM_IDS))
def test_an_earlier_yes_becoming_current_never_lowers_the_level(child, concern, answers, item_id) -> None:
    earlier = run(child, concern, {**answers, item_id: answer("earlier")}).suggested_level
    current = run(child, concern, {**answers, item_id: answer("yes")}).suggested_level
    assert current.rank >= earlier.rank


@FAST
@given(child_st, concern_st, answers_st, st.lists(st.sampled_from(PROTECTIVE_IDS), min_size=1, unique=True))
def test_protective_factors_never_lower_the_level(child, concern, answers, protective) -> None:
    risk_only = {k: v for k, v in answers.items() if k not in PROTECTIVE_IDS}
    without = run(child, concern, risk_only)
    with_factors = run(child, concern, {**risk_only, **{item_id: answer("yes") for item_id in protective}})
    assert with_factors.suggested_level is without.suggested_level
    assert with_factors.routes == without.routes
    assert len(with_factors.protective_factors) == len(protective)


@FAST
@given(child_st, concern_st, answers_st)
def test_immediate_danger_always_puts_999_first(child, concern, answers) -> None:
    danger = ConcernFacts(True, concern.about_adult_working_with_children, concern.group_or_community)
    routes = [advice.route for advice in run(child, danger, answers).routes]
    assert routes[0] is RouteId.EMERGENCY_999
    assert routes.count(RouteId.EMERGENCY_999) == 1
    no_danger = ConcernFacts(False, concern.about_adult_working_with_children, concern.group_or_community)
    assert RouteId.EMERGENCY_999 not in [advice.route for advice in run(child, no_danger, answers).routes]


@FAST
@given(child_st, concern_st, answers_st)
def test_the_same_answers_always_give_the_same_result(child, concern, answers) -> None:
    first = run(child, concern, answers)
    reordered = dict(reversed(list(answers.items())))
    assert run(child, concern, reordered) == first
    assert run(child, concern, dict(answers)) == first


@FAST
@given(child_st, concern_st, answers_st)
def test_every_result_has_a_reason_and_a_route_and_the_lead_route_fits(child, concern, answers) -> None:
    result = run(child, concern, answers)
    routes = [advice.route for advice in result.routes]
    assert result.reasons and routes
    assert len(routes) == len(set(routes))
    assert not (RouteId.SOCIAL_WORKER in routes and RouteId.SAFEGUARDING_HUB in routes)
    if result.suggested_level.rank >= 2:  # medium or high: someone outside school must be told
        assert (RouteId.SOCIAL_WORKER if child.has_social_worker else RouteId.SAFEGUARDING_HUB) in routes
