"""The side bar shown while the vault is unlocked: the search box (Ctrl+F) and the way round the app.

Its entries come from ``ui.navigation`` (data); an entry whose page is not built is not listed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_app.ui import navigation
from desktop_app.ui.a11y import name_list

KEY_ROLE = Qt.ItemDataRole.UserRole


class SearchBox(QLineEdit):
    """Enter searches; Down moves to the results (the host decides where they are)."""

    search = Signal(str)
    down = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_box")
        self.setPlaceholderText("Name or words")
        self.setAccessibleName("Search children and concerns")
        self.setAccessibleDescription("Type a name, a reference or words from a concern, then press Enter.")
        self.setClearButtonEnabled(True)
        self.returnPressed.connect(lambda: self.search.emit(self.text()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class _Entries(QListWidget):
    """Enter or Space opens the entry with the cursor; a click opens the entry clicked."""

    chosen = Signal(QListWidgetItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.currentItem():
            self.chosen.emit(self.currentItem())
            return
        super().keyPressEvent(event)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.sizeHintForColumn(0) + 2 * self.frameWidth() + 24
        return QSize(max(width, 150), hint.height())


class SideBar(QFrame):
    """``navigate(key)`` when an entry is chosen (click, Enter or Space); ``search(text)`` from the box."""

    navigate = Signal(str)
    search = Signal(str)
    to_results = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("side_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        heading = QLabel("Search (Ctrl+F)", self)
        self._heading = heading
        layout.addWidget(heading)
        self.search_box = SearchBox(self)
        heading.setBuddy(self.search_box)
        self.search_box.search.connect(self.search)
        self.search_box.down.connect(self.to_results)
        layout.addWidget(self.search_box)
        layout.addSpacing(8)
        self.entries = _Entries(self)
        self.entries.setObjectName("navigation")
        name_list(self.entries, "Go to")
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries.chosen.connect(self._chosen)
        self.entries.itemClicked.connect(self._chosen)
        layout.addWidget(self.entries, 1)
        self.reload()

    def reload(self) -> None:
        """List the destinations whose page exists (call again after ``navigation.register``)."""
        current = self.current_key()
        self.entries.clear()
        for entry in navigation.available():
            # The shortcut is in the tooltip and on the Help page, not the text: it would widen the bar at 150%
            # and squeeze the page beside it into sideways scrolling.
            item = QListWidgetItem(entry.title)
            item.setData(KEY_ROLE, entry.key)
            item.setToolTip(entry.description + (f" ({entry.shortcut})" if entry.shortcut else ""))
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, entry.description)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, entry.title)
            self.entries.addItem(item)
        if current:
            self.mark(current)
        self._keep_width()

    def _keep_width(self) -> None:
        """One width on every page: as wide as its longest entry needs at the present text size. Left to the layout,
        a page with a wide minimum (a child's file) squeezed it narrower, and every entry moved under the pointer."""
        layout = self.layout()
        if layout is None:
            return
        margins = layout.contentsMargins()
        entries = self.entries
        inner = max(
            entries.sizeHintForColumn(0) + 2 * entries.frameWidth() + entries.spacing() * 2 + 8,  # whole, no more
            self._heading.sizeHint().width(),
            self.search_box.minimumSizeHint().width(),
        )
        self.setFixedWidth(inner + margins.left() + margins.right() + 2 * self.frameWidth())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(self, "_heading"):
            self._keep_width()  # the text size changed: the width follows it

    def entry_keys(self) -> list[str]:
        return [str(self.entries.item(i).data(KEY_ROLE)) for i in range(self.entries.count())]

    def current_key(self) -> str:
        item = self.entries.currentItem()
        return str(item.data(KEY_ROLE)) if item is not None else ""

    def mark(self, key: str) -> None:
        """Show ``key`` as where the user is, without navigating: highlighted, and told to a screen reader as the
        selected entry. An empty or unknown key (a page under no entry) leaves no entry highlighted."""
        self.entries.blockSignals(True)
        try:
            self.entries.clearSelection()
            self.entries.setCurrentRow(-1)
            for i in range(self.entries.count()):
                item = self.entries.item(i)
                if item.data(KEY_ROLE) == key:
                    self.entries.setCurrentItem(item)
                    break
        finally:
            self.entries.blockSignals(False)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.navigate.emit(str(item.data(KEY_ROLE)))
