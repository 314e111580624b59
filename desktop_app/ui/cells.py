"""How narrow a table's column may be before a cell is cut short ("Fairweat…"): measured by the table's own delegate,
as it paints, at the present font (so at any zoom)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView


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
