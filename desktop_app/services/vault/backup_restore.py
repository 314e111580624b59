"""Restore a vault from a backup file: checked completely before anything is touched; the vault it replaces is kept.

The check (hashes, a passphrase of the backup, every encrypted page, the database structure, the whole audit trail,
the anchor) runs on a copy unpacked beside the vault folder (``stage_restore``, slow: a background worker's work).
Putting it in place (``put_in_place``) is two renames: the vault folder becomes ``<folder>.before-restore-<utc>``,
never deleted, and the checked copy takes its name. ``restore_backup`` does both, for the command line.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.domain.records import Actor
from desktop_app.services.vault.backup import CHUNK, FORMAT, MANIFEST, BackupRefused, Progress, file_sha256
from desktop_app.services.vault.folder import file_stamp
from desktop_app.store.database import open_database
from desktop_app.store.engine import DB_FILE_NAME
from desktop_app.store.errors import VaultDamaged
from desktop_app.store.files import disk_problem, fsync_dir
from desktop_app.store.uow import UnitOfWork
from desktop_app.vault.instance import VaultInstanceLock
from desktop_app.vault.keyslots import FILE_NAME as KEYSLOTS_FILE
from desktop_app.vault.keyslots import KeySlotFile

KEPT_INFIX = ".before-restore-"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What the manifest of a backup file says about it (read without a passphrase; nothing personal)."""

    file: Path
    created_at: datetime | None  # UTC; None for a backup whose manifest has no readable time
    audit_entries: int  # how many audit entries the backed-up vault held


@dataclass(frozen=True, slots=True)
class StagedRestore:
    """A backup unpacked and fully checked beside the vault folder, ready to be put in place (or discarded)."""

    staging: Path
    vault_dir: Path
    info: BackupInfo


def _manifest(bundle: zipfile.ZipFile) -> dict[str, object]:
    try:
        manifest = json.loads(bundle.read(MANIFEST))
        ok = isinstance(manifest, dict) and manifest.get("format") == FORMAT and isinstance(manifest["files"], dict)
    except (KeyError, ValueError, TypeError):
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
        raise BackupRefused(f"There is no backup file at {backup_file}.")
    try:
        with zipfile.ZipFile(backup_file) as bundle:
            manifest = _manifest(bundle)
            _files(manifest)
    except (zipfile.BadZipFile, OSError):
        raise BackupRefused("That backup file is damaged or incomplete. Nothing was changed; use another backup.") \
            from None
    try:
        created: datetime | None = datetime.fromisoformat(str(manifest.get("created_at"))).astimezone(UTC)
    except ValueError:
        created = None
    seq = manifest.get("audit_seq")
    return BackupInfo(backup_file, created, seq if isinstance(seq, int) else 0)


def _extract(backup_file: Path, staging: Path) -> None:
    try:
        with zipfile.ZipFile(backup_file) as bundle:
            files = _files(_manifest(bundle))
            for name, expected in files.items():
                target = staging / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with bundle.open(name) as source, open(target, "wb") as sink:
                    shutil.copyfileobj(source, sink, CHUNK)
                    sink.flush()
                    os.fsync(sink.fileno())
                if file_sha256(target) != expected:
                    raise BackupRefused(f"The backup is damaged: {name} inside it does not match its manifest. "
                                        "Nothing was changed; use another backup.")
    except (zipfile.BadZipFile, KeyError):
        raise BackupRefused("That backup file is damaged or incomplete. Nothing was changed; use another backup.") \
            from None


def check_staged(staging: Path, passphrase: str, record_restore: str | None = None) -> list[str]:
    """Open a staged vault and check everything; return problems (empty = sound).

    With ``record_restore`` (the action name), a sound vault gets that audit row, as the person whose passphrase
    opened it, before it is put in place: a restore is a change like any other.
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
        return problems
    finally:
        database.dispose()


def stage_restore(backup_file: Path, vault_dir: Path, passphrase: str,
                  progress: Progress | None = None) -> StagedRestore:
    """Unpack and check a backup beside ``vault_dir``; raise (leaving nothing behind) unless it is sound.

    The vault folder itself is not touched, so this may run while the vault is open.
    """
    report = progress or (lambda _step, _of, _what: None)
    info = read_backup_info(backup_file)
    vault_dir = Path(vault_dir).resolve()
    try:
        vault_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{vault_dir.name}.restoring-", dir=vault_dir.parent))
    except OSError as error:
        raise disk_problem(error, "restored vault") from None
    try:
        report(0, 3, "Unpacking the backup and checking each file against its list")
        try:
            _extract(info.file, staging)
        except OSError as error:
            raise disk_problem(error, "restored vault") from None
        report(1, 3, "Checking every record and the whole audit trail of the backup")
        try:
            problems = check_staged(staging, passphrase, record_restore="vault.restored")
        except VaultDamaged as error:
            raise BackupRefused(f"That backup cannot be trusted: {error.sentence}") from None
        if problems:
            raise BackupRefused("That backup cannot be trusted, so nothing was changed: " + " ".join(problems[:3]))
        (staging / "inbox").mkdir(exist_ok=True)
        (staging / "backups").mkdir(exist_ok=True)
        report(3, 3, "The backup is sound")
        return StagedRestore(staging, vault_dir, info)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def kept_folder_pattern(vault_dir: Path) -> str:
    """How the folder set aside will be named, for telling the DSL beforehand."""
    return f"{Path(vault_dir).name}{KEPT_INFIX}<date and time>"


def put_in_place(staged: StagedRestore) -> Path | None:
    """Set the vault folder aside (renamed, kept whole) and put the checked copy in its place; return the kept folder.

    Refuses (``AlreadyRunning``) while a session holds the vault; the staged copy is then left for ``discard``.
    """
    vault_dir = staged.vault_dir
    kept: Path | None = None
    if vault_dir.exists():
        with VaultInstanceLock(vault_dir):
            pass  # refuses while Waymark has this vault open
        kept = vault_dir.with_name(f"{vault_dir.name}{KEPT_INFIX}{file_stamp()}")
        try:
            vault_dir.rename(kept)
        except OSError as error:
            raise disk_problem(error, "restored vault") from None
    try:
        staged.staging.rename(vault_dir)
    except OSError as error:
        if kept is not None:
            kept.rename(vault_dir)  # the vault as it was goes back: nothing changed
        raise disk_problem(error, "restored vault") from None
    fsync_dir(vault_dir.parent)
    return kept


def discard(staged: StagedRestore) -> None:
    """Remove a staged copy that will not be used (the DSL changed their mind, or putting it in place failed)."""
    shutil.rmtree(staged.staging, ignore_errors=True)


def restore_backup(backup_file: Path, vault_dir: Path, passphrase: str) -> Path | None:
    """Restore after a full check; the vault folder it replaces is kept renamed. Returns that folder, if any."""
    staged = stage_restore(backup_file, vault_dir, passphrase)
    try:
        return put_in_place(staged)
    finally:
        if staged.staging.exists():
            discard(staged)


def note_set_aside(uow: UnitOfWork, actor: Actor, info: BackupInfo) -> None:
    """Audit, in the vault about to be set aside, that a checked backup is replacing it (ids and counts only)."""
    with uow:
        uow.audit.append(actor, "vault.set_aside_for_restore", "vault",
                         {"backup_audit_seq": info.audit_entries})
        uow.commit()


def last_backup(uow: UnitOfWork) -> datetime | None:
    """When this vault last wrote a backup file (from its audit trail), or None when it never has."""
    with uow:
        return uow.audit.last_at("backup.written")
