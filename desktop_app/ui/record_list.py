"""A read-only list of records for any screen: Enter or a double-click opens the row's record, Ctrl+Enter its child."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_app.services import casework
from desktop_app.ui.models import RecordsModel
from desktop_app.ui.referrals import short_date


def day(moment: datetime) -> str:
    """The local date of a moment, without the time: the lists are read at a glance."""
    return short_date(casework.local(moment).date())


class RecordList(QTableView):
    """A read-only list whose rows open a record with Enter or a double-click; Ctrl+Enter (or the right-click
    menu) opens the file of the row's child."""

    open_requested = Signal(object)
    child_requested = Signal(object)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.doubleClicked.connect(self._open_index)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.child_action = QAction("Open the child's file", self)
        self.child_action.setShortcut("Ctrl+Return")
        self.child_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.child_action.triggered.connect(self._open_child)
        self.addAction(self.child_action)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._open_child()
            else:
                self._open_index(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _open_child(self) -> None:
        model = self.model()
        if isinstance(model, RecordsModel) and self.currentIndex().isValid():
            self.child_requested.emit(model.record(self.currentIndex().row()))

    def _open_index(self, index: QModelIndex) -> None:
        model = self.model()
        if isinstance(model, RecordsModel) and index.isValid():
            self.open_requested.emit(model.record(index.row()))
