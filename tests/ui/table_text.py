"""Is every cell of a table readable in full? A cell's text is elided ("Fairweat…") when what the view's delegate
needs for it, laid out at the column's width, is wider than the cell or taller than it: the same measure the view
paints with (a word longer than the column overflows its line and is cut; a last line below the row is cut). A cell is
its column's width and row's height less the grid line the view draws along its right and bottom edges."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView


def cut_cells(table: QTableView) -> list[str]:
    """Each visible cell whose text the view would cut short, described for a failing test's message."""
    model = table.model()
    cut: list[str] = []
    grid = 1 if table.showGrid() else 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            if table.isColumnHidden(column) or table.isRowHidden(row):
                continue
            index = model.index(row, column)
            text = model.data(index)
            if not text:
                continue
            width, height = table.columnWidth(column) - grid, table.rowHeight(row) - grid
            option = QStyleOptionViewItem()
            table.initViewItemOption(option)
            option.rect = QRect(0, 0, width, height)
            needed = table.itemDelegateForIndex(index).sizeHint(option, index)
            if needed.width() > width or needed.height() > height:
                cut.append(
                    f"row {row} column {column}: {text!r} needs {needed.width()}×{needed.height()} in {width}×{height}"
                )
    return cut
