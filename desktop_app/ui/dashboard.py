"""The DSL's dashboard: what is waiting, each list opening the record (Enter or double-click)."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import casework
from desktop_app.services.casework import dashboard
from desktop_app.ui.a11y import name_list
from desktop_app.ui.models import Column, RecordsModel, record_events
from desktop_app.ui.referrals import short_date

_log = logging.getLogger(__name__)
PAGE = 50


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


class Panel(QFrame):
    """A titled list with its count and a line saying what to do when it is empty."""

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
        self.empty.setStyleSheet("color:#505050;")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)

    def show_model(self, model: RecordsModel, total: int | None = None, extra: str = "") -> None:
        self.list.setModel(model)
        shown = model.rowCount()
        count = total if total is not None else (f"{shown}+" if model.has_more() else shown)
        self.heading.setText(f"<b>{html.escape(self._title)}</b> ({count}){extra}")
        self.empty.setVisible(shown == 0)
        self.list.setVisible(shown > 0)


class DashboardPage(QWidget):
    """Shown after unlock. ``refreshed`` fires after every reload (tests wait on it)."""

    refreshed = Signal()

    def __init__(self, session: Any, host: Any = None, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.session = session
        self.host = host
        self._today = today
        self.windows: list[QWidget] = []
        self._stale = False
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        user = getattr(session, "user", None)
        setting = getattr(session, "setting", None)
        who = f"Signed in as {html.escape(user.name)} ({html.escape(user.role.label)})" if user else ""
        where = html.escape(setting.name) if setting else ""
        self.title = QLabel(f"<span style='font-size:16pt'><b>Dashboard</b></span> &nbsp; {where}<br>{who}", self)
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.record_button = QPushButton("Record a concern…", self)
        self.record_button.setObjectName("record_concern")
        self.record_button.clicked.connect(self.record_concern)
        top.addWidget(self.record_button)
        self.refresh_button = QPushButton("Refresh", self)
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)

        sealed = QFrame(self)
        sealed.setObjectName("sealed_banner")
        sealed.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(sealed)
        self.sealed_label = QLabel(sealed)
        self.sealed_label.setObjectName("sealed_count")
        self.sealed_label.setWordWrap(True)
        row.addWidget(self.sealed_label, 1)
        self.import_button = QPushButton("Import the sealed concerns…", sealed)
        self.import_button.setObjectName("import_sealed")
        self.import_button.clicked.connect(self.import_sealed)
        row.addWidget(self.import_button)
        self.sealed_banner = sealed
        layout.addWidget(sealed)
        from desktop_app.ui.audit.reminders import AuditBanner

        self.audit_banner = AuditBanner(session, host, self, today)  # the audit due, its actions, training due
        layout.addWidget(self.audit_banner)

        grid = QGridLayout()
        self.awaiting = Panel("Concerns awaiting screening, oldest first",
                              "No concerns are waiting to be screened.", "awaiting_screening", self)
        self.confirmations = Panel("Referrals awaiting written confirmation",
                                   "No written confirmations are due.", "awaiting_confirmation", self)
        self.reviews = Panel("Reviews due", "No reviews are due.", "reviews_due", self)
        self.high_risk = Panel("Children at high risk", "No child is at high risk.", "high_risk", self)
        grid.addWidget(self.awaiting, 0, 0)
        grid.addWidget(self.confirmations, 0, 1)
        grid.addWidget(self.reviews, 1, 0)
        grid.addWidget(self.high_risk, 1, 1)
        layout.addLayout(grid, 1)
        self.hint = QLabel("Select a row and press Enter, or double-click it, to open the record; Ctrl+Enter opens "
                           "the child's file.", self)
        self.hint.setStyleSheet("color:#505050;")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        for panel in (self.awaiting, self.confirmations, self.reviews, self.high_risk):
            panel.list.open_requested.connect(self.open_row)
            panel.list.child_requested.connect(self.open_child_of)
        record_events().changed.connect(self._refresh_after)
        self.refresh()

    # --- loading --------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        today = self._today()
        s = self.session
        counts = dashboard.counts(s)
        self.awaiting.show_model(RecordsModel([
            Column("Waiting", lambda r: "today" if r.days_waiting == 0 else
                   f"{r.days_waiting} day{'s' if r.days_waiting != 1 else ''}", align_right=True),
            Column("Child", lambda r: r.child_name),
            Column("Reference", lambda r: r.reference),
            Column("Recorded", lambda r: day(r.submitted_at)),
        ], lambda limit: dashboard.awaiting_screening(s, limit, today), PAGE, parent=self), counts.awaiting_screening)

        confirmations = RecordsModel([
            Column("Due", lambda r: ("OVERDUE " if r.overdue else "") + short_date(r.due)),
            Column("Child", lambda r: r.child_name),
            Column("Route", lambda r: r.route_title),
            Column("Contacted", lambda r: f"{day(r.contacted_at)}: {r.contacted_name}"),
        ], lambda limit: dashboard.confirmations_awaited(s, limit, today), PAGE,
            attention=lambda r: r.overdue, parent=self)
        late = sum(1 for r in confirmations.records() if r.overdue)
        self.confirmations.show_model(
            confirmations, None,
            f" — <span style='color:#8a1c14'><b>{late}{'+' if confirmations.has_more() else ''} overdue</b></span>"
            if late else "")

        self.reviews.show_model(RecordsModel([
            Column("Review date", lambda r: short_date(r.review_date)),
            Column("Child", lambda r: r.child_name),
            Column("Level", lambda r: r.level.label),
            Column("Overdue by", lambda r: f"{r.days_overdue} days" if r.days_overdue > 0 else "due today",
                   align_right=True),
        ], lambda limit: dashboard.reviews_due(s, limit, today), PAGE, parent=self))

        self.high_risk.show_model(RecordsModel([
            Column("Child", lambda r: r.child_name),
            Column("Review by", lambda r: short_date(r.review_date)),
            Column("Screened", lambda r: day(r.screened_at)),
        ], lambda limit: dashboard.high_risk_children(s, limit), PAGE, parent=self))

        waiting = dashboard.sealed_waiting(s.vault_dir)
        if waiting:
            self.sealed_label.setText(
                f"<b>{waiting} concern{'s' if waiting != 1 else ''} recorded by staff "
                f"{'are' if waiting != 1 else 'is'} waiting to be imported.</b> Import them to screen them.")
            self.sealed_banner.setStyleSheet("#sealed_banner { background:#fff4d6; }")
        else:
            self.sealed_label.setText("No concerns from staff are waiting to be imported.")
            self.sealed_banner.setStyleSheet("")
        self.import_button.setEnabled(waiting > 0)
        self.sealed_waiting = waiting
        self.audit_banner.refresh()
        self._stale = False
        self.refreshed.emit()

    # --- actions --------------------------------------------------------------------------------------------------
    def open_row(self, row: Any) -> None:
        self.open_concern(row.concern_id)

    def open_child_of(self, row: Any) -> Any:
        """The child's file of a row: its child, or the child of its concern."""
        from desktop_app.services.child.details import child_of_concern
        from desktop_app.ui.child import open_child

        child_id = getattr(row, "child_id", None) or child_of_concern(self.session, row.concern_id)
        return open_child(self.host, self.session, child_id)

    def open_concern(self, concern_id: int) -> Any:
        from desktop_app.ui.concern_view import ConcernView

        view = ConcernView(self.session, concern_id, host=self.host)
        if self.host is not None and hasattr(self.host, "show_page"):
            self.host.show_page(view)
        else:  # no main window (a test, or a tool): show it on its own
            self._keep(view)
            view.show()
        return view

    def record_concern(self) -> Any:
        from desktop_app.ui.concern import open_dsl_wizard

        wizard = open_dsl_wizard(self.window(), self.session)
        self._watch(wizard)
        return wizard

    def import_sealed(self) -> Any:
        from desktop_app.ui.concern import SealedImportDialog

        dialog = SealedImportDialog(self.window(), self.session)
        self._watch(dialog)
        dialog.open()
        return dialog

    def _watch(self, window: Any) -> None:
        """Refresh when a wizard or dialog opened from here finishes."""
        if window is None:
            return
        for name in ("finished", "imported"):
            signal = getattr(window, name, None)
            if signal is not None:
                signal.connect(self._refresh_after)
        self._keep(window)

    def _refresh_after(self, *_args: object) -> None:
        """A method, not a lambda: Qt drops the connection once this page is gone. A page not on screen, or whose
        vault has been locked, waits: it is rebuilt or refreshed when shown."""
        if getattr(self.session, "is_locked", False):
            return
        if not self.isVisible():
            self._stale = True
            return
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and not getattr(self.session, "is_locked", False):
            self.refresh()

    def _keep(self, widget: QWidget) -> None:
        from desktop_app.ui.main_window import RECORDS_PROPERTY

        widget.setProperty(RECORDS_PROPERTY, True)
        self.windows.append(widget)
