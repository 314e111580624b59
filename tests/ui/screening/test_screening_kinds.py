"""The DSL confirms or changes the kind of concern on the decision page (issue 16): the recorder's ticks come first,
none ticked is refused beside the boxes, and what the DSL ticks is saved with the decision."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWizard

from desktop_app.definitions import load_forms
from desktop_app.domain.enums import AnswerStatus
from desktop_app.screening import default_review_date
from desktop_app.services.casework.screening import start_screening
from desktop_app.ui.appearance import apply_zoom
from desktop_app.ui.screening import ScreeningWizard
from tests.ui.screening.test_screening_wizard import TODAY, Saver, child, concern, go_next

pytestmark = pytest.mark.gui


@pytest.fixture(params=[100, 150])
def zoom(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[int]:
    apply_zoom(qapp, request.param)
    yield request.param
    apply_zoom(qapp, 100)


def test_the_dsl_changes_the_kind_of_concern_and_it_is_saved(qtbot: Any, screenshot: Any, zoom: int) -> None:
    forms = load_forms()
    definition = forms.screening()
    the_concern = concern()
    the_concern = replace(the_concern, draft=replace(the_concern.draft, category_ids=("cse",)))
    draft = start_screening(definition, forms.contacts, child(), the_concern, TODAY)
    draft.categories = tuple((c.id, c.title) for c in forms.categories.categories)
    saver = Saver(draft)
    wizard = ScreeningWizard(
        draft,
        saver,
        child_name="Zoë",
        concern_reference=the_concern.reference,
        review_date_for=lambda level, today: default_review_date(level, today, definition),
        today=TODAY,
    )
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    go_next(qtbot, wizard)
    for page in wizard.section_pages.values():
        for row in page.rows.values():
            row.choose(AnswerStatus.NOT_KNOWN)
        go_next(qtbot, wizard)
    decision = wizard.decision_page
    assert wizard.currentPage() is decision
    boxes = decision.kind_boxes
    assert boxes["cse"].isChecked() and not boxes["cce"].isChecked()  # what the member of staff ticked, to confirm
    decision.childs_wishes.setPlainText("Wants to stay at her nan's.")
    qtbot.mouseClick(decision.told_yes, Qt.MouseButton.LeftButton)
    decision.parents_views.setPlainText("Nan agrees with the plan.")
    boxes["cse"].setChecked(False)
    boxes["cce"].setChecked(True)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)  # no danger statement or safety goal yet: refused
    assert not saver.saved
    problem = decision.problems["danger_statement"]
    assert problem.isVisibleTo(wizard) and "danger statement" in problem.text()
    assert wizard.focusWidget() is decision.danger
    viewport = decision.scroller.viewport()
    assert QRect(QPoint(0, 0), viewport.size()).contains(QRect(problem.mapTo(viewport, QPoint(0, 0)), problem.size()))
    screenshot(wizard, "screening_decision_kind_refused")
    decision.danger.setPlainText("She may be taken out of the city by older men.")
    decision.goal.setPlainText("She is home by 7pm and knows who to tell.")
    boxes["cce"].setChecked(True)
    boxes["county_lines"].setChecked(True)
    with qtbot.waitSignal(wizard.completed, timeout=2000):
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert saver.saved[0].decision.category_ids == ("cce", "county_lines")


def test_the_record_view_says_which_kinds_the_dsl_confirmed() -> None:
    from desktop_app.services.casework import DecisionForm
    from desktop_app.ui.concern_view import _screening_html

    forms = load_forms()
    draft = start_screening(forms.screening(), forms.contacts, child(), concern(), TODAY)
    result = draft.result()
    record = Saver(draft)(
        DecisionForm(
            confirmed_level=result.suggested_level,
            childs_wishes="w",
            parents_told=True,
            parents_views="v",
            danger_statement="d",
            safety_goal="g",
            routes=tuple(a.route for a in result.routes),
            review_date=TODAY,
            category_ids=("county_lines", "online"),
        )
    )
    html = _screening_html(record, {})
    assert "<b>Kinds of concern confirmed by the DSL:</b></td><td>County lines, Online exploitation</td>" in html
