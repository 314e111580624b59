"""The dashboard holds its shape in the window a DSL actually gets (found in a real window at 1366×768: every list was
squeezed to one visible row and a long heading ran into its table).

The main window opens at most 1100×760 on a 1366×768 screen and the side bar takes its share, so the dashboard page
has about 880×680; at 150% it has the same room for larger text. Each list must then show several whole rows, each
heading must have the height its wrapped text needs and sit above its list, and what does not fit scrolls.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.services import demo
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import open_session  # noqa: F401
from tests.ui.page_host import PAGE_AREA, zoomed
from tests.ui.test_dashboard import Host

pytestmark = pytest.mark.gui

ROWS_SEEN = 4  # whole rows each list shows without scrolling the list itself


def _whole_rows(table: Any) -> int:
    rows = table.model().rowCount()
    height = table.viewport().height()
    seen = 0
    for row in range(rows):
        top = table.rowViewportPosition(row)
        if top >= 0 and top + table.rowHeight(row) <= height:
            seen += 1
    return seen


def _in(widget: QWidget, ancestor: QWidget) -> Any:
    return widget.mapTo(ancestor, widget.rect().topLeft()), widget.height()


def _heading_fits(label: QLabel) -> bool:
    return label.height() >= label.heightForWidth(label.width())


@pytest.mark.parametrize("zoom", [100, 150])
def test_every_list_shows_several_rows_and_every_heading_its_whole_text(
    qtbot: Any,
    screenshot: Any,
    open_session: VaultSession,
    zoom: int,
) -> None:
    demo.fill_demo_data(open_session, children=14, concerns=60, seed=4)
    with zoomed(zoom):
        host = Host(open_session)
        host.resize(*PAGE_AREA)
        qtbot.addWidget(host)
        page = host.show_dashboard()
        host.show()
        qtbot.waitExposed(host)
        qtbot.wait(50)  # the layout settles after the first show
        screenshot(host, f"dashboard_default_window_{zoom}")
        panels = [page.awaiting, page.confirmations, page.reviews, page.high_risk, page.actions_due, page.missing]
        filled = [p for p in panels if p.list.isVisible()]
        assert len(filled) >= 5, "the demo vault fills the dashboard's lists"
        for panel in filled:
            title = panel.heading.text()
            wanted = min(ROWS_SEEN, panel.list.model().rowCount())
            assert _whole_rows(panel.list) >= wanted, f"{title}: fewer than {wanted} whole rows can be seen"
            assert _heading_fits(panel.heading), f"{title}: the heading is cut short"
            (heading_at, heading_height), (list_at, _h) = _in(panel.heading, panel), _in(panel.list, panel)
            assert heading_at.y() + heading_height <= list_at.y(), f"{title}: the heading runs into its list"
        # what does not fit in the window scrolls, and the last panel can be reached
        area = page.scroll_area
        bar = area.verticalScrollBar()
        bar.setValue(bar.maximum())
        qtbot.wait(20)
        bottom = page.missing.mapTo(area.viewport(), page.missing.rect().bottomLeft()).y()
        assert bottom <= area.viewport().height(), "the last panel cannot be scrolled into view"
