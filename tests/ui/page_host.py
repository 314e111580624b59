"""A page shown as the DSL first sees it: in the main window's page area at its default size on a 1366×768 screen,
at a zoom; and a table's headings measured the way the header paints them. For the shape tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle, QTableView, QWidget

from desktop_app.services.vault import VaultSession
from desktop_app.ui.app import apply_zoom
from tests.ui.test_dashboard import Host

PAGE_AREA = (880, 680)  # the page's share of the main window at its default size on a 1366×768 screen
Page = TypeVar("Page", bound=QWidget)


@contextmanager
def zoomed(percent: int) -> Iterator[None]:
    """The whole interface at ``percent`` (as View → Make everything larger), back to 100% afterwards."""
    apply_zoom(QApplication.instance(), percent)
    try:
        yield
    finally:
        apply_zoom(QApplication.instance(), 100)


def shown_in_page_area(qtbot: Any, session: VaultSession, make: Callable[[Host], Page]) -> tuple[Host, Page]:
    """``make(host)``'s page shown in a host the size of the page area, exposed and laid out."""
    host = Host(session)
    host.resize(*PAGE_AREA)
    qtbot.addWidget(host)
    page = make(host)
    host.show_page(page)
    host.show()
    qtbot.waitExposed(host)
    qtbot.wait(50)  # the layout settles after the first show
    return host, page


def cut_headings(table: QTableView) -> list[str]:
    """Each shown column whose heading (any of its lines) is wider than its section, for a failing test's message."""
    header = table.horizontalHeader()
    model = table.model()
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    cut = []
    for column in range(model.columnCount()):
        if table.isColumnHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        widest = max(header.fontMetrics().horizontalAdvance(line) for line in title.split("\n"))
        if header.sectionSize(column) < widest + margin:
            cut.append(f"the heading {title!r} is cut short: {header.sectionSize(column)} px for {widest + margin}")
    return cut
