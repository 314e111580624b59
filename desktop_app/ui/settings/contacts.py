"""Local contact numbers: the guidance sheet's contacts from forms/, with the phone numbers the setting uses."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.contact_checks import format_phone
from desktop_app.errors import InvalidInput, UserFacingError
from desktop_app.services.setting import local_numbers
from desktop_app.ui.a11y import name_list
from desktop_app.ui.workers import describe_error

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)
WHO, PHONE = range(2)


def default_contacts() -> tuple[Any, ...]:
    """The contacts of forms/ (``Contact`` models); raises FormError when the forms folder is broken."""
    from desktop_app.definitions import load_forms

    return tuple(load_forms().contacts.contacts)


REFUSED = QColor("#f8d7da")  # the cell of a number that cannot be saved (the sentence below says why)


class ContactsEditor(QWidget):
    """A table: who (and when to use them), phone number (editable, checked as it is typed in).

    A number that is not a telephone number is kept as typed, marked, and its sentence shown just under the table;
    a good one is rewritten as people write it (0114 273 4855). ``checked`` fires after each check.
    """

    checked = Signal()

    def __init__(self, parent: QWidget | None = None, overrides: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.problem = QLabel(self)
        self.problem.setObjectName("error_message")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("contacts_table")
        # Arrow keys move between numbers and F2 or typing edits one; Tab goes on to "Save the numbers".
        name_list(self.table, "Local contact numbers")
        self.table.setHorizontalHeaderLabels(["Who, and when to use them", "Phone number"])
        self.table.verticalHeader().hide()
        # rows follow the wrapped text as the columns change width (a one-off resize measures too narrow a column)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        # the description wraps in the wide column at any zoom; the number column fits the longest number
        header.setSectionResizeMode(WHO, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PHONE, QHeaderView.ResizeMode.ResizeToContents)
        self.phone_problem = QLabel(self)
        self.phone_problem.setObjectName("error_message")
        self.phone_problem.setWordWrap(True)
        self.phone_problem.setAccessibleName("Problem with a number")
        # room kept for two lines, so the table does not jump when a sentence appears under it
        self.phone_problem.setMinimumHeight(2 * self.phone_problem.fontMetrics().lineSpacing())
        policy = self.phone_problem.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # hidden (no empty red box) but its room kept
        self.phone_problem.setSizePolicy(policy)
        self.phone_problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.problem)
        layout.addWidget(self.table)
        layout.addWidget(self.phone_problem)
        self.refused: dict[str, str] = {}  # contact id -> why its number cannot be saved
        self.table.itemChanged.connect(self._edited)
        self.contacts: tuple[Any, ...] = ()
        try:
            self.contacts = default_contacts()
        except UserFacingError as error:
            self.problem.setText(f"The list of contacts could not be read: {error.sentence}")
            self.problem.show()
        self._fill(overrides or {})

    def _fill(self, overrides: Mapping[str, str]) -> None:
        self.table.blockSignals(True)
        try:
            self._fill_rows(overrides)
        finally:
            self.table.blockSignals(False)
        self.refused.clear()
        self._show_problems()

    def _fill_rows(self, overrides: Mapping[str, str]) -> None:
        self.table.setRowCount(len(self.contacts))
        for row, contact in enumerate(self.contacts):
            who = QTableWidgetItem(f"{contact.title}\n{contact.when_to_use}")
            who.setFlags(Qt.ItemFlag.ItemIsEnabled)
            who.setData(Qt.ItemDataRole.UserRole, contact.id)
            phone = QTableWidgetItem(format_phone(overrides.get(contact.id, contact.phone)))
            phone.setToolTip("Double-click to change the number this setting uses.")
            self.table.setItem(row, WHO, who)
            self.table.setItem(row, PHONE, phone)

    def set_overrides(self, overrides: Mapping[str, str]) -> None:
        self._fill(overrides)

    def _edited(self, item: QTableWidgetItem) -> None:
        if item.column() != PHONE or not 0 <= item.row() < len(self.contacts):
            return
        contact = self.contacts[item.row()]
        typed = item.text()
        sentence = local_numbers.problem(typed)
        self.table.blockSignals(True)
        try:
            if sentence:
                self.refused[contact.id] = sentence
                item.setBackground(QBrush(REFUSED))
                item.setToolTip(sentence)
            else:
                self.refused.pop(contact.id, None)
                item.setBackground(QBrush())
                item.setToolTip("Double-click to change the number this setting uses.")
                shown = format_phone(typed)
                if shown != typed:
                    item.setText(shown)  # as people write it
        finally:
            self.table.blockSignals(False)
        self._show_problems()
        self.checked.emit()

    def _show_problems(self) -> None:
        lines = [f"{c.title}: {self.refused[c.id]}" for c in self.contacts if c.id in self.refused]
        self.phone_problem.setText("\n".join(lines))
        self.phone_problem.setVisible(bool(lines))
        self.table.setAccessibleDescription(" ".join(lines))

    def problems(self) -> dict[str, str]:
        """Contact id -> the sentence saying why its number cannot be saved (empty when every number is fine)."""
        return dict(self.refused)

    def show_refused(self, refused: Mapping[str, str]) -> None:
        """Mark numbers the service refused, and put the cursor on the first."""
        self.refused.update(refused)
        for row, contact in enumerate(self.contacts):
            item = self.table.item(row, PHONE)
            if contact.id in refused and item is not None:
                item.setBackground(QBrush(REFUSED))
                item.setToolTip(refused[contact.id])
        self._show_problems()
        self.focus_first_problem()

    def focus_first_problem(self) -> None:
        for row, contact in enumerate(self.contacts):
            if contact.id in self.refused:
                self.table.setCurrentCell(row, PHONE)
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def phones(self) -> dict[str, str]:
        """Contact id → the number shown now."""
        result = {}
        for row, contact in enumerate(self.contacts):
            item = self.table.item(row, PHONE)
            result[contact.id] = item.text().strip() if item else contact.phone
        return result

    def set_phone(self, contact_id: str, phone: str) -> None:
        for row, contact in enumerate(self.contacts):
            if contact.id == contact_id:
                item = self.table.item(row, PHONE)
                if item is not None:
                    item.setText(phone)
                return
        raise KeyError(contact_id)

    def changes(self, current: Mapping[str, str] | None = None) -> dict[str, str]:
        """Numbers that differ from ``current`` (the stored overrides) or, failing that, from the forms defaults."""
        stored = dict(current or {})
        shown = self.phones()
        return {
            c.id: shown[c.id]
            for c in self.contacts
            if format_phone(shown[c.id]) != format_phone(stored.get(c.id, c.phone))
        }


def save_phones(session: VaultSession, changes: Mapping[str, str]) -> dict[str, str]:
    """Store changed numbers through the service (checked, audited, one transaction); ``InvalidInput`` if refused."""
    return local_numbers.save_local_numbers(session, changes)


class ContactsSection(QWidget):
    """Settings: edit the local numbers and save them."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.stored: dict[str, str] = {}
        intro = QLabel(
            "These numbers appear on screening results, referral summaries and the staff quick reference. "
            "Double-click a number to change it, or move to it with the arrow keys and press F2.",
            self,
        )
        intro.setWordWrap(True)
        self.editor = ContactsEditor(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("status_message")
        self.save_button = QPushButton("Save the numbers", self)
        self.save_button.setObjectName("save_contacts")
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addLayout(row)
        try:
            self.stored = local_numbers.stored_numbers(session)
        except Exception as error:
            _log.warning("could not read the local numbers")
            self.status.setText(describe_error(error))
        self.editor.set_overrides(self.stored)

    def save(self) -> None:
        refused = self.editor.problems()
        if refused:
            self.status.setText("Nothing was saved: correct the number marked under the table first.")
            self.editor.focus_first_problem()
            return
        changes = self.editor.changes(self.stored)
        if not changes:
            self.status.setText("Nothing has changed.")
            return
        try:
            stored = save_phones(self.session, changes)
        except InvalidInput as error:
            self.editor.show_refused({p.field: p.sentence for p in error.problems})
            self.status.setText("Nothing was saved: correct the number marked under the table first.")
            return
        except Exception as error:
            self.status.setText(describe_error(error))
            return
        self.stored.update(stored)
        count = len(stored)
        self.status.setText(f"Saved {count} number{'s' if count != 1 else ''}.")
