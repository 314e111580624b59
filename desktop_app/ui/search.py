"""Search results: children and concerns matching what was typed in the side bar's box, opened by Enter.

Children come first (each with a date of birth or year group beside the name), then concerns, newest first.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.services.search import find
from desktop_app.ui.a11y import name_list
from desktop_app.ui.labels import set_tone
from desktop_app.ui.models import Column, RecordsModel
from desktop_app.ui.record_list import RecordList, day

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

PAGE = 50


class SearchPage(QWidget):
    """``results`` is the list (Enter or double-click opens a row); ``searched`` fires after each search."""

    searched = Signal()

    def __init__(self, session: VaultSession, host: Any, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_page")
        self.session = session
        self.host = host
        self.text = ""
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.results = RecordList("search_results", self)
        name_list(self.results, "Search results")
        self.results.open_requested.connect(self.open_hit)
        layout.addWidget(self.results, 1)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        set_tone(self.empty, "muted")
        layout.addWidget(self.empty)
        self.hint = QLabel("Up and down arrows choose a row; Enter opens it. Ctrl+F goes back to the search box.", self)
        self.hint.setWordWrap(True)
        set_tone(self.hint, "muted")
        layout.addWidget(self.hint)
        self.search(text)

    def _show(self, heading: str, fetch: Any, empty: str) -> None:
        model = RecordsModel(
            [
                Column("Found", lambda h: "Child" if h.kind == "child" else "Concern"),
                Column("Name", lambda h: h.title),
                Column("Recorded", lambda h: day(h.when) if h.when and h.kind == "concern" else ""),
                Column("What matched", lambda h: h.detail),
            ],
            fetch,
            PAGE,
            parent=self,
        )
        self.results.setModel(model)
        shown = model.rowCount()
        self.heading.setText(heading)
        self.empty.setText(empty)
        self.empty.setVisible(shown == 0)
        self.results.setVisible(shown > 0)
        if shown:
            self.results.selectRow(0)
        self.searched.emit()

    def search(self, text: str) -> None:
        self.text = text.strip()
        if not self.text:
            self._show(
                "<b>Search</b>",
                lambda limit: [],
                "Type a name, a reference or words from a concern in the search box, then press Enter.",
            )
            return
        typed = self.text
        self._show(
            f"<b>Results for “{html.escape(typed)}”</b>",
            lambda limit: find.find(self.session, typed, limit),
            f"Nothing matches “{typed}”. Try the first letters of a first or last name, or one word "
            "from what was recorded.",
        )

    def show_child(self, child_id: int) -> None:
        """A child's concerns, newest first (what a child opens to until the child's file page exists)."""
        self._show(
            "<b>Concerns about this child, newest first</b>",
            lambda limit: find.concerns_of_child(self.session, child_id, limit),
            "No concerns are recorded about this child.",
        )
        self.focus_results()

    def focus_results(self) -> None:
        if self.results.isVisible():
            self.results.setFocus()
            if not self.results.currentIndex().isValid():
                self.results.selectRow(0)

    def count(self) -> int:
        model = self.results.model()
        return model.rowCount() if model is not None else 0

    def hit(self, row: int) -> Any:
        model = self.results.model()
        assert isinstance(model, RecordsModel)
        return model.record(row)

    def open_hit(self, hit: Any) -> None:
        if hit.kind == "concern" and hit.concern_id is not None:
            self.host.open_concern(hit.concern_id)
        else:
            self.host.open_child(hit.child_id)
