"""Backups: one file (a zip, stored not compressed) holding an encrypted database copy, the key slots, the anchor,
the intake public key, sealed inbox items and a manifest of SHA-256 hashes; written atomically.

Restore verifies a backup completely (hashes, passphrase, SQLCipher page MACs, quick_check, the whole audit chain,
the anchor) before touching the vault folder, and keeps the folder it replaces under a new name.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from desktop_app.domain.records import Actor
from desktop_app.errors import UserFacingError, quote
from desktop_app.filemodes import make_private, make_tree_private, private_dir
from desktop_app.services.vault.folder import file_stamp
from desktop_app.store import anchor
from desktop_app.store.database import Database, open_database
from desktop_app.store.engine import DB_FILE_NAME
from desktop_app.store.errors import VaultDamaged
from desktop_app.store.files import disk_problem
from desktop_app.store.maintenance import encrypted_copy
from desktop_app.vault import atomic, leftovers, restore_journal
from desktop_app.vault.instance import STAGING_LOCK, VaultInstanceLock
from desktop_app.vault.keyslots import FILE_NAME as KEYSLOTS_FILE
from desktop_app.vault.keyslots import RECOVERY_COPY_NAME, KeySlotFile

FORMAT = "waymark-backup/1"
MANIFEST = "manifest.json"
Progress = Callable[[int, int, str], None]
_CHUNK = 1 << 20


class BackupRefused(UserFacingError):
    """A backup file that is damaged, incomplete or not a Waymark backup; nothing was changed."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_backup(database: Database, out_path: Path, progress: Progress | None = None) -> Path:
    """Write one backup file atomically; a full disk leaves no partial file and the vault untouched.

    The working copy is made in a ``.waymark-backup-*`` folder inside the vault folder, and the file itself through
    a fresh exclusive staging name beside ``out_path`` that is registered first: a run killed half-way leaves
    nothing that the next start does not remove (``vault.leftovers``).
    """
    report = progress or (lambda _step, _of, _what: None)
    out_path = Path(out_path)
    vault_dir = database.vault_dir
    try:
        private_dir(out_path.parent)
        work = Path(tempfile.mkdtemp(prefix=leftovers.BACKUP_WORK_PREFIX, dir=vault_dir))
    except OSError as error:
        raise disk_problem(error, "backup") from None
    try:
        report(0, 3, "Copying the encrypted database")
        db_copy = work / DB_FILE_NAME
        copied = encrypted_copy(database, db_copy)
        make_private(db_copy)  # VACUUM INTO makes the copy with the process umask; the work folder is 0700 too
        seq = copied.audit_seq
        members: list[tuple[str, Path]] = [(DB_FILE_NAME, db_copy)]
        anchor_copy = work / anchor.ANCHOR_FILE_NAME
        anchor_copy.write_bytes(anchor.encode(anchor.Anchor(seq=seq, mac=copied.audit_mac), database.audit_key))
        members.append((anchor.ANCHOR_FILE_NAME, anchor_copy))
        for name in (KEYSLOTS_FILE, RECOVERY_COPY_NAME, "intake.pub"):
            if (vault_dir / name).exists():
                members.append((name, vault_dir / name))
        inbox = vault_dir / "inbox"
        if inbox.is_dir():
            members.extend((f"inbox/{p.name}", p) for p in sorted(inbox.glob("*.sealed")))
        report(1, 3, "Writing the backup file")
        manifest = {
            "format": FORMAT, "created_at": datetime.now(UTC).isoformat(), "schema": copied.revision, "audit_seq": seq,
            "files": {name: _sha256(path) for name, path in members},
        }

        def fill(handle: BinaryIO) -> None:
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED) as bundle:
                bundle.writestr(MANIFEST, json.dumps(manifest, indent=2, sort_keys=True))
                for name, path in members:
                    bundle.write(path, name)

        inside = out_path.parent.resolve() == vault_dir.resolve() or vault_dir.resolve() in out_path.resolve().parents
        atomic.write_with(out_path, fill, register=None if inside else leftovers.OutputRegister(vault_dir))
        report(3, 3, "Backup written")
        return out_path
    except OSError as error:
        raise disk_problem(error, "backup") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _read_manifest(bundle: zipfile.ZipFile) -> dict[str, str]:
    try:
        manifest = json.loads(bundle.read(MANIFEST))
        files = manifest["files"]
        ok = manifest.get("format") == FORMAT and isinstance(files, dict)
    except (KeyError, ValueError, TypeError):
        ok, files = False, {}
    if not ok:
        raise BackupRefused("That file is not a Waymark backup, or it is damaged. Nothing was changed.")
    for name in files:
        if name.startswith(("/", "\\")) or ".." in Path(name).parts:
            raise BackupRefused("That backup file names files outside the vault; it was refused. Nothing was changed.")
    if DB_FILE_NAME not in files or KEYSLOTS_FILE not in files:
        raise BackupRefused("That backup is incomplete (no database or no key slots). Nothing was changed.")
    return {str(k): str(v) for k, v in files.items()}


def _extract(backup_file: Path, staging: Path) -> None:
    try:
        with zipfile.ZipFile(backup_file) as bundle:
            files = _read_manifest(bundle)
            for name, expected in files.items():
                target = staging / name
                private_dir(target.parent)
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
                with bundle.open(name) as source, os.fdopen(fd, "wb") as sink:
                    shutil.copyfileobj(source, sink, _CHUNK)
                    sink.flush()
                    os.fsync(sink.fileno())
                if _sha256(target) != expected:
                    raise BackupRefused(f"The backup is damaged: {name} inside it does not match its manifest. "
                                        "Nothing was changed; use another backup.")
    except (zipfile.BadZipFile, KeyError):
        raise BackupRefused("That backup file is damaged or incomplete. Nothing was changed; use another backup.") \
            from None


@dataclass(frozen=True)
class StagedCheck:
    problems: list[str]
    vault_id: str = ""
    audit_seq: int = 0
    audit_mac: str = ""


def check_staged(staging: Path, passphrase: str, record_restore: str | None = None) -> list[str]:
    """Open a staged vault and check everything; return problems (empty = sound).

    With ``record_restore`` (the action name), a sound vault gets that audit row, as the person whose passphrase
    opened it, before it is put in place: a restore is a change like any other.
    """
    return _check_staged(staging, passphrase, record_restore).problems


def _check_staged(staging: Path, passphrase: str, record_restore: str | None = None) -> StagedCheck:
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


def restore_backup(backup_file: Path, vault_dir: Path, passphrase: str,
                   step: restore_journal.Step | None = None) -> Path | None:
    """Restore after a full check; the vault folder it replaces is kept renamed. Returns that folder, if any.

    The renames are journalled (``vault.restore_journal``): a restore killed at any moment is finished or undone
    at the next start. ``step`` is the tests' hook for injecting that kill.
    """
    if not backup_file.is_file():
        raise BackupRefused(f"There is no backup file at {quote(backup_file)}.")
    vault_dir = vault_dir.resolve()
    if vault_dir.exists():
        with VaultInstanceLock(vault_dir):  # refuses while Waymark has this vault open
            leftovers.tidy(vault_dir)
    elif restore_journal.journal_path(vault_dir).exists():
        restore_journal.finish(vault_dir)
    try:
        private_dir(vault_dir.parent)
        staging = Path(tempfile.mkdtemp(prefix=leftovers.restore_staging_prefix(vault_dir), dir=vault_dir.parent))
    except OSError as error:
        raise disk_problem(error, "restored vault") from None
    staging_lock = VaultInstanceLock(staging, STAGING_LOCK)
    staging_lock.acquire()  # tells another start that this staging folder is in use, not left over
    in_place = False
    try:
        try:
            _extract(backup_file, staging)
        except OSError as error:
            raise disk_problem(error, "restored vault") from None
        try:
            checked = _check_staged(staging, passphrase, record_restore="vault.restored")
        except VaultDamaged as error:
            raise BackupRefused(f"That backup cannot be trusted: {error.sentence}") from None
        if checked.problems:
            raise BackupRefused("That backup cannot be trusted, so nothing was changed: " +
                                " ".join(checked.problems[:3]))
        private_dir(staging / "inbox")
        private_dir(staging / "backups")
        make_tree_private(staging)
        kept: Path | None = None
        if vault_dir.exists():
            with VaultInstanceLock(vault_dir):
                pass  # refuses while Waymark has this vault open
            kept = vault_dir.with_name(f"{vault_dir.name}.before-restore-{file_stamp()}")
            number = 1
            while os.path.lexists(kept):  # two restores within the same second
                number += 1
                kept = vault_dir.with_name(f"{vault_dir.name}.before-restore-{file_stamp()}-{number}")
        journal = restore_journal.Journal(vault_dir, staging, kept, checked.vault_id, checked.audit_seq,
                                          checked.audit_mac)
        try:
            restore_journal.run(journal, step)
        except OSError as error:
            raise disk_problem(error, "restored vault") from None
        in_place = True
        return kept
    finally:
        staging_lock.release()
        if in_place:
            with contextlib.suppress(OSError):
                (vault_dir / STAGING_LOCK).unlink()
        elif staging.exists() and not restore_journal.journal_path(vault_dir).exists():
            shutil.rmtree(staging, ignore_errors=True)
