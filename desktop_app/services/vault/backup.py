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
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.domain.records import Actor
from desktop_app.errors import UserFacingError
from desktop_app.services.vault.folder import file_stamp
from desktop_app.store import anchor
from desktop_app.store.database import Database, open_database
from desktop_app.store.engine import DB_FILE_NAME
from desktop_app.store.errors import VaultDamaged
from desktop_app.store.files import disk_problem, fsync_dir
from desktop_app.store.maintenance import encrypted_copy
from desktop_app.vault.instance import VaultInstanceLock
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
    """Write one backup file atomically; a full disk leaves no partial file and the vault untouched."""
    report = progress or (lambda _step, _of, _what: None)
    out_path = Path(out_path)
    vault_dir = database.vault_dir
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".waymark-backup-", dir=out_path.parent))
    except OSError as error:
        raise disk_problem(error, "backup") from None
    temp_zip = out_path.with_name(f".{out_path.name}.tmp")
    try:
        report(0, 3, "Copying the encrypted database")
        db_copy = work / DB_FILE_NAME
        copied = encrypted_copy(database, db_copy)
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
        with zipfile.ZipFile(temp_zip, "w", compression=zipfile.ZIP_STORED) as bundle:
            bundle.writestr(MANIFEST, json.dumps(manifest, indent=2, sort_keys=True))
            for name, path in members:
                bundle.write(path, name)
        with open(temp_zip, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp_zip, out_path)
        fsync_dir(out_path.parent)
        report(3, 3, "Backup written")
        return out_path
    except OSError as error:
        raise disk_problem(error, "backup") from None
    finally:
        with contextlib.suppress(OSError):
            temp_zip.unlink()
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
                target.parent.mkdir(parents=True, exist_ok=True)
                with bundle.open(name) as source, open(target, "wb") as sink:
                    shutil.copyfileobj(source, sink, _CHUNK)
                    sink.flush()
                    os.fsync(sink.fileno())
                if _sha256(target) != expected:
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


def restore_backup(backup_file: Path, vault_dir: Path, passphrase: str) -> Path | None:
    """Restore after a full check; the vault folder it replaces is kept renamed. Returns that folder, if any."""
    if not backup_file.is_file():
        raise BackupRefused(f"There is no backup file at {backup_file}.")
    vault_dir = vault_dir.resolve()
    vault_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{vault_dir.name}.restoring-", dir=vault_dir.parent))
    try:
        try:
            _extract(backup_file, staging)
        except OSError as error:
            raise disk_problem(error, "restored vault") from None
        try:
            problems = check_staged(staging, passphrase, record_restore="vault.restored")
        except VaultDamaged as error:
            raise BackupRefused(f"That backup cannot be trusted: {error.sentence}") from None
        if problems:
            raise BackupRefused("That backup cannot be trusted, so nothing was changed: " + " ".join(problems[:3]))
        (staging / "inbox").mkdir(exist_ok=True)
        (staging / "backups").mkdir(exist_ok=True)
        kept: Path | None = None
        if vault_dir.exists():
            with VaultInstanceLock(vault_dir):
                pass  # refuses while Waymark has this vault open
            kept = vault_dir.with_name(f"{vault_dir.name}.before-restore-{file_stamp()}")
            vault_dir.rename(kept)
        staging.rename(vault_dir)
        fsync_dir(vault_dir.parent)
        return kept
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
