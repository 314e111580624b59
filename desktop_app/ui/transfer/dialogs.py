"""Dialogs: send a child's file, receive one, confirm receipt, place a hold, destroy a file past its date."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from desktop_app.definitions import load_forms
from desktop_app.domain.transfer import PastRetention, TransferEntry
from desktop_app.errors import FieldProblem, UserFacingError
from desktop_app.services.intake.import_items import ExistingChild, NewChild, child_label
from desktop_app.services.retention import dates, destroy
from desktop_app.services.transfer import log, receive, send
from desktop_app.ui import ask, labels
from desktop_app.ui.a11y import name_list
from desktop_app.ui.transfer.common import FormDialog, date_field, to_date
from desktop_app.ui.workers import Task, describe_error, run_in_background

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

PACKAGE_FILTER = "Waymark transfer files (*.wmtransfer);;All files (*)"


def _line(text: str = "", name: str = "") -> QLineEdit:
    field = QLineEdit(text)
    field.setObjectName(name)
    return field


class SendDialog(FormDialog):
    """Transfer out: to whom and how, a password to read out by telephone, then the encrypted file(s)."""

    sent = Signal(object)

    def __init__(self, parent: QWidget | None, session: VaultSession, child_id: int, child_name: str) -> None:
        super().__init__(
            parent,
            f"Send {child_name}'s file to a new setting",
            "The file is encrypted with the password below. Send the file to the receiving DSL, then "
            "telephone them and read the password out: never send the password with the file.",
            "Save the transfer file…",
            660,
            560,
        )
        self.session, self.child_id = session, child_id
        self.task: Task | None = None
        self.to_setting = self.add_row("Setting the child is moving to", _line(name="to_setting"))
        self.to_person = self.add_row("Their DSL (name)", _line(name="to_person"))
        self.method = QComboBox(self)
        self.method.setObjectName("method")
        self.method.setEditable(True)
        self.method.addItems(list(load_forms().records.transfer_methods))
        self.add_row("How the file is sent", self.method)
        self.sent_on = self.add_row("Day it is sent", date_field())
        self.sent_on.setObjectName("sent_on")
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.password = _line(send.new_password(), "password")
        self.password.setReadOnly(True)
        self.new_password = QPushButton("New password", row)
        self.new_password.setObjectName("new_password")
        self.new_password.setAccessibleName("Make a new password")
        self.new_password.clicked.connect(lambda: self.password.setText(send.new_password()))
        layout.addWidget(self.password, 1)
        layout.addWidget(self.new_password)
        self.form.addRow("Password (read it out by telephone)", row)
        self.password.setAccessibleName("Password to read out by telephone")
        self.with_pdf = QCheckBox("Also save one PDF of the whole file, for a setting that does not use Waymark", self)
        self.with_pdf.setObjectName("with_pdf")
        self.form.addRow(self.with_pdf)

    def details(self) -> send.TransferOut:
        return send.TransferOut(
            self.to_setting.text(), self.to_person.text(), self.method.currentText(), to_date(self.sent_on.date())
        )

    def on_ok(self) -> None:
        try:
            send.check_details(self.details())
        except FieldProblem as problem:
            self.status.failed(problem.sentence)
            getattr(self, problem.field, self.to_setting).setFocus()
            return
        chosen = ask.current().save_path(
            self, "Save the transfer file", f"transfer-child-{self.child_id}.wmtransfer", PACKAGE_FILTER
        )
        if not chosen:
            return
        path = Path(chosen)
        pdf = path.with_suffix(".pdf") if self.with_pdf.isChecked() else None
        self.busy(True)
        self.status.busy("Making the encrypted transfer file…")
        self.task = run_in_background(
            send.export_transfer,
            self.session,
            self.child_id,
            path,
            self.password.text(),
            self.details(),
            pdf,
            progress=True,
        )
        self.task.progress.connect(self.status.progress)
        self.task.succeeded.connect(self._done)
        self.task.failed.connect(self._failed)

    def _done(self, result: object) -> None:
        self.task = None
        assert isinstance(result, send.SentTransfer)
        files = result.package.name + (f" and {result.pdf.name}" if result.pdf else "")
        ask.current().inform(
            self,
            "Transfer file saved",
            f"Saved {files}, encrypted. Now send it to {result.entry.other_setting}, then telephone "
            f"the receiving DSL and read them the password: {self.password.text()}\n\nWhen they "
            "confirm they have it, record the receipt in the child's transfer log.",
        )
        self.sent.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.busy(False)
        self.status.failed(describe_error(error))


class ReceiveDialog(FormDialog):
    """Transfer in: choose the file, type the password from the telephone call, check whose it is, import it."""

    received = Signal(object)

    def __init__(self, parent: QWidget | None, session: VaultSession) -> None:
        super().__init__(
            parent,
            "Receive a child's file from another setting",
            "Choose the transfer file the other setting sent, and type the password their DSL read to "
            "you. Their records are kept exactly as they sent them.",
            "Import the file",
            680,
            600,
        )
        self.session = session
        self.task: Task | None = None
        self.incoming: receive.IncomingTransfer | None = None
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.file = _line(name="file")
        self.file.setReadOnly(True)
        self.file.setAccessibleName("Transfer file")
        self.choose = QPushButton("Choose the file…", row)
        self.choose.setObjectName("choose_file")
        self.choose.clicked.connect(self._choose)
        layout.addWidget(self.file, 1)
        layout.addWidget(self.choose)
        self.form.addRow("Transfer file", row)
        self.password = self.add_row("Password", _line(name="password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.open_button = QPushButton("Open the file", self)
        self.open_button.setObjectName("open_file")
        self.open_button.clicked.connect(self._open)
        self.form.addRow(self.open_button)
        self.summary = labels.note("", self, name="summary")
        self.form.addRow(self.summary)
        self.choices = QListWidget(self)
        self.choices.setObjectName("choices")
        name_list(self.choices, "Whose file this is")
        self.form.addRow("Add it to", self.choices)
        self.ok_button.setEnabled(False)

    def _choose(self) -> None:
        chosen = ask.current().open_path(self, "Choose the transfer file", PACKAGE_FILTER)
        if chosen:
            self.file.setText(chosen)

    def _open(self) -> None:
        if not self.file.text():
            self.status.failed("Choose the transfer file first.")
            return
        self.busy(True)
        self.open_button.setEnabled(False)
        self.status.busy("Opening the file (checking the password takes a moment)…")
        self.task = run_in_background(receive.preview, self.session, Path(self.file.text()), self.password.text())
        self.task.succeeded.connect(self._opened)
        self.task.failed.connect(self._failed)

    def _opened(self, incoming: object) -> None:
        self.task = None
        self.busy(False)
        self.open_button.setEnabled(True)
        assert isinstance(incoming, receive.IncomingTransfer)
        self.incoming = incoming
        self.summary.setText(incoming.summary)
        self.choices.clear()
        for child in incoming.suggestions:
            item = QListWidgetItem(f"The child on file: {child_label(child)}")
            item.setData(Qt.ItemDataRole.UserRole, child.child_id)
            self.choices.addItem(item)
        new = QListWidgetItem("A new child (not on file yet)")
        new.setData(Qt.ItemDataRole.UserRole, 0)
        self.choices.addItem(new)
        self.choices.setCurrentRow(0)
        if incoming.already_imported:
            self.status.failed("This file was already imported; it will not be imported twice.")
            self.ok_button.setEnabled(False)
        else:
            self.status.done("The file opened. Check whose file it is, then import it.")
            self.ok_button.setEnabled(True)

    def on_ok(self) -> None:
        item = self.choices.currentItem()
        if self.incoming is None or item is None:
            return
        child_id = int(item.data(Qt.ItemDataRole.UserRole))
        choice = ExistingChild(child_id) if child_id else NewChild()
        self.busy(True)
        self.status.busy("Importing the file…")
        self.task = run_in_background(
            receive.import_transfer, self.session, Path(self.file.text()), self.password.text(), choice
        )
        self.task.succeeded.connect(self._imported)
        self.task.failed.connect(self._failed)

    def _imported(self, kept: object) -> None:
        self.task = None
        self.received.emit(kept)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.busy(False)
        self.open_button.setEnabled(True)
        self.status.failed(describe_error(error))


class ReceiptDialog(FormDialog):
    confirmed = Signal(object)

    def __init__(self, parent: QWidget | None, session: VaultSession, entry: TransferEntry) -> None:
        super().__init__(
            parent,
            "Record that the file was received",
            f"The file sent to {entry.other_setting} on {entry.sent_on:%d/%m/%Y}: who confirmed they "
            "have it, and when.",
            "Record the receipt",
            560,
            340,
        )
        self.session, self.entry = session, entry
        self.confirmed_by = self.add_row(
            "Confirmed by (name and setting)",
            _line(f"{entry.other_person}, {entry.other_setting}".strip(", "), "confirmed_by"),
        )
        self.confirmed_on = self.add_row("Day they confirmed it", date_field())

    def on_ok(self) -> None:
        try:
            entry = log.confirm_receipt(
                self.session, self.entry.transfer_id, to_date(self.confirmed_on.date()), self.confirmed_by.text()
            )
        except UserFacingError as error:
            self.status.failed(describe_error(error))
            return
        self.confirmed.emit(entry)
        self.accept()


class HoldDialog(FormDialog):
    placed = Signal()

    def __init__(self, parent: QWidget | None, session: VaultSession, child_id: int, child_name: str) -> None:
        super().__init__(
            parent,
            f"Keep {child_name}'s file past its retention date",
            "A hold keeps the file, and stops it being destroyed, while there is a reason to keep it: "
            "an inquiry, a court case, a request from the police or the local authority.",
            "Place the hold",
            600,
            380,
        )
        self.session, self.child_id = session, child_id
        self.reason = self.add_row("Why it must be kept", _line(name="reason"))
        self.until_known = QCheckBox("The hold ends on a known day", self)
        self.until_known.setObjectName("until_known")
        self.form.addRow(self.until_known)
        self.until = self.add_row("Keep until", date_field(date.today().replace(year=date.today().year + 1)))
        self.until.setEnabled(False)
        self.until_known.toggled.connect(self.until.setEnabled)

    def on_ok(self) -> None:
        until = to_date(self.until.date()) if self.until_known.isChecked() else None
        try:
            dates.place_hold(self.session, self.child_id, self.reason.text(), until, date.today())
        except UserFacingError as error:
            self.status.failed(describe_error(error))
            return
        self.placed.emit()
        self.accept()


class DestroyDialog(FormDialog):
    """Destroying a file for ever: the DSL picks a reason and types the child's name to confirm."""

    destroyed = Signal(object)

    def __init__(self, parent: QWidget | None, session: VaultSession, item: PastRetention) -> None:
        super().__init__(
            parent,
            f"Destroy {item.name}'s file",
            f"Retention date {item.retention_date:%d/%m/%Y}. Destroying removes every record of this "
            "child from the vault for ever, and the vault's own automatic backups. The audit trail keeps "
            "only that a file was destroyed, by whom, when and why. Backups you saved elsewhere must be "
            "destroyed by you.",
            "Destroy this file for ever",
            640,
            460,
        )
        self.session, self.item = session, item
        self.task: Task | None = None
        self.reason = QComboBox(self)
        self.reason.setObjectName("reason")
        self.reason.setEditable(True)
        self.reason.addItems(list(load_forms().records.destruction_reasons))
        self.add_row("Why it is destroyed", self.reason)
        self.typed = self.add_row(f"Type the child's name to confirm ({item.name})", _line(name="typed_name"))
        self.typed.textChanged.connect(self._check)
        self.ok_button.setEnabled(False)

    def _check(self) -> None:
        self.ok_button.setEnabled(self.typed.text().strip().casefold() == self.item.name.strip().casefold())

    def on_ok(self) -> None:
        self.busy(True)
        self.status.busy("Destroying the file…")
        self.task = run_in_background(
            destroy.destroy_file,
            self.session,
            self.item.child_id,
            self.reason.currentText(),
            date.today(),
            progress=True,
        )
        self.task.progress.connect(self.status.progress)
        self.task.succeeded.connect(self._done)
        self.task.failed.connect(self._failed)

    def _done(self, result: object) -> None:
        self.task = None
        self.destroyed.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.busy(False)
        self._check()
        self.status.failed(describe_error(error))
