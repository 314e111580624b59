"""A restore's journal, so a restore killed between its renames is finished (or undone) at the next start.

A restore checks the backup completely in a staging folder beside the vault, then writes this journal naming the
vault folder, the staging folder and the name the current vault will be kept under, and only then renames:
``vault → kept``, ``staging → vault``; then it records the restored vault on this computer (``vault.witness``) and
deletes the journal. At the next start ``finish`` looks at which folders exist:

* staging and vault both there: killed before the first rename; the staging folder is removed (nothing changed);
* staging there, vault not: killed between the renames; the restore is completed (the backup was already checked);
* vault there, staging not: killed after the renames; the record on this computer is brought in step;
* neither: the kept folder is put back.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.vault import atomic
from desktop_app.vault.instance import in_use
from desktop_app.vault.witness import Witness

JOURNAL_SUFFIX = ".restore-journal.json"
# Test hook: called with each step's name just before it happens (a test injects a kill there).
Step = Callable[[str], None]

_log = logging.getLogger(__name__)


def journal_path(vault_dir: Path) -> Path:
    vault_dir = Path(vault_dir)
    return vault_dir.parent / f".{vault_dir.name}{JOURNAL_SUFFIX}"


@dataclass(frozen=True)
class Journal:
    vault: Path
    staging: Path
    kept: Path | None
    vault_id: str
    audit_seq: int
    audit_mac: str

    def to_json(self) -> str:
        return (
            json.dumps(
                {
                    "format": 1,
                    "vault": str(self.vault),
                    "staging": str(self.staging),
                    "kept": str(self.kept) if self.kept else None,
                    "vault_id": self.vault_id,
                    "audit_seq": self.audit_seq,
                    "audit_mac": self.audit_mac,
                },
                sort_keys=True,
            )
            + "\n"
        )


def read(vault_dir: Path) -> Journal | None:
    path = journal_path(vault_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        journal = Journal(
            Path(data["vault"]),
            Path(data["staging"]),
            Path(data["kept"]) if data["kept"] else None,
            str(data["vault_id"]),
            int(data["audit_seq"]),
            str(data["audit_mac"]),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        _log.warning("a restore journal is unreadable; left as it is")
        return None
    expected_parent = Path(vault_dir).resolve().parent
    if (
        journal.vault.resolve() != Path(vault_dir).resolve()
        or journal.staging.parent != expected_parent
        or (journal.kept is not None and journal.kept.parent != expected_parent)
    ):
        _log.warning("a restore journal names other folders; left as it is")
        return None
    return journal


def run(journal: Journal, step: Step | None = None) -> None:
    """Put the checked staging folder in place of the vault, journalled; the old vault is kept renamed."""
    hook = step or (lambda _name: None)
    hook("journal")
    atomic.write_text(journal_path(journal.vault), journal.to_json())
    hook("keep-old")
    if journal.kept is not None:
        os.rename(journal.vault, journal.kept)
    hook("put-in-place")
    os.rename(journal.staging, journal.vault)
    _fsync(journal.vault.parent)
    hook("record")
    Witness(journal.vault_id, journal.vault).record_audit(journal.audit_seq, journal.audit_mac, allow_older=True)
    hook("done")
    journal_path(journal.vault).unlink()
    _fsync(journal.vault.parent)


def finish(vault_dir: Path) -> str | None:
    """Finish or undo a restore that was interrupted; returns a sentence saying what was done, or None."""
    journal = read(vault_dir)
    if journal is None:
        return None
    vault, staging, kept = journal.vault, journal.staging, journal.kept
    if staging.is_dir() and in_use(staging):
        return None  # the restore is running right now, in another process
    note: str
    if staging.is_dir() and vault.exists():
        shutil.rmtree(staging, ignore_errors=True)
        note = "A restore from a backup was interrupted before it changed anything; the vault is as it was."
    else:
        if staging.is_dir():
            os.rename(staging, vault)
            _fsync(vault.parent)
        if vault.exists():
            witness = Witness(journal.vault_id, journal.vault)
            witness.record_audit(journal.audit_seq, journal.audit_mac, allow_older=True)
            note = "A restore from a backup was interrupted; it has now been completed."
            if kept is not None and kept.exists():
                note += f" The vault that was there before is kept in {kept}."
        elif kept is not None and kept.is_dir():
            os.rename(kept, vault)
            note = "A restore from a backup was interrupted and could not be completed; the vault is as it was."
        else:
            _log.warning("a restore journal names folders that are all gone")
            note = "A restore from a backup was interrupted, and neither the backup's copy nor the old vault is there."
    with contextlib.suppress(FileNotFoundError):
        journal_path(vault_dir).unlink()
    _fsync(Path(vault_dir).parent)
    _log.info("finished an interrupted restore")
    return note


def _fsync(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
