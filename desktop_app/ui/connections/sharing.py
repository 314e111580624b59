"""Share with the specialist exploitation service (its name from forms/): choose the children and the period, preview
exactly what will leave (the PDF, with the same rows as a CSV inside it), then print or save it encrypted."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import UserFacingError
from desktop_app.services import documents
from desktop_app.services.child import sharing
from desktop_app.ui.a11y import name_list
from desktop_app.ui.connections.pick import ChildPicker
from desktop_app.ui.documents import DocumentDialog
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.labels import note
from desktop_app.ui.record_windows import RECORDS_PROPERTY

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

DEFAULT_DAYS = 90


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class SharingDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        session: VaultSession,
        preselected: list[tuple[int, str]] | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty(RECORDS_PROPERTY, True)
        self.session = session
        self.recipient = sharing.recipient()
        title = f"Share with {self.recipient}"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.preview: DocumentDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                f"Choose the children whose concerns, levels of risk and missing episodes {self.recipient} "
                f"should have, and the period. 'Preview' shows exactly what will leave; nothing is saved until "
                f"you save it, and the saved file is encrypted unless you choose otherwise.",
                self,
            )
        )
        form = QFormLayout()
        self.picker = ChildPicker(session, "Find a child to add", self)
        self.picker.chosen.connect(self.add_child)
        form.addRow("Find a child:", self.picker)
        add_row = QHBoxLayout()
        self.add_button = QPushButton("Add the child found to the list", self)
        self.add_button.setObjectName("add_child")
        self.add_button.clicked.connect(self._add_current)
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        form.addRow("", add_row)
        self.chosen = QListWidget(self)
        self.chosen.setObjectName("chosen_children")
        self.chosen.setMaximumHeight(160)
        name_list(self.chosen, "Children to share")
        form.addRow("Children to share:", self.chosen)
        remove_row = QHBoxLayout()
        self.remove_button = QPushButton("Remove the selected child from the list", self)
        self.remove_button.setObjectName("remove_child")
        self.remove_button.clicked.connect(self.remove_selected)
        remove_row.addWidget(self.remove_button)
        remove_row.addStretch(1)
        form.addRow("", remove_row)
        today = today or date.today()
        self.start = QDateEdit(_qdate(today - timedelta(days=DEFAULT_DAYS)), self)
        self.end = QDateEdit(_qdate(today), self)
        for edit, name, label in (
            (self.start, "start", "First day of the period"),
            (self.end, "end", "Last day of the period"),
        ):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd MMM yyyy")
            edit.setAccessibleName(label)
        form.addRow("From:", self.start)
        form.addRow("To (included):", self.end)
        layout.addLayout(form)
        self.problem = note("", self, "problem", "problem")
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(self)
        self.preview_button = buttons.addButton("Preview what will be shared…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.preview_button.setObjectName("preview")
        close = buttons.addButton("Close", QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("close")
        buttons.accepted.connect(self.show_preview)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for child_id, name in preselected or []:
            self.add_child(child_id, name)
        fit_to_screen(self, 600, 640)

    # --- the list of children ---------------------------------------------------------------------------------
    def child_ids(self) -> list[int]:
        return [int(self.chosen.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.chosen.count())]

    def add_child(self, child_id: int, name: str) -> None:
        if child_id in self.child_ids():
            return
        item = QListWidgetItem(name, self.chosen)
        item.setData(Qt.ItemDataRole.UserRole, child_id)

    def _add_current(self) -> None:
        found = self.picker.current()
        if found is not None:
            self.add_child(*found)

    def remove_selected(self) -> None:
        row = self.chosen.currentRow()
        if row >= 0:
            self.chosen.takeItem(row)

    # --- preview and save -------------------------------------------------------------------------------------
    def show_preview(self) -> DocumentDialog | None:
        self.problem.setVisible(False)
        try:
            export = sharing.build_export(
                self.session, self.child_ids(), _day(self.start.date()), _day(self.end.date())
            )
            pdf, document_id = sharing.render(self.session, export)
        except UserFacingError as error:
            self.problem.setText(error.sentence)
            self.problem.setVisible(True)
            return None

        def on_print() -> None:
            documents.record_print(self.session, document_id, "sharing")

        def on_save(path: Path, password: str | None) -> None:
            sharing.save_export(self.session, export, path, password, unencrypted=password is None)

        self.preview = DocumentDialog(
            self,
            f"Shared with {self.recipient}: {len(export.children)} child{'ren' if len(export.children) != 1 else ''}",
            pdf,
            on_print,
            on_save,
            suggested_name=f"{document_id}.pdf",
        )
        self.preview.show()
        return self.preview
