"""The screening decision holds its shape (issue 16, found at 100% in a real 1366×768 window): refused, its problems
appear in room kept for them. Beside the "Why" panel the field column is narrow, and a sentence such as "Write the
danger statement: what you are worried will happen if nothing changes." takes two lines at 100% and three at 150%;
nothing below it may move."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPlainTextEdit, QWidget, QWizard

from desktop_app.ui.appearance import apply_zoom
from desktop_app.ui.room import bring_into_view
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


def to_the_decision(qtbot: Any) -> tuple[Any, Any]:
    wizard, saver = make_wizard(qtbot, child(), concern())
    while wizard.currentPage() is not wizard.decision_page:
        page = wizard.currentPage()
        if hasattr(page, "rest_not_known"):
            qtbot.mouseClick(page.rest_not_known, Qt.MouseButton.LeftButton)
        go_next(qtbot, wizard)
    return wizard, saver


def test_the_decisions_problems_move_no_field(qtbot: Any, screenshot: Any, zoom: int) -> None:
    wizard, saver = to_the_decision(qtbot)
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


def lines_inside(edit: QPlainTextEdit) -> float:
    """How many lines of text a box shows without scrolling."""
    line = edit.blockBoundingRect(edit.document().firstBlock()).height()
    return (edit.viewport().height() - 2 * edit.document().documentMargin()) / line


def cut_short(page: QWidget) -> list[str]:
    """Every label, tick box or radio button on the page shown smaller than its text needs."""
    cut = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page) or not isinstance(widget, (QLabel, QAbstractButton)):
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            if widget.text() and widget.height() < widget.heightForWidth(widget.width()):
                cut.append(
                    f"{widget.text()[:40]!r}: {widget.height()} px tall, needs {widget.heightForWidth(widget.width())}"
                )
        elif widget.width() < widget.sizeHint().width() or widget.height() < widget.minimumSizeHint().height():
            cut.append(f"{widget.text()[:40]!r}: {widget.width()}×{widget.height()}, needs {widget.sizeHint()}")
    return cut


def test_the_decision_keeps_two_lines_a_box_and_little_empty_room(qtbot: Any, screenshot: Any, zoom: int) -> None:
    """Found at 150% (issue 16): under each box the page kept three or four empty lines for a problem sentence that
    may never come, beside boxes two or three lines tall: the page scrolled through more empty room than answers."""
    wizard, _saver = to_the_decision(qtbot)
    decision = wizard.decision_page
    QApplication.processEvents()
    screenshot(wizard, "screening_decision_empty")
    boxes = {n: e for n, e in decision._texts().items() if e.isVisibleTo(wizard)}
    assert len(boxes) >= 5
    for name, edit in boxes.items():
        assert 2 <= lines_inside(edit) < 2.5, f"{name}: {lines_inside(edit):.1f} lines tall when empty"
    for name, problem in decision.problems.items():
        if not problem.parentWidget().isVisibleTo(wizard):
            continue
        metrics = problem.fontMetrics()
        two_lines = metrics.boundingRect(QRect(0, 0, 10_000, 1_000), Qt.TextFlag.TextWordWrap, "Two\nlines").height()
        assert problem.height() <= two_lines + 2, f"{name}: {problem.height() / metrics.height():.1f} lines kept"
    assert cut_short(decision) == []


def test_a_longer_answer_is_read_whole_and_a_very_long_one_scrolls(qtbot: Any, screenshot: Any, zoom: int) -> None:
    wizard, _saver = to_the_decision(qtbot)
    decision = wizard.decision_page
    QApplication.processEvents()
    two_lines = decision.danger.height()
    decision.danger.setPlainText("\n".join(f"Worry number {n}: seen with older youths again." for n in range(1, 6)))
    decision.childs_wishes.setPlainText("She wants it to stop and does not want her mum told. " * 5)
    QApplication.processEvents()
    wizard.grab()  # drawn once, as on a screen: a box wraps its long lines when drawn, and grows
    QApplication.processEvents()
    decision.danger.moveCursor(QTextCursor.MoveOperation.End)  # a box is scrolled to by its cursor: its last line
    bring_into_view(decision.scroller, decision.danger)
    screenshot(wizard, "screening_decision_longer_answers")
    for edit in (decision.danger, decision.childs_wishes):
        assert edit.height() > two_lines
        assert edit.verticalScrollBar().maximum() == 0, f"{edit.objectName()}: its text is not all shown"
    decision.goal.setPlainText("\n".join(f"Line {n}" for n in range(1, 41)))
    QApplication.processEvents()
    assert 7 <= lines_inside(decision.goal) <= 8.5, "a very long answer stops growing and scrolls in its box"
    assert decision.goal.verticalScrollBar().maximum() > 0
    assert cut_short(decision) == []
