"""Sealed intake files: concerns recorded from the lock screen, sealed to the vault's public key, in the inbox.

Every draft and every submitted staff concern is one file ``inbox/<prefix><item id>.sealed``, replaced atomically as
the recorder types. The seal binds the vault id and the item id, so a file renamed or copied from another vault does
not open. Without the vault's private key (the lock screen) nothing here can read a file back: the staff member cannot
open what they wrote, and neither can anyone who finds the laptop.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop_app.domain.codec import to_jsonable
from desktop_app.domain.enums import Role
from desktop_app.domain.records import ConcernDraft
from desktop_app.errors import UserFacingError
from desktop_app.log import Safe
from desktop_app.services import vault as vault_service
from desktop_app.services.concern.pages import Mode
from desktop_app.vault import atomic, keyslots, sealing
from desktop_app.vault.errors import SealedItemDamaged

_log = logging.getLogger(__name__)

INBOX_DIR = "inbox"
SUFFIX = ".sealed"
STAFF_PREFIX = "concern-"  # a staff member's draft or submitted concern: counted as waiting for the DSL
DSL_PREFIX = "dsl-draft-"  # a DSL's own unfinished draft inside the app: resumable, not "waiting"
FORMAT = "waymark-intake"
FORMAT_VERSION = 1
_REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U to misread


class Kind:
    DRAFT = "draft"
    SUBMITTED = "submitted"


class IntakeClosed(UserFacingError):
    def __init__(self) -> None:
        super().__init__("This concern has already been sent. Start a new one to record something else.")


def new_reference(now: datetime | None = None) -> str:
    """A reference the recorder can quote to the DSL, e.g. ``INT-7K3F-Q9XD`` (40 random bits, no I/L/O/U)."""
    del now
    chars = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(8))
    return f"INT-{chars[:4]}-{chars[4:]}"


@dataclass(frozen=True, slots=True)
class VaultIdentity:
    """What the lock screen may know of a vault without keys: from its clear key-slot file."""

    vault_id: str
    public_key: bytes
    dsl_names: tuple[str, ...]  # the DSL(s) first, then deputies, as named on their key slots


def read_identity(vault_dir: Path) -> VaultIdentity:
    slots = keyslots.KeySlotFile.load(Path(vault_dir) / keyslots.FILE_NAME)
    people = [s for s in slots.passphrase_slots() if s.user_name]
    people.sort(key=lambda s: 0 if s.role == Role.DSL.value else 1)
    return VaultIdentity(slots.vault_id, slots.public_key, tuple(str(s.user_name) for s in people))


def vault_id_of(vault_dir: Path) -> str:
    return read_identity(vault_dir).vault_id


def inbox_of(vault_dir: Path) -> Path:
    return Path(vault_dir) / INBOX_DIR


def seal_context(vault_id: str, item_id: str) -> bytes:
    return f"{FORMAT}|v{FORMAT_VERSION}|{vault_id}|{item_id}".encode()


def item_id_of(path: Path) -> str:
    return path.name.removesuffix(SUFFIX)


def sealed_files(inbox: Path, prefix: str | None = None) -> list[Path]:
    if not inbox.is_dir():
        return []
    found = [p for p in inbox.iterdir() if p.name.endswith(SUFFIX) and not p.name.startswith(".")]
    if prefix is not None:
        found = [p for p in found if p.name.startswith(prefix)]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))


def pending(vault_dir: Path) -> int:
    """How many staff concerns (sent or unfinished) wait for the DSL. Needs no keys: it only counts files."""
    return len(sealed_files(inbox_of(Path(vault_dir)), STAFF_PREFIX))


def own_drafts(vault_dir: Path) -> int:
    """How many of the DSL's own unfinished drafts are kept (resumable from ``SealedImportDialog``)."""
    return len(sealed_files(inbox_of(Path(vault_dir)), DSL_PREFIX))


class SealedIntake:
    """Writes one concern's sealed file as the recorder types; after ``submit`` it refuses to write again."""

    def __init__(
        self,
        inbox: Path,
        *,
        public_key: bytes,
        vault_id: str,
        origin: Mode = Mode.STAFF,
        item_id: str | None = None,
        reference: str | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        prefix = STAFF_PREFIX if origin is Mode.STAFF else DSL_PREFIX
        self.inbox = Path(inbox)
        self.origin = origin
        self.item_id = item_id or prefix + secrets.token_hex(12)
        self.reference = reference or new_reference()
        self._public_key = public_key
        self._vault_id = vault_id
        self._clock = clock
        self.started_at = clock()
        self.submitted = False
        self.saves = 0

    @classmethod
    def for_vault(cls, vault_dir: Path, origin: Mode = Mode.STAFF) -> SealedIntake:
        """A writer for a new concern in ``vault_dir``, using only its clear public key and id."""
        vault_dir = Path(vault_dir)
        identity = read_identity(vault_dir)
        public_key = vault_service.read_public_key(vault_dir)  # intake.pub, checked against the key slots
        return cls(inbox_of(vault_dir), public_key=public_key, vault_id=identity.vault_id, origin=origin)

    @property
    def path(self) -> Path:
        return self.inbox / f"{self.item_id}{SUFFIX}"

    def save_draft(self, draft: ConcernDraft, unparsed: Mapping[str, str] | None = None) -> None:
        """Seal the draft so far over the previous one (atomic: a crash leaves one or the other)."""
        if self.submitted:
            raise IntakeClosed()
        self._write(Kind.DRAFT, draft, unparsed or {})

    def submit(self, draft: ConcernDraft, unparsed: Mapping[str, str] | None = None) -> str:
        """Replace the draft with the sealed, submitted concern; return the reference to give the recorder."""
        if self.submitted:
            raise IntakeClosed()
        self._write(Kind.SUBMITTED, draft, unparsed or {})
        self.submitted = True
        _log.info("sealed concern submitted (%s saves)", Safe(self.saves))
        return self.reference

    def discard(self) -> None:
        """Remove an unfinished draft the recorder chose not to keep."""
        if not self.submitted:
            self.path.unlink(missing_ok=True)

    def _write(self, kind: str, draft: ConcernDraft, unparsed: Mapping[str, str]) -> None:
        payload = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "item_id": self.item_id,
            "kind": kind,
            "origin": self.origin.value,
            "reference": self.reference,
            "started_at": self.started_at.isoformat(),
            "saved_at": self._clock().isoformat(),
            "draft": to_jsonable(draft),
            "unparsed": dict(unparsed),
        }
        plaintext = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        blob = sealing.seal(self._public_key, plaintext, seal_context(self._vault_id, self.item_id))
        self.inbox.mkdir(parents=True, exist_ok=True)
        atomic.write_bytes(self.path, blob)
        self.saves += 1


def open_file(path: Path, private_key: bytes | Sequence[bytes], vault_id: str) -> dict[str, Any]:
    """Open a sealed item with the vault's intake key; given several (current first, then retired), each is tried."""
    blob = path.read_bytes()
    keys = [private_key] if isinstance(private_key, bytes | bytearray) else list(private_key)
    context = seal_context(vault_id, item_id_of(path))
    plaintext: bytes | None = None
    for index, key in enumerate(keys):
        try:
            plaintext = sealing.open_sealed(bytes(key), blob, context)
            break
        except SealedItemDamaged:
            if index == len(keys) - 1:
                raise
    if plaintext is None:
        raise SealedItemDamaged("This sealed item cannot be opened: the vault has no intake key.")
    payload = json.loads(plaintext.decode("utf-8"))
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise SealedItemDamaged("This sealed item was not made by Waymark's concern wizard, so it cannot be imported.")
    return payload
