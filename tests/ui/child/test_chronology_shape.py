"""A child's chronology is readable in the window a DSL gets (found in a real 1366×768 window: "What happened" and
"Action and outcome" were squeezed to a few letters, one word per line, while the reference and "Recorded by"
columns took the width)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle
from sqlalchemy import text

from desktop_app.services import demo
from desktop_app.services.vault import VaultSession
from desktop_app.ui.app import apply_zoom
from desktop_app.ui.child.chronology_view import columns
from desktop_app.ui.child.file import ChildFilePage
from tests.fixtures_vault import open_session  # noqa: F401
from tests.ui.test_dashboard import Host
from tests.ui.test_dashboard_shape import PAGE_AREA

pytestmark = pytest.mark.gui

WHAT_HAPPENED, ACTION_AND_OUTCOME = 2, 3


def busiest_child(session: VaultSession) -> int:
    with session.uow() as uow:
        row = uow.session.execute(
            text("SELECT child_id FROM concerns GROUP BY child_id ORDER BY count(*) DESC, child_id LIMIT 1")
        ).first()
    assert row is not None
    return int(row[0])


@pytest.mark.parametrize("zoom", [100, 150])
def test_what_happened_has_the_room_and_no_row_is_a_column_of_single_words(
    qtbot: Any,
    open_session: VaultSession,
    screenshot: Any,
    zoom: int,
) -> None:
    demo.fill_demo_data(open_session, children=14, concerns=60, seed=4)
    apply_zoom(QApplication.instance(), zoom)
    try:
        _check_the_chronology(qtbot, open_session, screenshot, zoom)
    finally:
        apply_zoom(QApplication.instance(), 100)


def _check_the_chronology(qtbot: Any, open_session: VaultSession, screenshot: Any, zoom: int) -> None:
    host = Host(open_session)
    host.resize(*PAGE_AREA)
    qtbot.addWidget(host)
    file = ChildFilePage(open_session, busiest_child(open_session), host=host)
    host.show_page(file)
    host.show()
    qtbot.waitExposed(host)
    file.show_section("chronology")
    table = file.section("chronology").table
    qtbot.wait(50)
    screenshot(host, f"child_chronology_default_window_{zoom}")
    assert table.model().rowCount() > 5
    widths = [table.columnWidth(c) for c in range(table.model().columnCount())]
    viewport = table.viewport().width()
    assert widths[WHAT_HAPPENED] >= 0.25 * viewport, f"'What happened' is {widths[WHAT_HAPPENED]} of {viewport} px"
    assert widths[ACTION_AND_OUTCOME] >= 0.12 * viewport, f"'Action and outcome' is {widths[ACTION_AND_OUTCOME]} px"
    assert widths[WHAT_HAPPENED] == max(widths), f"another column is wider than 'What happened': {widths}"
    model = table.model()
    references = [model.data(model.index(r, 4)) for r in range(model.rowCount()) if model.data(model.index(r, 4))]
    widest = max(table.fontMetrics().horizontalAdvance(word) for ref in references for word in ref.split())
    assert widths[4] >= widest, "a reference is cut short (it may wrap between its parts, never within one)"
    line = table.fontMetrics().lineSpacing()
    tallest = max(table.rowHeight(r) for r in range(table.model().rowCount()))
    assert tallest <= 10 * line, f"a row is {tallest // line} lines tall"


@pytest.mark.parametrize("zoom", [100, 150])
def test_every_heading_is_readable_in_full(qtbot: Any, open_session: VaultSession, screenshot: Any, zoom: int) -> None:
    """Found at 150% in a real 1366×768 window: "Action and outcome" was clipped and "Recorded by" cut to "Recor…"."""
    demo.fill_demo_data(open_session, children=14, concerns=60, seed=4)
    apply_zoom(QApplication.instance(), zoom)
    try:
        host = Host(open_session)
        host.resize(*PAGE_AREA)
        qtbot.addWidget(host)
        file = ChildFilePage(open_session, busiest_child(open_session), host=host)
        host.show_page(file)
        host.show()
        qtbot.waitExposed(host)
        file.show_section("chronology")
        table = file.section("chronology").table
        qtbot.wait(50)
        header = table.horizontalHeader()
        model = table.model()
        metrics = header.fontMetrics()
        padding = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
            lines = title.split("\n")
            widest = max(metrics.horizontalAdvance(line) for line in lines)
            assert header.sectionSize(column) >= widest + padding, f"{title!r} is cut short"
            assert header.height() >= len(lines) * metrics.lineSpacing(), f"{title!r} is cut off below"
            assert " ".join(lines) == columns()[column].title  # the same words, only wrapped
        screenshot(host, f"child_chronology_headings_{zoom}")
    finally:
        apply_zoom(QApplication.instance(), 100)
