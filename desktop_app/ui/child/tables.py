"""A small editable table of people (parents and carers, household, agencies), usable by keyboard alone:
arrows move, typing or F2 edits a cell, Space ticks a yes/no cell; "Add a row" and "Remove the row" beside it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.a11y import name_list


@dataclass(frozen=True, slots=True)
class TableColumn:
    key: str
    title: str
    check: bool = False  # a yes/no tick instead of text
    width: int = 0


class PeopleTable(QWidget):
    def __init__(
        self, name: str, spoken: str, columns: list[TableColumn], add_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(columns), self)
        self.table.setObjectName(name)
        name_list(self.table, spoken)
        self.table.setHorizontalHeaderLabels([c.title for c in columns])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for index, column in enumerate(columns):
            self.table.setColumnWidth(index, column.width or (90 if column.check else 140))
        self.table.setMinimumHeight(110)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(add_text, self)
        self.add_button.setObjectName(f"{name}_add")
        self.add_button.setAccessibleName(f"{add_text} to {spoken.lower()}")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton("Remove the selected row", self)
        self.remove_button.setObjectName(f"{name}_remove")
        self.remove_button.setAccessibleName(f"Remove the selected row of {spoken.lower()}")
        self.remove_button.clicked.connect(self.remove_row)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)

    def add_row(self, values: dict[str, object] | None = None) -> int:
        values = values or {}
        index = self.table.rowCount()
        self.table.insertRow(index)
        for column_index, column in enumerate(self.columns):
            item = QTableWidgetItem()
            if column.check:
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                item.setFlags(flags)
                item.setCheckState(Qt.CheckState.Checked if values.get(column.key) else Qt.CheckState.Unchecked)
                item.setData(
                    Qt.ItemDataRole.AccessibleTextRole, f"{column.title}: {'yes' if values.get(column.key) else 'no'}"
                )
            else:
                item.setText(str(values.get(column.key) or ""))
            self.table.setItem(index, column_index, item)
        if not values:
            self.table.setCurrentCell(index, 0)
            self.table.setFocus()
        return index

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def rows(self) -> list[dict[str, object]]:
        """Each row as {key: text or bool}; rows left wholly empty are dropped."""
        out: list[dict[str, object]] = []
        for r in range(self.table.rowCount()):
            values: dict[str, object] = {}
            for c, column in enumerate(self.columns):
                item = self.table.item(r, c)
                if column.check:
                    values[column.key] = item is not None and item.checkState() == Qt.CheckState.Checked
                else:
                    values[column.key] = item.text().strip() if item is not None else ""
            if any(isinstance(v, str) and v for v in values.values()):
                out.append(values)
        return out
