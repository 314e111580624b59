"""About the setting: who a social worker calls back (printed on referral summaries) and the days it is closed."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import FieldProblem, InvalidInput
from desktop_app.services.setting import about, closures, phase
from desktop_app.ui.a11y import name_field, name_list
from desktop_app.ui.labels import note
from desktop_app.ui.settings.common import StatusArea
from desktop_app.ui.workers import describe_error

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)

# field, label, hint shown in the empty box
FIELDS = (
    ("name", "Setting's name:", "e.g. Hollybrook Community School"),
    ("dsl_name", "DSL's name:", "as it should print"),
    ("dsl_role", "DSL's role:", "e.g. Designated Safeguarding Lead, Deputy Head"),
    ("dsl_phone", "DSL's direct telephone:", "e.g. 0114 273 4855"),
    ("dsl_email", "DSL's email:", "e.g. dsl@hollybrook.sch.uk"),
    ("address", "Setting's address:", "One line per line of the address"),
    ("phone", "Setting's telephone:", "the main office number"),
)


def day_text(day: date) -> str:
    return f"{day:%a} {day.day} {day:%B %Y}"


def closure_text(closure: Any) -> str:
    span = (
        day_text(closure.first)
        if closure.first == closure.last
        else (f"{day_text(closure.first)} to {day_text(closure.last)}")
    )
    return f"{span} — {closure.note}" if closure.note else span


class AboutSection(QWidget):
    """Edit the referrer's details (checked, audited) and the closure days review dates avoid."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._today = today or date.today()
        intro = note(
            "A social worker reading a referral summary calls these people back. They print on every referral "
            "summary; a detail left empty is left off.",
            self,
        )
        self.boxes: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.problems: dict[str, QLabel] = {}
        details = QGroupBox("Who to call back", self)
        form = QFormLayout(details)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above the boxes when narrow (150%)
        for key, label, hint in FIELDS:
            box: QLineEdit | QPlainTextEdit
            if key == "address":
                box = QPlainTextEdit(details)
                box.setTabChangesFocus(True)
                box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 12)
            else:
                box = QLineEdit(details)
            box.setObjectName(f"about_{key}")
            box.setPlaceholderText(hint)
            problem = note("", details, name="error_message")
            problem.hide()
            holder = QWidget(details)
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(box)
            column.addWidget(problem)
            form.addRow(label, holder)
            name_field(form, holder, box, label)
            self.boxes[key] = box
            self.problems[key] = problem
        self.save_button = QPushButton("Save these details", details)
        self.save_button.setObjectName("save_about")
        self.save_button.clicked.connect(self.save)
        self.status = StatusArea(details)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        form.addRow(row)
        form.addRow(self.status)

        stage = QGroupBox("Phase of education", self)
        stage_intro = note(
            "Staff recording a concern choose the child's year group from your phase's year groups only.", stage
        )
        self.phase = QComboBox(stage)
        self.phase.setObjectName("setting_phase")
        # long titles are read in the open list, not by widening the page (150% zoom)
        self.phase.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.phase.setMinimumContentsLength(20)
        for phase_id, title in phase.choices():
            self.phase.addItem(title, phase_id)
        self.phase_status = StatusArea(stage)
        stage_form = QFormLayout()
        stage_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        stage_form.addRow("Our phase:", self.phase)
        self.phase.setAccessibleName("Our phase of education")
        stage_layout = QVBoxLayout(stage)
        stage_layout.addWidget(stage_intro)
        stage_layout.addLayout(stage_form)
        stage_layout.addWidget(self.phase_status)

        closed = QGroupBox("Days the setting is closed", self)
        closed_intro = note(
            "Review dates never fall on a weekend or a bank holiday. Add the days your setting is also closed "
            "(INSET days, half terms, holidays) and suggested review dates move to the first day back.",
            closed,
        )
        self.closure_list = QListWidget(closed)
        self.closure_list.setObjectName("closure_list")
        name_list(self.closure_list, "Days the setting is closed")
        self.closure_list.setMaximumHeight(150)
        self.closure_list.setWordWrap(True)
        self.first = QDateEdit(closed)
        self.last = QDateEdit(closed)
        for edit, name in ((self.first, "closure_first"), (self.last, "closure_last")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMMM yyyy")
            edit.setDate(QDate(self._today.year, self._today.month, self._today.day))
        self.first.dateChanged.connect(self._first_changed)
        self.closure_note = QLineEdit(closed)
        self.closure_note.setObjectName("closure_note")
        self.closure_note.setPlaceholderText("e.g. INSET day, February half term")
        dates = QFormLayout()
        dates.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        dates.addRow("First closed day:", self.first)
        dates.addRow("Last closed day:", self.last)
        dates.addRow("What it is:", self.closure_note)
        for widget, label in (
            (self.first, "First closed day"),
            (self.last, "Last closed day"),
            (self.closure_note, "What it is"),
        ):
            widget.setAccessibleName(label)
        self.add_button = QPushButton("Add these closed days", closed)
        self.add_button.setObjectName("add_closure")
        self.add_button.clicked.connect(self.add_closure)
        self.remove_button = QPushButton("Remove the chosen closed days", closed)
        self.remove_button.setObjectName("remove_closure")
        self.remove_button.clicked.connect(self.remove_closure)
        self.closure_status = StatusArea(closed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        closed_layout = QVBoxLayout(closed)
        closed_layout.addWidget(closed_intro)
        closed_layout.addWidget(self.closure_list)
        closed_layout.addLayout(dates)
        closed_layout.addLayout(buttons)
        closed_layout.addWidget(self.closure_status)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(details)
        layout.addWidget(stage)
        layout.addWidget(closed)
        layout.addStretch(1)
        self.closure_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self._load()
        self._load_phase()
        self.phase.activated.connect(self.save_phase)  # chosen from the list (not set by the code): saved at once

    # --- the phase of education ---------------------------------------------------------------------------------
    def _load_phase(self) -> None:
        try:
            chosen = phase.current(self.session)
        except Exception as error:  # said plainly, never a crash
            self.phase_status.say(describe_error(error))
            return
        self.phase.setCurrentIndex(max(0, self.phase.findData(chosen)))

    def save_phase(self, *_args: object) -> None:
        chosen = str(self.phase.currentData())
        try:
            changed = phase.save(self.session, chosen)
        except Exception as error:  # said plainly, never a crash
            self.phase_status.say(describe_error(error))
            self._load_phase()
            return
        groups = phase.year_groups(chosen)
        listed = f"{groups[0]} to {groups[-1]}" if len(groups) > 1 else groups[0]
        self.phase_status.say(f"Saved. Staff are offered {listed}." if changed else f"Staff are offered {listed}.")

    # --- the referrer's details -------------------------------------------------------------------------------
    def _load(self) -> None:
        try:
            setting = self.session.setting
        except Exception as error:
            _log.warning("could not read the setting's details")
            self.status.failed(describe_error(error))
            return
        self.fill(about.AboutSetting.of(setting))
        self._show_closures(setting.closures)

    def fill(self, form: about.AboutSetting) -> None:
        for key, box in self.boxes.items():
            value = getattr(form, key)
            if isinstance(box, QPlainTextEdit):
                box.setPlainText(value)
            else:
                box.setText(value)

    def form_value(self) -> about.AboutSetting:
        values = {
            key: box.toPlainText() if isinstance(box, QPlainTextEdit) else box.text() for key, box in self.boxes.items()
        }
        return about.AboutSetting(**values)

    def show_problems(self, problems: list[FieldProblem]) -> None:
        for label in self.problems.values():
            label.hide()
        for problem in problems:
            line = self.problems.get(problem.field)
            if line is not None:
                line.setText(problem.sentence)
                line.show()
        if problems:
            first = self.boxes.get(problems[0].field)
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        try:
            saved = about.save(self.session, self.form_value())
        except InvalidInput as error:
            self.show_problems(error.problems)
            self.status.failed("Nothing was saved: put right the details marked above.")
            return
        except Exception as error:
            self.status.failed(describe_error(error))
            return
        self.show_problems([])
        self.fill(about.AboutSetting.of(saved))
        gaps = about.missing(saved)
        if gaps:
            self.status.done(f"Saved. Still empty, so left off referral summaries: {', '.join(gaps)}.")
        else:
            self.status.done("Saved. Referral summaries will show these details.")

    # --- closures -------------------------------------------------------------------------------------------------
    def _first_changed(self, day: QDate) -> None:
        if self.last.date() < day:
            self.last.setDate(day)

    def _show_closures(self, shown: tuple[Any, ...]) -> None:
        self.closure_list.clear()
        for closure in shown:
            item = QListWidgetItem(closure_text(closure))
            item.setData(Qt.ItemDataRole.UserRole, closure)
            self.closure_list.addItem(item)
        if not shown:
            empty = QListWidgetItem("No closed days added yet.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.closure_list.addItem(empty)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.closure_list.currentItem()
        self.remove_button.setEnabled(item is not None and item.data(Qt.ItemDataRole.UserRole) is not None)

    def add_closure(self) -> None:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        try:
            closure = closures.check(first, last, self.closure_note.text())
            shown = closures.add(self.session, closure)
        except InvalidInput as error:
            self.closure_status.failed(" ".join(p.sentence for p in error.problems))
            return
        except Exception as error:
            self.closure_status.failed(describe_error(error))
            return
        self._show_closures(shown)
        self.closure_note.clear()
        self.closure_status.done(f"Added: {closure_text(closure)}.")

    def remove_closure(self) -> None:
        item = self.closure_list.currentItem()
        closure = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if closure is None:
            return
        try:
            shown = closures.remove(self.session, closure)
        except Exception as error:
            self.closure_status.failed(describe_error(error))
            return
        self._show_closures(shown)
        self.closure_status.done(f"Removed: {closure_text(closure)}.")
