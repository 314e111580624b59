"""The staff wizard holds its shape (issue 16): a problem appears in room kept for it, and a refused page scrolls to
the first problem and puts the cursor there, even when it is a long account's sentence below the fold."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from desktop_app.services.concern.checks import MAX_TEXT
from desktop_app.services.concern.flow import Page
from desktop_app.ui.appearance import apply_zoom
from desktop_app.ui.concern import open_staff_wizard
from tests.ui.concern.helpers import press_next, type_text
from tests.ui.concern.test_staff_wizard import vault  # noqa: F401 - fixture

pytestmark = pytest.mark.gui


@pytest.fixture(params=[100, 150])
def zoom(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[int]:
    apply_zoom(qapp, request.param)
    yield request.param
    apply_zoom(qapp, 100)


def on_screen(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def to_what_happened(wizard, qtbot) -> None:
    wizard.current_flow_page().danger.no.click()
    press_next(wizard)
    child = wizard.current_flow_page()
    type_text(child.first_name, "Mei")
    type_text(child.last_name, "Chen")
    type_text(child.dob, "14/03/2012")
    press_next(wizard)
    assert wizard.page_id() is Page.HAPPENED


def test_a_problem_appears_without_moving_the_button_under_it(
    qtbot,
    qapp,
    vault,
    asker,
    windows,
    screenshot,
    zoom: int,
) -> None:
    wizard = windows.add(open_staff_wizard(None, vault[0]))
    qtbot.waitExposed(wizard)
    to_what_happened(wizard, qtbot)
    page = wizard.current_flow_page()
    today = page.findChild(QPushButton, "date_today")
    type_text(page.date, "31/02/2026")
    QApplication.processEvents()
    before = on_screen(today), on_screen(page.time)
    press_next(wizard)  # refused: the date does not exist, the time and account are missing
    QApplication.processEvents()
    assert page.problem_text("happened.date")
    assert (on_screen(today), on_screen(page.time)) == before
    screenshot(wizard, "concern_wizard_problem_in_kept_room")


def test_a_too_long_account_scrolls_to_its_sentence_and_takes_the_cursor(
    qtbot,
    qapp,
    vault,
    asker,
    windows,
    screenshot,
    zoom: int,
) -> None:
    wizard = windows.add(open_staff_wizard(None, vault[0]))
    qtbot.waitExposed(wizard)
    to_what_happened(wizard, qtbot)
    page = wizard.current_flow_page()
    type_text(page.date, "01/12/2026")
    type_text(page.time, "10:15")
    page.account.setPlainText("He said he would come back. " * (MAX_TEXT // 28 + 2))
    page.words.setFocus()
    page.scroller.verticalScrollBar().setValue(0)
    press_next(wizard)
    QApplication.processEvents()
    assert wizard.page_id() is Page.HAPPENED
    sentence = page.slots["happened.account"].error
    assert "most it can hold" in sentence.text()
    assert wizard.focusWidget() is page.account
    viewport = page.scroller.viewport()
    seen = QRect(QPoint(0, 0), viewport.size())
    shown_at = QRect(sentence.mapTo(viewport, QPoint(0, 0)), sentence.size())
    assert seen.contains(shown_at), (shown_at, seen)  # the sentence, whole, in view
    field_at = QRect(page.account.mapTo(viewport, QPoint(0, 0)), page.account.size())
    assert seen.intersects(field_at)  # and the box it is about
    screenshot(wizard, "concern_wizard_long_account_refused")
