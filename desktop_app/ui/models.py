"""Item models for the DSL's lists: rows fetched a page at a time, never a whole table in a widget."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

ModelIndex = QModelIndex | QPersistentModelIndex
Fetch = Callable[[int], Sequence[Any]]

ATTENTION_BACKGROUND = QColor("#fde2e1")
ATTENTION_FOREGROUND = QColor("#8a1c14")


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    text: Callable[[Any], str]
    align_right: bool = False


class RecordsModel(QAbstractTableModel):
    """Rows of plain records from ``fetch(limit)``; Qt asks for more (``fetchMore``) as the user scrolls.

    ``attention(record)`` marks rows that need action first (an overdue confirmation): they are tinted, and the
    columns say it in words too, so colour is never the only signal.
    """

    def __init__(
        self,
        columns: Sequence[Column],
        fetch: Fetch,
        page_size: int = 100,
        attention: Callable[[Any], bool] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch = fetch
        self._page_size = page_size
        self._attention = attention
        self._rows: list[Any] = []
        self._limit = 0
        self._exhausted = False
        self.reload()

    # --- loading ---------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._limit = self._page_size
        self._rows = list(self._fetch(self._limit))
        self._exhausted = len(self._rows) < self._limit
        self.endResetModel()

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        self._limit += self._page_size
        fresh = list(self._fetch(self._limit))
        self._exhausted = len(fresh) < self._limit
        extra = fresh[len(self._rows) :]
        if extra:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(extra) - 1)
            self._rows.extend(extra)
            self.endInsertRows()

    def has_more(self) -> bool:
        return not self._exhausted

    # --- reading ---------------------------------------------------------------------------------------------------
    def record(self, row: int) -> Any:
        return self._rows[row]

    def records(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            text = column.text(record)
            if role == Qt.ItemDataRole.DisplayRole and len(text) > 200:
                return text[:200] + "…"
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        needs_attention = self._attention is not None and self._attention(record)
        if needs_attention and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ATTENTION_BACKGROUND)
        if needs_attention and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ATTENTION_FOREGROUND)
        if needs_attention and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


class RecordEvents(QObject):
    """Says 'records changed' to every open list, wherever the change was made (a wizard, a dialog, another page)."""

    changed = Signal()


_events: RecordEvents | None = None


def record_events() -> RecordEvents:
    global _events
    if _events is None:
        _events = RecordEvents()
    return _events
