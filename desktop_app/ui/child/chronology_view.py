"""The Chronology section of a child's file: every event in date order, newest or oldest first, filtered by kind,
printed or saved as the chronology document (the same events: services.child.chronology builds both)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.documents import ChronologyEvent, DocumentKind
from desktop_app.errors import UserFacingError
from desktop_app.services.casework import local
from desktop_app.services.child import chronology as chronology_service
from desktop_app.ui import ask
from desktop_app.ui.a11y import name_list
from desktop_app.ui.cells import headed, heading_width, height_at, narrowest, used_at
from desktop_app.ui.labels import note
from desktop_app.ui.models import Column, RecordsModel
from desktop_app.ui.record_list import RecordList
from desktop_app.ui.record_windows import mark_shows_records

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

ALL = "All kinds of event"


def columns() -> list[Column]:
    return [
        Column("Date", lambda e: f"{local(e.when):%d %b %Y %H:%M}"),
        Column("Kind", lambda e: e.kind),
        Column("What happened", lambda e: e.summary),
        Column("Action and outcome", lambda e: " ".join(p for p in (e.action, e.outcome) if p.strip())),
        Column("Reference", lambda e: e.reference),
        Column("Recorded by", lambda e: e.recorded_by),
    ]


# Most of the width each short column may take (it wraps beyond that), unless a word needs more: date, kind,
# reference, recorded by. "What happened" and "Action and outcome" share the rest; at 150% on a laptop the short
# columns would otherwise leave the record itself a sliver.
_SHORT_SHARES = ((0, 0.11), (1, 0.10), (4, 0.12), (5, 0.11))
# The shares of that rest "Action and outcome" may take (in hundredths): the one that keeps the fullest rows shortest.
_ACTION_SHARES = range(24, 52, 4)
_FULLEST_ROWS = 12  # the rows with the most to say, whose heights decide that share


class ChronologySection(QWidget):
    def __init__(self, session: VaultSession, child_id: int, host: Any = None) -> None:
        super().__init__()
        self.setObjectName("section_chronology")
        self.session = session
        self.child_id = child_id
        self.file = host
        self.events: tuple[ChronologyEvent, ...] = ()
        self.windows: list[QWidget] = []
        self._narrowest_known: dict[tuple[int, str, int], int] = {}
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        order_label = QLabel("&Order:", self)
        self.order = QComboBox(self)
        self.order.setObjectName("order")
        self.order.addItems(["Newest first", "Oldest first"])
        self.order.setAccessibleName("Order")
        order_label.setBuddy(self.order)
        kind_label = QLabel("&Show:", self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        self.kind.setAccessibleName("Show which kind of event")
        self.kind.addItem(ALL, None)
        for kind in chronology_service.KINDS:
            self.kind.addItem(kind.label, kind.kinds)
        kind_label.setBuddy(self.kind)
        self.print_button = QPushButton("Print or save the chronology (PDF)…", self)
        self.print_button.setObjectName("chronology_pdf")
        self.print_button.clicked.connect(self.print_chronology)
        for widget in (order_label, self.order, kind_label, self.kind):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.print_button)
        layout.addLayout(row)
        self.count = note("", self, "chronology_count")
        layout.addWidget(self.count)
        self.table = RecordList("chronology", self)
        self.table.removeAction(self.table.child_action)  # already in the child's file
        name_list(self.table, "Chronology")
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.open_requested.connect(self.open_event)
        self.table.viewport().installEventFilter(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(
            note("Select a concern, screening or referral and press Enter to open its concern.", self, tone="muted")
        )
        self.order.currentIndexChanged.connect(self.show_events)
        self.kind.currentIndexChanged.connect(self.show_events)
        self.refresh()

    def _arrange_columns(self) -> None:
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._share_the_rest()

    def _share_the_rest(self) -> None:
        header = self.table.horizontalHeader()
        if header.count() < 6:
            return
        width = self.table.viewport().width()
        for column, share in _SHORT_SHARES:
            whole = self._narrowest(column)  # never a word cut short: a reference, a long name ("Montgomery-Smythe")
            fitted = min(self.table.sizeHintForColumn(column), max(int(width * share), whole))
            fitted = min(fitted, used_at(self.table, column, fitted))  # no wider than its lines at that width
            self.table.setColumnWidth(column, max(fitted, heading_width(self.table, column)))  # its heading whole
        used = sum(header.sectionSize(c) for c, _share in _SHORT_SHARES)
        rest = max(width - used, 2 * header.minimumSectionSize())
        least_what = max(heading_width(self.table, 2), self._narrowest(2))
        action = self._action_width(rest, max(heading_width(self.table, 3), self._narrowest(3)), least_what)
        self.table.setColumnWidth(2, max(rest - action, least_what))
        self.table.setColumnWidth(3, action)
        self.table.resizeRowsToContents()

    def _action_width(self, rest: int, least: int, least_what: int) -> int:
        """The width of "Action and outcome" (a quarter to a half of ``rest``; "What happened" has the remainder)
        that makes the tallest of the fullest rows shortest, then all of them together: which column is longer
        differs from child to child, and a long account squeezed into too little room runs to a dozen lines."""
        model = self.table.model()
        if model is None:
            return least
        rows = sorted(
            range(model.rowCount()),
            key=lambda r: -max(len(str(model.data(model.index(r, c)) or "")) for c in (2, 3)),
        )[:_FULLEST_ROWS]

        def heights(action: int) -> tuple[int, int, int]:
            tall = [max(height_at(self.table, r, 2, rest - action), height_at(self.table, r, 3, action)) for r in rows]
            return max(tall, default=0), sum(tall), action

        tried = {min(max(rest * share // 100, least), max(rest - least_what, least)) for share in _ACTION_SHARES}
        return min((heights(action) for action in tried), default=(0, 0, least))[2]

    def _narrowest(self, column: int) -> int:
        """The least width showing each cell of a short column whole (it wraps between words), measured once for
        each list shown and text size."""
        key = (id(self.table.model()), self.table.font().key(), column)
        if key not in self._narrowest_known:
            self._narrowest_known[key] = narrowest(self.table, column)
        return self._narrowest_known[key]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._share_the_rest()  # the wrapping columns follow the window; rows take the height their text needs
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        self.events = chronology_service.child_chronology(self.session, self.child_id).events
        self.show_events()

    def shown(self) -> tuple[ChronologyEvent, ...]:
        return chronology_service.arranged(
            self.events, newest_first=self.order.currentIndex() == 0, kinds=self.kind.currentData()
        )

    def show_events(self) -> None:
        shown = list(self.shown())
        model = RecordsModel(
            headed(columns()), lambda limit: shown[:limit], page_size=max(100, len(shown)), parent=self
        )
        self.table.setModel(model)
        self._narrowest_known.clear()
        self._arrange_columns()
        total = len(self.events)
        if not total:
            self.count.setText("Nothing is recorded about this child yet.")
        elif len(shown) == total:
            self.count.setText(f"{total} event{'s' if total != 1 else ''}.")
        else:
            self.count.setText(f"{len(shown)} of {total} events: {self.kind.currentText().lower()}.")

    def open_event(self, event: ChronologyEvent) -> Any:
        """The concern an event belongs to, in the concern view (events without a concern open nothing)."""
        concern_id = chronology_service.concern_of(self.session, event.reference)
        if concern_id is None:
            return None
        host = getattr(self.file, "host", None)
        if host is not None and hasattr(host, "open_concern"):
            return host.open_concern(concern_id)
        from desktop_app.ui.concern_view import ConcernView

        view = ConcernView(self.session, concern_id, host=host)
        if host is not None and hasattr(host, "show_page"):
            host.show_page(view)
        else:
            mark_shows_records(view)
            self.windows.append(view)
            view.show()
        return view

    def print_chronology(self) -> Any:
        """The printed chronology holds every event, oldest first, whatever the screen's order and filter."""
        from desktop_app.services import documents
        from desktop_app.ui.documents import DocumentDialog

        try:
            pdf, document_id, title = documents.render_chronology(self.session, self.child_id)
        except UserFacingError as error:
            ask.current().warn(self, "Chronology", error.sentence)
            return None
        on_print, on_save = documents.actions(self.session, pdf, document_id, DocumentKind.CHRONOLOGY)
        dialog = DocumentDialog(self.window(), title, pdf, on_print, on_save, suggested_name=f"{document_id}.pdf")
        mark_shows_records(dialog)
        self.windows.append(dialog)
        dialog.open()
        return dialog
