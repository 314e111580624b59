"""The screening wizard driven with qtbot: pages from the definition, the live suggestion equal to the engine's,
routes pre-selected from the engine, and the decision refused until it is complete."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop_app.definitions import load_forms
from desktop_app.domain.enums import AnswerStatus, Basis, RiskLevel, RouteId, When
from desktop_app.domain.records import Actor, Child, ChildDetails, Concern, ConcernDraft, ScreeningRecord
from desktop_app.domain.screening import ScreeningInput
from desktop_app.screening import default_review_date, evaluate
from desktop_app.services import casework
from desktop_app.services.casework.screening import ScreeningDraft, start_screening
from desktop_app.ui.screening import ScreeningWizard

pytestmark = pytest.mark.gui
TODAY = date(2026, 11, 28)


def child(age_years: int = 14, social_worker: str = "", learning_disability: bool = False) -> Child:
    details = ChildDetails(
        first_name="Zoë",
        last_name="Wiśniewska-Nguyễn",
        date_of_birth=date(TODAY.year - age_years, 1, 5),
        year_group="Year 9",
        social_worker=social_worker,
        learning_disability=learning_disability,
    )
    return Child(child_id=7, details=details, created_at=datetime(2026, 9, 1, 9, 0))


def concern(signs: tuple[str, ...] = (), group: bool = False, danger: bool = False) -> Concern:
    draft = ConcernDraft(
        immediate_danger=danger,
        account="Seen getting into a car after school with older youths.",
        childs_words="They said I owe them.",
        sign_ids=signs,
        group_or_community=group,
        about_adult_working_with_children=False,
        recorder_name="A. Teacher",
        recorder_role="Form tutor",
    )
    return Concern(
        concern_id=3,
        reference="WM-2026-00003",
        child_id=7,
        draft=draft,
        submitted_at=datetime(2026, 11, 20, 10, 0),
        sealed=False,
        status="awaiting_screening",
    )


class Saver:
    """Stands in for the vault: checks the decision exactly as casework does and keeps what would be saved."""

    def __init__(self, draft: ScreeningDraft) -> None:
        self.draft = draft
        self.saved: list[ScreeningRecord] = []

    def __call__(self, form: Any) -> ScreeningRecord:
        decision = casework.check_decision(form, self.draft.result(), TODAY)
        ref = self.draft.definition_ref()
        record = ScreeningRecord(
            len(self.saved) + 1,
            3,
            7,
            ref.id,
            ref.version,
            ref.hash,
            self.draft.answered_items(),
            decision,
            Actor("Dana DSL", "dsl"),
            datetime(2026, 11, 28, 12, 0),
        )
        self.saved.append(record)
        return record


def make_wizard(qtbot: Any, the_child: Child, the_concern: Concern) -> tuple[ScreeningWizard, Saver]:
    forms = load_forms()
    definition = forms.screening()
    draft = start_screening(definition, forms.contacts, the_child, the_concern, TODAY)
    saver = Saver(draft)
    wizard = ScreeningWizard(
        draft,
        saver,
        child_name=the_child.details.display_name,
        concern_reference=the_concern.reference,
        review_date_for=lambda level, today: default_review_date(level, today, definition),
        today=TODAY,
    )
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard, saver


def engine_result(wizard: ScreeningWizard) -> Any:
    d = wizard.draft
    return evaluate(d.definition, ScreeningInput(d.child, d.concern, d.engine_answers()), contacts=d.contacts)


def go_next(qtbot: Any, wizard: ScreeningWizard) -> None:
    before = wizard.currentId()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() != before, timeout=2000)


def answer_sections(qtbot: Any, wizard: ScreeningWizard, yes: dict[str, tuple[When, Basis]], screenshot: Any) -> None:
    """On each remaining section page: answer the given items yes, the rest 'not known'."""
    for section_id, page in wizard.section_pages.items():
        if wizard.currentPage() is not page:
            continue
        for item_id, row in page.rows.items():
            if item_id in yes:
                when, basis = yes[item_id]
                row.choose(AnswerStatus.YES, when, basis, note="Seen by the form tutor on Monday.")
                assert wizard.draft.answers[item_id].basis is basis
        qtbot.mouseClick(page.rest_not_known, Qt.MouseButton.LeftButton)
        screenshot(wizard, f"screening_{section_id}")
        go_next(qtbot, wizard)


def test_the_whole_screening_and_decision_driven_with_qtbot(qtbot: Any, screenshot: Any) -> None:
    wizard, saver = make_wizard(qtbot, child(), concern(signs=("missing_or_found_out_of_area",)))
    # one page per section of the definition, between the facts and the decision
    section_ids = [s.id for s in wizard.draft.definition.sections]
    assert list(wizard.section_pages) == section_ids
    assert wizard.facts_page.age.value() == 14
    screenshot(wizard, "screening_facts")
    go_next(qtbot, wizard)

    # a ticked sign from the concern is pre-answered yes and must be confirmed before moving on
    first = wizard.section_pages["vulnerabilities"]
    qtbot.mouseClick(first.rest_not_known, Qt.MouseButton.LeftButton)
    go_next(qtbot, wizard)
    signs = wizard.section_pages["warning_signs"]
    missing = signs.rows["missing_or_found_out_of_area"]
    assert missing.radios[AnswerStatus.YES].isChecked()
    assert missing.banner.isVisibleTo(wizard)
    qtbot.mouseClick(signs.rest_not_known, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is signs, "a pre-filled answer nobody confirmed must stop the page"
    assert "confirm" in missing.problem.text().lower()
    screenshot(wizard, "screening_warning_signs_needs_confirming")
    missing.choose(AnswerStatus.YES, When.CURRENT, Basis.REPORTED)
    assert not missing.problem.isVisibleTo(wizard)
    # the live suggestion follows the engine as answers change
    before = wizard.side.text() + wizard.why.text()
    signs.rows["carrying_weapons"].choose(AnswerStatus.YES, When.CURRENT, Basis.OBSERVED)
    assert wizard.side.text() + wizard.why.text() != before
    result = engine_result(wizard)
    assert result.suggested_level.label in wizard.side.text()
    go_next(qtbot, wizard)
    answer_sections(qtbot, wizard, {"exchange_tangible": (When.CURRENT, Basis.DISCLOSED)}, screenshot)

    decision = wizard.decision_page
    assert wizard.currentPage() is decision
    result = engine_result(wizard)
    assert decision.confirmed_level() is result.suggested_level
    assert result.suggested_level.label in decision.suggested.text()
    ticked = [route for route, box in decision.route_boxes.items() if box.isChecked()]
    assert ticked == [advice.route for advice in result.routes]
    review = decision.review.date()
    assert date(review.year(), review.month(), review.day()) == default_review_date(
        result.suggested_level, TODAY, wizard.draft.definition
    )
    screenshot(wizard, "screening_decision_empty")

    # nothing filled in: refused, each problem beside its field
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert not saver.saved
    for name in ("childs_wishes", "parents_told", "danger_statement", "safety_goal"):
        assert decision.problems[name].isVisibleTo(wizard), name
    screenshot(wizard, "screening_decision_problems")

    decision.childs_wishes.setPlainText("Wants it to stop but is scared of what they will do to her brother.")
    qtbot.mouseClick(decision.told_no, Qt.MouseButton.LeftButton)
    assert decision.not_told_reason.parentWidget().isEnabled()
    decision.danger.setPlainText("Older youths may make Zoë carry drugs and she may be hurt if she refuses.")
    decision.goal.setPlainText("Zoë is home by 7pm, has no contact with the group and knows who to tell.")
    # parents not told, no reason: refused
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert not saver.saved
    assert decision.problems["parents_not_told_reason"].isVisibleTo(wizard)
    assert not decision.problems["childs_wishes"].isVisibleTo(wizard)
    decision.not_told_reason.setPlainText("Father is believed to know the group; telling him could raise the risk.")

    # an override without a reason: refused
    lower = RiskLevel.LOW if result.suggested_level is not RiskLevel.LOW else RiskLevel.MEDIUM
    decision.choose_level(lower)
    assert decision.override_reason.isVisibleTo(wizard)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert not saver.saved
    assert decision.problems["override_reason"].isVisibleTo(wizard)
    screenshot(wizard, "screening_decision_override_needs_reason")
    decision.choose_level(result.suggested_level)
    assert not decision.override_reason.isVisibleTo(wizard)

    with qtbot.waitSignal(wizard.completed, timeout=2000) as saved:
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert saved.args == [1]
    record = saver.saved[0]
    assert record.decision.confirmed_level is result.suggested_level
    assert record.decision.routes == tuple(advice.route for advice in result.routes)
    assert record.decision.parents_told is False
    by_id = {a.item_id: a for a in record.answers}
    assert by_id["missing_or_found_out_of_area"].basis is Basis.REPORTED
    assert by_id["carrying_weapons"].text == wizard.draft.definition.item("carrying_weapons").text
    assert by_id["exchange_tangible"].status is AnswerStatus.YES
    assert len(record.answers) == sum(len(s.items) for s in wizard.draft.definition.sections)


SCENARIOS = [
    # (name, child kwargs, concern kwargs, yes answers)
    ("nothing ticked", {}, {}, {}),
    ("vulnerabilities only", {}, {}, {"prior_abuse_or_neglect": When.CURRENT, "social_isolation": When.EARLIER}),
    ("significant sign earlier", {}, {}, {"carrying_weapons": When.EARLIER}),
    ("under 13 with a warning sign", {"age_years": 11}, {}, {"increasing_secretiveness": When.CURRENT}),
    (
        "social worker and exchange",
        {"social_worker": "Sam Okafor, 0114 000 0000"},
        {},
        {"exchange_intangible": When.CURRENT, "gang_association": When.CURRENT},
    ),
    ("group concern with trafficking", {}, {"group": True}, {"trafficking": When.CURRENT}),
    ("immediate danger", {"learning_disability": True}, {"danger": True}, {"county_lines": When.CURRENT}),
]


@pytest.mark.parametrize(("name", "child_kw", "concern_kw", "yes"), SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_suggested_level_and_routes_equal_the_engines(
    qtbot: Any,
    screenshot: Any,
    name: str,
    child_kw: dict[str, Any],
    concern_kw: dict[str, Any],
    yes: dict[str, When],
) -> None:
    wizard, _saver = make_wizard(qtbot, child(**child_kw), concern(**concern_kw))
    go_next(qtbot, wizard)
    for page in wizard.section_pages.values():
        for item_id, when in yes.items():
            if item_id in page.rows:
                page.rows[item_id].choose(AnswerStatus.YES, when, Basis.OBSERVED)
        qtbot.mouseClick(page.rest_not_known, Qt.MouseButton.LeftButton)
        go_next(qtbot, wizard)
    answers = {i: replace(a) for i, a in wizard.draft.answers.items()}
    expected = evaluate(
        wizard.draft.definition,
        ScreeningInput(wizard.draft.child, wizard.draft.concern, answers),
        contacts=load_forms().contacts,
    )
    decision = wizard.decision_page
    assert decision.confirmed_level() is expected.suggested_level
    assert expected.suggested_level.label in wizard.side.text()
    for reason in expected.reasons[:2]:
        assert reason.replace("“", "").split("(")[0][:30] in wizard.why.text().replace("“", "")
    ticked = [route for route, box in decision.route_boxes.items() if box.isChecked()]
    assert ticked == [advice.route for advice in expected.routes]
    if concern_kw.get("danger"):
        assert ticked[0] is RouteId.EMERGENCY_999
    if child_kw.get("social_worker"):
        assert child_kw["social_worker"] in decision.route_boxes[RouteId.SOCIAL_WORKER].text()
    screenshot(wizard, f"screening_decision_{name.replace(' ', '_')}")


class Answering:
    def __init__(self, answers: list[bool]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def confirm(self, parent: Any, title: str, text: str, yes: str, no: str) -> bool:
        self.asked.append(text)
        return self.answers.pop(0)


def test_cancelling_asks_before_losing_answers_but_closing_for_a_lock_does_not(qtbot: Any) -> None:
    from desktop_app.ui import ask

    wizard, _saver = make_wizard(qtbot, child(), concern())
    go_next(qtbot, wizard)
    fake = Answering([False, True])
    previous = ask.install(fake)
    try:
        wizard.section_pages["vulnerabilities"].rows["social_isolation"].choose(AnswerStatus.NO)
        cancel = wizard.button(QWizard.WizardButton.CancelButton)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        assert wizard.isVisible() and len(fake.asked) == 1  # "Keep screening"
        with qtbot.waitSignal(wizard.rejected, timeout=2000):
            qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        assert len(fake.asked) == 2
        again, _ = make_wizard(qtbot, child(), concern())
        go_next(qtbot, again)
        again.section_pages["vulnerabilities"].rows["social_isolation"].choose(AnswerStatus.NO)
        again.close()  # what locking does
        assert not again.isVisible() and len(fake.asked) == 2
    finally:
        ask.install(previous)
