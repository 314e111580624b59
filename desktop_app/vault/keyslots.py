"""keyslots.json: who can unlock the vault, and how the data key is wrapped for each of them.

Design (DESIGN §5, with the re-key problem solved by public-key wrapping):

* Each slot owns an X25519 key pair. Its private key is wrapped with AES-256-GCM under a key-encryption key:
  Argon2id(passphrase) for a passphrase slot, HKDF(recovery key) for the recovery slot. The associated data binds
  it to the vault id, slot id, kind and user id, so a slot copied into another vault, or re-labelled, does not open.
* The data key is *sealed* to each slot's public key (``sealing.seal``: ephemeral X25519 + HKDF + AES-GCM), with
  every clear field of the slot and the vault's intake public key as context, so editing a name, role or key is caught.
* Re-keying after removing someone therefore needs nobody's passphrase: ``rewrapped`` seals the new data key to
  every remaining slot's public key. The removed person's private key never sees the new data key, and no slot
  secret is kept anywhere they could have read it while they had access.
* No password hash is stored: a slot that decrypts is the check. ``key_check`` (HMAC of a constant under the data
  key) confirms the unsealed key is the vault's current one, and a SHA-256 ``checksum`` over the file catches
  accidental damage so that the previous copy (``keyslots.json.bak``) is used instead.
* The recovery slot is also written alone to ``keyslots.recovery.json`` so the recovery key still opens the vault
  when keyslots.json and its previous copy are both lost.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.vault import atomic, kdf, sealing
from desktop_app.vault.datakey import DATA_KEY_SIZE
from desktop_app.vault.errors import (
    DamagedKeySlots,
    LastPassphraseSlot,
    SaveFailed,
    SealedItemDamaged,
    UnknownSlot,
    WrongPassphrase,
    WrongRecoveryKey,
)

FORMAT = "waymark-keyslots/1"
FILE_NAME = "keyslots.json"
RECOVERY_COPY_NAME = "keyslots.recovery.json"
NONCE_SIZE = 12
RECOVERY_KEY_SIZE = 32
_FILE_FIELDS = {"format", "vault_id", "public_key", "key_check", "slots", "checksum"}
_SLOT_FIELDS = {
    "slot_id",
    "kind",
    "user_id",
    "user_name",
    "role",
    "kdf",
    "public_key",
    "nonce",
    "wrapped",
    "sealed_data_key",
}


class SlotKind(enum.StrEnum):
    PASSPHRASE = "passphrase"  # noqa: S105 (a slot kind, not a secret)
    RECOVERY = "recovery"


@dataclass(frozen=True)
class KeySlot:
    """One way into the vault: a DSL's or deputy's passphrase, or the recovery key (user fields then None)."""

    slot_id: str
    kind: SlotKind
    user_id: str | None
    user_name: str | None
    role: str | None
    kdf: kdf.KdfParams | None
    public_key: bytes
    nonce: bytes
    wrapped: bytes
    sealed_data_key: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "slot_id": self.slot_id,
            "kind": self.kind.value,
            "user_id": self.user_id,
            "user_name": self.user_name,
            "role": self.role,
            "kdf": self.kdf.to_json() if self.kdf else None,
            "public_key": self.public_key.hex(),
            "nonce": self.nonce.hex(),
            "wrapped": self.wrapped.hex(),
            "sealed_data_key": self.sealed_data_key.hex(),
        }


@dataclass(frozen=True, repr=False)
class KeySlotFile:
    """The contents of keyslots.json: a value. Each change returns a new one (``with_…``, ``without_slot``,
    ``rewrapped``) and leaves this one as it was, so a caller saves the new value and only then adopts it."""

    vault_id: str
    public_key: bytes
    slots: tuple[KeySlot, ...] = ()
    key_check: bytes | None = None
    # Set when load() had to fall back to a previous copy; the caller shows it and saves afresh.
    note: str | None = None

    # ----- creating and reading -------------------------------------------------------------------------------

    @classmethod
    def create(cls, vault_id: str, public_key: bytes) -> KeySlotFile:
        """An empty key file for a new vault; ``public_key`` is the vault's X25519 intake key."""
        if not vault_id or len(public_key) != sealing.KEY_SIZE:
            raise ValueError("a key file needs a vault id and a 32-byte X25519 public key")
        return cls(vault_id, public_key)

    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        """Read keyslots.json; if it is missing or damaged, fall back to keyslots.json.bak and say so in ``note``."""
        try:
            return cls._read(path)
        except DamagedKeySlots as problem:
            previous = atomic.backup_path(path)
            if not previous.exists():
                raise
            try:
                loaded = cls._read(previous)
            except DamagedKeySlots:
                raise problem from None
            return replace(
                loaded,
                note=f"{problem.sentence} Waymark used the copy kept from the previous save ({previous.name}) instead.",
            )

    @classmethod
    def load_backup(cls, path: Path) -> KeySlotFile:
        """The previous copy alone (keyslots.json.bak): after a re-key interrupted before the database changed."""
        return cls._read(atomic.backup_path(path))

    @classmethod
    def load_for_recovery(cls, path: Path) -> KeySlotFile:
        """Like ``load``, but when both copies are lost, the recovery slot alone from keyslots.recovery.json."""
        try:
            return cls.load(path)
        except DamagedKeySlots as problem:
            copy = path.with_name(RECOVERY_COPY_NAME)
            if not copy.exists():
                raise
            return replace(
                cls._read(copy),
                note=f"{problem.sentence} Only the recovery key can open the vault now; after unlocking, set a new "
                "passphrase and add the other DSLs and deputies again.",
            )

    @classmethod
    def _read(cls, path: Path) -> KeySlotFile:
        name = path.name
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise DamagedKeySlots(
                f"The key file {name} is missing from the vault folder {path.parent}. Restore it from a backup, "
                "or unlock with the recovery key."
            ) from None
        except OSError as exc:
            raise DamagedKeySlots(
                f"Waymark cannot read the key file {name} in {path.parent}. Check the folder's permissions."
            ) from exc
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise DamagedKeySlots(
                f"The key file {name} is damaged: it is not a readable key file. Restore it from a backup, "
                "or unlock with the recovery key."
            ) from None
        return cls._from_json(data, name)

    @classmethod
    def _from_json(cls, data: object, name: str) -> KeySlotFile:
        damaged = f"The key file {name} has been edited or damaged"
        if not isinstance(data, dict) or "format" not in data:
            raise DamagedKeySlots(f"{damaged}: it is not a Waymark key file.")
        if data["format"] != FORMAT:
            if isinstance(data["format"], str) and data["format"].startswith("waymark-keyslots/"):
                raise DamagedKeySlots(
                    f"The key file {name} was written by a newer version of Waymark. Update Waymark to open this vault."
                )
            raise DamagedKeySlots(f"{damaged}: it is not a Waymark key file.")
        if set(data) != _FILE_FIELDS:
            raise DamagedKeySlots(f"{damaged}: some of its parts are missing or unexpected.")
        if not isinstance(data["checksum"], str) or not hmac.compare_digest(data["checksum"], _checksum(data)):
            raise DamagedKeySlots(f"{damaged} (its checksum does not match its contents).")
        vault_id = data["vault_id"]
        slots_data = data["slots"]
        if not isinstance(vault_id, str) or not vault_id or not isinstance(slots_data, list):
            raise DamagedKeySlots(f"{damaged}: its vault id or list of slots is unreadable.")
        public_key = _hex(data["public_key"], sealing.KEY_SIZE, damaged)
        key_check = None if data["key_check"] is None else _hex(data["key_check"], 32, damaged)
        slots = tuple(_slot_from_json(item, damaged) for item in slots_data)
        if len({s.slot_id for s in slots}) != len(slots):
            raise DamagedKeySlots(f"{damaged}: two slots have the same id.")
        if sum(s.kind is SlotKind.RECOVERY for s in slots) > 1:
            raise DamagedKeySlots(f"{damaged}: it has more than one recovery slot.")
        if slots and key_check is None:
            raise DamagedKeySlots(f"{damaged}: its key check is missing.")
        return cls(vault_id, public_key, slots, key_check)

    # ----- writing ---------------------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return _with_checksum(
            {
                "format": FORMAT,
                "vault_id": self.vault_id,
                "public_key": self.public_key.hex(),
                "key_check": self.key_check.hex() if self.key_check else None,
                "slots": [s.to_json() for s in self.slots],
            }
        )

    def save(self, path: Path, *, replacing: KeySlotFile | None = None) -> None:
        """Write keyslots.json atomically, keeping the previous copy as keyslots.json.bak, then the recovery copy.

        ``replacing``: the value keyslots.json holds now (the caller's current key slots). If the recovery copy
        cannot be written once keyslots.json has been, keyslots.json is written back as ``replacing`` before the
        error is raised, so that a failed save leaves the file as the caller still holds it and trying again works.
        That is best effort: if it cannot be written either, keyslots.json keeps the new value (the next unlock
        finishes a re-key from the previous copy, and records a person whose slot was saved).
        """
        atomic.write_text(path, self._text(), keep_previous=True)
        recovery = self.recovery_slot()
        if recovery is None:
            return
        alone = KeySlotFile(self.vault_id, self.public_key, (recovery,), self.key_check)
        try:
            atomic.write_text(path.with_name(RECOVERY_COPY_NAME), alone._text())
        except BaseException:
            if replacing is not None:
                with contextlib.suppress(OSError, SaveFailed):
                    atomic.write_text(path, replacing._text())
            raise

    def _text(self) -> str:
        return json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n"

    # ----- looking up ------------------------------------------------------------------------------------------

    def passphrase_slots(self) -> list[KeySlot]:
        return [s for s in self.slots if s.kind is SlotKind.PASSPHRASE]

    def recovery_slot(self) -> KeySlot | None:
        return next((s for s in self.slots if s.kind is SlotKind.RECOVERY), None)

    def slot(self, slot_id: str) -> KeySlot:
        for s in self.slots:
            if s.slot_id == slot_id:
                return s
        raise UnknownSlot()

    def slot_for_user(self, user_id: str) -> KeySlot | None:
        return next((s for s in self.passphrase_slots() if s.user_id == user_id), None)

    # ----- new values with a slot added, changed or taken out (the caller holds the data key) --------------------

    def with_passphrase_slot(
        self,
        user_id: str,
        user_name: str,
        role: str,
        passphrase: str,
        data_key: bytes | bytearray,
        params: kdf.KdfParams | None = None,
    ) -> tuple[KeySlotFile, KeySlot]:
        """A DSL or deputy given a way in: (the new file, their slot). ``params`` defaults to the cost of the existing
        slots (or a fresh tune)."""
        key_check = self._key_check_for(data_key)
        if self.slot_for_user(user_id) is not None:
            raise ValueError("this user already has a key slot; use with_passphrase to change it")
        slot = self._passphrase_slot(secrets.token_hex(8), user_id, user_name, str(role), passphrase, data_key, params)
        return replace(self, slots=(*self.slots, slot), key_check=key_check), slot

    def with_passphrase(
        self, slot_id: str, passphrase: str, data_key: bytes | bytearray, params: kdf.KdfParams | None = None
    ) -> tuple[KeySlotFile, KeySlot]:
        """A slot's passphrase replaced (change of passphrase, or a new one after recovery); same slot, same person."""
        old = self.slot(slot_id)
        if old.kind is not SlotKind.PASSPHRASE or old.user_id is None or old.user_name is None or old.role is None:
            raise UnknownSlot()
        self._key_check_for(data_key)
        slot = self._passphrase_slot(slot_id, old.user_id, old.user_name, old.role, passphrase, data_key, params)
        return self._replacing(slot), slot

    def with_person(
        self, slot_id: str, user_name: str, role: str, data_key: bytes | bytearray
    ) -> tuple[KeySlotFile, KeySlot]:
        """The name or role shown on a slot changed (both are sealed with the data key, so it is re-sealed)."""
        self._key_check_for(data_key)
        slot = replace(self.slot(slot_id), user_name=user_name, role=str(role))
        slot = replace(slot, sealed_data_key=sealing.seal(slot.public_key, data_key, self._context(slot)))
        return self._replacing(slot), slot

    def with_recovery_slot(self, recovery_key: bytes, data_key: bytes | bytearray) -> tuple[KeySlotFile, KeySlot]:
        """The recovery key let in; a vault has one recovery slot, so a new key replaces the old one."""
        if len(recovery_key) != RECOVERY_KEY_SIZE:
            raise ValueError("a recovery key is 32 bytes")
        key_check = self._key_check_for(data_key)
        private, public = sealing.new_keypair()
        slot = KeySlot(
            slot_id=secrets.token_hex(8),
            kind=SlotKind.RECOVERY,
            user_id=None,
            user_name=None,
            role=None,
            kdf=None,
            public_key=public,
            nonce=secrets.token_bytes(NONCE_SIZE),
            wrapped=b"",
            sealed_data_key=b"",
        )
        slot = self._finish(slot, _recovery_kek(recovery_key, self._private_ad(slot)), private, data_key)
        kept = tuple(s for s in self.slots if s.kind is not SlotKind.RECOVERY)
        return replace(self, slots=(*kept, slot), key_check=key_check), slot

    def without_slot(self, slot_id: str) -> KeySlotFile:
        """A slot taken out. Follow with a re-key (``rewrapped``) so the removed key opens nothing new."""
        slot = self.slot(slot_id)
        if slot.kind is SlotKind.PASSPHRASE and len(self.passphrase_slots()) == 1:
            raise LastPassphraseSlot()
        return replace(self, slots=tuple(s for s in self.slots if s.slot_id != slot_id))

    def rewrapped(
        self, old_data_key: bytes | bytearray, new_data_key: bytes | bytearray, new_public_key: bytes | None = None
    ) -> KeySlotFile:
        """A new data key sealed to every slot; needs no passphrase (slots are wrapped to public keys).

        ``new_public_key``: a new intake key pair is wise too, since a removed person could read the old private key.
        """
        self._key_check_for(old_data_key)
        if len(new_data_key) != DATA_KEY_SIZE or new_data_key == old_data_key:
            raise ValueError("a re-key needs a different 32-byte data key")
        if new_public_key is not None and len(new_public_key) != sealing.KEY_SIZE:
            raise ValueError("an X25519 public key is 32 bytes")
        moved = replace(
            self, public_key=new_public_key or self.public_key, key_check=_key_check(new_data_key, self.vault_id)
        )
        return replace(
            moved,
            slots=tuple(
                replace(s, sealed_data_key=sealing.seal(s.public_key, new_data_key, moved._context(s)))
                for s in self.slots
            ),
        )

    # ----- opening ---------------------------------------------------------------------------------------------

    def open_with_passphrase(self, passphrase: str, user_id: str | None = None) -> tuple[bytes, KeySlot]:
        """Try each passphrase slot (or only ``user_id``'s); return the data key and the slot that opened."""
        candidates = [s for s in self.passphrase_slots() if user_id is None or s.user_id == user_id]
        if not self.passphrase_slots():
            raise DamagedKeySlots(
                "The key file keyslots.json holds no passphrases, so only the recovery key can open this vault."
            )
        for slot in candidates:
            assert slot.kdf is not None  # guaranteed by _slot_from_json and _passphrase_slot
            private = _unwrap(kdf.derive(passphrase, slot.kdf), slot, self._private_ad(slot))
            if private is not None:
                return self._unseal(slot, private), slot
        raise WrongPassphrase()

    def open_with_recovery(self, recovery_key: bytes) -> bytes:
        """The data key, from the recovery slot."""
        slot = self.recovery_slot()
        if slot is None:
            raise DamagedKeySlots(
                "The key file keyslots.json has no recovery slot, so the recovery key cannot open this vault. "
                "Restore keyslots.json from a backup."
            )
        private = _unwrap(_recovery_kek(recovery_key, self._private_ad(slot)), slot, self._private_ad(slot))
        if private is None:
            raise WrongRecoveryKey()
        return self._unseal(slot, private)

    def check_data_key(self, data_key: bytes | bytearray) -> bool:
        """True if ``data_key`` is the key this file's slots currently wrap."""
        return self.key_check is not None and hmac.compare_digest(self.key_check, _key_check(data_key, self.vault_id))

    # ----- internals -------------------------------------------------------------------------------------------

    def _passphrase_slot(
        self,
        slot_id: str,
        user_id: str,
        user_name: str,
        role: str,
        passphrase: str,
        data_key: bytes | bytearray,
        params: kdf.KdfParams | None,
    ) -> KeySlot:
        params = (params or self._existing_cost() or kdf.tune()).with_new_salt()
        kdf.check_strength(params)
        private, public = sealing.new_keypair()
        slot = KeySlot(
            slot_id=slot_id,
            kind=SlotKind.PASSPHRASE,
            user_id=user_id,
            user_name=user_name,
            role=role,
            kdf=params,
            public_key=public,
            nonce=secrets.token_bytes(NONCE_SIZE),
            wrapped=b"",
            sealed_data_key=b"",
        )
        return self._finish(slot, kdf.derive(passphrase, params), private, data_key)

    def _finish(self, slot: KeySlot, kek: bytes, private: bytes, data_key: bytes | bytearray) -> KeySlot:
        wrapped = AESGCM(kek).encrypt(slot.nonce, private, self._private_ad(slot))
        slot = replace(slot, wrapped=wrapped)
        return replace(slot, sealed_data_key=sealing.seal(slot.public_key, data_key, self._context(slot)))

    def _existing_cost(self) -> kdf.KdfParams | None:
        costs = [s.kdf for s in self.passphrase_slots() if s.kdf is not None]
        return max(costs, key=lambda p: (p.memory_kib, p.iterations, p.lanes)) if costs else None

    def _replacing(self, slot: KeySlot) -> KeySlotFile:
        return replace(self, slots=tuple(slot if s.slot_id == slot.slot_id else s for s in self.slots))

    def _key_check_for(self, data_key: bytes | bytearray) -> bytes:
        """The key check a file holding ``data_key`` carries: this file's, once ``data_key`` is shown to be its key
        (a new file takes the first key it is given)."""
        if len(data_key) != DATA_KEY_SIZE:
            raise ValueError("a data key is 32 bytes")
        if self.key_check is None:
            return _key_check(data_key, self.vault_id)
        if not self.check_data_key(data_key):
            raise ValueError("that is not this vault's current data key")
        return self.key_check

    def _private_ad(self, slot: KeySlot) -> bytes:
        return _canonical(["waymark-slot-private/1", self.vault_id, slot.slot_id, slot.kind.value, slot.user_id])

    def _context(self, slot: KeySlot) -> bytes:
        fields = slot.to_json()
        del fields["nonce"], fields["wrapped"], fields["sealed_data_key"]
        return _canonical(["waymark-slot-data-key/1", FORMAT, self.vault_id, self.public_key.hex(), fields])

    def _unseal(self, slot: KeySlot, private: bytes) -> bytes:
        who = f"the slot for {slot.user_name}" if slot.user_name else "the recovery slot"
        damaged = DamagedKeySlots(
            f"The key file keyslots.json has been edited or damaged: {who} does not hold this vault's key. "
            "Restore keyslots.json from a backup, or unlock with the recovery key."
        )
        if sealing.public_from_private(private) != slot.public_key:
            raise damaged
        try:
            data_key = sealing.open_sealed(private, slot.sealed_data_key, self._context(slot))
        except SealedItemDamaged:
            raise damaged from None
        if not self.check_data_key(data_key):
            raise damaged
        return data_key


def _unwrap(kek: bytes, slot: KeySlot, associated_data: bytes) -> bytes | None:
    try:
        return AESGCM(kek).decrypt(slot.nonce, slot.wrapped, associated_data)
    except InvalidTag:
        return None


def _recovery_kek(recovery_key: bytes, associated_data: bytes) -> bytes:
    # 256 random bits need no stretching; HKDF binds the key to this slot.
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"waymark recovery kek|" + associated_data
    ).derive(recovery_key)


def _key_check(data_key: bytes | bytearray, vault_id: str) -> bytes:
    return hmac.new(data_key, b"waymark key check|" + vault_id.encode("utf-8"), hashlib.sha256).digest()


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _checksum(data: dict[str, Any]) -> str:
    return hashlib.sha256(_canonical({k: v for k, v in data.items() if k != "checksum"})).hexdigest()


def _with_checksum(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, "checksum": _checksum(data)}


def _hex(value: object, size: int | None, damaged: str) -> bytes:
    try:
        raw = bytes.fromhex(value) if isinstance(value, str) else None
    except ValueError:
        raw = None
    if raw is None or (size is not None and len(raw) != size) or (size is None and not raw):
        raise DamagedKeySlots(f"{damaged}: a key in it is unreadable.")
    return raw


def _optional_text(value: object, damaged: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise DamagedKeySlots(f"{damaged}: a slot's name, role or user id is unreadable.")
    return value


def _slot_from_json(item: object, damaged: str) -> KeySlot:
    if not isinstance(item, dict) or set(item) != _SLOT_FIELDS:
        raise DamagedKeySlots(f"{damaged}: a slot has missing or unexpected parts.")
    try:
        kind = SlotKind(item["kind"])
    except ValueError:
        raise DamagedKeySlots(f"{damaged}: a slot is of an unknown kind.") from None
    slot_id = item["slot_id"]
    if not isinstance(slot_id, str) or not slot_id:
        raise DamagedKeySlots(f"{damaged}: a slot has no id.")
    user_id = _optional_text(item["user_id"], damaged)
    user_name = _optional_text(item["user_name"], damaged)
    role = _optional_text(item["role"], damaged)
    if kind is SlotKind.PASSPHRASE:
        if user_id is None or user_name is None or role is None or item["kdf"] is None:
            raise DamagedKeySlots(f"{damaged}: a passphrase slot does not say whose it is.")
        params: kdf.KdfParams | None = kdf.KdfParams.from_json(item["kdf"])
    else:
        if user_id is not None or user_name is not None or role is not None or item["kdf"] is not None:
            raise DamagedKeySlots(f"{damaged}: the recovery slot has parts that do not belong to it.")
        params = None
    return KeySlot(
        slot_id=slot_id,
        kind=kind,
        user_id=user_id,
        user_name=user_name,
        role=role,
        kdf=params,
        public_key=_hex(item["public_key"], sealing.KEY_SIZE, damaged),
        nonce=_hex(item["nonce"], NONCE_SIZE, damaged),
        wrapped=_hex(item["wrapped"], None, damaged),
        sealed_data_key=_hex(item["sealed_data_key"], None, damaged),
    )
