"""This year's audit: every obligation with its status, owner and due date; the selected one's answer beside it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.definitions import load_forms
from desktop_app.domain.audit import AcademicYear, AnswerForm, AuditAnswer, AuditStatus, AuditYearRecord
from desktop_app.errors import InvalidInput, UserFacingError
from desktop_app.services.audit import checklist
from desktop_app.ui import ask
from desktop_app.ui.a11y import name_field, name_list
from desktop_app.ui.labels import note, plain_text

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

PROBLEM_TONE = "late"  # resources/style.qss
CHOICES = (
    AuditStatus.NOT_ASSESSED,
    AuditStatus.MET,
    AuditStatus.PARTLY_MET,
    AuditStatus.NOT_MET,
    AuditStatus.NOT_APPLICABLE,
)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def short(day: date | None) -> str:
    return f"{day:%d %b %Y}".lstrip("0") if day else ""


def date_edit(parent: QWidget, name: str, day: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMMM yyyy")
    edit.setDate(qdate(day))
    return edit


def status_text(answer: AuditAnswer, today: date) -> str:
    text = "To confirm" if answer.carried else answer.status.label
    if answer.action_past_due(today):
        text += " · action past due"
    return text


class AnswersTab(QWidget):
    """The obligations on the left (arrows move, Tab goes to the answer); the answer on the right, saved with Ctrl+S."""

    saved = Signal()

    def __init__(self, session: VaultSession, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_answers")
        self.session = session
        self.today = today
        self.record: AuditYearRecord | None = None
        self._evidence_hint = {o.id: o.evidence for o in load_forms().obligations.obligations}
        self._description = {o.id: o.description for o in load_forms().obligations.obligations}
        layout = QVBoxLayout(self)
        self.state = note("", self, "audit_state")
        layout.addWidget(self.state)

        dates = QHBoxLayout()
        self.audit_date = date_edit(self, "audit_date", today)
        self.audit_date.setAccessibleName("Audit date")
        self.next_review = date_edit(self, "next_review", today)
        self.next_review.setAccessibleName("Next review")
        self.next_review_set = QCheckBox("Next review on", self)
        self.next_review_set.setObjectName("next_review_set")
        self.next_review_set.setToolTip("Leave unticked for the audit date plus twelve months")
        self.next_review_set.toggled.connect(self.next_review.setEnabled)
        self.save_dates = QPushButton("Save the dates", self)
        self.save_dates.setObjectName("save_dates")
        self.save_dates.clicked.connect(self.submit_dates)
        label = QLabel("Audit date:", self)
        label.setBuddy(self.audit_date)
        dates.addWidget(label)
        dates.addWidget(self.audit_date)
        dates.addWidget(self.next_review_set)
        dates.addWidget(self.next_review)
        dates.addWidget(self.save_dates)
        dates.addStretch(1)
        layout.addLayout(dates)
        self.dates_problem = note("", self, "problem_dates", PROBLEM_TONE)
        self.dates_problem.setVisible(False)
        layout.addWidget(self.dates_problem)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        self.table = QTableView(split)
        self.table.setObjectName("obligations")
        name_list(self.table, "Obligations: choose one with the arrow keys, then press Tab to answer it")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(["Obligation", "Status", "Owner", "Due"])
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        split.addWidget(self.table)
        split.addWidget(self._editor(split))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)

    # --- the answer form ----------------------------------------------------------------------------------------
    def _editor(self, parent: QWidget) -> QWidget:
        area = QScrollArea(parent)
        area.setObjectName("answer_area")
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget(area)
        holder.setObjectName("answer_form")
        column = QVBoxLayout(holder)
        self.heading = note("", holder, "answer_heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        column.addWidget(self.heading)
        self.hint = note("", holder, "evidence_hint", "muted")
        column.addWidget(self.hint)
        self.register_line = note("", holder, "register_evidence", "register-line")
        column.addWidget(self.register_line)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        column.addLayout(self.form)
        self.fields: dict[str, QWidget] = {}
        self.problems: dict[str, QLabel] = {}
        self.status = self._add("Status:", QComboBox(holder), "status")
        for choice in CHOICES:
            self.status.addItem(choice.label, choice.value)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.reason = self._add("Why it does not apply:", QLineEdit(holder), "reason")
        self.evidence = self._add("Evidence seen:", self._box(holder, "What shows the obligation is met"), "evidence")
        self.action = self._add("Action needed:", self._box(holder, "What will be done, if anything"), "action")
        self.owner = self._add("Owner:", QLineEdit(holder), "owner")
        self.owner.setPlaceholderText("Who will take the action")
        due_row = QWidget(holder)
        due_layout = QHBoxLayout(due_row)
        due_layout.setContentsMargins(0, 0, 0, 0)
        self.has_due = QCheckBox("Due by", due_row)
        self.has_due.setObjectName("has_due")
        self.due = date_edit(due_row, "due", self.today)
        self.due.setAccessibleName("Action due date")
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_layout.addWidget(self.has_due)
        due_layout.addWidget(self.due, 1)
        self._add("Due date:", due_row, "due_row", focus=self.due)
        self.notes = self._add("Notes:", self._box(holder, "Anything else the governors should know"), "notes")
        self.general = note("", holder, "problem_general", PROBLEM_TONE)
        self.general.setVisible(False)
        column.addWidget(self.general)
        self.save = QPushButton("Save this answer", holder)
        self.save.setObjectName("save_answer")
        self.save.setShortcut(QKeySequence("Ctrl+S"))
        self.save.setToolTip("Ctrl+S")
        self.save.clicked.connect(self.submit)
        column.addWidget(self.save)
        column.addStretch(1)
        area.setWidget(holder)
        self.editor_area = area
        return area

    def _box(self, parent: QWidget, placeholder: str) -> QPlainTextEdit:
        box = QPlainTextEdit(parent)
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 12)
        return box

    def _add(self, label: str, widget: Any, name: str, focus: QWidget | None = None) -> Any:
        parent = widget.parentWidget()
        holder = QWidget(parent)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        widget.setParent(holder)
        widget.setObjectName(name)
        column.addWidget(widget)
        problem = note("", holder, f"problem_{name}", PROBLEM_TONE)
        problem.setVisible(False)
        column.addWidget(problem)
        self.form.addRow(label, holder)
        target = focus or widget
        name_field(self.form, holder, target, label)
        self.fields[name if focus is None else "due"] = target
        self.problems[name if focus is None else "due"] = problem
        return widget

    # --- showing a year -------------------------------------------------------------------------------------------
    def show_record(self, record: AuditYearRecord | None, register_line: str) -> None:
        self.record = record
        self.register_line.setText(f"From the training register: {register_line}")
        current = self.table.currentIndex().row()
        self.model.removeRows(0, self.model.rowCount())
        if record is None:
            self.state.setText("This year's audit has not been started.")
            self._enable(False)
            return
        for number, answer in enumerate(record.answers, start=1):
            cells = [
                f"{number}. {answer.title}",
                status_text(answer, self.today),
                answer.form.owner,
                short(answer.form.due),
            ]
            items = [QStandardItem(text) for text in cells]
            for item in items:
                item.setEditable(False)
                item.setToolTip(item.text())  # the whole title where a narrow window shortens it
            self.model.appendRow(items)
        self._fit_columns()
        self.state.setText(self._state_sentence(record))
        self.audit_date.setDate(qdate(record.audit_date or min(self.today, record.year.last_day)))
        self.next_review_set.setChecked(record.next_review is not None)
        self.next_review.setEnabled(record.next_review is not None)
        if record.next_review is not None:
            self.next_review.setDate(qdate(record.next_review))
        self._enable(not record.locked)
        row = current if 0 <= current < self.model.rowCount() else 0
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._row_changed()

    def _fit_columns(self) -> None:
        """Status, owner and due date as wide as their longest text (the obligation takes the rest)."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        for column in (1, 2, 3):
            texts = [self.model.headerData(column, Qt.Orientation.Horizontal) or ""]
            texts += [self.model.item(row, column).text() for row in range(self.model.rowCount())]
            header.resizeSection(
                column, min(max(metrics.horizontalAdvance(str(t)) for t in texts) + 16, metrics.averageCharWidth() * 40)
            )

    def _state_sentence(self, record: AuditYearRecord) -> str:
        counts = record.counts()
        done = len(record.answers) - counts[AuditStatus.NOT_ASSESSED]
        text = f"{record.year}: {done} of {len(record.answers)} obligations assessed"
        if record.to_confirm():
            text += f", {record.to_confirm()} carried from last year still to confirm"
        late = sum(1 for a in record.answers if a.action_past_due(self.today))
        if late:
            text += f", {late} action{'s' if late != 1 else ''} past due"
        if record.closed:
            text += ". Signed and closed: changes are added as corrections on the Sign-off tab."
        elif record.locked:
            text += ". Signing has begun, so the answers stand as signed."
        else:
            text += "."
        return text

    def _enable(self, editable: bool) -> None:
        for widget in (
            *self.fields.values(),
            self.has_due,
            self.save,
            self.audit_date,
            self.next_review_set,
            self.save_dates,
        ):
            widget.setEnabled(editable)
        self.next_review.setEnabled(editable and self.next_review_set.isChecked())
        self.due.setEnabled(editable and self.has_due.isChecked())
        self.reason.setEnabled(editable and self.status.currentData() == AuditStatus.NOT_APPLICABLE.value)

    def current_answer(self) -> AuditAnswer | None:
        row = self.table.currentIndex().row()
        if self.record is None or not 0 <= row < len(self.record.answers):
            return None
        return self.record.answers[row]

    def select(self, row: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, 0))

    def _row_changed(self, *_args: object) -> None:
        answer = self.current_answer()
        self._show_problems([])
        if answer is None:
            return
        number = self.table.currentIndex().row() + 1
        description = self._description.get(answer.obligation_id, "")
        self.heading.setText(f"<b>{number}. {_html(answer.title)}</b><br>{_html(description)}")
        evidence = self._evidence_hint.get(answer.obligation_id, "")
        self.hint.setText(f"Evidence could be: {evidence}" if evidence else "")
        self.hint.setVisible(bool(evidence))
        f = answer.form
        self.status.setCurrentIndex(max(0, self.status.findData(f.status.value)))
        self.reason.setText(f.reason)
        self.evidence.setPlainText(f.evidence)
        self.action.setPlainText(f.action)
        self.owner.setText(f.owner)
        self.has_due.setChecked(f.due is not None)
        self.due.setDate(qdate(f.due or self.today))
        self.notes.setPlainText(f.notes)
        self.save.setText("Confirm this answer" if answer.carried else "Save this answer")
        self.save.setShortcut(QKeySequence("Ctrl+S"))  # setText drops a button's shortcut
        self._enable(self.record is not None and not self.record.locked)

    def _status_changed(self, *_args: object) -> None:
        editable = self.record is not None and not self.record.locked
        self.reason.setEnabled(editable and self.status.currentData() == AuditStatus.NOT_APPLICABLE.value)

    # --- saving ---------------------------------------------------------------------------------------------------
    def form_values(self) -> AnswerForm:
        return AnswerForm(
            status=AuditStatus(self.status.currentData()),
            reason=self.reason.text(),
            evidence=self.evidence.toPlainText(),
            action=self.action.toPlainText(),
            owner=self.owner.text(),
            due=pydate(self.due.date()) if self.has_due.isChecked() else None,
            notes=self.notes.toPlainText(),
        )

    def submit(self) -> bool:
        answer = self.current_answer()
        if answer is None or self.record is None:
            return False
        try:
            checklist.record_answer(self.session, self.record.year, answer.obligation_id, self.form_values())
        except InvalidInput as error:
            self._show_problems(error.problems)
            return False
        except UserFacingError as error:
            self.general.setText(error.sentence)
            self.general.setVisible(True)
            return False
        self._show_problems([])
        row = self.table.currentIndex().row()
        self.saved.emit()
        if row + 1 < self.model.rowCount():  # on to the next obligation, as on paper
            self.select(row + 1)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _show_problems(self, problems: list[Any]) -> None:
        by_field = {p.field: p.sentence for p in problems}
        for name, label in self.problems.items():
            label.setText(by_field.get(name, ""))
            label.setVisible(name in by_field)
            self.fields[name].setAccessibleDescription(by_field.get(name, ""))
        self.general.setVisible(False)
        first = next((name for name in self.problems if name in by_field), None)
        if first is not None:
            self.fields[first].setFocus(Qt.FocusReason.OtherFocusReason)

    def submit_dates(self) -> bool:
        if self.record is None:
            return False
        review = pydate(self.next_review.date()) if self.next_review_set.isChecked() else None
        try:
            checklist.set_dates(
                self.session, self.record.year, pydate(self.audit_date.date()), review, today=self.today
            )
        except UserFacingError as error:
            sentences = [p.sentence for p in error.problems] if isinstance(error, InvalidInput) else [error.sentence]
            self.dates_problem.setText(" ".join(sentences))
            self.dates_problem.setVisible(True)
            self.audit_date.setFocus()
            return False
        self.dates_problem.setVisible(False)
        self.saved.emit()
        return True

    def year(self) -> AcademicYear | None:
        return self.record.year if self.record else None


def _html(text: str) -> str:
    import html

    return html.escape(text)


def warn(parent: QWidget, title: str, sentence: str) -> None:
    ask.current().warn(parent, title, sentence)


__all__ = ["AnswersTab", "date_edit", "plain_text", "pydate", "qdate", "short"]
