"""A child's chronology is readable in the window a DSL gets (found in a real 1366×768 window: "What happened" and
"Action and outcome" were squeezed to a few letters, one word per line, while the reference and "Recorded by"
columns took the width)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView
from sqlalchemy import text

from desktop_app.services import demo
from desktop_app.services.intake import import_items as intake_import
from desktop_app.services.vault import VaultSession
from desktop_app.ui.child.chronology_view import columns
from desktop_app.ui.child.file import ChildFilePage
from tests.fixtures_vault import open_session  # noqa: F401
from tests.ui.page_host import shown_in_page_area, zoomed
from tests.ui.table_text import cut_cells
from tests.ui.test_dashboard import staff_concern

pytestmark = pytest.mark.gui

WHAT_HAPPENED, ACTION_AND_OUTCOME, RECORDED_BY = 2, 3, 5


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
    with zoomed(zoom):
        _check_the_chronology(qtbot, open_session, screenshot, zoom)


def _chronology_shown(qtbot: Any, open_session: VaultSession, child_id: int) -> tuple[Any, QTableView]:
    """The child's file in the page area, opened at its chronology: (host, the chronology's table)."""
    host, file = shown_in_page_area(qtbot, open_session, lambda h: ChildFilePage(open_session, child_id, host=h))
    file.show_section("chronology")
    qtbot.wait(50)
    return host, file.section("chronology").table


def _check_the_chronology(qtbot: Any, open_session: VaultSession, screenshot: Any, zoom: int) -> None:
    host, table = _chronology_shown(qtbot, open_session, busiest_child(open_session))
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
    tallest = max(table.rowHeight(r) for r in range(table.model().rowCount()))
    ten = lines_tall(table, 10)
    assert tallest <= ten, f"a row is {tallest} px tall, more than ten lines ({ten} px)"


def lines_tall(table: Any, lines: int) -> int:
    """The height of a row of ``lines`` lines of text as the table lays out a cell (a laid-out line is a little taller
    than the font's line spacing) with the grid line below it."""
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    option.text = "\u2028".join(["Line"] * lines)  # a line separator: one line each
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    option.rect = QRect(0, 0, 10_000, 1)
    return table.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), table).height() + 1


@pytest.mark.parametrize("zoom", [100, 150])
def test_every_heading_is_readable_in_full(qtbot: Any, open_session: VaultSession, screenshot: Any, zoom: int) -> None:
    """Found at 150% in a real 1366×768 window: "Action and outcome" was clipped and "Recorded by" cut to "Recor…"."""
    demo.fill_demo_data(open_session, children=14, concerns=60, seed=4)
    with zoomed(zoom):
        host, table = _chronology_shown(qtbot, open_session, busiest_child(open_session))
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


LONG_NAME = "Mrs Alexandra Montgomery-Smythe"


@pytest.mark.parametrize("zoom", [100, 150])
def test_who_recorded_each_entry_is_readable_in_full(
    qtbot: Any, open_session: VaultSession, screenshot: Any, zoom: int
) -> None:
    """Found at 150% (issue 16): a long "Recorded by" cell lost its last letters ("Fairweat…"); a DSL must be able
    to read who recorded each entry. No cell of the chronology is cut short, the long name's included."""
    demo.fill_demo_data(open_session, children=14, concerns=60, seed=4)
    child_id = busiest_child(open_session)
    draft = replace(
        staff_concern("Ignored", "Ignored"),
        child=None,
        existing_child_id=child_id,
        recorder_name=LONG_NAME,
        recorder_role="Deputy DSL",
    )
    intake_import.submit_in_app(open_session, draft)
    with zoomed(zoom):
        host, table = _chronology_shown(qtbot, open_session, child_id)
        screenshot(host, f"child_chronology_recorded_by_{zoom}")
        model = table.model()
        recorded_by = [str(model.data(model.index(r, RECORDED_BY))) for r in range(model.rowCount())]
        assert any(LONG_NAME in who for who in recorded_by), "the long name is in the chronology"
        cut = cut_cells(table)
        assert not cut, "\n".join(cut)
