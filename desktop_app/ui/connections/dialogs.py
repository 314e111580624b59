"""Dialogs of the Connections section: link a child on file to a concern, correct a linked child's role, correct an
adult or a place. Each shows a refusal as one sentence in the dialog and saves nothing until it is put right."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.connections import AdultRecord, ChildLink, PlaceRecord
from desktop_app.domain.enums import ChildRole
from desktop_app.domain.records import AdultOfConcern, Place
from desktop_app.errors import UserFacingError
from desktop_app.services.child import connections
from desktop_app.ui.a11y import name_field
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.labels import note
from desktop_app.ui.models import record_events
from desktop_app.ui.record_windows import RECORDS_PROPERTY

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

ROLE_HELP = "Their own role in this concern: it is never taken from another child."


class _Dialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, intro: str, save: str) -> None:
        super().__init__(parent)
        self.setProperty(RECORDS_PROPERTY, True)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(note(intro, self))
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.problem = note("", self, "problem", "problem")
        self.problem.setVisible(False)
        self.layout_.addWidget(self.problem)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save")
        cancel = self.buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel")
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.result_value: Any = None

    def add_row(self, label: str, widget: QWidget, name: str) -> None:
        widget.setObjectName(name)
        self.form.addRow(label, widget)
        name_field(self.form, widget, widget, label)

    def _save(self) -> None:
        try:
            self.result_value = self.save()
        except UserFacingError as error:
            self.problem.setText(error.sentence)
            self.problem.setVisible(True)
            return
        record_events().changed.emit()
        self.accept()

    def save(self) -> Any:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError


def role_box(parent: QWidget, current: ChildRole | None = None) -> QComboBox:
    box = QComboBox(parent)
    box.addItem("Choose their role…", None)
    for role in ChildRole:
        box.addItem(role.label, role.value)
    if current is not None:
        box.setCurrentIndex(box.findData(current.value))
    box.setToolTip(ROLE_HELP)
    return box


class LinkChildDialog(_Dialog):
    """Link a child on file to one of this child's concerns, with the other child's own role."""

    def __init__(self, parent: QWidget | None, session: VaultSession, child_id: int) -> None:
        from desktop_app.ui.connections.pick import ChildPicker

        name = connections.child_name(session, child_id)
        super().__init__(
            parent,
            "Link another child to a concern",
            f"Choose which of {name}'s concerns the other child is part of, find the other child, and "
            f"say what their role in it is. {ROLE_HELP}",
            "Link the child",
        )
        self.session = session
        self.concern = QComboBox(self)
        for choice in connections.concerns_of(session, child_id):
            self.concern.addItem(f"{choice.reference} ({choice.submitted_at.astimezone():%d %b %Y})", choice.concern_id)
        self.add_row("Concern:", self.concern, "concern")
        self.picker = ChildPicker(session, "The other child", self)
        self.form.addRow("The other child:", self.picker)
        self.role = role_box(self)
        self.add_row("Their role:", self.role, "role")
        self.details = QLineEdit(self)
        self.details.setMaxLength(2000)
        self.add_row("Note (optional):", self.details, "details")
        fit_to_screen(self, 560, 520)

    def save(self) -> ChildLink:
        if self.concern.currentData() is None:
            raise UserFacingError("This child has no concern yet: record a concern first, then link others to it.")
        chosen = self.picker.current()
        if chosen is None:
            raise UserFacingError("Find the other child by typing part of their name, then choose them in the list.")
        if self.role.currentData() is None:
            raise UserFacingError("Choose the other child's own role in this concern.")
        return connections.link_child(
            self.session, int(self.concern.currentData()), chosen[0], self.role.currentData(), self.details.text()
        )


class CorrectRoleDialog(_Dialog):
    def __init__(self, parent: QWidget | None, session: VaultSession, link: ChildLink) -> None:
        super().__init__(
            parent,
            "Correct a linked child's role",
            f"{link.linked_name} in concern {link.concern_reference} is recorded as "
            f"{link.role.label.lower()}. Only their role changes; the old one is kept in an amendment.",
            "Save the correction",
        )
        self.session, self.link = session, link
        self.role = role_box(self, link.role)
        self.add_row("Their role:", self.role, "role")
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(2000)
        self.add_row("Why it is corrected:", self.reason, "reason")
        fit_to_screen(self, 520, 260)

    def save(self) -> ChildLink:
        if self.role.currentData() is None:
            raise UserFacingError("Choose the child's role in this concern.")
        return connections.correct_link_role(
            self.session, self.link.link_id, self.role.currentData(), self.reason.text()
        )


class CorrectRecordDialog(_Dialog):
    """Correct an adult of concern or a place; the amendment keeps what the record said before."""

    def __init__(self, parent: QWidget | None, session: VaultSession, record: AdultRecord | PlaceRecord) -> None:
        is_adult = isinstance(record, AdultRecord)
        what = "adult of concern" if is_adult else "place"
        super().__init__(
            parent,
            f"Correct an {what}" if is_adult else f"Correct a {what}",
            f"Correct the details of this {what}. Every child linked to them sees the correction; the "
            f"amendment keeps what the record said before.",
            "Save the correction",
        )
        self.session, self.record = session, record
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        if isinstance(record, AdultRecord):
            rows = [
                ("Name or nickname:", "name", record.name),
                ("Description:", "description", record.description),
                ("Vehicle:", "vehicle", record.vehicle),
                ("Phone:", "phone", record.phone),
            ]
        else:
            rows = [("Name or where it is:", "name", record.name), ("Details:", "details", record.details)]
        for label, key, value in rows:
            edit = QLineEdit(value, self)
            edit.setMaxLength(10_000)
            self.fields[key] = edit
            self.add_row(label, edit, key)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(2000)
        self.add_row("Why it is corrected:", self.reason, "reason")
        fit_to_screen(self, 520, 320)

    def _value(self, key: str) -> str:
        widget = self.fields[key]
        return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()

    def save(self) -> AdultRecord | PlaceRecord:
        if isinstance(self.record, AdultRecord):
            return connections.correct_adult(
                self.session,
                self.record.adult_id,
                AdultOfConcern(
                    self._value("name"), self._value("description"), self._value("vehicle"), self._value("phone")
                ),
                self.reason.text(),
            )
        return connections.correct_place(
            self.session, self.record.place_id, Place(self._value("name"), self._value("details")), self.reason.text()
        )
