"""A screening section refused at 150% keeps its top line whole (found in a real 1366×768 window: "2 items still need an
answer — shown in red." pushed the page wider than its place, cutting the sentence and the "Mark unanswered items 'Not
known'" button at both ends)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.screening.test_decision_shape import zoom  # noqa: F401 - fixture
from tests.ui.screening.test_screening_wizard import child, concern, go_next, make_wizard


def test_a_refused_sections_sentence_and_button_are_whole(qtbot: Any, screenshot: Any, zoom: int) -> None:
    wizard, _saver = make_wizard(
        qtbot, child(), concern(signs=("missing_or_found_out_of_area", "unexplained_money_or_goods"))
    )
    go_next(qtbot, wizard)  # past the facts
    page = wizard.currentPage()
    while not any(row.answer() is not None for row in page.rows.values()):  # to the signs the staff ticked
        qtbot.mouseClick(page.rest_not_known, Qt.MouseButton.LeftButton)
        go_next(qtbot, wizard)
        page = wizard.currentPage()
    qtbot.mouseClick(page.rest_not_known, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    list_at = page.scroller.mapTo(page, QPoint(0, 0))
    qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert wizard.currentPage() is page, "refused: a sign ticked by the staff is still to confirm"
    assert "still need" in page.summary.text()
    screenshot(wizard, "screening_section_refused")
    assert page.scroller.mapTo(page, QPoint(0, 0)) == list_at, "the list of items moved when the sentence came"
    summary, button = page.summary, page.rest_not_known
    assert button.width() >= button.sizeHint().width(), "the button's words are cut"
    assert summary.height() >= summary.heightForWidth(summary.width()) if summary.wordWrap() else True
    assert summary.width() >= summary.sizeHint().width() or summary.wordWrap(), "the sentence is cut"
    for widget in (summary, button):  # within the page, not past its right edge
        right = widget.mapTo(page, QPoint(widget.width(), 0)).x()
        assert widget.mapTo(page, QPoint(0, 0)).x() >= 0 and right <= page.width(), widget.objectName()
