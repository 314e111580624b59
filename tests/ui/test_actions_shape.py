"""A concern's actions are readable in the window a DSL gets (issue 16, found in a real 1366×768 window: "OVERDUE by
3…", "Arrange a mentor from the pastor…", "Deepak Ashworth (Librari…" cut short, and the list scrolled sideways)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from desktop_app.services import demo
from desktop_app.services.actions.add import NewAction, add_action
from desktop_app.services.vault import VaultSession
from desktop_app.ui.concern_view import ConcernView
from tests.fixtures_vault import open_session  # noqa: F401
from tests.ui.page_host import PAGE_AREA, cut_headings, shown_in_page_area, zoomed
from tests.ui.table_text import cut_cells

pytestmark = pytest.mark.gui


def concern_with_an_overdue_action(session: VaultSession) -> int:
    """The demo concern with the most actions, one of them overdue ("OVERDUE by 3 days")."""
    with session.uow() as uow:
        row = uow.session.execute(
            text(
                "SELECT concern_id FROM action_state GROUP BY concern_id "
                "HAVING sum(CASE WHEN is_open AND due < :today THEN 1 ELSE 0 END) > 0 "
                "ORDER BY count(*) DESC, concern_id LIMIT 1"
            ),
            {"today": date.today().isoformat()},
        ).first()
    assert row is not None, "the demo has an overdue action"
    return int(row[0])


@pytest.mark.parametrize("zoom", [100, 150])
def test_every_action_is_read_in_full_without_scrolling_sideways(
    qtbot: Any, open_session: VaultSession, screenshot: Any, zoom: int
) -> None:
    demo.fill_demo_data(open_session, children=14, concerns=60, seed=4)
    concern_id = concern_with_an_overdue_action(open_session)
    # someone with a long job title, and an action of several lines' worth
    add_action(
        open_session,
        concern_id,
        NewAction(
            "Arrange a mentor from the pastoral team and tell the child's form tutor who it is and when they meet",
            date.today() + timedelta(days=5),
            None,
            "Deepak Ashworth-Montgomery",
            "Librarian and Year 8 pastoral lead",
        ),
    )
    with zoomed(zoom):
        host, view = shown_in_page_area(qtbot, open_session, lambda h: ConcernView(open_session, concern_id, host=h))
        table = view.actions_section.table
        screenshot(host, f"concern_actions_{zoom}")
        model = table.model()
        shown = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
        texts = {str(model.data(model.index(r, c))) for r in range(model.rowCount()) for c in shown}
        assert any(t.startswith("OVERDUE by") for t in texts), texts
        assert any("Librarian and Year 8 pastoral lead" in t for t in texts), texts
        cut = cut_cells(table)
        assert not cut, "\n".join(cut)
        headings = cut_headings(table)
        assert not headings, "\n".join(headings)
        header = table.horizontalHeader()
        assert header.length() <= table.viewport().width(), "the actions are wider than their place: sideways scroll"
        assert not table.horizontalScrollBar().isVisible()
        # the DSL drags the split up to read the actions: every row whole, still nothing cut
        total = sum(view.splitter.sizes())
        view.splitter.setSizes([total // 8, total // 8, total - 2 * (total // 8)])
        qtbot.wait(50)
        screenshot(host, f"concern_actions_split_{zoom}")
        assert not cut_cells(table), "\n".join(cut_cells(table))
        assert header.length() <= table.viewport().width()
        # the window made narrower and wider again: the columns follow it and nothing is cut
        host.resize(PAGE_AREA[0] - 120, PAGE_AREA[1])
        qtbot.wait(50)
        assert not cut_cells(table), "\n".join(cut_cells(table))
        assert header.length() <= table.viewport().width()
