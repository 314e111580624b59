"""Choosing a child on file by typing part of their name (used to link a child and to choose children to share)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_app.services.child import connections
from desktop_app.ui.a11y import name_list

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession


class ChildPicker(QWidget):
    """A search box and the children it finds; ``chosen(child_id, name)`` on Enter or a double-click."""

    chosen = Signal(int, str)

    def __init__(self, session: VaultSession, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(self)
        self.search.setObjectName("child_search")
        self.search.setPlaceholderText("Type part of a name, e.g. 'bryn cas'")
        self.search.setAccessibleName(label)
        self.search.setMaxLength(200)
        self.search.textChanged.connect(self._find)
        layout.addWidget(self.search)
        self.results = QListWidget(self)
        self.results.setObjectName("child_results")
        name_list(self.results, "Children found")
        self.results.setMaximumHeight(160)
        self.results.itemActivated.connect(self._activate)
        layout.addWidget(self.results)

    def _find(self, text: str) -> None:
        self.results.clear()
        for child in connections.find_children(self.session, text):
            item = QListWidgetItem(child.name, self.results)
            item.setData(Qt.ItemDataRole.UserRole, child.child_id)
        if self.results.count():
            self.results.setCurrentRow(0)

    def current(self) -> tuple[int, str] | None:
        item = self.results.currentItem()
        return None if item is None else (int(item.data(Qt.ItemDataRole.UserRole)), item.text())

    def _activate(self, item: QListWidgetItem) -> None:
        self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)), item.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and self.search.hasFocus() and self.results.count():
            self.results.setFocus()
            return
        super().keyPressEvent(event)
