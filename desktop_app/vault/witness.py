"""What this computer last saw of a vault, kept outside the vault folder (DESIGN §11, "rollback beyond the folder").

``<config dir>/vaults/<vault id>-<folder hash>.json`` holds the newest audit sequence and its MAC seen here, and the
unlock-failure count. The folder is part of the name because a restore keeps the replaced vault (same vault id, a
history that forks from the restored one) beside it under another name, and the DSL may still open that copy.
Nothing personal: two numbers, a MAC and a time. An older database put back together with its own anchor, a
whole older folder copied back, an anchor deleted, or ``unlock-failures.json`` deleted or replaced, are then still
noticed on this computer, because the record here is ahead of what the folder says. Someone who can also write the
user's own configuration folder can delete this record too: see the README ("what stays undetectable").
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from desktop_app import paths
from desktop_app.filemodes import private_dir
from desktop_app.vault import atomic
from desktop_app.vault.errors import SaveFailed

FOLDER = "vaults"
_VAULT_ID = re.compile(r"[0-9A-Za-z-]{1,64}")

_log = logging.getLogger(__name__)


class Seen(NamedTuple):  # not a dataclass: read before the lock screen shows (issue 17)
    audit_seq: int | None = None
    audit_mac: str | None = None
    failures: int = 0
    last_failure: datetime | None = None


class Witness:
    """The out-of-folder record for one vault in one folder; a vault id that cannot name a file has none (``path``)."""

    def __init__(self, vault_id: str | None, vault_dir: Path) -> None:
        valid = vault_id is not None and _VAULT_ID.fullmatch(vault_id) is not None
        place = hashlib.sha256(str(Path(vault_dir).resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
        self.path: Path | None = paths.config_dir() / FOLDER / f"{vault_id}-{place}.json" if valid else None
        self.unreadable = False

    def read(self) -> Seen:
        if self.path is None:
            return Seen()
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            seq, mac = data.get("audit_seq"), data.get("audit_mac")
            failures, last = data.get("failures", 0), data.get("last_failure")
            if seq is not None and (type(seq) is not int or seq < 0 or not isinstance(mac, str)):
                raise ValueError
            if type(failures) is not int or failures < 0:
                raise ValueError
            moment = datetime.fromisoformat(last) if isinstance(last, str) else None
            if moment is not None and moment.tzinfo is None:
                raise ValueError
            return Seen(seq, mac if seq is not None else None, failures, moment)
        except FileNotFoundError:
            return Seen()
        except (OSError, ValueError, TypeError, AttributeError, RecursionError):
            self.unreadable = True
            _log.warning("the vault's record on this computer is unreadable")
            return Seen()

    def record_audit(self, seq: int, mac: str, *, allow_older: bool = False) -> None:
        """Remember the newest audit entry seen; never moves back unless ``allow_older`` (a deliberate restore)."""
        seen = self.read()
        if not allow_older and seen.audit_seq is not None and seen.audit_seq > seq:
            return
        self._write(Seen(seq, mac, seen.failures, seen.last_failure))

    def record_failures(self, failures: int, last: datetime | None) -> None:
        seen = self.read()
        self._write(Seen(seen.audit_seq, seen.audit_mac, failures, last))

    def _write(self, seen: Seen) -> None:
        if self.path is None:
            return
        body = {
            "format": 1,
            "audit_seq": seen.audit_seq,
            "audit_mac": seen.audit_mac,
            "failures": seen.failures,
            "last_failure": seen.last_failure.isoformat() if seen.last_failure else None,
        }
        try:
            private_dir(self.path.parent)
            # A power cut that loses the rename leaves the previous record (an older entry or failure count): behind,
            # which only weakens the check here, as a failed write does. So the folder is not synced (~0.3 ms a save).
            atomic.write_text(self.path, json.dumps(body, sort_keys=True) + "\n", sync_folder=False)
        except (SaveFailed, OSError):
            # The vault itself is saved; a record here that lags behind only makes the check here weaker.
            _log.warning("could not update the vault's record on this computer")


def vault_id_of(vault_dir: Path) -> str | None:
    """The vault id from the key file (or its copies), read as plain JSON without checking it (no crypto needed)."""
    for name in ("keyslots.json", "keyslots.json.bak", "keyslots.recovery.json"):
        try:
            data = json.loads((Path(vault_dir) / name).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            continue
        value = data.get("vault_id") if isinstance(data, dict) else None
        if isinstance(value, str) and _VAULT_ID.fullmatch(value):
            return value
    return None
