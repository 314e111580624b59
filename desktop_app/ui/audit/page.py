"""The Audit page: this year's audit, its sign-off, last year beside it, the training register, CE Lead and deputies.

Reached from the side bar (Ctrl+3) and the dashboard. Every change goes through ``services.audit``, which writes
the audit-chain row; printing and saving go through the documents dialog, audited the same way.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.audit import AcademicYear, AuditYearRecord, Change
from desktop_app.errors import UserFacingError
from desktop_app.services.audit import checklist, training
from desktop_app.services.audit import documents as audit_documents
from desktop_app.ui import ask
from desktop_app.ui.a11y import name_list
from desktop_app.ui.audit.answers import AnswersTab
from desktop_app.ui.audit.register import LeadsTab, RegisterTab
from desktop_app.ui.audit.signing import SignOffTab
from desktop_app.ui.labels import note
from desktop_app.ui.models import record_events
from desktop_app.ui.record_windows import mark_shows_records
from desktop_app.ui.workers import describe_error, run_in_background

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession


class CompareTab(QWidget):
    """This year beside last year: what improved, what slipped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_compare")
        layout = QVBoxLayout(self)
        self.sentence = note("", self, "compare_sentence")
        layout.addWidget(self.sentence)
        self.table = QTableView(self)
        self.table.setObjectName("comparison")
        name_list(self.table, "Each obligation last year and this year")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.model = QStandardItemModel(0, 4, self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

    def show_comparison(self, session: VaultSession, year: AcademicYear | None) -> None:
        self.model.removeRows(0, self.model.rowCount())
        result = checklist.comparison(session, year) if year is not None else None
        if result is None:
            self.sentence.setText("There is no earlier year's audit to compare with.")
            self.model.setHorizontalHeaderLabels(["Obligation", "Last year", "This year", "Change"])
            return
        self.model.setHorizontalHeaderLabels(["Obligation", str(result.last_year), str(result.this_year), "Change"])
        self.sentence.setText(checklist.changes_sentence(result))
        for row in result.rows:
            change = row.change.label
            if row.change == Change.SLIPPED:
                change = "SLIPPED"
            cells = [row.title, row.last_year.label if row.last_year else "No answer", row.this_year.label, change]
            items = [QStandardItem(text) for text in cells]
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)


class AuditPage(QWidget):
    """``changed`` fires after every save; ``document_opened(dialog)`` when a PDF preview opens."""

    changed = Signal()
    document_opened = Signal(object)
    document_failed = Signal(str)

    def __init__(
        self,
        session: VaultSession,
        host: Any = None,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("audit_page")
        self.session = session
        self.host = host
        self.today = today()
        self.windows: list[QWidget] = []
        self._tasks: list[Any] = []
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        title = QLabel("<span style='font-size:16pt'><b>Annual audit of the setting's duties</b></span>", self)
        title.setWordWrap(True)
        top.addWidget(title, 1)
        self.year = QComboBox(self)
        self.year.setObjectName("year")
        self.year.setAccessibleName("Academic year")
        year_label = QLabel("Year:", self)
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        layout.addLayout(top)

        actions = QHBoxLayout()
        this_year = AcademicYear.containing(self.today)
        self.start_button = QPushButton(f"Start the {this_year} audit", self)
        self.start_button.setObjectName("start_year")
        self.start_button.clicked.connect(self.start_year)
        self.print_button = QPushButton("Print or save this audit…", self)
        self.print_button.setObjectName("print_audit")
        self.print_button.clicked.connect(self.print_audit)
        self.governors_button = QPushButton("Governors' report…", self)
        self.governors_button.setObjectName("governors_report")
        self.governors_button.setToolTip("Counts only: no child is named, counts from 1 to 4 say 'fewer than 5'")
        self.governors_button.clicked.connect(self.governors_report)
        for button in (self.start_button, self.print_button, self.governors_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.status = note("", self, "page_status")
        self.status.setVisible(False)
        layout.addWidget(self.status)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("audit_tabs")
        self.answers = AnswersTab(session, self.today, self.tabs)
        self.sign_off = SignOffTab(session, self.today, self.tabs)
        self.compare = CompareTab(self.tabs)
        self.register = RegisterTab(session, self.today, self.tabs)
        self.leads = LeadsTab(session, self.today, self.tabs)
        self.tabs.addTab(self.answers, "This year's audit")
        self.tabs.addTab(self.sign_off, "Sign-off")
        self.tabs.addTab(self.compare, "Last year beside it")
        self.tabs.addTab(self.register, "Training register")
        self.tabs.addTab(self.leads, "CE Lead and deputies")
        layout.addWidget(self.tabs, 1)
        for tab in (self.answers, self.sign_off, self.register, self.leads):
            tab.saved.connect(self._after_save)
        self.year.currentIndexChanged.connect(self._year_changed)
        self._fill_years(this_year)

    # --- loading --------------------------------------------------------------------------------------------------
    def _fill_years(self, select: AcademicYear | None) -> None:
        years = checklist.years(self.session)
        this_year = AcademicYear.containing(self.today)
        shown = sorted({*years, this_year}, reverse=True)
        self.year.blockSignals(True)
        self.year.clear()
        for year in shown:
            self.year.addItem(str(year) + ("" if year in years else " (not started)"), year.start)
        index = self.year.findData((select or this_year).start)
        self.year.setCurrentIndex(max(index, 0))
        self.year.blockSignals(False)
        self.start_button.setVisible(this_year not in years)
        self.reload()

    def selected_year(self) -> AcademicYear:
        return AcademicYear(int(self.year.currentData()))

    def record(self) -> AuditYearRecord | None:
        return checklist.year_audit(self.session, self.selected_year())

    def reload(self) -> None:
        record = self.record()
        figures = training.figures(self.session, record.audit_date if record and record.audit_date else self.today)
        self.answers.show_record(record, f"{figures.sentence()}. {figures.lead_sentence()}.")
        self.sign_off.show_record(record)
        self.compare.show_comparison(self.session, record.year if record else None)
        self.register.reload()
        self.leads.reload()
        self.print_button.setEnabled(record is not None)

    def _year_changed(self, *_args: object) -> None:
        self.reload()

    def _after_save(self, *_args: object) -> None:
        tab = self.tabs.currentIndex()
        self.reload()
        self.tabs.setCurrentIndex(tab)
        self.changed.emit()
        record_events().changed.emit()

    # --- actions --------------------------------------------------------------------------------------------------
    def start_year(self) -> AuditYearRecord | None:
        year = AcademicYear.containing(self.today)
        try:
            record = checklist.start_year(self.session, year)
        except UserFacingError as error:
            ask.current().warn(self, "Start the audit", error.sentence)
            return None
        self._fill_years(year)
        self.tabs.setCurrentWidget(self.answers)
        self.answers.table.setFocus(Qt.FocusReason.OtherFocusReason)
        carried = record.to_confirm()
        self._say(
            f"The {year} audit is started."
            + (
                f" {carried} answers were carried from {record.carried_from}: look at each and confirm its status."
                if carried
                else ""
            )
        )
        self.changed.emit()
        return record

    def _say(self, text: str) -> None:
        self.status.setText(html.escape(text))
        self.status.setVisible(bool(text))

    def print_audit(self) -> Any:
        year = self.selected_year()
        return self._document(lambda: audit_documents.audit_actions(self.session, year), f"Annual audit {year}.pdf")

    def governors_report(self) -> Any:
        year = self.selected_year()
        return self._document(
            lambda: audit_documents.governors_actions(self.session, year), f"Governors report {year}.pdf"
        )

    def _document(self, build: Callable[[], Any], suggested: str) -> Any:
        """Build the PDF away from the window (a year's counts at full scale take a moment), then preview it."""
        self._say("Preparing the document…")
        task = run_in_background(build)
        self._tasks.append(task)

        def opened(result: Any) -> None:
            from desktop_app.ui.documents import DocumentDialog

            self._say("")
            pdf, title, on_print, on_save = result
            dialog = DocumentDialog(self.window(), title, pdf, on_print, on_save, suggested_name=suggested)
            self._keep(dialog)
            dialog.open()
            self.document_opened.emit(dialog)

        def failed(error: Any) -> None:
            sentence = describe_error(error)
            self._say("")
            ask.current().warn(self, "Document", sentence)
            self.document_failed.emit(sentence)

        task.succeeded.connect(opened)
        task.failed.connect(failed)
        return task

    def _keep(self, widget: QWidget) -> None:
        mark_shows_records(widget)
        self.windows.append(widget)
