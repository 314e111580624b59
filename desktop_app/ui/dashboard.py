"""The DSL's dashboard: what is waiting, each list opening the record (Enter or double-click)."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.wording import plural
from desktop_app.services.casework import dashboard
from desktop_app.ui.connections.dashboard_panel import repeated_missing_panel, show_repeated_missing
from desktop_app.ui.labels import set_tone
from desktop_app.ui.models import Column, RecordsModel, record_events
from desktop_app.ui.panel import Panel
from desktop_app.ui.record_list import day
from desktop_app.ui.record_windows import mark_shows_records
from desktop_app.ui.referrals import short_date

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)
PAGE = 50


class DashboardPage(QWidget):
    """Shown after unlock. ``refreshed`` fires after every reload (tests wait on it)."""

    refreshed = Signal()

    def __init__(
        self,
        session: VaultSession,
        host: Any = None,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.session = session
        self.host = host
        self._today = today
        self.windows: list[QWidget] = []
        self._stale = False
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        user = session.user
        who = f"Signed in as {html.escape(user.name)} ({html.escape(user.role.label)})"
        where = html.escape(session.setting.name)
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
        # Below the title, everything scrolls: a small window (1366×768 with the side bar, or 150%) then shows
        # whole lists a scroll away instead of squeezing each to one row.
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("dashboard_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget(self.scroll_area)
        content.setObjectName("dashboard_content")
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)

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
        body.addWidget(sealed)
        from desktop_app.ui.transfer.alerts import RecordsAlert

        self.records_alert = RecordsAlert(session, host, self)  # receipts overdue, files past retention
        body.addWidget(self.records_alert)
        from desktop_app.ui.audit.reminders import AuditBanner

        self.audit_banner = AuditBanner(session, host, self, today)  # the audit due, its actions, training due
        body.addWidget(self.audit_banner)

        grid = QGridLayout()
        self.awaiting = Panel(
            "Concerns awaiting screening, most urgent first",
            "No concerns are waiting to be screened.",
            "awaiting_screening",
            self,
        )
        self.confirmations = Panel(
            "Referrals awaiting written confirmation",
            "No written confirmations are due.",
            "awaiting_confirmation",
            self,
        )
        self.reviews = Panel("Reviews due", "No reviews are due.", "reviews_due", self)
        self.high_risk = Panel("Children at high risk", "No child is at high risk.", "high_risk", self)
        grid.addWidget(self.awaiting, 0, 0)
        grid.addWidget(self.confirmations, 0, 1)
        grid.addWidget(self.reviews, 1, 0)
        grid.addWidget(self.high_risk, 1, 1)
        from desktop_app.services.actions.lists import horizon

        days = (horizon(date.today()) - date.today()).days
        self.actions_due = Panel(
            f"Actions due in the next {plural(days, 'day')}, overdue first",
            "No actions are due or overdue.",
            "actions_due",
            self,
        )
        grid.addWidget(self.actions_due, 2, 0)
        self.missing = repeated_missing_panel(self)
        grid.addWidget(self.missing, 2, 1)
        body.addLayout(grid, 1)
        self.scroll_area.setWidget(content)
        layout.addWidget(self.scroll_area, 1)
        self.hint = QLabel(
            "Select a row and press Enter, or double-click it, to open the record; Ctrl+Enter opens the child's file.",
            self,
        )
        set_tone(self.hint, "muted")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        for panel in (self.awaiting, self.confirmations, self.reviews, self.high_risk, self.actions_due):
            panel.list.open_requested.connect(self.open_row)
            panel.list.child_requested.connect(self.open_child_of)
        self.missing.list.open_requested.connect(self.open_child_of)  # its rows are children
        self.missing.list.child_requested.connect(self.open_child_of)
        record_events().changed.connect(self._refresh_after)
        self.refresh()

    # --- loading --------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        today = self._today()
        s = self.session
        counts = dashboard.counts(s)
        self.awaiting.show_model(
            RecordsModel(
                [
                    Column("Urgency", lambda r: r.urgency_text),
                    Column(
                        "Waiting",
                        lambda r: (
                            "today"
                            if r.days_waiting == 0
                            else f"{r.days_waiting} day{'s' if r.days_waiting != 1 else ''}"
                        ),
                        align_right=True,
                    ),
                    Column("Child", lambda r: r.child_name),
                    Column("Reference", lambda r: r.reference),
                    Column("Recorded", lambda r: day(r.submitted_at)),
                ],
                lambda limit: dashboard.awaiting_screening(s, limit, today),
                PAGE,
                attention=lambda r: r.urgency > 0,
                parent=self,
            ),
            counts.awaiting_screening,
        )

        confirmations = RecordsModel(
            [
                Column("Due", lambda r: ("OVERDUE " if r.overdue else "") + short_date(r.due)),
                Column("Child", lambda r: r.child_name),
                Column("Route", lambda r: r.route_title),
                Column("Contacted", lambda r: f"{day(r.contacted_at)}: {r.contacted_name}"),
            ],
            lambda limit: dashboard.confirmations_awaited(s, limit, today),
            PAGE,
            attention=lambda r: r.overdue,
            parent=self,
        )
        late = sum(1 for r in confirmations.records() if r.overdue)
        self.confirmations.show_model(
            confirmations,
            None,
            f" — <span style='color:#8a1c14'><b>{late}{'+' if confirmations.has_more() else ''} overdue</b></span>"
            if late
            else "",
        )

        self.reviews.show_model(
            RecordsModel(
                [
                    Column("Review date", lambda r: short_date(r.review_date)),
                    Column("Child", lambda r: r.child_name),
                    Column("Level", lambda r: r.level.label),
                    Column(
                        "Overdue by",
                        lambda r: f"{r.days_overdue} days" if r.days_overdue > 0 else "due today",
                        align_right=True,
                    ),
                ],
                lambda limit: dashboard.reviews_due(s, limit, today),
                PAGE,
                parent=self,
            )
        )

        self.high_risk.show_model(
            RecordsModel(
                [
                    Column("Child", lambda r: r.child_name),
                    Column("Review by", lambda r: ("OVERDUE " if r.review_overdue else "") + short_date(r.review_date)),
                    Column("Screened", lambda r: day(r.screened_at)),
                ],
                lambda limit: dashboard.high_risk_children(s, limit, today),
                PAGE,
                attention=lambda r: r.review_overdue,
                parent=self,
            )
        )

        show_repeated_missing(self.missing, s)

        from desktop_app.ui.actions import show_due

        show_due(self.actions_due, s, today, PAGE)  # open actions due soon, overdue first and marked

        waiting = dashboard.sealed_waiting(s.vault_dir)
        if waiting:
            self.sealed_label.setText(
                f"<b>{waiting} concern{'s' if waiting != 1 else ''} recorded by staff "
                f"{'are' if waiting != 1 else 'is'} waiting to be imported.</b> Import them to screen them."
            )
            set_tone(self.sealed_banner, "alert")
        else:
            self.sealed_label.setText("No concerns from staff are waiting to be imported.")
            set_tone(self.sealed_banner, "")
        self.import_button.setEnabled(waiting > 0)
        self.sealed_waiting = waiting
        self.records_alert.refresh(today)
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

    def screen_now(self, concern_id: int) -> Any:
        """From the import dialog's "Screen it now": the concern, and its screening wizard open."""
        view = self.open_concern(concern_id)
        return view.screen()

    def record_concern(self) -> Any:
        from desktop_app.ui.concern import open_dsl_wizard

        wizard = open_dsl_wizard(self.window(), self.session)
        self._watch(wizard)
        return wizard

    def import_sealed(self) -> Any:
        from desktop_app.ui.concern import SealedImportDialog

        dialog = SealedImportDialog(self.window(), self.session)
        dialog.screen_requested.connect(self.screen_now)
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
        if self.session.is_locked:
            return
        if not self.isVisible():
            self._stale = True
            return
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and not self.session.is_locked:
            self.refresh()

    def _keep(self, widget: QWidget) -> None:
        mark_shows_records(widget)
        self.windows.append(widget)
