"""The side bar's "Transfers & retention" page: files awaiting receipt, receiving a file, sending a child's file,
files past their retention date, and recording on other computers (drop kits)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import UserFacingError
from desktop_app.services.dropkit import collect, kit
from desktop_app.services.intake.import_items import search_children
from desktop_app.services.retention import dates
from desktop_app.services.transfer import log
from desktop_app.ui import ask, labels
from desktop_app.ui.a11y import name_list
from desktop_app.ui.settings.common import StatusArea
from desktop_app.ui.transfer.dialogs import DestroyDialog, HoldDialog, ReceiptDialog, ReceiveDialog, SendDialog
from desktop_app.ui.workers import Task, describe_error, run_in_background

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

KIT_FILTER = "Waymark drop kits (*.wmdropkit);;All files (*)"
PAGE_SIZE = 50


def _button(text: str, name: str, parent: QWidget, tip: str = "") -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    if tip:
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
    return button


def _list(name: str, spoken: str, parent: QWidget) -> QListWidget:
    view = QListWidget(parent)
    view.setObjectName(name)
    name_list(view, spoken)
    view.setMinimumHeight(70)
    view.setMaximumHeight(150)
    return view


class TransfersPage(QWidget):
    def __init__(self, session: VaultSession, host: Any = None, today: date | None = None) -> None:
        super().__init__()
        self.setObjectName("transfers_page")
        self.session, self.host, self.today = session, host, today or date.today()
        self.task: Task | None = None
        self.past: list[Any] = []
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget(scroll)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(inner)
        layout.addWidget(labels.plain_text("Transfers and retention", name="page_title", tone="bold"))
        self.status = StatusArea(inner)

        awaiting = QGroupBox("Files sent, waiting for the new setting to confirm receipt", inner)
        box = QVBoxLayout(awaiting)
        self.awaiting = _list("awaiting_receipt", "Files sent, waiting for receipt", awaiting)
        self.confirm_button = _button("Record that the selected file was received…", "confirm_receipt", awaiting)
        self.confirm_button.clicked.connect(self.confirm_receipt)
        box.addWidget(self.awaiting)
        box.addWidget(self.confirm_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(awaiting)

        moving = QGroupBox("A child moving setting", inner)
        box = QVBoxLayout(moving)
        self.search = QLineEdit(moving)
        self.search.setObjectName("child_search")
        self.search.setPlaceholderText("Type a child's name to send their file")
        self.search.setAccessibleName("Find the child whose file to send")
        self.search.textChanged.connect(self._search)
        self.found = _list("children_found", "Children found", moving)
        self.found.setMaximumHeight(110)
        row = QHBoxLayout()
        self.send_button = _button("Send the selected child's file…", "send_file", moving)
        self.send_button.clicked.connect(self.send_selected)
        self.receive_button = _button("Receive a file from another setting…", "receive_file", moving)
        self.receive_button.clicked.connect(self.receive)
        row.addWidget(self.send_button)
        row.addWidget(self.receive_button)
        row.addStretch(1)
        box.addWidget(self.search)
        box.addWidget(self.found)
        box.addLayout(row)
        layout.addWidget(moving)

        retention = QGroupBox("Files past their retention date", inner)
        box = QVBoxLayout(retention)
        box.addWidget(
            labels.note(
                "Files are kept until the child's 25th birthday, longer under a hold. Review each "
                "file below: keep it (place a hold) or destroy it.",
                retention,
            )
        )
        self.past_list = _list("past_retention", "Files past their retention date", retention)
        row = QHBoxLayout()
        self.more_button = _button("Show more", "show_more", retention)
        self.more_button.clicked.connect(self.load_more)
        self.hold_button = _button("Keep the selected file (hold)…", "place_hold", retention)
        self.hold_button.clicked.connect(self.hold_selected)
        self.destroy_button = _button("Destroy the selected file…", "destroy_file", retention)
        self.destroy_button.clicked.connect(self.destroy_selected)
        for button in (self.hold_button, self.destroy_button, self.more_button):
            row.addWidget(button)
        row.addStretch(1)
        box.addWidget(self.past_list)
        box.addLayout(row)
        layout.addWidget(retention)

        drop = QGroupBox("Recording concerns on other computers", inner)
        box = QVBoxLayout(drop)
        box.addWidget(
            labels.note(
                "A drop kit lets staff record a concern on any school computer with Waymark "
                "installed: it is sealed into a folder you choose (a USB stick or a shared folder) "
                "and only this vault can open it. Collect from the folder here.",
                drop,
            )
        )
        row = QHBoxLayout()
        self.kit_button = _button("Save a drop kit…", "export_drop_kit", drop)
        self.kit_button.clicked.connect(self.export_kit)
        self.collect_button = _button("Collect concerns from a folder…", "collect_folder", drop)
        self.collect_button.clicked.connect(self.collect_folder)
        row.addWidget(self.kit_button)
        row.addWidget(self.collect_button)
        row.addStretch(1)
        box.addLayout(row)
        layout.addWidget(drop)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.refresh()

    # ----- lists -----------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.awaiting.clear()
        for waiting in log.awaiting_receipt(self.session, self.today, PAGE_SIZE):
            entry = waiting.entry
            text = (
                f"{'OVERDUE — ' if waiting.overdue else ''}{waiting.child_name}: sent to {entry.other_setting} on "
                f"{entry.sent_on:%d/%m/%Y}; receipt due by {waiting.due:%d/%m/%Y}"
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.awaiting.addItem(item)
        if not self.awaiting.count():
            self.awaiting.addItem("Nothing is waiting: every file sent has been confirmed as received.")
        self.past = []
        self.past_list.clear()
        self.load_more()

    def load_more(self) -> None:
        page = dates.review_list(self.session, self.today, limit=PAGE_SIZE, offset=len(self.past))
        if not self.past:
            self.past_list.clear()
        self.past += page
        for entry in page:
            item = QListWidgetItem(
                f"{entry.name}, born {entry.born_on:%d/%m/%Y}: retention date {entry.retention_date:%d/%m/%Y}"
            )
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.past_list.addItem(item)
        if not self.past:
            self.past_list.addItem("No file is past its retention date.")
        self.more_button.setEnabled(len(page) == PAGE_SIZE)

    def _search(self, text: str) -> None:
        self.found.clear()
        for child_id, label in search_children(self.session, text):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, (child_id, label))
            self.found.addItem(item)

    def _selected(self, view: QListWidget) -> Any:
        item = view.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if value is None:
            self.status.failed("Choose one in the list first.")
        return value

    def _after(self, message: str) -> Any:
        def done(*_args: object) -> None:
            self.refresh()
            self.status.done(message)

        return done

    # ----- actions ---------------------------------------------------------------------------------------------

    def confirm_receipt(self) -> ReceiptDialog | None:
        entry = self._selected(self.awaiting)
        if entry is None:
            return None
        dialog = ReceiptDialog(self.window(), self.session, entry)
        dialog.confirmed.connect(self._after("Receipt recorded."))
        dialog.open()
        return dialog

    def send_selected(self) -> SendDialog | None:
        chosen = self._selected(self.found)
        if chosen is None:
            return None
        child_id, label = chosen
        dialog = SendDialog(self.window(), self.session, child_id, label.split(",")[0])
        dialog.sent.connect(self._after("Transfer file saved; receipt awaited."))
        dialog.open()
        return dialog

    def receive(self) -> ReceiveDialog:
        dialog = ReceiveDialog(self.window(), self.session)
        dialog.received.connect(
            lambda kept: self.status.done(
                f"The file from {kept.from_setting} was imported into child {kept.child_id}'s file."
            )
        )
        dialog.open()
        return dialog

    def hold_selected(self) -> HoldDialog | None:
        entry = self._selected(self.past_list)
        if entry is None:
            return None
        dialog = HoldDialog(self.window(), self.session, entry.child_id, entry.name)
        dialog.placed.connect(self._after("The file is on hold."))
        dialog.open()
        return dialog

    def destroy_selected(self) -> DestroyDialog | None:
        entry = self._selected(self.past_list)
        if entry is None:
            return None
        dialog = DestroyDialog(self.window(), self.session, entry)
        dialog.destroyed.connect(self._after("The file was destroyed; its text is gone from the vault's files."))
        dialog.open()
        return dialog

    def export_kit(self) -> None:
        chosen = ask.current().save_path(self.window(), "Save the drop kit", "waymark.wmdropkit", KIT_FILTER)
        if not chosen:
            return
        try:
            made = kit.export_kit(self.session, Path(chosen))
        except UserFacingError as error:
            self.status.failed(describe_error(error))
            return
        self.status.done(f"Drop kit saved (key {made.key_id}). Copy it to the computers staff use, with Waymark.")

    def collect_folder(self) -> None:
        chooser = getattr(ask.current(), "open_folder", None)
        chosen = chooser(self.window(), "Choose the drop folder") if chooser else None
        if not chosen or self.task is not None:
            return
        self.status.busy("Collecting sealed concerns from the folder…")
        self.collect_button.setEnabled(False)
        self.task = run_in_background(collect.collect, self.session, Path(chosen))
        self.task.succeeded.connect(self._collected)
        self.task.failed.connect(self._collect_failed)

    def _collected(self, result: object) -> None:
        self.task = None
        self.collect_button.setEnabled(True)
        assert isinstance(result, collect.Collected)
        if result.refused:
            self.status.failed(result.summary())
        else:
            self.status.done(result.summary())
        if result.moved:
            from desktop_app.ui.concern import SealedImportDialog

            dialog = SealedImportDialog(self.window(), self.session)
            dialog.open()

    def _collect_failed(self, error: BaseException) -> None:
        self.task = None
        self.collect_button.setEnabled(True)
        self.status.failed(describe_error(error))
