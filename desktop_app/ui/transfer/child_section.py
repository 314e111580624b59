"""A child's file, "Transfers and retention" section: the transfer log (sent, received, receipts), files received from
earlier settings (read as they were sent), the retention date and any hold. For the child-file page to show."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.documents import DocumentKind
from desktop_app.services.retention import dates
from desktop_app.services.transfer import log
from desktop_app.ui import ask, labels
from desktop_app.ui.a11y import name_list
from desktop_app.ui.transfer.dialogs import HoldDialog, ReceiptDialog, SendDialog

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession


def describe(entry: Any) -> str:
    if entry.direction == "in":
        by = f" ({entry.other_person})" if entry.other_person else ""
        return f"Received from {entry.other_setting}{by}; their file made on {entry.sent_on:%d/%m/%Y}"
    to = f"{entry.other_person}, {entry.other_setting}" if entry.other_person else entry.other_setting
    how = f" by {entry.method.lower()}" if entry.method else ""
    receipt = (
        f"receipt confirmed {entry.receipt_on:%d/%m/%Y} by {entry.receipt_by}"
        if entry.confirmed
        else f"receipt not yet confirmed (due {log.receipt_due(entry.sent_on):%d/%m/%Y})"
    )
    return f"Sent to {to} on {entry.sent_on:%d/%m/%Y}{how}; {receipt}"


class ChildTransferSection(QWidget):
    def __init__(
        self,
        session: VaultSession,
        child_id: int,
        child_name: str,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("child_transfers")
        self.session, self.child_id, self.child_name = session, child_id, child_name
        self.today = today or date.today()
        layout = QVBoxLayout(self)
        self.retention = labels.note("", self, name="retention_status")
        layout.addWidget(self.retention)
        self.log = QListWidget(self)
        self.log.setObjectName("transfer_log")
        name_list(self.log, "Transfer log")
        self.log.setMinimumHeight(90)
        layout.addWidget(self.log)
        self.received = QListWidget(self)
        self.received.setObjectName("received_files")
        name_list(self.received, "Files received from earlier settings")
        self.received.setMinimumHeight(60)
        layout.addWidget(self.received)
        row = QHBoxLayout()
        self.send_button = QPushButton("Send this file to a new setting…", self)
        self.send_button.setObjectName("send_file")
        self.send_button.clicked.connect(self.send)
        self.receipt_button = QPushButton("Record a receipt…", self)
        self.receipt_button.setObjectName("record_receipt")
        self.receipt_button.clicked.connect(self.record_receipt)
        self.read_button = QPushButton("Read the file they sent", self)
        self.read_button.setObjectName("read_received")
        self.read_button.clicked.connect(self.read_received)
        self.hold_button = QPushButton("Keep past retention (hold)…", self)
        self.hold_button.setObjectName("place_hold")
        self.hold_button.clicked.connect(self.place_hold)
        for button in (self.send_button, self.receipt_button, self.read_button, self.hold_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        self.retention.setText(dates.status(self.session, self.child_id).describe(self.today))
        self.log.clear()
        for entry in log.transfer_log(self.session, self.child_id):
            item = QListWidgetItem(describe(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.log.addItem(item)
        if not self.log.count():
            self.log.addItem("This file has not been sent to or received from another setting.")
        self.received.clear()
        for kept in log.received_files(self.session, self.child_id):
            item = QListWidgetItem(
                f"From {kept.from_setting}, made {kept.made_at:%d/%m/%Y}, imported "
                f"{kept.imported_at:%d/%m/%Y} (kept exactly as sent)"
            )
            item.setData(Qt.ItemDataRole.UserRole, kept)
            self.received.addItem(item)
        self.received.setVisible(self.received.count() > 0)
        self.read_button.setVisible(self.received.count() > 0)

    def send(self) -> SendDialog:
        dialog = SendDialog(self.window(), self.session, self.child_id, self.child_name)
        dialog.sent.connect(lambda _r: self.refresh())
        dialog.open()
        return dialog

    def record_receipt(self) -> ReceiptDialog | None:
        item = self.log.currentItem()
        entry = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        waiting = [self.log.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.log.count())]
        waiting = [e for e in waiting if e is not None and e.direction == "out" and not e.confirmed]
        if entry is None or entry.direction != "out" or entry.confirmed:
            entry = waiting[-1] if waiting else None
        if entry is None:
            ask.current().inform(self.window(), "No receipt to record", "Every file sent has its receipt recorded.")
            return None
        dialog = ReceiptDialog(self.window(), self.session, entry)
        dialog.confirmed.connect(lambda _e: self.refresh())
        dialog.open()
        return dialog

    def read_received(self) -> Any:
        item = self.received.currentItem() or (self.received.item(0) if self.received.count() else None)
        kept = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if kept is None:
            return None
        from desktop_app.services import documents
        from desktop_app.ui.documents import DocumentDialog

        document_id = f"RCV-{kept.package_id[:8]}"
        on_print, on_save = documents.actions(
            self.session, kept.records_pdf, document_id, DocumentKind.TRANSFERRED_FILE
        )
        dialog = DocumentDialog(
            self.window(),
            f"File received from {kept.from_setting}",
            kept.records_pdf,
            on_print,
            on_save,
            suggested_name=f"received-{kept.child_id}.pdf",
        )
        dialog.open()
        return dialog

    def place_hold(self) -> HoldDialog:
        dialog = HoldDialog(self.window(), self.session, self.child_id, self.child_name)
        dialog.placed.connect(self.refresh)
        dialog.open()
        return dialog


def transfer_section(session: VaultSession, child_id: int, host: Any = None) -> ChildTransferSection:
    """The child file's "Transfer and retention" tab (ui/child/sections.py)."""
    return ChildTransferSection(session, child_id, log.child_name(session, child_id))
