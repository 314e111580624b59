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
import tempfile
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.errors import UserFacingError
from desktop_app.store import anchor
from desktop_app.store.database import Database
from desktop_app.store.engine import DB_FILE_NAME
from desktop_app.store.files import disk_problem, fsync_dir
from desktop_app.store.maintenance import encrypted_copy
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
    finally:
        with contextlib.suppress(OSError):
            temp_zip.unlink()
        shutil.rmtree(work, ignore_errors=True)
