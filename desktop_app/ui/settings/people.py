"""Who can unlock the vault: the DSL and deputies. Add a deputy with their own passphrase; remove one (re-key)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import Role
from desktop_app.services.vault import people as vault_people
from desktop_app.ui import ask
from desktop_app.ui.a11y import name_list
from desktop_app.ui.settings.common import StatusArea
from desktop_app.ui.settings.passphrase_fields import NewPassphraseFields
from desktop_app.ui.workers import Task, describe_error, run_in_background

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)


def person_line(user: Any, me_id: str) -> str:
    role = Role(user.role).label if not isinstance(user.role, Role) else user.role.label
    you = " (you)" if user.user_id == me_id else ""
    return f"{user.name}{you} — {role}"


class PeopleSection(QWidget):
    """Lists the people who hold a key; adding and removing run in the background."""

    people_changed = Signal()

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task: Task | None = None
        self._removing = ""

        intro = QLabel(
            "Each person below has their own passphrase. Deputies can do everything the DSL can, including "
            "reading every record.",
            self,
        )
        intro.setWordWrap(True)
        self.people = QListWidget(self)
        self.people.setObjectName("people_list")
        name_list(self.people, "People who can unlock the vault")
        self.people.setMaximumHeight(180)
        self.people.setSpacing(2)
        self.people.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.remove_button = QPushButton("Remove this person…", self)
        self.remove_button.setObjectName("remove_person")
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_status = StatusArea(self)

        add_box = QGroupBox("Add a deputy", self)
        self.new_name = QLineEdit(add_box)
        self.new_name.setObjectName("deputy_name")
        self.new_passphrase = NewPassphraseFields(add_box, "Their passphrase")
        self.add_button = QPushButton("Add this deputy", add_box)
        self.add_button.setObjectName("add_deputy")
        self.add_button.clicked.connect(self.add_deputy)
        self.add_status = StatusArea(add_box)
        add_form = QFormLayout()
        add_form.addRow("Deputy's full name:", self.new_name)
        add_layout = QVBoxLayout(add_box)
        hint = QLabel("Ask the deputy to type their own passphrase; nobody else should know it.", add_box)
        hint.setWordWrap(True)
        add_layout.addWidget(hint)
        add_layout.addLayout(add_form)
        add_layout.addWidget(self.new_passphrase)
        add_layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        add_layout.addWidget(self.add_status)
        self.new_name.textChanged.connect(self._update_buttons)
        self.new_passphrase.changed.connect(self._update_buttons)

        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.people)
        layout.addLayout(row)
        layout.addWidget(self.remove_status)
        layout.addWidget(add_box)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        self.people.clear()
        me = self.session.user.user_id
        try:
            users = vault_people.users(self.session)
        except Exception as error:
            self.remove_status.failed(describe_error(error))
            users = []
        for user in users:
            item = QListWidgetItem(person_line(user, me))
            item.setData(Qt.ItemDataRole.UserRole, user.user_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, user.name)
            self.people.addItem(item)
        self._update_buttons()

    def names(self) -> list[str]:
        return [self.people.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(self.people.count())]

    def select(self, name: str) -> None:
        for i in range(self.people.count()):
            if self.people.item(i).data(Qt.ItemDataRole.UserRole + 1) == name:
                self.people.setCurrentRow(i)
                return
        raise KeyError(name)

    def _update_buttons(self) -> None:
        idle = self.task is None
        item = self.people.currentItem()
        selected_other = item is not None and item.data(Qt.ItemDataRole.UserRole) != self.session.user.user_id
        self.remove_button.setEnabled(idle and selected_other)
        self.add_button.setEnabled(idle and bool(self.new_name.text().strip()) and self.new_passphrase.acceptable)

    # ----- add ---------------------------------------------------------------------------------------------------

    def add_deputy(self) -> None:
        name = self.new_name.text().strip()
        if self.task is not None or not name or not self.new_passphrase.acceptable:
            return
        self.remove_status.say("")
        self.add_status.busy("Adding the deputy's key…")
        passphrase = self.new_passphrase.text
        self.task = run_in_background(vault_people.add_user, self.session, name, Role.DEPUTY_DSL, passphrase)
        self.task.succeeded.connect(self._added)
        self.task.failed.connect(self._add_failed)
        self._update_buttons()

    def _added(self, _user: object) -> None:
        self.task = None
        name = self.new_name.text().strip()
        self.new_name.clear()
        self.new_passphrase.clear()
        self.add_status.done(f"{name} can now unlock Waymark with their own passphrase.")
        self.refresh()
        self.people_changed.emit()

    def _add_failed(self, error: BaseException) -> None:
        self.task = None
        self.add_status.failed(describe_error(error))
        self._update_buttons()

    # ----- remove ------------------------------------------------------------------------------------------------

    def remove_selected(self) -> None:
        item = self.people.currentItem()
        if self.task is not None or item is None:
            return
        user_id = item.data(Qt.ItemDataRole.UserRole)
        name = item.data(Qt.ItemDataRole.UserRole + 1)
        if user_id == self.session.user.user_id:
            return
        sure = ask.current().confirm(
            self.window(),
            "Remove this person?",
            f"{name} will no longer be able to unlock Waymark. Waymark first makes a backup, then changes the "
            "vault's key so that their old passphrase opens nothing. This can take a minute; keep Waymark open.",
            "Remove them",
            "Keep them",
        )
        if not sure:
            return
        self.add_status.say("")
        self.remove_status.busy("Making a backup and changing the vault's key…")
        self.task = run_in_background(vault_people.remove_user, self.session, user_id, progress=True)
        self.task.progress.connect(self.remove_status.progress)
        self._removing = name
        self.task.succeeded.connect(self._removed)  # bound methods: Qt drops them if this section is gone
        self.task.failed.connect(self._remove_failed)
        self._update_buttons()

    def _removed(self, _backup: object) -> None:
        self.task = None
        name = self._removing
        self.remove_status.done(f"{name} has been removed. Their passphrase no longer opens the vault.")
        self.refresh()
        self.people_changed.emit()

    def _remove_failed(self, error: BaseException) -> None:
        self.task = None
        self.remove_status.failed(describe_error(error))
        self.refresh()
