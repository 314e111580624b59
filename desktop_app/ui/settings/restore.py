"""Restore from a backup in the window: choose the file, say plainly what will happen, check it in the background,
then lock, set the vault aside (kept whole, never deleted) and put the checked backup in its place.

The same checks as ``waymark restore`` (``services.vault.backup_restore``). The flow belongs to the main window, not to
the Settings page: the page is deleted when the window locks, the flow must outlive it to finish the swap.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop_app.ui import ask
from desktop_app.ui.workers import Task, describe_error, run_in_background

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)

BACKUP_FILTER = "Waymark backups (*.wmbak);;All files (*)"


def when(moment: datetime | None) -> str:
    """A moment as a DSL says it, in this computer's time: "Tuesday 1 December 2026 at 09:12"."""
    if moment is None:
        return "an unknown date"
    local = moment.astimezone()
    return f"{local:%A} {local.day} {local:%B %Y} at {local:%H:%M}"


def confirmation(info: Any, vault_dir: Path, kept_pattern: str) -> str:
    made = when(info.created_at)
    return (
        f"Restore the vault from the backup made on {made}?\n\n"
        "First Waymark checks the whole backup: every file, every record and the audit trail. If anything is wrong "
        "it stops there and nothing changes.\n\n"
        "If the backup is sound, Waymark locks, and the vault as it is now is set aside, unchanged and not deleted, "
        f"in a folder named {kept_pattern} beside it (in {vault_dir.parent}). The backup takes its place and you "
        "unlock it with a passphrase that opened Waymark when the backup was made.\n\n"
        f"Anything recorded after {made} will not be in the restored vault; it stays in the folder set aside."
    )


class RestoreFlow(QObject):
    """One restore, from choosing the file to the lock screen of the restored vault. ``status(text, state)``."""

    status = Signal(str, str)  # state: "" (busy), "good", "bad"
    progress = Signal(int, int, str)
    finished = Signal(bool)  # True once the restored vault is in place

    def __init__(self, host: Any, session: VaultSession) -> None:
        super().__init__(host)
        self.host = host
        self.session = session
        self.vault_dir = Path(session.vault_dir)
        self.task: Task | None = None
        self.staged: Any = None
        self.kept: Path | None = None
        self._waiting = False  # connected to the window's ``locked`` until the lock has happened

    def start(self, parent: Any) -> bool:
        """Ask which file, then confirm, then the passphrase; False when the DSL stopped at any question."""
        from desktop_app.services.vault import backup_restore

        asker = ask.current()
        chosen = asker.open_path(parent, "Choose the backup to restore", BACKUP_FILTER)
        if not chosen:
            return False
        try:
            info = backup_restore.read_backup_info(Path(chosen))
        except Exception as error:
            self.status.emit(describe_error(error), "bad")
            return False
        pattern = backup_restore.kept_folder_pattern(self.vault_dir)
        if not asker.confirm(
            parent,
            "Restore from this backup?",
            confirmation(info, self.vault_dir, pattern),
            "Check the backup and restore it",
            "Keep the vault as it is",
        ):
            return False
        passphrase = asker.text(
            parent,
            "Passphrase of the backup",
            f"A passphrase that opened Waymark on {when(info.created_at)}, when this backup was made:",
            secret=True,
        )
        if not passphrase:
            return False
        self.status.emit("Checking the backup. You can keep working; Waymark locks only once it is found sound.", "")
        self.task = run_in_background(
            backup_restore.stage_restore, info.file, self.vault_dir, passphrase, progress=True
        )
        self.task.progress.connect(self.progress)
        self.task.succeeded.connect(self._checked)
        self.task.failed.connect(self._refused)
        return True

    def _refused(self, error: BaseException) -> None:
        from desktop_app.vault import WrongPassphrase

        self.task = None
        if isinstance(error, WrongPassphrase):  # the backup's key slots, not this vault's: say which
            text = (
                "That passphrase does not open this backup, so nothing was changed. Use a passphrase that "
                "opened Waymark when the backup was made."
            )
        else:
            text = describe_error(error)
        self.status.emit(text, "bad")
        self.finished.emit(False)

    def _checked(self, staged: object) -> None:
        from desktop_app.services.vault import backup_restore

        self.task = None
        self.staged = staged
        if self.host.session is self.session:
            try:
                backup_restore.note_set_aside(self.session, self.staged.info)
            except Exception:
                _log.exception("the set-aside note could not be written")  # the restored vault records its own row
        self.host.lock()
        if self.host.session is None:
            self._swap()
        else:  # a re-key or another backup still running: the lock, then the swap, follow when it ends
            self._waiting = True
            self.host.locked.connect(self._swap)

    def _swap(self) -> None:
        from desktop_app.services.vault import backup_restore

        if self._waiting:
            self._waiting = False
            self.host.locked.disconnect(self._swap)
        lock: Any = getattr(self.host, "instance_lock", None)
        held = bool(lock is not None and lock.held)
        if held:
            lock.release()  # the window's own lock file is inside the folder being set aside
        try:
            self.kept = backup_restore.put_in_place(self.staged)
        except Exception as error:
            backup_restore.discard(self.staged)
            self._reacquire(lock, held)
            self.host.show_lock_screen()
            ask.current().warn(
                self.host,
                "The backup was not restored",
                f"{describe_error(error)} The vault is as it was: unlock it as usual.",
            )
            self.finished.emit(False)
            return
        self._reacquire(lock, held)
        self.host.show_lock_screen()  # built afresh for the restored vault
        kept = f" The vault as it was is kept, unchanged, in {self.kept}." if self.kept else ""
        ask.current().inform(
            self.host,
            "The backup was restored",
            f"The vault now holds the backup made on {when(self.staged.info.created_at)}.{kept} Unlock with a "
            "passphrase that opened Waymark when the backup was made.",
        )
        self.finished.emit(True)

    @staticmethod
    def _reacquire(lock: Any, held: bool) -> None:
        if held:
            try:
                lock.acquire()
            except Exception:
                _log.warning("the window's instance lock could not be taken again after the restore")
