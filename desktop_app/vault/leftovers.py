"""What a killed run leaves behind, removed at the next start.

Inside the vault folder the names say what they are: ``.NAME.<hex>.tmp`` (an atomic write), ``.waymark-backup-*``
(a backup's working folder); beside it, ``.VAULT.restoring-*`` (a restore's staging folder, unless the restore journal
still needs it). Staging files of writes *outside* the vault folder (a PDF or a backup the DSL saved elsewhere) are
named in ``outputs-in-progress.json`` in the vault folder before they are created, so they are found again.
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
from pathlib import Path

from desktop_app.vault import atomic, restore_journal
from desktop_app.vault.errors import SaveFailed
from desktop_app.vault.instance import STAGING_LOCK as STAGING_LOCK  # re-exported
from desktop_app.vault.instance import in_use

REGISTER_FILE = "outputs-in-progress.json"
BACKUP_WORK_PREFIX = ".waymark-backup-"
RESTORE_STAGING_INFIX = ".restoring-"

_log = logging.getLogger(__name__)


def restore_staging_prefix(vault_dir: Path) -> str:
    return f".{Path(vault_dir).name}{RESTORE_STAGING_INFIX}"


class OutputRegister:
    """The staging files of writes outside the vault folder, named before they exist (``atomic``'s ``register``)."""

    def __init__(self, vault_dir: Path) -> None:
        self.path = Path(vault_dir) / REGISTER_FILE

    def __call__(self, temp: Path, created: bool) -> None:
        names = set(self._read())
        if created:
            names.add(str(temp))
        else:
            names.discard(str(temp))
        if names:
            atomic.write_text(self.path, json.dumps(sorted(names)) + "\n")
        else:
            self.path.unlink(missing_ok=True)

    def _read(self) -> list[str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return [str(item) for item in data if isinstance(item, str)] if isinstance(data, list) else []

    def sweep(self) -> int:
        """Remove every staging file still named (a write killed half-way); returns how many were found."""
        removed = 0
        for name in self._read():
            temp = Path(name)
            if atomic.is_temp_name(temp.name) and temp.is_file() and not temp.is_symlink():
                with contextlib.suppress(OSError):
                    temp.unlink()
                    removed += 1
        if self.path.exists():
            with contextlib.suppress(OSError, SaveFailed):
                self.path.unlink()
        return removed


def sweep(vault_dir: Path, keep: frozenset[Path] = frozenset()) -> int:
    """Remove the staging files and folders a killed run left in and beside ``vault_dir``; returns how many.

    ``keep``: staging folders a restore journal still names (``restore_journal.finish`` decides about those).
    A staging folder whose ``staging.lock`` is held belongs to a restore running right now, and is left alone.
    """
    vault_dir = Path(vault_dir)
    removed = 0
    if vault_dir.is_dir():
        removed += OutputRegister(vault_dir).sweep()
        for folder in (vault_dir, vault_dir / "inbox", vault_dir / "backups"):
            if not folder.is_dir() or folder.is_symlink():
                continue
            for entry in folder.iterdir():
                if atomic.is_temp_name(entry.name) and entry.is_file() and not entry.is_symlink():
                    with contextlib.suppress(OSError):
                        entry.unlink()
                        removed += 1
                elif entry.name.startswith(BACKUP_WORK_PREFIX) and entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                    removed += 1
    parent = vault_dir.parent
    if parent.is_dir():
        for entry in parent.glob(restore_staging_prefix(vault_dir) + "*"):
            if entry in keep or entry.is_symlink() or not entry.is_dir() or in_use(entry):
                continue
            shutil.rmtree(entry, ignore_errors=True)
            removed += 1
        # The restore journal is written atomically beside the vault: a kill during that write leaves its staging
        # file (``..VAULT.restore-journal.json.<hex>.tmp``), never the journal itself.
        journal_name = restore_journal.journal_path(vault_dir).name
        for entry in parent.glob(f".{journal_name}.*"):
            if atomic.is_temp_name(entry.name) and entry.is_file() and not entry.is_symlink():
                with contextlib.suppress(OSError):
                    entry.unlink()
                    removed += 1
    if removed:
        _log.info("removed %d staging file(s) left by an interrupted run", removed)
    return removed


def tidy(vault_dir: Path) -> str | None:
    """At start, holding the vault's instance lock: finish an interrupted restore, then sweep staging files.

    Returns a sentence for the DSL when a restore was finished or undone.
    """
    note = restore_journal.finish(vault_dir)
    sweep(vault_dir)
    stray = Path(vault_dir) / STAGING_LOCK
    if stray.is_file() and not in_use(Path(vault_dir)):
        with contextlib.suppress(OSError):
            stray.unlink()
    return note
