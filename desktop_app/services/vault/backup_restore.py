"""Restore a vault from a backup file: checked completely before anything is touched; the vault it replaces is kept.

The check (hashes, a passphrase of the backup, every encrypted page, the database structure, the whole audit trail,
the anchor) runs on a copy unpacked beside the vault folder (``stage_restore``, slow: a background worker's work). The
staging folder's ``staging.lock`` is held from then until the copy is put in place or discarded, so no other start
sweeps it away as left over. Putting it in place (``put_in_place``) is journalled (``vault.restore_journal``): the
vault folder becomes ``<folder>.before-restore-<utc>``, never deleted, the checked copy takes its name, and this
computer's record of the vault (``vault.witness``) moves to the restored audit trail; a run killed at any step is
finished or undone at the next start. ``restore_backup`` does both, for the command line; the Settings screen calls
the two halves, so both get the same protection.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.records import Actor
from desktop_app.errors import UserFacingError, quote
from desktop_app.filemodes import make_tree_private, private_dir
from desktop_app.services.vault.backup import CHUNK, FORMAT, MANIFEST, BackupRefused, Progress, file_sha256
from desktop_app.services.vault.folder import file_stamp
from desktop_app.store.database import open_database
from desktop_app.store.engine import DB_FILE_NAME
from desktop_app.store.errors import VaultDamaged
from desktop_app.store.files import disk_problem
from desktop_app.vault import AlreadyRunning, leftovers, restore_journal
from desktop_app.vault.instance import STAGING_LOCK, VaultInstanceLock
from desktop_app.vault.keyslots import FILE_NAME as KEYSLOTS_FILE
from desktop_app.vault.keyslots import KeySlotFile

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

KEPT_INFIX = ".before-restore-"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What the manifest of a backup file says about it (read without a passphrase; nothing personal)."""

    file: Path
    created_at: datetime | None  # UTC; None for a backup whose manifest has no readable time
    audit_entries: int  # how many audit entries the backed-up vault held


@dataclass(frozen=True, slots=True)
class StagedCheck:
    """What checking a staged copy found, and what this computer must record of it once it is in place."""

    problems: list[str]
    vault_id: str = ""
    audit_seq: int = 0
    audit_mac: str = ""


@dataclass(frozen=True, slots=True)
class StagedRestore:
    """A backup unpacked and fully checked beside the vault folder, ready to be put in place (or discarded).

    ``lock`` is the staging folder's ``staging.lock``, held until ``put_in_place`` or ``discard``.
    """

    staging: Path
    vault_dir: Path
    info: BackupInfo
    check: StagedCheck = field(default_factory=lambda: StagedCheck([]))
    lock: VaultInstanceLock | None = field(default=None, compare=False, repr=False)


def _manifest(bundle: zipfile.ZipFile) -> dict[str, object]:
    try:
        manifest = json.loads(bundle.read(MANIFEST))
        ok = isinstance(manifest, dict) and manifest.get("format") == FORMAT and isinstance(manifest["files"], dict)
    except (KeyError, ValueError, TypeError, RecursionError):
        ok, manifest = False, {}
    if not ok:
        raise BackupRefused("That file is not a Waymark backup, or it is damaged. Nothing was changed.")
    return dict(manifest)


def _files(manifest: dict[str, object]) -> dict[str, str]:
    files = manifest["files"]
    assert isinstance(files, dict)
    for name in files:
        if str(name).startswith(("/", "\\")) or ".." in Path(str(name)).parts:
            raise BackupRefused("That backup file names files outside the vault; it was refused. Nothing was changed.")
    if DB_FILE_NAME not in files or KEYSLOTS_FILE not in files:
        raise BackupRefused("That backup is incomplete (no database or no key slots). Nothing was changed.")
    return {str(k): str(v) for k, v in files.items()}


def read_backup_info(backup_file: Path) -> BackupInfo:
    """When a backup was made and how much it holds, from its manifest; ``BackupRefused`` for any other file."""
    backup_file = Path(backup_file)
    if not backup_file.is_file():
        raise BackupRefused(f"There is no backup file at {quote(backup_file)}.")
    try:
        with zipfile.ZipFile(backup_file) as bundle:
            manifest = _manifest(bundle)
            _files(manifest)
    except (zipfile.BadZipFile, OSError):
        raise BackupRefused(
            "That backup file is damaged or incomplete. Nothing was changed; use another backup."
        ) from None
    try:
        created: datetime | None = datetime.fromisoformat(str(manifest.get("created_at"))).astimezone(UTC)
    except ValueError:
        created = None
    seq = manifest.get("audit_seq")
    return BackupInfo(backup_file, created, seq if isinstance(seq, int) else 0)


def _extract(backup_file: Path, staging: Path) -> None:
    """Unpack into ``staging``: every file made fresh (never through a planted link), private, checked by hash."""
    try:
        with zipfile.ZipFile(backup_file) as bundle:
            files = _files(_manifest(bundle))
            for name, expected in files.items():
                target = staging / name
                private_dir(target.parent)
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
                with bundle.open(name) as source, os.fdopen(fd, "wb") as sink:
                    shutil.copyfileobj(source, sink, CHUNK)
                    sink.flush()
                    os.fsync(sink.fileno())
                if file_sha256(target) != expected:
                    raise BackupRefused(
                        f"The backup is damaged: {quote(name)} inside it does not match its manifest. "
                        "Nothing was changed; use another backup."
                    )
    except (zipfile.BadZipFile, KeyError):
        raise BackupRefused(
            "That backup file is damaged or incomplete. Nothing was changed; use another backup."
        ) from None


def check_staged(staging: Path, passphrase: str, record_restore: str | None = None) -> StagedCheck:
    """Open a staged vault and check everything; ``problems`` empty means sound.

    With ``record_restore`` (the action name), a sound vault gets that audit row, as the person whose passphrase
    opened it, before it is put in place: a restore is a change like any other. The vault id and the newest audit
    entry (after that row) are what this computer records once the copy is in place.
    """
    from desktop_app.services.vault.integrity import check_database

    slots = KeySlotFile.load(staging / KEYSLOTS_FILE)
    data_key, slot = slots.open_with_passphrase(passphrase)
    database = open_database(staging, data_key)
    try:
        problems = check_database(database).problems
        if not problems and record_restore is not None:
            actor = Actor(name=slot.user_name or "", role=slot.role or "", user_id=slot.user_id)
            with database.uow() as uow:
                uow.audit.append(actor, record_restore, slots.vault_id, {"backup_audit_seq": uow.audit.latest_seq()})
                uow.commit()
        seq, mac = database.latest()
        return StagedCheck(problems, slots.vault_id, seq, mac)
    finally:
        database.dispose()


def _tidy_before(vault_dir: Path) -> None:
    """A start like any other: finish an interrupted restore and sweep what a killed run left, when the vault is not
    open (an open vault was tidied when it was unlocked, and is not touched while it is open)."""
    if vault_dir.exists():
        try:
            with VaultInstanceLock(vault_dir):
                leftovers.tidy(vault_dir)
        except AlreadyRunning:
            pass
    elif restore_journal.journal_path(vault_dir).exists():
        restore_journal.finish(vault_dir)


def stage_restore(
    backup_file: Path, vault_dir: Path, passphrase: str, progress: Progress | None = None
) -> StagedRestore:
    """Unpack and check a backup beside ``vault_dir``; raise (leaving nothing behind) unless it is sound.

    The vault folder itself is not touched, so this may run while the vault is open. The staging folder stays
    locked until the result is put in place or discarded.
    """
    report = progress or (lambda _step, _of, _what: None)
    info = read_backup_info(backup_file)
    vault_dir = Path(vault_dir).resolve()
    _tidy_before(vault_dir)
    try:
        private_dir(vault_dir.parent)
        staging = Path(tempfile.mkdtemp(prefix=leftovers.restore_staging_prefix(vault_dir), dir=vault_dir.parent))
    except OSError as error:
        raise disk_problem(error, "restored vault") from None
    lock = VaultInstanceLock(staging, STAGING_LOCK)
    try:
        lock.acquire()  # tells another start that this staging folder is in use, not left over
        report(0, 3, "Unpacking the backup and checking each file against its list")
        try:
            _extract(info.file, staging)
        except OSError as error:
            raise disk_problem(error, "restored vault") from None
        report(1, 3, "Checking every record and the whole audit trail of the backup")
        try:
            checked = check_staged(staging, passphrase, record_restore="vault.restored")
        except VaultDamaged as error:
            raise BackupRefused(f"That backup cannot be trusted: {error.sentence}") from None
        if checked.problems:
            raise BackupRefused(
                "That backup cannot be trusted, so nothing was changed: " + " ".join(checked.problems[:3])
            )
        try:
            private_dir(staging / "inbox")
            private_dir(staging / "backups")
            make_tree_private(staging)
        except OSError as error:
            raise disk_problem(error, "restored vault") from None
        report(3, 3, "The backup is sound")
        return StagedRestore(staging, vault_dir, info, checked, lock)
    except BaseException:
        lock.release()
        shutil.rmtree(staging, ignore_errors=True)
        raise


def kept_folder_pattern(vault_dir: Path) -> str:
    """How the folder set aside will be named, for telling the DSL beforehand."""
    return f"{Path(vault_dir).name}{KEPT_INFIX}<date and time>"


def _kept_name(vault_dir: Path) -> Path:
    kept = vault_dir.with_name(f"{vault_dir.name}{KEPT_INFIX}{file_stamp()}")
    number = 1
    while os.path.lexists(kept):  # two restores within the same second
        number += 1
        kept = vault_dir.with_name(f"{vault_dir.name}{KEPT_INFIX}{file_stamp()}-{number}")
    return kept


def put_in_place(staged: StagedRestore, step: restore_journal.Step | None = None) -> Path | None:
    """Set the vault folder aside (renamed, kept whole) and put the checked copy in its place; return the kept folder.

    Refuses (``AlreadyRunning``) while a session holds the vault; the staged copy is then left, still locked, for
    another try or ``discard``. The renames are journalled: a run killed at any moment is finished or undone at the
    next start. If a rename fails, the vault as it was is put back and the error raised (then ``discard``).
    ``step`` is the tests' hook for injecting a kill before each step.
    """
    vault_dir = staged.vault_dir
    kept: Path | None = None
    if vault_dir.exists():
        with VaultInstanceLock(vault_dir):
            pass  # refuses while Waymark has this vault open
        kept = _kept_name(vault_dir)
    check = staged.check
    journal = restore_journal.Journal(vault_dir, staged.staging, kept, check.vault_id, check.audit_seq, check.audit_mac)
    try:
        restore_journal.run(journal, step)
    except (OSError, UserFacingError) as error:
        if staged.staging.exists():  # not in place: put the vault as it was back, and say nothing changed
            with contextlib.suppress(OSError):
                if kept is not None and kept.exists() and not vault_dir.exists():
                    kept.rename(vault_dir)
                if vault_dir.exists() or kept is None:
                    restore_journal.journal_path(vault_dir).unlink(missing_ok=True)
            if isinstance(error, UserFacingError):
                raise
            raise disk_problem(error, "restored vault") from None
        # In place; only this computer's record could not be moved: the journal left beside the vault finishes
        # that at the next start (before anything is unlocked).
    _release(staged)
    with contextlib.suppress(OSError):
        (vault_dir / STAGING_LOCK).unlink()
    return kept


def _release(staged: StagedRestore) -> None:
    if staged.lock is not None:
        staged.lock.release()


def discard(staged: StagedRestore) -> None:
    """Remove a staged copy that will not be used (the DSL changed their mind, or putting it in place failed).

    A copy that an unfinished restore's journal still names is left for the next start to finish.
    """
    _release(staged)
    journal = restore_journal.read(staged.vault_dir)
    if journal is not None and journal.staging == staged.staging:
        return
    shutil.rmtree(staged.staging, ignore_errors=True)


def restore_backup(
    backup_file: Path, vault_dir: Path, passphrase: str, step: restore_journal.Step | None = None
) -> Path | None:
    """Restore after a full check; the vault folder it replaces is kept renamed. Returns that folder, if any.

    ``step`` is the tests' hook for injecting a kill (see ``put_in_place``).
    """
    staged = stage_restore(backup_file, vault_dir, passphrase)
    try:
        return put_in_place(staged, step)
    finally:
        if staged.staging.exists():
            discard(staged)


def note_set_aside(session: VaultSession, info: BackupInfo) -> None:
    """Audit, in the vault about to be set aside, that a checked backup is replacing it (ids and counts only)."""
    with session.uow() as uow:
        uow.audit.append(
            session.actor(), "vault.set_aside_for_restore", "vault", {"backup_audit_seq": info.audit_entries}
        )
        uow.commit()


def last_backup(session: VaultSession) -> datetime | None:
    """When this vault last wrote a backup file (from its audit trail), or None when it never has."""
    with session.uow() as uow:
        return uow.audit.last_at("backup.written")
