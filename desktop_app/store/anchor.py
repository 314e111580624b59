"""``audit.anchor``: the newest (seq, mac) of the audit chain, kept beside the database to detect a rollback.

It holds no personal data: a sequence number, a MAC and a check MAC keyed from the audit key, so it cannot be forged
without the vault's keys.
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.store.errors import VaultDamaged
from desktop_app.store.files import disk_problem
from desktop_app.vault import atomic

ANCHOR_FILE_NAME = "audit.anchor"
_MAX_SIZE = 4096  # a real anchor is under 300 bytes; anything larger is not one


@dataclass(frozen=True, slots=True)
class Anchor:
    seq: int
    mac: str


def _anchor_key(audit_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"waymark anchor").derive(audit_key)


def _check(audit_key: bytes, seq: int, mac: str) -> str:
    return hmac.digest(_anchor_key(audit_key), f"{seq}:{mac}".encode("ascii"), "sha256").hex()


def encode(anchor: Anchor, audit_key: bytes) -> bytes:
    body = {"format": 1, "seq": anchor.seq, "mac": anchor.mac, "check": _check(audit_key, anchor.seq, anchor.mac)}
    return (json.dumps(body, sort_keys=True) + "\n").encode("ascii")


def write(vault_dir: Path, anchor: Anchor, audit_key: bytes) -> None:
    """Replace the anchor. Written after each commit, which SQLite has already made durable: a power cut that loses
    this rename leaves the previous anchor, behind the database, and the next unlock checks from there (a rollback is
    a database *behind* its anchor). So the folder is not synced (``sync_folder``): ~0.3 ms off every save."""
    try:
        atomic.write_bytes(vault_dir / ANCHOR_FILE_NAME, encode(anchor, audit_key), sync_folder=False)
    except OSError as error:  # an errno atomic.write_bytes has no sentence for
        raise disk_problem(error, "audit anchor") from None


def decode(data: bytes, audit_key: bytes) -> Anchor:
    damaged = VaultDamaged(
        "The vault's audit anchor file (audit.anchor) has been edited or damaged, so the vault "
        "cannot show that its records are complete. Nothing was changed; ask IT to investigate "
        "or restore the latest backup."
    )
    try:
        if len(data) > _MAX_SIZE:
            raise ValueError
        body = json.loads(data.decode("ascii"))
        seq, mac, check = int(body["seq"]), str(body["mac"]), str(body["check"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
        raise damaged from None
    if not hmac.compare_digest(check, _check(audit_key, seq, mac)):
        raise damaged
    return Anchor(seq=seq, mac=mac)


def read(vault_dir: Path, audit_key: bytes) -> Anchor | None:
    """The anchor, or None when the file is missing."""
    path = vault_dir / ANCHOR_FILE_NAME
    try:
        if path.is_dir():
            raise IsADirectoryError
        with open(path, "rb") as handle:
            data = handle.read(_MAX_SIZE + 1)
    except FileNotFoundError:
        return None
    except OSError:
        raise VaultDamaged(
            "The vault's audit anchor (audit.anchor) is not a readable file (it may have been "
            "replaced by a folder, or its permissions changed). Nothing was changed; ask IT to put "
            "the file back or restore the latest backup."
        ) from None
    return decode(data, audit_key)
