"""The screening decision holds its shape (issue 16, found at 100% in a real 1366×768 window): refused, its problems
appear in room kept for them. Beside the "Why" panel the field column is narrow, and a sentence such as "Write the
danger statement: what you are worried will happen if nothing changes." takes two lines at 100% and three at 150%;
nothing below it may move."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from desktop_app.ui.appearance import apply_zoom
from tests.ui.screening.test_screening_wizard import child, concern, go_next, make_wizard

pytestmark = pytest.mark.gui


@pytest.fixture(params=[100, 150])
def zoom(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[int]:
    apply_zoom(qapp, request.param)
    yield request.param
    apply_zoom(qapp, 100)


def in_page(widget: QWidget, page: QWidget) -> QRect:
    """Where the widget is within the page's scrolled content (the refused page scrolls to its first problem)."""
    return QRect(widget.mapTo(page.scroller.widget(), QPoint(0, 0)), widget.size())


def test_the_decisions_problems_move_no_field(qtbot: Any, screenshot: Any, zoom: int) -> None:
    wizard, saver = make_wizard(qtbot, child(), concern())
    while wizard.currentPage() is not wizard.decision_page:
        page = wizard.currentPage()
        if hasattr(page, "rest_not_known"):
            qtbot.mouseClick(page.rest_not_known, Qt.MouseButton.LeftButton)
        go_next(qtbot, wizard)
    decision = wizard.decision_page
    QApplication.processEvents()
    fields = {name: field for name, field in decision.fields.items() if field.isVisibleTo(wizard)}
    before = {name: in_page(field, decision) for name, field in fields.items()}
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert not saver.saved
    shown = {name: label for name, label in decision.problems.items() if label.isVisibleTo(wizard)}
    assert "danger_statement" in shown
    line = shown["danger_statement"].fontMetrics().lineSpacing()
    assert shown["danger_statement"].heightForWidth(shown["danger_statement"].width()) > line  # it wraps here
    screenshot(wizard, "screening_decision_refused_shape")
    after = {name: in_page(field, decision) for name, field in fields.items()}
    moved = [name for name in fields if after[name] != before[name]]
    assert not moved, f"moved when the problems appeared: {moved}"
    for name, label in shown.items():  # every sentence whole, none drawn over the field below
        assert label.height() >= label.heightForWidth(label.width()), name
