"""The "Why" panel beside the screening (issue 16): readable at 150% on 1366×768, the routes in sight without
scrolling, the pages beside it not cut off, and plain wording (no lists of every sign ticked, no "1 minutes")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from desktop_app.domain.enums import AnswerStatus, Basis, When
from desktop_app.ui.appearance import apply_zoom
from tests.ui.screening.test_screening_wizard import child, concern, go_next, make_wizard

pytestmark = pytest.mark.gui


@pytest.fixture(params=[100, 150])
def zoom(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[int]:
    apply_zoom(qapp, request.param)
    yield request.param
    apply_zoom(qapp, 100)


def in_view(widget: Any, viewport: Any) -> bool:
    shown = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return QRect(QPoint(0, 0), viewport.size()).contains(shown)


def test_the_routes_stay_in_sight_beside_a_wordy_suggestion(qtbot: Any, screenshot: Any, zoom: int) -> None:
    wizard, _saver = make_wizard(qtbot, child(age_years=12, learning_disability=True), concern(danger=True))
    available = wizard.screen().availableGeometry()
    assert available.contains(wizard.frameGeometry())
    go_next(qtbot, wizard)
    for page in wizard.section_pages.values():  # every item yes: the longest "Why" there can be
        for row in page.rows.values():
            row.choose(AnswerStatus.YES, When.CURRENT, Basis.OBSERVED)
        if wizard.currentPage() is page:
            screenshot(wizard, f"why_panel_{page.section_id}")
            break
    QApplication.processEvents()
    panel = wizard.side_scroll
    assert panel.verticalScrollBar().value() == 0
    assert wizard.routes_label.text() and "999" in wizard.routes_label.text()
    assert in_view(wizard.routes_label, panel.viewport()), "the routes are below the fold"
    assert in_view(wizard.side, panel.viewport())  # the level too
    why = wizard.why.text()
    assert "“" not in why  # the signs are on the pages; the panel does not list them again
    page = wizard.currentPage()
    assert page.width() >= page.minimumSizeHint().width()  # the page beside it is not cut off
    assert wizard.rect().contains(QRect(page.mapTo(wizard, QPoint(0, 0)), page.size()))
    assert panel.width() >= wizard.fontMetrics().averageCharWidth() * 28  # not a narrow column at any zoom
    screenshot(wizard, "why_panel_every_sign")


def test_one_minute_and_one_year_are_singular(qtbot: Any, qapp: QApplication) -> None:
    from desktop_app.ui.settings.autolock import AutoLockSection

    section = AutoLockSection(None)
    qtbot.addWidget(section)
    section.minutes.setValue(1)
    assert section.minutes.text() == "1 minute"
    assert "after 1 minute without" in section.saved.text()
    section.minutes.setValue(5)
    assert section.minutes.text() == "5 minutes"
    wizard, _saver = make_wizard(qtbot, child(age_years=14), concern())
    wizard.facts_page.age.setValue(1)
    assert wizard.facts_page.age.text() == "1 year"
    wizard.facts_page.age.setValue(14)
    assert wizard.facts_page.age.text() == "14 years"
