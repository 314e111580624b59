"""Make a new recovery key (the sheet in the safe was lost, or never kept): show it, have it typed back, keep its sheet.

The old key stops working the moment the new one is made; passphrases are not affected. The service audits the change
(``vault.recovery_key_replaced``); printing and saving the sheet are audited as documents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from desktop_app.services.vault import keys as vault_keys
from desktop_app.services.vault.recovery_sheet import KEPT, PENDING, mark_sheet, sheet_pending
from desktop_app.ui import ask
from desktop_app.ui.labels import note
from desktop_app.ui.settings.common import StatusArea
from desktop_app.ui.settings.recovery_sheet import RecoveryKeyCheck, RecoveryKeyView, RecoverySheetKeeper
from desktop_app.ui.workers import Task, describe_error, run_in_background

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

WHY = (
    "The recovery key opens the records if every passphrase is forgotten. Make a new one if its recovery sheet has "
    "been lost, may have been seen by someone else, or was never printed or saved. The old key stops working at "
    "once; everyone's passphrase keeps working."
)
PENDING_NOTE = (
    "The current recovery key's sheet was never printed or saved, so nobody holds that key. Make a new one now."
)


class RecoveryKeySection(QWidget):
    """Four steps: why and make it; the key shown; typed back; the sheet printed or saved."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task: Task | None = None
        self.key = ""
        self.steps = QStackedWidget(self)
        self.steps.addWidget(self._build_start())
        self.steps.addWidget(self._build_show())
        self.steps.addWidget(self._build_check())
        self.steps.addWidget(self._build_sheet())
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addStretch(1)
        self.pending_note.setVisible(sheet_pending(session))

    # ----- building -----------------------------------------------------------------------------------------------

    def _build_start(self) -> QWidget:
        page = QWidget(self)
        self.pending_note = note(PENDING_NOTE, page, "error_message")
        self.make_button = QPushButton("Make a new recovery key…", page)
        self.make_button.setObjectName("make_recovery_key")
        self.make_button.clicked.connect(lambda: self.make_new_key())
        self.status = StatusArea(page)
        self.why = note(WHY, page, "recovery_why")
        layout = QVBoxLayout(page)
        layout.addWidget(self.why)
        layout.addWidget(self.pending_note)
        layout.addWidget(self.make_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        return page

    def _build_show(self) -> QWidget:
        page = QWidget(self)
        self.key_view = RecoveryKeyView(page)
        self.written_button = QPushButton("I have written it down", page)
        self.written_button.setObjectName("recovery_key_written")
        self.written_button.setProperty("role", "primary")
        self.written_button.clicked.connect(lambda: self._go(2))
        layout = QVBoxLayout(page)
        layout.addWidget(note("The new recovery key. Write it down; you will type it back next.", page, "heading"))
        layout.addWidget(self.key_view)
        layout.addWidget(self.written_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _build_check(self) -> QWidget:
        page = QWidget(self)
        self.check = RecoveryKeyCheck(page)
        self.check.entry.returnPressed.connect(self.check_key)
        back = QPushButton("Show the key again", page)
        back.setObjectName("recovery_key_show_again")
        back.clicked.connect(lambda: self._go(1))
        self.check_button = QPushButton("Check", page)
        self.check_button.setObjectName("recovery_key_check_button")
        self.check_button.setProperty("role", "primary")
        self.check_button.clicked.connect(self.check_key)
        self.check.changed.connect(lambda: self.check_button.setEnabled(self.check.typed))
        self.check_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(page)
        layout.addWidget(
            note("Type the key back as you wrote it. Spaces, dashes and capital letters do not matter.", page)
        )
        layout.addWidget(self.check)
        layout.addLayout(row)
        return page

    def _build_sheet(self) -> QWidget:
        page = QWidget(self)
        self.keeper = RecoverySheetKeeper(page, session=lambda: self.session, recovery_key=lambda: self.key)
        self.keeper.kept_changed.connect(self._kept)
        self.finish_button = QPushButton("Done", page)
        self.finish_button.setObjectName("recovery_key_done")
        self.finish_button.setEnabled(False)
        self.finish_button.clicked.connect(self.finish)
        layout = QVBoxLayout(page)
        layout.addWidget(
            note(
                "Print the new recovery sheet for the school safe, or save it as an encrypted PDF on a memory stick "
                "kept there. Then destroy the old sheet if you find it: it no longer opens anything.",
                page,
            )
        )
        layout.addWidget(self.keeper)
        layout.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    # ----- steps -------------------------------------------------------------------------------------------------

    def step(self) -> int:
        return self.steps.currentIndex()

    def _go(self, index: int) -> None:
        self.steps.setCurrentIndex(index)
        if index == 2:
            self.check.clear()
            self.check.entry.setFocus()

    def make_new_key(self, confirmed: bool = False) -> None:
        if self.task is not None:
            return
        if not confirmed and not ask.current().confirm(
            self.window(),
            "Make a new recovery key?",
            "The old recovery key, and every recovery sheet printed with it, will stop working at once. You will "
            "see the new key, type it back, then print or save its sheet.",
            "Make a new key",
            "Cancel",
        ):
            return
        self.make_button.setEnabled(False)
        self.status.busy("Making the new recovery key…")
        self.task = run_in_background(vault_keys.replace_recovery_key, self.session)
        self.task.succeeded.connect(self._made)
        self.task.failed.connect(self._failed)

    def _made(self, key: object) -> None:
        self.task = None
        self.key = str(key)
        self.make_button.setEnabled(True)
        self.status.say("")
        try:
            mark_sheet(self.session, PENDING)  # until its sheet is kept; a closed app asks again at unlock
        except Exception as error:
            self.status.failed(describe_error(error))
        self.keeper.reset()
        self.finish_button.setEnabled(False)
        self.key_view.show_key(self.key)
        self._go(1)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.make_button.setEnabled(True)
        self.status.failed(f"No new key was made; the old one still works. {describe_error(error)}")

    def check_key(self) -> None:
        if self.check.check(self.key):
            self._go(3)

    def _kept(self) -> None:
        try:
            mark_sheet(self.session, KEPT)
        except Exception as error:
            self.keeper.status.setText(describe_error(error))
            return
        self.finish_button.setEnabled(True)

    def finish(self) -> None:
        self.key = ""
        self.key_view.clear()
        self.check.clear()
        self.pending_note.setVisible(sheet_pending(self.session))
        self.status.done("The new recovery key is in use and its sheet kept. The old key no longer opens anything.")
        self._go(0)
