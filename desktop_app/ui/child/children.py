"""Every child on file: type to search names and what concerns say, filter, arrow to a child, Enter opens the file.

The list is fetched a page at a time with an offset (50 children), so it stays quick at 20,000 children.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.child_list import ChildFilter, ChildListEntry, ChildPage
from desktop_app.domain.enums import RiskLevel
from desktop_app.errors import UserFacingError
from desktop_app.services.child import listing
from desktop_app.ui import ask
from desktop_app.ui.a11y import name_list
from desktop_app.ui.labels import note
from desktop_app.ui.models import Column, RecordsModel, record_events
from desktop_app.ui.record_list import RecordList

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

SEARCH_DELAY_MS = 250
NOT_SCREENED = "not_screened"


def born(entry: ChildListEntry, today: date) -> str:
    d = entry.details
    age = d.age_on(today)
    when = f"{d.date_of_birth:%d %b %Y}" if d.date_of_birth else ""
    text = f"{when} ({age})" if when and age is not None else when or (f"age {age}" if age is not None else "")
    return text + (" — 18 or over" if d.is_adult_on(today) else "")


def list_columns(today: date) -> list[Column]:
    return [
        Column("Name", lambda e: e.details.full_name),
        Column("Known as", lambda e: ", ".join(n for n in (e.details.known_as, *e.details.other_names) if n)),
        Column("Born (age)", lambda e: born(e, today)),
        Column("Year", lambda e: e.details.year_group),
        Column("Level of risk", lambda e: e.level.label if e.level else "Not screened"),
        Column(
            "Review by",
            lambda e: (
                (f"{e.review_date:%d %b %Y}" + (" (overdue)" if e.review_date < today else "")) if e.review_date else ""
            ),
        ),
        Column("Open concerns", lambda e: str(e.open_concerns), align_right=True),
        Column("Found by", lambda e: "name" if e.found_by_name else "what a concern says"),
    ]


class ChildList(RecordList):
    """The table: Enter opens; typing a letter goes on typing in the search box."""

    typed = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if (
            text
            and text.isprintable()
            and not text.isspace()
            and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            self.typed.emit(text)
            return
        super().keyPressEvent(event)


class SearchBox(QLineEdit):
    """Down arrow moves into the list; Enter opens the child selected there (the first, after a search)."""

    down = Signal()
    enter = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter.emit()
            return
        super().keyPressEvent(event)


class ChildrenPage(QWidget):
    """``loaded`` fires after each page is shown (tests wait on it)."""

    loaded = Signal()

    def __init__(
        self,
        session: VaultSession,
        host: Any = None,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
        page_size: int = listing.PAGE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("children")
        self.session = session
        self.host = host
        self._today = today
        self.page_size = page_size
        self.offset = 0
        self.page = ChildPage((), 0, False)
        self.windows: list[QWidget] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel("<span style='font-size:16pt'><b>Children</b></span>", self)
        top.addWidget(title, 1)
        self.import_button = QPushButton("Import pupils from the school's MIS…", self)
        self.import_button.setObjectName("import_pupils")
        self.import_button.clicked.connect(self.import_pupils)
        top.addWidget(self.import_button)
        layout.addLayout(top)

        search_row = QHBoxLayout()
        search_label = QLabel("&Search:", self)
        self.search = SearchBox(self)
        self.search.setObjectName("search")
        self.search.setAccessibleName("Search children by name or by what a concern says")
        self.search.setPlaceholderText("Any name, known-as name, or a word of a concern")
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(listing.LONGEST_SEARCH * 50)
        search_label.setBuddy(self.search)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        layout.addLayout(search_row)

        filters = QHBoxLayout()
        level_label = QLabel("&Level:", self)
        self.level = QComboBox(self)
        self.level.setObjectName("level")
        self.level.setAccessibleName("Level of risk")
        self.level.addItem("Any level", None)
        for level in reversed(RiskLevel):
            self.level.addItem(level.label, level.value)
        self.level.addItem("Not screened", NOT_SCREENED)
        level_label.setBuddy(self.level)
        self.open_only = QCheckBox("With &open concerns", self)
        self.open_only.setObjectName("open_concerns")
        self.review_due = QCheckBox("&Review due", self)
        self.review_due.setObjectName("review_due")
        self.missing = QCheckBox("With missing &episodes", self)
        self.missing.setObjectName("missing_episodes")
        for widget in (level_label, self.level, self.open_only, self.review_due, self.missing):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.note = note("", self, "search_note", "muted")
        layout.addWidget(self.note)
        self.list = ChildList("children_list", self)
        self.list.removeAction(self.list.child_action)  # Enter already opens the child's file
        name_list(self.list, "Children")
        self.list.open_requested.connect(self.open_entry)
        self.list.typed.connect(self._type_in_search)
        layout.addWidget(self.list, 1)

        pages = QHBoxLayout()
        self.previous_button = QPushButton("← &Previous page", self)
        self.previous_button.setObjectName("previous_page")
        self.previous_button.setAccessibleName("Previous page")
        self.previous_button.clicked.connect(self.previous_page)
        self.position = note("", self, "page_position")
        self.next_button = QPushButton("&Next page →", self)
        self.next_button.setObjectName("next_page")
        self.next_button.setAccessibleName("Next page")
        self.next_button.clicked.connect(self.next_page)
        pages.addWidget(self.previous_button)
        pages.addWidget(self.position, 1)
        pages.addWidget(self.next_button)
        layout.addLayout(pages)
        layout.addWidget(
            note(
                "Type to search; Down arrow moves into the list; Enter opens the child's file.",
                self,
                tone="muted",
            )
        )

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.first_page)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.down.connect(self._into_list)
        self.search.enter.connect(self._open_current)
        for box in (self.open_only, self.review_due, self.missing):
            box.toggled.connect(self.first_page)
        self.level.currentIndexChanged.connect(self.first_page)
        record_events().changed.connect(self._records_changed)
        self.load()
        self.setFocusProxy(self.search)

    # --- loading --------------------------------------------------------------------------------------------------
    def wanted(self) -> ChildFilter:
        level = self.level.currentData()
        return ChildFilter(
            text=self.search.text(),
            level=RiskLevel(level) if level in {r.value for r in RiskLevel} else None,
            not_screened=level == NOT_SCREENED,
            open_concerns=self.open_only.isChecked(),
            review_due_on=self._today() if self.review_due.isChecked() else None,
            missing_episodes=self.missing.isChecked(),
        )

    def first_page(self) -> None:
        self._timer.stop()
        self.offset = 0
        self.load()

    def next_page(self) -> None:
        if self.page.has_more:
            self.offset += self.page_size
            self.load()

    def previous_page(self) -> None:
        if self.offset:
            self.offset = max(0, self.offset - self.page_size)
            self.load()

    def load(self) -> None:
        try:
            self.page = listing.children_page(self.session, self.wanted(), self.offset, self.page_size)
        except UserFacingError as error:
            self.page = ChildPage((), self.offset, False, error.sentence)
        entries = list(self.page.entries)
        today = self._today()
        model = RecordsModel(
            list_columns(today),
            lambda limit: entries[:limit],
            page_size=max(1, len(entries)),
            attention=lambda e: e.level is RiskLevel.HIGH,
            parent=self,
        )
        self.list.setModel(model)
        if entries:
            self.list.selectRow(0)
        first, last = self.offset + 1, self.offset + len(entries)
        searching = bool(self.search.text().strip()) or self.wanted() != ChildFilter(text=self.search.text())
        if entries:
            more = " (more on the next page)" if self.page.has_more else ""
            self.position.setText(f"Children {first}–{last}{more}")
        else:
            self.position.setText("No child matches." if searching else "No children are on file yet.")
        self.note.setText(html.escape(self.page.note))
        self.note.setVisible(bool(self.page.note))
        self.previous_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(self.page.has_more)
        self.loaded.emit()

    def _records_changed(self) -> None:
        if not self.session.is_locked and self.isVisible():
            self.load()

    # --- keyboard -------------------------------------------------------------------------------------------------
    def _into_list(self) -> None:
        if self.list.model() is not None and self.list.model().rowCount():
            self.list.setFocus()
            if not self.list.currentIndex().isValid():
                self.list.selectRow(0)

    def _open_current(self) -> None:
        model = self.list.model()
        if self._timer.isActive():  # Enter straight after typing: search first, then open
            self.first_page()
            model = self.list.model()
        if isinstance(model, RecordsModel) and model.rowCount():
            row = self.list.currentIndex().row() if self.list.currentIndex().isValid() else 0
            self.open_entry(model.record(row))

    def _type_in_search(self, text: str) -> None:
        self.search.setFocus()
        self.search.insert(text)

    # --- actions --------------------------------------------------------------------------------------------------
    def open_entry(self, entry: ChildListEntry) -> Any:
        from desktop_app.ui.child import open_child

        return open_child(self.host, self.session, entry.child_id)

    def import_pupils(self) -> Any:
        from desktop_app.ui.child.mis_import import MisImportDialog

        path = ask.current().open_path(
            self, "Import pupils from the school's MIS", "Pupil lists (*.csv *.txt);;All files (*)"
        )
        if not path:
            return None
        dialog = MisImportDialog(self.window(), self.session, path)
        self.windows.append(dialog)
        dialog.open()
        return dialog
