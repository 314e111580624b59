"""The lock screen: any staff member records a concern; the DSL or a deputy unlocks (passphrase or recovery key)."""

from __future__ import annotations

import logging
import math
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_app.ui.geometry import zoom_percent
from desktop_app.ui.labels import button, note, secret_field
from desktop_app.ui.workers import Task, describe_error, run_in_background

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)


PENDING_DELAY_MS = 300


def seconds_to_wait(vault_dir: Path) -> int:
    """The vault's growing delay after wrong passphrases (kept in the vault folder, so restarting does not skip it)."""
    try:
        from datetime import UTC, datetime

        from desktop_app.vault.passphrase import FailureCounter

        return math.ceil(FailureCounter(vault_dir).seconds_to_wait(datetime.now(UTC)))
    except OSError:  # the counter reads its own damaged file as none; an unreadable folder is left to unlock to say
        _log.info("could not read the failure counter")
        return 0


def is_wrong_passphrase(error: BaseException) -> bool:
    from desktop_app.vault.errors import WrongPassphrase, WrongRecoveryKey  # loaded by the unlock that failed

    return isinstance(error, WrongPassphrase | WrongRecoveryKey)


def pending_sentence(count: int) -> str:
    if count <= 0:
        return ""
    if count == 1:
        return "1 concern is waiting for the DSL."
    return f"{count} concerns are waiting for the DSL."


def count_pending(vault_dir: Path) -> int:
    """Sealed concerns in the inbox, through the intake service; 0 when it cannot tell."""
    try:
        from desktop_app.services.intake import sealing as intake_sealing

        return intake_sealing.pending(vault_dir)
    except OSError:  # an inbox folder that cannot be listed
        _log.info("could not count sealed concerns")
        return 0


def _at_left(column: QVBoxLayout, widget: QWidget) -> None:
    """Add ``widget`` at its own width on the left of ``column`` (a stretch beside it, rather than Qt's
    ``AlignLeft``: the first use of Qt's namespace of enums would cost ~12 ms before the screen is first shown)."""
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    column.addLayout(row)


class LockScreen(QWidget):
    """Emits ``unlocked(session)`` with the open ``VaultSession``."""

    unlocked = Signal(object)
    countdown_tick_ms = 1000  # tests shorten this

    def __init__(self, vault_dir: Path, *, demo_passphrase: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self.vault_dir = Path(vault_dir)
        self.demo_passphrase = demo_passphrase
        self.failures = 0
        self.wait_left = 0
        self.task: Task | None = None
        self.passphrase: QLineEdit
        self._countdown = QTimer(self)
        self._countdown.setInterval(self.countdown_tick_ms)
        self._countdown.timeout.connect(self._tick)

        # Built from the outside in, each widget made inside the one that keeps it: moving a filled page into its
        # place afterwards makes Qt pass the style sheet and fonts down through every widget on it again.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.stack = QStackedWidget()
        scroll.setWidget(self.stack)
        self.main_page = self._build_main_page()
        self.recovery_page: QWidget | None = None  # built when first asked for: the first paint does not need it
        self.stack.addWidget(self.main_page)
        # after the first paint: counting loads the vault service, which would slow the screen's first appearance
        QTimer.singleShot(PENDING_DELAY_MS, self, self.refresh_pending)
        QTimer.singleShot(PENDING_DELAY_MS, self, self._after_first_paint)
        self._wait_read = False  # the wait after wrong passphrases: read after the first paint, or at the first unlock

    # ----- building -----------------------------------------------------------------------------------------------

    def _column(self, page: QWidget) -> tuple[QWidget, QVBoxLayout]:
        """A centred column of readable width inside ``page``: (the widget to make its contents in, its layout)."""
        row = QHBoxLayout(page)
        # The column takes the width first (up to a readable line, wider when zoomed); the margins get what is left.
        row.addStretch(0)
        column_widget = QWidget(page)
        column_widget.setMaximumWidth(760 * zoom_percent() // 100)
        column_widget.setMinimumWidth(420)
        row.addWidget(column_widget, 1)
        row.addStretch(0)
        column = QVBoxLayout(column_widget)
        column.setSpacing(12)
        return column_widget, column

    def _build_main_page(self) -> QWidget:
        outer_page = QWidget(self.stack)
        page, column = self._column(outer_page)  # ``page``: where each widget is made, so none is moved later
        column.addStretch(1)
        if self.demo_passphrase:
            import html

            from PySide6.QtCore import Qt

            banner = note(
                "<b>DEMO</b> — fictional records only, deleted when you close Waymark. "
                f"Passphrase: <span style='font-family: monospace'>{html.escape(self.demo_passphrase)}</span>",
                page,
                "demo_banner",
            )
            banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(banner)
            use_demo = button("Fill in the demo passphrase", page, "use_demo_passphrase")
            use_demo.clicked.connect(lambda: self.passphrase.setText(self.demo_passphrase or ""))
            _at_left(column, use_demo)

        locked = note("Waymark — the safeguarding records on this computer are locked.", page, "locked_line")
        column.addWidget(locked)
        column.addWidget(note("Worried about a child?", page, "title"))
        self.record_button = button("Record a concern", page, "record_concern_button")
        self.record_button.setProperty("role", "primary")
        self.record_button.setMinimumHeight(64)
        self.record_button.clicked.connect(self.record_concern)
        column.addWidget(self.record_button)
        column.addWidget(
            note(
                "For any member of staff — no password needed. Write down what you saw or heard; it goes straight "
                "to the Designated Safeguarding Lead, sealed so that only they can read it. "
                "If a child is in immediate danger, ring 999 first.",
                page,
                "staff_note",
            )
        )
        self.pending_label = note("", page, "pending_label")
        column.addWidget(self.pending_label)

        line = QFrame(page)
        line.setFrameShape(QFrame.Shape.HLine)
        column.addSpacing(12)
        column.addWidget(line)
        column.addSpacing(12)

        column.addWidget(note("Designated Safeguarding Lead or deputy", page, "heading"))
        column.addWidget(note("Type your passphrase to open the safeguarding records, then press Enter.", page))
        row = QHBoxLayout()
        self.passphrase = secret_field(page, "passphrase")
        self.passphrase.setAccessibleName("Passphrase")
        self.passphrase.setPlaceholderText("Your passphrase")
        self.passphrase.returnPressed.connect(self.unlock)
        self.unlock_button = button("Unlock", page, "unlock_button")
        self.unlock_button.clicked.connect(self.unlock)
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        column.addLayout(row)
        self.busy = QProgressBar(page)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(10)
        self.busy.hide()
        column.addWidget(self.busy)
        self.message = note("", page, "error_message")
        self.message.hide()
        column.addWidget(self.message)
        self.countdown_label = note("", page, "countdown")
        self.countdown_label.hide()
        column.addWidget(self.countdown_label)
        self.forgot_button = button("Forgotten your passphrase? Use the recovery key", page, "forgot_button")
        self.forgot_button.setProperty("role", "link")
        self.forgot_button.clicked.connect(self.show_recovery)
        _at_left(column, self.forgot_button)
        column.addStretch(2)
        return outer_page

    def _build_recovery_page(self) -> QWidget:
        from desktop_app.ui.settings.passphrase_fields import NewPassphraseFields
        from desktop_app.ui.settings.recovery_key import monospace_font

        page = QWidget()
        _column_widget, column = self._column(page)
        column.addStretch(1)
        column.addWidget(note("Unlock with the recovery key", page, "title"))
        column.addWidget(
            note(
                "The recovery key is printed on the recovery sheet, usually kept in the school safe. Type it in "
                "below — spaces, dashes and capital letters do not matter. Then choose a new passphrase.",
                page,
            )
        )
        column.addWidget(note("Recovery key:", page))
        self.recovery_key = QLineEdit(page)
        self.recovery_key.setObjectName("recovery_key_entry")
        self.recovery_key.setAccessibleName("Recovery key")
        self.recovery_key.setFont(monospace_font(1.2))
        column.addWidget(self.recovery_key)
        self.recovery_new = NewPassphraseFields(page, "New passphrase")
        self.recovery_new.changed.connect(self._update_recovery_button)
        self.recovery_key.textChanged.connect(self._update_recovery_button)
        column.addWidget(self.recovery_new)
        self.recovery_busy = QProgressBar(page)
        self.recovery_busy.setRange(0, 0)
        self.recovery_busy.setTextVisible(False)
        self.recovery_busy.setMaximumHeight(10)
        self.recovery_busy.hide()
        column.addWidget(self.recovery_busy)
        self.recovery_message = note("", page, "error_message")
        self.recovery_message.hide()
        column.addWidget(self.recovery_message)
        buttons = QHBoxLayout()
        self.back_button = button("Back to the passphrase", page, "recovery_back")
        self.back_button.clicked.connect(self.show_passphrase)
        self.recover_button = button("Unlock and save the new passphrase", page, "recover_button")
        self.recover_button.setProperty("role", "primary")
        self.recover_button.clicked.connect(self.unlock_with_recovery)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.recover_button)
        column.addLayout(buttons)
        column.addStretch(2)
        self._update_recovery_button()
        return page

    def _after_first_paint(self) -> None:
        """What the first paint does not need: the link's hover cursor needs Qt's namespace of enums (~12 ms the first
        time), and a timer of 0 ms would still run before the window is first exposed."""
        from PySide6.QtCore import Qt

        self.forgot_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self._read_wait()

    def _read_wait(self) -> None:
        """Start the wait a run of wrong passphrases left, once (a wait started before a restart still applies).

        Not before the first paint: the count is also kept in this computer's record of the vault (``vault.witness``,
        outside the folder), and reading it loads hashing and file modules the first paint does not need. An unlock
        asked for sooner reads it first, so no attempt is made while a wait applies."""
        if self._wait_read:
            return
        self._wait_read = True
        self._start_wait(seconds_to_wait(self.vault_dir))

    # ----- staff route -------------------------------------------------------------------------------------------

    def record_concern(self) -> None:
        from desktop_app.ui.appearance import complete_appearance
        from desktop_app.ui.concern import open_staff_wizard

        complete_appearance()  # the start applies only this screen's part of the style sheet, the rest just after

        wizard = open_staff_wizard(self.window(), self.vault_dir)
        if wizard is not None:
            wizard.finished.connect(self._staff_wizard_closed)
            if not wizard.isVisible():
                wizard.show()

    def _staff_wizard_closed(self, _result: int) -> None:
        self.refresh_pending()

    def refresh_pending(self) -> None:
        """Count in the background: it also loads the vault service, so the first unlock starts sooner."""
        task = run_in_background(count_pending, self.vault_dir)
        task.succeeded.connect(self._show_pending)
        self.pending_task = task

    def _show_pending(self, count: object) -> None:
        if not isValid(self.pending_label):  # the screen went while counting
            return
        text = pending_sentence(int(count) if isinstance(count, int) else 0)
        self.pending_label.setText(text)
        self.pending_label.setVisible(bool(text))

    # ----- passphrase route --------------------------------------------------------------------------------------

    def unlock(self) -> None:
        self._read_wait()
        if self.task is not None or self.wait_left > 0:
            return
        secret = self.passphrase.text()
        if not secret:
            self._show_message("Type your passphrase first.")
            return
        from desktop_app.services import vault as vault_service
        from desktop_app.ui.settings.after_unlock import unlock_and_publish

        self._set_busy(True)
        self.task = run_in_background(unlock_and_publish, vault_service.unlock, self.vault_dir, secret)
        self.task.succeeded.connect(self._unlocked)
        self.task.failed.connect(self._unlock_failed)

    def _unlocked(self, session: VaultSession) -> None:
        self.task = None
        self._set_busy(False)
        self.failures = 0
        self.passphrase.clear()
        self.message.hide()
        from desktop_app.ui.settings.after_unlock import offer_new_recovery_key

        window = self.window()
        self.unlocked.emit(session)
        offer_new_recovery_key(window, session)

    def _unlock_failed(self, error: BaseException) -> None:
        from desktop_app.services.vault.folder import UnlockDelayed  # loaded by the unlock that failed

        self.task = None
        self._set_busy(False)
        if is_wrong_passphrase(error):
            self.failures += 1
            self._show_message(describe_error(error))
            self.passphrase.selectAll()
            self._start_wait(seconds_to_wait(self.vault_dir))
        elif isinstance(error, UnlockDelayed):
            self._show_message("Too many wrong passphrases in a row. Wait for the countdown, then try again.")
            self._start_wait(math.ceil(error.seconds))
        else:
            self._show_message(describe_error(error))
        self.passphrase.setFocus()

    def _start_wait(self, seconds: int) -> None:
        self.wait_left = seconds
        if seconds <= 0:
            return
        self.unlock_button.setEnabled(False)
        self._countdown.setInterval(self.countdown_tick_ms)
        self._countdown.start()
        self._show_countdown()

    def _tick(self) -> None:
        self.wait_left = max(0, self.wait_left - 1)
        if self.wait_left == 0:
            self._countdown.stop()
            self.countdown_label.hide()
            self.unlock_button.setEnabled(True)
        else:
            self._show_countdown()

    def _show_countdown(self) -> None:
        unit = "second" if self.wait_left == 1 else "seconds"
        self.countdown_label.setText(
            f"Several wrong passphrases in a row: you can try again in {self.wait_left} {unit}."
        )
        self.countdown_label.show()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.unlock_button.setEnabled(not busy and self.wait_left == 0)
        self.unlock_button.setText("Unlocking…" if busy else "Unlock")
        self.passphrase.setReadOnly(busy)
        self.forgot_button.setEnabled(not busy)
        if busy:
            self.message.hide()

    # ----- recovery route ----------------------------------------------------------------------------------------

    def show_recovery(self) -> None:
        if self.recovery_page is None:
            from desktop_app.ui.appearance import complete_appearance

            complete_appearance()  # in case it is asked for before the whole sheet is applied after the first paint
            self.recovery_page = self._build_recovery_page()
            self.stack.addWidget(self.recovery_page)
        self.stack.setCurrentWidget(self.recovery_page)
        self.recovery_key.setFocus()

    def show_passphrase(self) -> None:
        self.recovery_key.clear()
        self.recovery_new.clear()
        self.recovery_message.hide()
        self.stack.setCurrentWidget(self.main_page)
        self.passphrase.setFocus()

    def _update_recovery_button(self) -> None:
        self.recover_button.setEnabled(
            self.task is None and bool(self.recovery_key.text().strip()) and self.recovery_new.acceptable
        )

    def unlock_with_recovery(self) -> None:
        if self.task is not None or not self.recovery_new.acceptable:
            return
        from desktop_app.services import vault as vault_service
        from desktop_app.services.vault import keys as vault_keys
        from desktop_app.ui.settings.after_unlock import publish_contacts, sheet_was_kept

        key_text, new_passphrase = self.recovery_key.text(), self.recovery_new.text

        def recover() -> object:
            session = vault_service.unlock_with_recovery(self.vault_dir, key_text)
            try:
                vault_keys.set_own_passphrase(session, new_passphrase)
            except BaseException:
                session.lock()
                raise
            publish_contacts(session)
            sheet_was_kept(session)  # whoever typed the recovery key holds it
            return session

        self.recovery_busy.show()
        self.recovery_message.hide()
        self.task = run_in_background(recover)
        self._update_recovery_button()
        self.task.succeeded.connect(self._recovered)
        self.task.failed.connect(self._recovery_failed)

    def _recovered(self, session: VaultSession) -> None:
        from desktop_app.ui import ask

        self.task = None
        self.recovery_busy.hide()
        self.show_passphrase()
        ask.current().inform(
            self.window(),
            "New passphrase saved",
            "The vault is open and your new passphrase is saved. Use it from now on; the recovery key still works "
            "and should go back in the safe.",
        )
        self.unlocked.emit(session)

    def _recovery_failed(self, error: BaseException) -> None:
        self.task = None
        self.recovery_busy.hide()
        self.recovery_message.setText(describe_error(error))
        self.recovery_message.show()
        self._update_recovery_button()
