"""The concern's "Attachments" tab: its kept files, with Add, View, Withdraw; every step audited by the service."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.definitions.loader import attachments_definition
from desktop_app.domain.attachments import AttachmentInfo, size_text
from desktop_app.errors import UserFacingError
from desktop_app.services.attachments import files
from desktop_app.ui import ask
from desktop_app.ui.a11y import name_list
from desktop_app.ui.attachments.add_dialog import AddFileDialog
from desktop_app.ui.attachments.viewer import AttachmentViewer

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

COLUMNS = ("File", "What it is", "Kind", "Size", "Added", "")
PAGE = 200


def kind_title(media_type: str) -> str:
    kind = attachments_definition().kind_for_media_type(media_type)
    return kind.name[:1].upper() + kind.name[1:] if kind else media_type


class AttachmentsSection(QWidget):
    """Emits ``changed`` after a file is added or withdrawn (the concern view reloads its tab titles)."""

    changed = Signal()

    def __init__(self, session: VaultSession, concern_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.concern_id = concern_id
        self.setObjectName("attachments_section")
        self.windows: list[QWidget] = []
        self.entries: list[AttachmentInfo] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self)
        self.summary.setObjectName("attachments_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list = QTreeWidget(self)
        self.list.setObjectName("attachments_list")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(list(COLUMNS))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAllColumnsShowFocus(True)
        name_list(self.list, "Files kept with this concern")
        self.list.itemActivated.connect(lambda *_: self.view_selected())
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.add_button = self._button("Add a file…", "add_file", self.add_file, row)
        self.view_button = self._button("View the file", "view_file", self.view_selected, row)
        self.withdraw_button = self._button("Withdraw the file…", "withdraw_file", self.withdraw_selected, row)
        self.withdraw_button.setAccessibleDescription(
            "A file added by mistake is marked as withdrawn with your reason. It stays in the record."
        )
        row.addStretch(1)
        layout.addLayout(row)
        self.reload()

    def _button(self, text: str, name: str, slot: Any, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def title(self) -> str:
        kept = [e for e in self.entries if not e.withdrawn]
        return f"Attachments ({len(kept)})" if kept else "Attachments"

    def reload(self) -> None:
        self.entries = files.files_of(self.session, self.concern_id, limit=PAGE)
        self.list.clear()
        for entry in self.entries:
            added = f"{entry.added_at.astimezone():%d %b %Y} by {entry.added_by.name}"
            status = "Withdrawn: " + entry.withdrawal.reason if entry.withdrawal else ""
            item = QTreeWidgetItem(
                [entry.file_name, entry.description, kind_title(entry.media_type), size_text(entry.size), added, status]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, entry.attachment_id)
            if entry.withdrawn:
                for column in range(len(COLUMNS)):
                    item.setForeground(column, Qt.GlobalColor.darkGray)
            self.list.addTopLevelItem(item)
        for column in range(len(COLUMNS) - 1):
            self.list.resizeColumnToContents(column)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        withdrawn = sum(1 for e in self.entries if e.withdrawn)
        if not self.entries:
            text = (
                "No files are kept with this concern. Add a scanned note, an email from the Hub or a photo: it "
                "is kept encrypted inside the vault."
            )
        else:
            text = f"{len(self.entries) - withdrawn} file{'s' if len(self.entries) - withdrawn != 1 else ''} kept"
            text += f", {withdrawn} withdrawn." if withdrawn else "."
            text += " Press Enter on a file to view it."
        self.summary.setText(text)
        self._enable()

    def _enable(self) -> None:
        chosen = self.selected()
        self.view_button.setEnabled(chosen is not None)
        self.withdraw_button.setEnabled(chosen is not None and not chosen.withdrawn)

    def selected(self) -> AttachmentInfo | None:
        item = self.list.currentItem()
        if item is None:
            return None
        wanted = item.data(0, Qt.ItemDataRole.UserRole)
        return next((e for e in self.entries if e.attachment_id == wanted), None)

    def add_file(self) -> AddFileDialog:
        dialog = AddFileDialog(self.window(), self.session, self.concern_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.added.connect(self._changed)
        self.windows.append(dialog)
        dialog.open()
        return dialog

    def view_selected(self) -> AttachmentViewer | None:
        chosen = self.selected()
        if chosen is None:
            return None
        try:
            opened = files.open_file(self.session, chosen.attachment_id)
        except UserFacingError as error:
            ask.current().warn(self, "View the file", error.sentence)
            return None
        viewer = AttachmentViewer(self.window(), self.session, opened)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.windows.append(viewer)
        viewer.open()
        return viewer

    def withdraw_selected(self) -> bool:
        chosen = self.selected()
        if chosen is None or chosen.withdrawn:
            return False
        reason = ask.current().text(
            self,
            "Withdraw the file",
            f"Why is {chosen.file_name} withdrawn (for example: attached to the wrong concern)? It stays in the "
            "record, marked as withdrawn with your reason.",
        )
        if reason is None:
            return False
        try:
            files.withdraw(self.session, chosen.attachment_id, reason)
        except UserFacingError as error:
            ask.current().warn(self, "Withdraw the file", error.sentence)
            return False
        self._changed()
        return True

    def _changed(self, *_args: object) -> None:
        self.reload()
        self.changed.emit()
