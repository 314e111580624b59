"""Backups: one file (a zip, stored not compressed) holding an encrypted database copy, the key slots, the anchor,
the intake public key, sealed inbox items and a manifest of SHA-256 hashes; written atomically.

Restoring one is ``services/vault/backup_restore.py``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from desktop_app.errors import UserFacingError
from desktop_app.filemodes import make_private, private_dir
from desktop_app.store import anchor
from desktop_app.store.database import Database
from desktop_app.store.engine import DB_FILE_NAME
from desktop_app.store.files import disk_problem
from desktop_app.store.maintenance import encrypted_copy
from desktop_app.vault import atomic, leftovers
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
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(),
            "schema": copied.revision,
            "audit_seq": seq,
            "files": {name: file_sha256(path) for name, path in members},
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
