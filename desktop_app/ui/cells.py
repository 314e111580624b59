"""How narrow a table's column may be before a cell is cut short ("Fairweat…"): measured by the table's own delegate,
as it paints, at the present font (so at any zoom)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QStyleOptionViewItem, QTableView

from desktop_app.ui.models import Column


def narrowest(table: QTableView, column: int) -> int:
    """The least width showing every cell of ``column`` whole. In a table that wraps its text that is its longest
    unbreakable part ("Montgomery-", "WM-2026-00061") and the cell's margins; in one that does not, its longest text;
    and the grid line the view draws inside the column."""
    return used_at(table, column, 1)  # as narrow as can be: each line holds one unbreakable part


def used_at(table: QTableView, column: int, width: int) -> int:
    """The width the cells of ``column`` use when it is ``width`` wide and the table wraps its text: its longest
    line, which may be less than ``width`` (a date wraps to "03 Dec / 2026 / 13:15" at any width between its longest
    part and the whole date), or more when a word is longer than ``width``."""
    model = table.model()
    if model is None:
        return 0
    grid = 1 if table.showGrid() else 0
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    option.rect = QRect(0, 0, max(1, width - grid), 1)
    widest = 0
    for row in range(model.rowCount()):
        index = model.index(row, column)
        if model.data(index):
            widest = max(widest, table.itemDelegateForIndex(index).sizeHint(option, index).width())
    return widest + grid if widest else 0


def height_at(table: QTableView, row: int, column: int, width: int) -> int:
    """The height a cell's text takes when its column is ``width`` wide (the table wrapping its text), with the grid
    line below it."""
    model = table.model()
    index = model.index(row, column) if model is not None else None
    if index is None or not model.data(index):
        return 0
    grid = 1 if table.showGrid() else 0
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    option.rect = QRect(0, 0, max(1, width - grid), 1)
    return table.itemDelegateForIndex(index).sizeHint(option, index).height() + grid


def on_two_lines(title: str) -> str:
    """A heading of several words on two lines, split where the longer line is shortest: a column then needs only
    the width of its longer line to show the whole heading ("Action and / outcome", "Recorded / by")."""
    words = title.split()
    if len(words) < 2:
        return title
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    first, second = min(splits, key=lambda pair: max(len(pair[0]), len(pair[1])))
    return f"{first}\n{second}"


def headed(columns: list[Column]) -> list[Column]:
    """``columns`` with headings of several words on two lines (``on_two_lines``)."""
    return [replace(column, title=on_two_lines(column.title)) for column in columns]


def heading_width(table: QTableView, column: int) -> int:
    """The width that shows a column's heading whole: its longer line and the header's margins (no sorting, so no
    room for an arrow)."""
    header = table.horizontalHeader()
    model = table.model()
    title = str(model.headerData(column, Qt.Orientation.Horizontal)) if model is not None else ""
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    return max(header.fontMetrics().horizontalAdvance(line) for line in title.split("\n")) + 2 * margin + 4


def share_width(table: QTableView, columns: list[int], spare_to: int | None = None) -> None:
    """Fit ``columns`` into the table's width, its text wrapping, as a web page lays out a table: each column at least
    as wide as its longest word and its heading, at most as wide as its longest text on one line, and the room between
    shared in proportion to what each still lacks; room left over goes to ``spare_to`` (else the column with the most
    to say). Rows then
    take the height their text needs. (When even the least is wider than the table, it scrolls sideways.)"""
    least = {c: max(narrowest(table, c), heading_width(table, c)) for c in columns}
    most = {c: max(least[c], used_at(table, c, 1_000_000)) for c in columns}
    spare = table.viewport().width() - sum(least.values())
    lacking = sum(most[c] - least[c] for c in columns)
    if spare >= lacking:
        widths = dict(most)
    else:  # some room to share (or none: each at its least)
        widths = {c: least[c] + (max(0, spare) * (most[c] - least[c]) // lacking if lacking else 0) for c in columns}
    if columns and spare > lacking:
        fullest = spare_to if spare_to in widths else max(columns, key=lambda c: most[c])
        widths[fullest] += spare - lacking
    for column, width in widths.items():
        table.setColumnWidth(column, width)
    table.resizeRowsToContents()


class SharedWidths(QObject):
    """Keeps a table's text whole at any window size and zoom: its text wraps, its columns are shared out by
    ``share_width`` each time its place changes size (and after ``fit`` with a new model), its rows take the height
    their text needs, and it scrolls down (a pixel at a time, so a tall row is read whole), never sideways."""

    def __init__(self, table: QTableView, spare_to: str | None = None) -> None:
        super().__init__(table)
        self.table = table
        self.spare_to = spare_to  # the heading of the column given the room to spare
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._viewport = table.viewport()
        self._viewport.installEventFilter(self)

    def fit(self) -> None:
        model = self.table.model()
        if model is None:
            return
        shown = [c for c in range(model.columnCount()) if not self.table.isColumnHidden(c)]
        titles = {str(model.headerData(c, Qt.Orientation.Horizontal)): c for c in shown}
        share_width(self.table, shown, spare_to=titles.get(self.spare_to or ""))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self.fit()  # the columns follow the window; rows take the height their text needs
        return False
