"""A dashboard panel: a titled list with its count and a line saying what to do when it is empty."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop_app.ui.a11y import name_list
from desktop_app.ui.labels import set_tone
from desktop_app.ui.models import RecordsModel
from desktop_app.ui.record_list import RecordList


class Panel(QFrame):
    """A titled list with its count and a line saying what to do when it is empty.

    The list keeps room for ``ROWS`` whole rows, at any zoom: a window too small for every panel scrolls (the
    dashboard is in a scroll area) rather than squeezing each list to a single row."""

    ROWS = 4

    def __init__(self, title: str, empty: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"panel_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._title = title
        self._empty_text = empty
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)  # long headings wrap at 150% zoom rather than widen the window off the screen
        layout.addWidget(self.heading)
        self.list = RecordList(name, self)
        name_list(self.list, title)
        layout.addWidget(self.list, 1)
        self.empty = QLabel(empty, self)
        set_tone(self.empty, "muted")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self._keep_room_for_rows()

    def _keep_room_for_rows(self) -> None:
        table = self.list
        row = max(table.verticalHeader().defaultSectionSize(), table.fontMetrics().height() + 8)
        header = table.horizontalHeader().sizeHint().height()
        scroll_bar = table.horizontalScrollBar().sizeHint().height()
        table.setMinimumHeight(header + self.ROWS * row + scroll_bar + 2 * table.frameWidth())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):  # zoomed: larger rows need more room
            self.list.verticalHeader().resetDefaultSectionSize()
            self._keep_room_for_rows()

    def show_model(self, model: RecordsModel, total: int | None = None, extra: str = "") -> None:
        self.list.setModel(model)
        shown = model.rowCount()
        count = total if total is not None else (f"{shown}+" if model.has_more() else shown)
        self.heading.setText(f"<b>{html.escape(self._title)}</b> ({count}){extra}")
        self.empty.setVisible(shown == 0)
        self.list.setVisible(shown > 0)
