"""The staff training register, and the CE Lead and deputies, as two tabs of the Audit page."""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.audit import ExploitationRole, RegisterRow
from desktop_app.errors import UserFacingError
from desktop_app.services.audit import training
from desktop_app.ui import ask
from desktop_app.ui.a11y import name_list
from desktop_app.ui.audit.answers import date_edit, pydate, short
from desktop_app.ui.labels import note
from desktop_app.ui.models import Column, RecordsModel
from desktop_app.ui.referrals import FormDialog

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

PAGE = 100


def _due_text(row: RegisterRow, today: date) -> str:
    if row.next_due is None:
        return "No training recorded"
    if row.next_due < today:
        return f"OVERDUE since {short(row.next_due)}"
    return short(row.next_due)


class RegisterTab(QWidget):
    """Who is on the register, their last training and when it is next due; add people, record training."""

    saved = Signal()

    def __init__(self, session: VaultSession, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("training_register")
        self.session = session
        self.today = today
        self.windows: list[QWidget] = []
        layout = QVBoxLayout(self)
        self.figures = note("", self, "training_figures")
        layout.addWidget(self.figures)
        self.table = QTableView(self)
        self.table.setObjectName("staff_list")
        name_list(self.table, "Staff on the training register")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add a member of staff…", self)
        self.add_button.setObjectName("add_staff")
        self.add_button.clicked.connect(self.add_staff)
        self.training_button = QPushButton("Record training for the selected person…", self)
        self.training_button.setObjectName("record_training")
        self.training_button.clicked.connect(self.record_training)
        self.left_button = QPushButton("The selected person has left…", self)
        self.left_button.setObjectName("staff_left")
        self.left_button.clicked.connect(self.staff_left)
        # Adding on one row, what is done to the selected person on the next: the three side by side were wider than
        # a laptop's page at 150% and pushed the window off the screen.
        selected = QHBoxLayout()
        buttons.addWidget(self.add_button)
        selected.addWidget(self.training_button)
        selected.addWidget(self.left_button)
        for row in (buttons, selected):
            row.addStretch(1)
            layout.addLayout(row)

    def reload(self) -> None:
        figures = training.figures(self.session, self.today)
        self.figures.setText(
            f"<b>{html.escape(figures.sentence())}</b>. {figures.due_or_overdue} with training due "
            "within a month, overdue or not recorded."
        )
        today = self.today
        model = RecordsModel(
            [
                Column("Name", lambda r: r.staff.name),
                Column("Job title", lambda r: r.staff.job_title),
                Column("Role", lambda r: r.staff.exploitation_role.label),
                Column("Last trained", lambda r: short(r.last_trained) or "Never"),
                Column("Next due", lambda r: _due_text(r, today)),
            ],
            lambda limit: training.register(self.session, limit, today),
            PAGE,
            attention=lambda r: r.next_due is None or r.next_due < today,
            parent=self,
        )
        self.table.setModel(model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        if model.rowCount():
            self.table.selectRow(0)

    def selected(self) -> RegisterRow | None:
        model = self.table.model()
        index = self.table.currentIndex()
        if isinstance(model, RecordsModel) and index.isValid():
            record: RegisterRow = model.record(index.row())
            return record
        return None

    def _open(self, dialog: FormDialog) -> FormDialog:
        dialog.saved.connect(self.saved)
        self.windows.append(dialog)
        dialog.open()
        return dialog

    def add_staff(self) -> FormDialog:
        dialog = FormDialog(
            self.window(),
            "Add a member of staff",
            "Adults who work at the setting, paid or unpaid.",
            "Add to the register",
        )
        dialog.setObjectName("add_staff_dialog")
        name = dialog.add_field("Name:", QLineEdit(dialog), "name")
        job = dialog.add_field("Job title:", QLineEdit(dialog), "job_title")
        role = dialog.add_field("Part in exploitation work:", QComboBox(dialog), "role")
        for choice, text in (
            (ExploitationRole.NONE, "None"),
            (ExploitationRole.CE_LEAD, "Child Exploitation Lead"),
            (ExploitationRole.DEPUTY, "Deputy"),
        ):
            role.addItem(text, choice.value)
        started = dialog.add_field("Started on:", date_edit(dialog, "started_on", self.today), "started_on")
        dialog.submit = lambda: training.add_staff(
            self.session,
            name.text(),
            job.text(),
            pydate(started.date()),
            ExploitationRole(role.currentData()),
            today=self.today,
        )
        return self._open(dialog)

    def record_training(self) -> FormDialog | None:
        row = self.selected()
        if row is None:
            ask.current().inform(self, "Record training", "Choose a member of staff in the list first.")
            return None
        dialog = FormDialog(
            self.window(),
            f"Record training for {row.staff.name}",
            "When the course was completed; it falls due again after its refresh period.",
            "Record the training",
        )
        dialog.setObjectName("record_training_dialog")
        course = dialog.add_field("Training:", QComboBox(dialog), "course")
        for course_id, title in training.courses():
            course.addItem(title, course_id)
        completed = dialog.add_field("Completed on:", date_edit(dialog, "completed_on", self.today), "completed_on")
        notes = dialog.add_field("Notes:", QLineEdit(dialog), "notes")
        dialog.start_in(course)  # which course comes first; the notes are optional
        staff_id = row.staff.staff_id
        dialog.submit = lambda: training.record_training(
            self.session, staff_id, course.currentData(), pydate(completed.date()), notes.text(), today=self.today
        )
        return self._open(dialog)

    def staff_left(self) -> FormDialog | None:
        row = self.selected()
        if row is None:
            ask.current().inform(self, "Someone has left", "Choose a member of staff in the list first.")
            return None
        dialog = FormDialog(
            self.window(),
            f"{row.staff.name} has left",
            "They leave the register's figures from this date; their training records are kept.",
            "Record the leaving date",
        )
        dialog.setObjectName("staff_left_dialog")
        left = dialog.add_field("Left on:", date_edit(dialog, "left_on", self.today), "left_on")
        staff_id = row.staff.staff_id
        dialog.submit = lambda: training.staff_left(self.session, staff_id, pydate(left.date()), today=self.today)
        return self._open(dialog)


class LeadsTab(QWidget):
    """The guidance's first duty: a trained, regularly updated CE Lead known to staff and students, and deputies."""

    saved = Signal()

    def __init__(self, session: VaultSession, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ce_leads")
        self.session = session
        self.today = today
        layout = QVBoxLayout(self)
        self.summary = note("", self, "leads_summary")
        layout.addWidget(self.summary)
        self.people = QComboBox(self)
        self.people.setObjectName("lead_person")
        self.people.setAccessibleName("Member of staff")
        self.people.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.people.setMinimumContentsLength(24)
        label = QLabel("Member of staff:", self)
        label.setBuddy(self.people)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.people, 1)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        self.make_lead = QPushButton("Make them the CE Lead", self)
        self.make_lead.setObjectName("make_ce_lead")
        self.make_lead.clicked.connect(lambda: self.set_role(ExploitationRole.CE_LEAD))
        self.make_deputy = QPushButton("Make them a deputy", self)
        self.make_deputy.setObjectName("make_deputy")
        self.make_deputy.clicked.connect(lambda: self.set_role(ExploitationRole.DEPUTY))
        self.no_role = QPushButton("Remove their role", self)
        self.no_role.setObjectName("remove_role")
        self.no_role.clicked.connect(lambda: self.set_role(ExploitationRole.NONE))
        for button in (self.make_lead, self.make_deputy, self.no_role):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(note("Add people to the register on the Training register tab first.", self, tone="muted"))
        layout.addStretch(1)

    def reload(self) -> None:
        figures = training.figures(self.session, self.today)
        lead = figures.ce_lead
        lines = [f"<b>Child Exploitation Lead:</b> {html.escape(lead.name) if lead else 'none recorded'}"]
        if lead is not None:
            trained = short(figures.ce_lead_last_trained) or "no training recorded"
            due = short(figures.ce_lead_next_due) or "not known"
            lines.append(f"Last trained {html.escape(trained)}; training next due {html.escape(due)}.")
        deputies = ", ".join(html.escape(d.name) for d in figures.deputies) or "none recorded"
        lines.append(f"<b>Deputies:</b> {deputies}")
        self.summary.setText("<br>".join(lines))
        current = self.people.currentData()
        self.people.clear()
        for person in training.staff(self.session):
            role = f" ({person.exploitation_role.label})" if person.exploitation_role != ExploitationRole.NONE else ""
            self.people.addItem(f"{person.name}{role}", person.staff_id)
        if current is not None and self.people.findData(current) >= 0:
            self.people.setCurrentIndex(self.people.findData(current))

    def set_role(self, role: ExploitationRole) -> bool:
        staff_id = self.people.currentData()
        if staff_id is None:
            return False
        try:
            training.set_role(self.session, int(staff_id), role)
        except UserFacingError as error:
            ask.current().warn(self, "CE Lead and deputies", error.sentence)
            return False
        self.saved.emit()
        return True
