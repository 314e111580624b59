"""A concern's actions in its record window: who does what by when, and what came of it.

``ActionsSection`` lists the concern's actions (open ones first, overdue ones marked in words and colour) with the
buttons to add one, complete the selected one with its outcome, or hand it on / move its date. Nothing is edited:
each of those is a new event kept in the action's history (``services.actions``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actions import ConcernAction
from desktop_app.services.actions import lists
from desktop_app.services.actions.add import NewAction, add_action
from desktop_app.services.actions.change import change_action
from desktop_app.services.actions.complete import complete_action
from desktop_app.ui import ask
from desktop_app.ui.a11y import name_list
from desktop_app.ui.cells import SharedWidths
from desktop_app.ui.models import Column, RecordsModel
from desktop_app.ui.referrals import FormDialog, pydate, qdate, short_date

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

NEW_PERSON = -1  # the owner list's last choice: someone not yet on the staff register


def status_text(action: ConcernAction, today: date) -> str:
    """Where an action stands, in words (colour is never the only signal)."""
    if not action.is_open:
        return f"Done {short_date(action.done_on)}"
    late = action.days_overdue(today)
    if late:
        return f"OVERDUE by {late} day{'s' if late != 1 else ''}"
    return "Due today" if action.due == today else "Open"


def action_columns(today: date) -> list[Column]:
    return [
        Column("Due", lambda a: short_date(a.due)),
        Column("Status", lambda a: status_text(a, today)),
        Column("What is to be done", lambda a: a.text),
        Column("Who", lambda a: a.owner.described),
        Column("Outcome", lambda a: a.outcome),
    ]


def _date_edit(parent: QWidget, value: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMMM yyyy")
    edit.setDate(qdate(value))
    return edit


def _owner_box(dialog: FormDialog, session: VaultSession, current: int | None, new_person: bool) -> QComboBox:
    box = dialog.add_field("Who will do it:", QComboBox(dialog), "owner")
    for member in lists.owners(session):
        label = f"{member.name} ({member.job_title})" if member.job_title else member.name
        box.addItem(label, member.staff_id)
    if new_person:
        box.addItem("Someone not on the staff register yet…", NEW_PERSON)
    if current is not None and box.findData(current) >= 0:
        box.setCurrentIndex(box.findData(current))
    return box


class AddActionDialog(FormDialog):
    """What is to be done, who by (a member of staff, or someone added to the register here), and by when."""

    def __init__(
        self, parent: QWidget | None, session: VaultSession, concern_id: int, today: date | None = None
    ) -> None:
        super().__init__(
            parent,
            "Add an action",
            "Agree one thing to be done, by one named member of staff, by a date. It cannot be edited "
            "afterwards; you can hand it on, change its date, or complete it with its outcome.",
            "Add action",
        )
        self.setObjectName("add_action_dialog")
        self._today = today or date.today()
        self.common = self.add_field("Start from a common action:", QComboBox(self), "common")
        self.common.addItem("(write your own)", "")
        for suggestion in lists.suggestions():
            self.common.addItem(suggestion, suggestion)
        self.text = self.add_field(
            "What is to be done:",
            self.text_box("One clear action, e.g. check attendance every day and tell the DSL of any absence"),
            "text",
        )
        self.owner = _owner_box(self, session, None, new_person=True)
        self.new_name = self.add_field("New member of staff's name:", QLineEdit(self), "new_name")
        self.new_name.setPlaceholderText("Only if they are not in the list above")
        self.new_job = self.add_field("Their job title:", QLineEdit(self), "new_job")
        self.due = self.add_field("Due by:", _date_edit(self, self._today + timedelta(days=7)), "due")
        self.common.activated.connect(self._use_common)
        self.owner.currentIndexChanged.connect(self._owner_changed)
        self._owner_changed()
        self.submit = lambda: add_action(session, concern_id, self.form_value(), self._today)

    def _use_common(self, index: int) -> None:
        chosen = self.common.itemData(index)
        if chosen:
            self.text.setPlainText(str(chosen))

    def _owner_changed(self, *_args: object) -> None:
        """The new person's boxes are always there (nothing moves); they are for typing only when chosen."""
        new = self.owner.currentData() == NEW_PERSON
        self.new_name.setEnabled(new)
        self.new_job.setEnabled(new)

    def form_value(self) -> NewAction:
        owner = self.owner.currentData()
        new = owner == NEW_PERSON or owner is None
        return NewAction(
            self.text.toPlainText(),
            pydate(self.due.date()),
            None if new else int(owner),
            self.new_name.text() if new else "",
            self.new_job.text() if new else "",
        )


class CompleteActionDialog(FormDialog):
    def __init__(
        self, parent: QWidget | None, session: VaultSession, action: ConcernAction, today: date | None = None
    ) -> None:
        super().__init__(
            parent,
            "Complete an action",
            f"“{action.text}” — {action.owner.described}, due {short_date(action.due)}. Record what was "
            "done and what came of it; the action then closes.",
            "Complete action",
        )
        self.setObjectName("complete_action_dialog")
        self._today = today or date.today()
        self.outcome = self.add_field("Outcome:", self.text_box("What was done and what came of it", 110), "outcome")
        self.done_on = self.add_field("Done on:", _date_edit(self, self._today), "done_on")
        self.submit = lambda: complete_action(
            session, action.action_id, self.outcome.toPlainText(), pydate(self.done_on.date()), self._today
        )


class ChangeActionDialog(FormDialog):
    def __init__(
        self, parent: QWidget | None, session: VaultSession, action: ConcernAction, today: date | None = None
    ) -> None:
        super().__init__(
            parent,
            "Hand on an action or change its date",
            f"“{action.text}”. Now with {action.owner.described}, due {short_date(action.due)}. "
            "The earlier owner and date stay in the action's history.",
            "Save change",
        )
        self.setObjectName("change_action_dialog")
        self._today = today or date.today()
        self.owner = _owner_box(self, session, action.owner.staff_id, new_person=False)
        if self.owner.findData(action.owner.staff_id) < 0:  # the owner has left: the first person is offered
            self.owner.insertItem(0, f"{action.owner.described} (has left)", action.owner.staff_id)
            self.owner.setCurrentIndex(0)
        self.due = self.add_field("Due by:", _date_edit(self, action.due), "due")
        self.reason = self.add_field("Why:", self.text_box("Why it changes hands or its date moves"), "reason")
        self.submit = lambda: change_action(
            session,
            action.action_id,
            int(self.owner.currentData()),
            pydate(self.due.date()),
            self.reason.toPlainText(),
            self._today,
        )


class ActionsSection(QWidget):
    """The concern's actions and the three things a DSL does with them. ``changed`` fires after each save."""

    changed = Signal()

    def __init__(
        self, session: VaultSession, concern_id: int, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actions_section")
        self.session = session
        self.concern_id = concern_id
        self.today = today or date.today()
        self.windows: list[QWidget] = []
        self.closed = False
        self.concern_title = ""  # "WM-2026-00042 — Leah Brennan", set by the concern window
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self)
        self.title.setObjectName("actions_title")
        self.title.setWordWrap(True)
        column.addWidget(self.title)
        row = QHBoxLayout()
        self.add_button = self._button("Add an action…", "add_action", self.add_action, row)
        self.complete_button = self._button(
            "Complete the selected action…", "complete_action", self.complete_action, row
        )
        self.change_button = self._button("Hand on or change date…", "change_action", self.change_action, row)
        row.addStretch(1)
        column.addLayout(row)
        self.table = QTableView(self)
        self.table.setObjectName("actions_list")
        name_list(self.table, "Actions on this concern")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # every cell whole at 100% and 150% ("OVERDUE by 3…" was cut short): the text wraps in columns shared out
        # to the list's width, and the list scrolls down, not sideways
        self.shape = SharedWidths(self.table, spare_to="What is to be done")
        column.addWidget(self.table, 1)
        self.reload()

    def _button(self, text: str, name: str, slot: Any, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def reload(self, closed: bool | None = None) -> None:
        if closed is not None:
            self.closed = closed
        self.listed = lists.for_concern(self.session, self.concern_id)
        actions = self.listed
        self.model = RecordsModel(
            action_columns(self.today),
            lambda limit: actions[:limit],
            page_size=max(100, len(actions)),
            attention=lambda a: a.overdue(self.today),
            parent=self,
        )
        self.table.setModel(self.model)
        self.shape.fit()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        if actions:
            self.table.selectRow(0)
        open_ = [a for a in actions if a.is_open]
        late = sum(1 for a in open_ if a.overdue(self.today))
        if not actions:
            summary = "none agreed yet"
        else:
            summary = f"{len(open_)} open, {len(actions) - len(open_)} done"
            if late:
                summary += f" (<span style='color:#8a1c14'><b>{late} overdue</b></span>)"
        self.title.setText(f"<b>Actions</b> — {summary}")
        self.add_button.setEnabled(not self.closed)
        why = "This concern is closed, so no new action can be added." if self.closed else ""
        self.add_button.setToolTip(why)
        self.add_button.setAccessibleDescription(why)
        self._selection_changed()

    def selected(self) -> ConcernAction | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return self.model.record(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: object) -> None:
        chosen = self.selected()
        usable = chosen is not None and chosen.is_open
        why = (
            ""
            if usable
            else (
                "Select an open action in the list first."
                if chosen is None
                else "The selected action is already completed."
            )
        )
        for button in (self.complete_button, self.change_button):
            button.setEnabled(usable)
            button.setToolTip(why)
            button.setAccessibleDescription(why)

    # --- the three dialogs ----------------------------------------------------------------------------------------
    def add_action(self) -> AddActionDialog:
        dialog = AddActionDialog(self.window(), self.session, self.concern_id, self.today)
        if self.concern_title:  # kept as a sealed draft if the vault locks while it is open
            dialog.keep_as(self.session, "action", self.concern_id, f"Action on {self.concern_title}")
        return self._open(dialog)

    def complete_action(self) -> CompleteActionDialog | None:
        chosen = self._chosen("Complete an action")
        return (
            None
            if chosen is None
            else self._open(CompleteActionDialog(self.window(), self.session, chosen, self.today))
        )

    def change_action(self) -> ChangeActionDialog | None:
        chosen = self._chosen("Hand on an action")
        return (
            None if chosen is None else self._open(ChangeActionDialog(self.window(), self.session, chosen, self.today))
        )

    def _chosen(self, title: str) -> ConcernAction | None:
        chosen = self.selected()
        if chosen is None or not chosen.is_open:
            ask.current().inform(self, title, "Select an open action in the list of actions first.")
            return None
        return chosen

    def _open(self, dialog: Any) -> Any:
        from desktop_app.ui.record_windows import RECORDS_PROPERTY

        dialog.setProperty(RECORDS_PROPERTY, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.windows.append(dialog)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self) -> None:
        self.reload()
        self.changed.emit()


def due_columns() -> list[Column]:
    """The dashboard's "Actions due": overdue ones say so in words, then the child, the action, who, the concern."""
    return [
        Column(
            "Due",
            lambda r: (
                (f"OVERDUE {r.days_overdue} day{'s' if r.days_overdue != 1 else ''} · " if r.overdue else "")
                + short_date(r.due)
            ),
        ),
        Column("Child", lambda r: r.child_name),
        Column("Action", lambda r: r.text),
        Column("Who", lambda r: r.owner.name),
        Column("Concern", lambda r: r.reference),
    ]


def show_due(panel: Any, session: VaultSession, today: date, page: int = 50) -> None:
    """Fill a dashboard ``Panel`` with the open actions due within the forms' horizon, most overdue first."""
    counts = lists.count_due(session, today)
    model = RecordsModel(
        due_columns(),
        lambda limit: lists.due_actions(session, today, limit),
        page,
        attention=lambda r: r.overdue,
        parent=panel,
    )
    extra = f" — <span style='color:#8a1c14'><b>{counts.overdue} overdue</b></span>" if counts.overdue else ""
    panel.show_model(model, counts.due, extra)
