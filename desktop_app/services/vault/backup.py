"""Backups: one file (a zip, stored not compressed) holding an encrypted database copy, the key slots, the anchor,
the intake public key, sealed inbox items and a manifest of SHA-256 hashes; written atomically.

Restoring one is ``services/vault/backup_restore.py``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from desktop_app.errors import UserFacingError
from desktop_app.store import anchor, audit
from desktop_app.store.database import Database
from desktop_app.store.engine import DB_FILE_NAME, connect_raw, translate_error
from desktop_app.store.files import DiskProblem, disk_problem, fsync_dir
from desktop_app.vault.keyslots import FILE_NAME as KEYSLOTS_FILE
from desktop_app.vault.keyslots import RECOVERY_COPY_NAME

FORMAT = "waymark-backup/1"
MANIFEST = "manifest.json"
Progress = Callable[[int, int, str], None]
CHUNK = 1 << 20


class BackupRefused(UserFacingError):
    """A backup file that is damaged, incomplete or not a Waymark backup; nothing was changed."""


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _plain_sqlite_refuses(path: Path) -> bool:
    """True when the standard sqlite3 module cannot read the file: the copy is encrypted."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return True
    return False


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
        connection = connect_raw(database.path, database.key)
        try:
            connection.execute("VACUUM INTO ?", (str(db_copy),))
        finally:
            connection.close()
        if not _plain_sqlite_refuses(db_copy):
            raise UserFacingError("The database copy was not encrypted, so no backup was written. Reinstall Waymark.")
        copy = connect_raw(db_copy, database.key)  # the anchor and schema of the copy itself, not of the live file
        try:
            seq, mac = audit.latest(copy)
            revision = str(copy.execute("SELECT version_num FROM alembic_version").fetchone()[0])
        finally:
            copy.close()
        members: list[tuple[str, Path]] = [(DB_FILE_NAME, db_copy)]
        anchor_copy = work / anchor.ANCHOR_FILE_NAME
        anchor_copy.write_bytes(anchor.encode(anchor.Anchor(seq=seq, mac=mac), database.audit_key))
        members.append((anchor.ANCHOR_FILE_NAME, anchor_copy))
        for name in (KEYSLOTS_FILE, RECOVERY_COPY_NAME, "intake.pub"):
            if (vault_dir / name).exists():
                members.append((name, vault_dir / name))
        inbox = vault_dir / "inbox"
        if inbox.is_dir():
            members.extend((f"inbox/{p.name}", p) for p in sorted(inbox.glob("*.sealed")))
        report(1, 3, "Writing the backup file")
        manifest = {
            "format": FORMAT, "created_at": datetime.now(UTC).isoformat(), "schema": revision, "audit_seq": seq,
            "files": {name: file_sha256(path) for name, path in members},
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
    except (sqlite3.Error, sqlcipher3.Error) as error:
        translated = translate_error(error)
        if isinstance(translated, DiskProblem):
            raise DiskProblem("The disk is full or could not be written, so the backup was not written. Nothing "
                              "was changed: free some space or choose another place, then try again.") from None
        raise UserFacingError("The backup could not be written: the database copy failed. Nothing was "
                              "changed.") from None
    finally:
        with contextlib.suppress(OSError):
            temp_zip.unlink()
        shutil.rmtree(work, ignore_errors=True)
