"""Vault use cases: create, unlock (passphrase or recovery key), people and passphrases, backup, restore, verify.

Order of writes on disk is chosen so that a crash at any point leaves a vault that opens with what was confirmed:
the database first, then the key slots (their previous copy kept), then the anchor.
"""

from __future__ import annotations

import logging
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app.domain.enums import Role
from desktop_app.domain.records import Actor, Setting, User
from desktop_app.errors import UserFacingError
from desktop_app.store import anchor as anchor_file
from desktop_app.store.audit import derive_audit_key
from desktop_app.store.database import AnchorCheck, Database, open_database, rekey_file
from desktop_app.store.engine import DB_FILE_NAME
from desktop_app.store.errors import RecordNotFound, VaultDamaged
from desktop_app.store.models import SettingRow
from desktop_app.store.uow import UnitOfWork
from desktop_app.vault import DamagedKeySlots, WrongPassphrase, WrongRecoveryKey, atomic, kdf, sealing
from desktop_app.vault import passphrase as passphrase_rules
from desktop_app.vault import recovery as recovery_keys
from desktop_app.vault.datakey import new_data_key
from desktop_app.vault.instance import VaultInstanceLock
from desktop_app.vault.keyslots import FILE_NAME as KEYSLOTS_FILE
from desktop_app.vault.keyslots import KeySlot, KeySlotFile, SlotKind

_log = logging.getLogger(__name__)

PUBLIC_KEY_FILE = "intake.pub"
INBOX_DIR = "inbox"
BACKUPS_DIR = "backups"
ANCHOR_FILE = anchor_file.ANCHOR_FILE_NAME
Progress = Callable[[int, int, str], None]  # (step, of steps, what is happening)


class NoVault(UserFacingError):
    """There is no vault in the folder given."""


class VaultExists(UserFacingError):
    """A vault is already in the folder given; it is never overwritten."""


class PassphraseRefused(UserFacingError):
    """The new passphrase does not meet the rules (DESIGN §5)."""


class UnlockDelayed(UserFacingError):
    """Too many wrong passphrases in a row: wait before trying again."""

    def __init__(self, seconds: float) -> None:
        wait = max(1, round(seconds))
        super().__init__(f"Too many wrong passphrases in a row. Wait {wait} seconds, then try again.")
        self.seconds = seconds


@dataclass
class CreatedVault:
    session: VaultSession
    recovery_key: str
    vault_id: str


def vault_exists(vault_dir: Path) -> bool:
    vault_dir = Path(vault_dir)
    return (vault_dir / DB_FILE_NAME).exists() and any(
        (vault_dir / name).exists() for name in (KEYSLOTS_FILE, KEYSLOTS_FILE + ".bak", "keyslots.recovery.json"))


def inbox_dir(vault_dir: Path) -> Path:
    folder = Path(vault_dir) / INBOX_DIR
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def read_public_key(vault_dir: Path) -> bytes:
    """The vault's X25519 intake public key (clear), checked against the one bound into the key slots."""
    vault_dir = Path(vault_dir)
    try:
        public = bytes.fromhex((vault_dir / PUBLIC_KEY_FILE).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        public = b""
    try:
        bound = KeySlotFile.load_for_recovery(vault_dir / KEYSLOTS_FILE).public_key
    except DamagedKeySlots:
        bound = None
    if bound is not None and public != bound:
        if public:
            raise VaultDamaged("The vault's intake key file (intake.pub) does not match the vault, so concerns cannot "
                               "be recorded safely. Ask the DSL or IT to check the vault folder.")
        public = bound
    if len(public) != sealing.KEY_SIZE:
        raise NoVault(f"There is no Waymark vault in {vault_dir}, so concerns cannot be recorded here yet.")
    return public


def _require_vault(vault_dir: Path) -> None:
    if not vault_exists(vault_dir):
        raise NoVault(f"There is no Waymark vault in {vault_dir}. Check the folder, or set up a new vault.")


def _check_passphrase(passphrase: str, avoid: tuple[str, ...] = ()) -> None:
    problems = passphrase_rules.problems(passphrase, avoid)
    if problems:
        raise PassphraseRefused(" ".join(problems))


def _now() -> datetime:
    return datetime.now(UTC)


def create_vault(vault_dir: Path, setting: Setting, user_name: str, passphrase: str,
                 kdf_params: kdf.KdfParams | None = None) -> CreatedVault:
    """Make a new vault: data key, first DSL's slot (Argon2id tuned here), recovery slot, intake key pair."""
    vault_dir = Path(vault_dir)
    if vault_exists(vault_dir):
        raise VaultExists(f"There is already a Waymark vault in {vault_dir}; it was left as it is.")
    if not setting.name.strip() or not user_name.strip():
        raise UserFacingError("The setting's name and the first DSL's name are both needed.")
    _check_passphrase(passphrase, (setting.name, user_name))
    vault_dir.mkdir(parents=True, exist_ok=True)
    leftover = vault_dir / DB_FILE_NAME
    if leftover.exists():  # an earlier set-up stopped before its key slots were written: keep it aside, never delete
        stamp = _now().strftime("%Y%m%dT%H%M%S")
        for suffix in ("", "-wal", "-shm"):
            part = vault_dir / (DB_FILE_NAME + suffix)
            if part.exists():
                part.rename(vault_dir / f"{DB_FILE_NAME}{suffix}.unfinished-{stamp}")
    lock = VaultInstanceLock(vault_dir)
    lock.acquire()
    database: Database | None = None
    try:
        data_key = new_data_key()
        vault_id = uuid.uuid4().hex
        private, public = sealing.new_keypair()
        recovery_text = recovery_keys.new_recovery_key()
        slots = KeySlotFile.create(vault_id, public)
        user_id = uuid.uuid4().hex
        slot = slots.add_passphrase_slot(user_id, user_name, Role.DSL.value, passphrase, data_key,
                                         params=kdf_params or kdf.tune())
        slots.add_recovery_slot(recovery_keys.parse(recovery_text), data_key)

        database = open_database(vault_dir, data_key, create=True)
        audit_key = derive_audit_key(data_key)
        database.audit_key = audit_key
        actor = Actor(name=user_name, role=Role.DSL.value, user_id=user_id)
        with database.uow() as uow:
            uow.session.add(SettingRow(
                id=1, vault_id=vault_id, name=setting.name, address=setting.address, phone=setting.phone,
                dsl_name=setting.dsl_name or user_name, dsl_phone=setting.dsl_phone, dsl_email=setting.dsl_email,
                extra="{}", intake_private_key=private, audit_key=audit_key, created_at=_now()))
            uow.users.add(user_id, user_name, Role.DSL, slot_id=slot.slot_id)
            uow.audit.append(actor, "vault.created", vault_id)
            uow.audit.append(actor, "user.added", user_id, {"role": Role.DSL.value})
            uow.commit()
        atomic.write_text(vault_dir / PUBLIC_KEY_FILE, public.hex() + "\n")
        slots.save(vault_dir / KEYSLOTS_FILE)
        inbox_dir(vault_dir)
        (vault_dir / BACKUPS_DIR).mkdir(exist_ok=True)
        _log.info("vault created")
        session = VaultSession(vault_dir, database, slots, data_key, user_id, lock)
        return CreatedVault(session=session, recovery_key=recovery_text, vault_id=vault_id)
    except BaseException:
        if database is not None:
            database.dispose()
        lock.release()
        raise


def _open_slots(vault_dir: Path, recovery: bool = False) -> KeySlotFile:
    path = vault_dir / KEYSLOTS_FILE
    return KeySlotFile.load_for_recovery(path) if recovery else KeySlotFile.load(path)


def _open_database(vault_dir: Path, slots: KeySlotFile, data_key: bytes,
                   reopen_previous: Callable[[], bytes | None]) -> Database:
    """Open with the key from the slots; if a re-key was interrupted before the database changed, finish it."""
    try:
        return open_database(vault_dir, data_key, before_migration=_backup_before_migration)
    except VaultDamaged:
        previous_key = reopen_previous()
        if previous_key is None or previous_key == data_key:
            raise
        try:
            database = open_database(vault_dir, previous_key)
        except VaultDamaged:
            raise VaultDamaged(
                "The vault's database does not open with the key held in its key slots: the database or "
                "keyslots.json is not this vault's, or is damaged. Nothing was changed; restore the latest backup."
            ) from None
        _log.warning("finishing a re-key that was interrupted")
        database.dispose()
        rekey_file(database.path, previous_key, data_key)
        slots.save(vault_dir / KEYSLOTS_FILE)  # the previous copy now holds the new wraps too
        return open_database(vault_dir, data_key, before_migration=_backup_before_migration)


def _backup_before_migration(database: Database) -> None:
    from desktop_app.services.backup import write_backup

    stamp = _now().strftime("%Y%m%dT%H%M%S")
    write_backup(database, database.vault_dir / BACKUPS_DIR / f"before-upgrade-{stamp}.wmbak")


def unlock(vault_dir: Path, passphrase: str) -> VaultSession:
    """Open the vault with a DSL's or deputy's passphrase (every passphrase slot is tried)."""
    vault_dir = Path(vault_dir)
    _require_vault(vault_dir)
    counter = passphrase_rules.FailureCounter(vault_dir)
    wait = counter.seconds_to_wait(time.time())
    if wait > 0:
        raise UnlockDelayed(wait)
    lock = VaultInstanceLock(vault_dir)
    lock.acquire()
    try:
        slots = _open_slots(vault_dir)
        try:
            data_key, slot = slots.open_with_passphrase(passphrase)
        except WrongPassphrase:
            counter.record_failure(time.time())
            raise
        counter.reset()

        def previous() -> bytes | None:
            try:
                return KeySlotFile.load_backup(vault_dir / KEYSLOTS_FILE).open_with_passphrase(
                    passphrase, slot.user_id)[0]
            except UserFacingError:
                return None

        return _finish_unlock(vault_dir, slots, data_key, slot, lock, previous)
    except BaseException:
        lock.release()
        raise


def unlock_with_recovery(vault_dir: Path, recovery_key_text: str, user_id: str | None = None) -> VaultSession:
    """Open with the recovery key; the session then asks for a new passphrase (``set_own_passphrase``)."""
    vault_dir = Path(vault_dir)
    _require_vault(vault_dir)
    recovery_key = recovery_keys.parse(recovery_key_text)
    counter = passphrase_rules.FailureCounter(vault_dir)
    wait = counter.seconds_to_wait(time.time())
    if wait > 0:
        raise UnlockDelayed(wait)
    lock = VaultInstanceLock(vault_dir)
    lock.acquire()
    try:
        slots = _open_slots(vault_dir, recovery=True)
        try:
            data_key = slots.open_with_recovery(recovery_key)
        except WrongRecoveryKey:
            counter.record_failure(time.time())
            raise
        counter.reset()

        def previous() -> bytes | None:
            try:
                return KeySlotFile.load_backup(vault_dir / KEYSLOTS_FILE).open_with_recovery(recovery_key)
            except UserFacingError:
                return None

        session = _finish_unlock(vault_dir, slots, data_key, None, lock, previous, wanted_user=user_id)
        session.needs_new_passphrase = True
        return session
    except BaseException:
        lock.release()
        raise


def _finish_unlock(vault_dir: Path, slots: KeySlotFile, data_key: bytes, slot: KeySlot | None,
                   lock: VaultInstanceLock,
                   previous: Callable[[], bytes | None], wanted_user: str | None = None) -> VaultSession:
    database = _open_database(vault_dir, slots, data_key, previous)
    try:
        check = database.check_anchor()
        warnings = [w for w in (slots.note, check.warning) if w]
        with database.uow() as uow:
            if slot is not None:
                assert slot.user_id is not None
                try:
                    user = uow.users.get(slot.user_id)
                except RecordNotFound:  # the slot was saved but the app stopped before the person was recorded
                    user = uow.users.add(slot.user_id, slot.user_name or "", Role(slot.role or Role.DEPUTY_DSL.value),
                                         slot_id=slot.slot_id)
                    uow.audit.append(_actor(user), "user.added", user.user_id, {"role": user.role.value})
                action = "vault.unlocked"
            else:
                users = uow.users.active()
                chosen = [u for u in users if u.user_id == wanted_user] or \
                    [u for u in users if u.role is Role.DSL] or users
                if not chosen:
                    raise VaultDamaged("The vault records nobody who may use it. Restore the latest backup.")
                user = chosen[0]
                action = "vault.unlocked_with_recovery_key"
            uow.audit.append(_actor(user), action, user.user_id)
            uow.commit()
        if slots.note:
            slots.save(vault_dir / KEYSLOTS_FILE)  # the damaged file is replaced by the good copy
        _log.info("vault unlocked; %d audit rows checked in %.1f ms", check.checked, check.seconds * 1000)
        session = VaultSession(vault_dir, database, slots, data_key, user.user_id, lock)
        session.warnings = warnings
        session.anchor_check = check
        return session
    except BaseException:
        database.dispose()
        raise


def _actor(user: User) -> Actor:
    return Actor(name=user.name, role=user.role.value, user_id=user.user_id)


@dataclass
class VaultSession:
    """An unlocked vault. ``lock()`` disposes the engine and drops the keys."""

    vault_dir: Path
    # Keys never appear in a repr (tracebacks, test reports, logs).
    _database: Database | None = field(repr=False)
    _slots: KeySlotFile = field(repr=False)
    _data_key: bytes | None = field(repr=False)
    _user_id: str
    _lock: VaultInstanceLock | None = field(repr=False)
    warnings: list[str] = field(default_factory=list)
    needs_new_passphrase: bool = False
    anchor_check: AnchorCheck | None = None
    _user: User | None = field(default=None, repr=False)

    def _db(self) -> Database:
        if self._database is None or self._data_key is None:
            raise UserFacingError("The vault is locked. Unlock it again to continue.")
        return self._database

    def _key(self) -> bytes:
        self._db()
        assert self._data_key is not None
        return self._data_key

    @property
    def is_locked(self) -> bool:
        return self._database is None

    @property
    def user(self) -> User:
        if self._user is None or self._user.user_id != self._user_id:
            with self.uow() as uow:
                self._user = uow.users.get(self._user_id)
        return self._user

    @property
    def setting(self) -> Setting:
        with self.uow() as uow:
            return uow.setting.get()

    @property
    def vault_id(self) -> str:
        return self._slots.vault_id

    def uow(self) -> UnitOfWork:
        return self._db().uow()

    def actor(self) -> Actor:
        return _actor(self.user)

    def lock(self) -> None:
        if self._database is not None:
            self._database.dispose()
        self._database = None
        self._data_key = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def intake_private_key(self) -> bytes:
        with self.uow() as uow:
            return bytes(uow.setting.row().intake_private_key)

    def audit_seq(self) -> int:
        return self._db().latest()[0]

    def users(self) -> list[User]:
        with self.uow() as uow:
            return uow.users.active()

    def add_user(self, name: str, role: Role, passphrase: str) -> User:
        """Give a DSL or deputy their own passphrase slot (key slots saved first, then the person recorded)."""
        if not name.strip():
            raise UserFacingError("The new user's name is needed.")
        _check_passphrase(passphrase)
        user_id = uuid.uuid4().hex
        slot = self._slots.add_passphrase_slot(user_id, name, Role(role).value, passphrase, self._key())
        try:
            self._slots.save(self.vault_dir / KEYSLOTS_FILE)
        except BaseException:
            self._slots.remove_slot(slot.slot_id)
            raise
        with self.uow() as uow:
            user = uow.users.add(user_id, name, Role(role), slot_id=slot.slot_id)
            uow.audit.append(self.actor(), "user.added", user_id, {"role": Role(role).value})
            uow.commit()
        return user

    def remove_user(self, user_id: str, progress: Progress | None = None) -> Path:
        """Backup, delete the slot, re-key the database, re-wrap every remaining slot; returns the backup."""
        report = progress or (lambda _step, _of, _what: None)
        if user_id == self._user_id:
            raise UserFacingError("You cannot remove yourself; ask another DSL or deputy to do it.")
        with self.uow() as uow:
            uow.users.get(user_id)
        slot = self._slots.slot_for_user(user_id)
        report(0, 4, "Backing up the vault")
        backup = self.backup(self.vault_dir / BACKUPS_DIR / f"before-removing-user-{_stamp()}.wmbak")
        report(1, 4, "Removing the key")
        old_key, new_key = self._key(), new_data_key()
        if slot is not None:
            self._slots.remove_slot(slot.slot_id)
        self._slots.rewrap_all(old_key, new_key)
        self._slots.save(self.vault_dir / KEYSLOTS_FILE)  # .bak keeps the old wraps until the re-key is done
        report(2, 4, "Re-encrypting the database with a new key")
        database = self._db()
        self._database = database.rekey(new_key)
        self._data_key = new_key
        self._slots.save(self.vault_dir / KEYSLOTS_FILE)  # now the previous copy no longer holds the removed slot
        report(3, 4, "Recording the change")
        with self.uow() as uow:
            uow.users.mark_removed(user_id)
            uow.audit.append(self.actor(), "user.removed", user_id, {"rekeyed": True})
            uow.commit()
        report(4, 4, "Done")
        return backup

    def change_passphrase(self, old: str, new: str) -> None:
        """Change the signed-in person's passphrase; the old one must be given again."""
        slot = self._slots.slot_for_user(self._user_id)
        if slot is None:
            raise UserFacingError("You have no passphrase for this vault yet; set one first.")
        self._slots.open_with_passphrase(old, self._user_id)
        self._set_passphrase(new, "user.passphrase_changed")

    def set_own_passphrase(self, new: str) -> None:
        """After unlocking with the recovery key: a new passphrase for the signed-in person."""
        self._set_passphrase(new, "user.passphrase_set")
        self.needs_new_passphrase = False

    def _set_passphrase(self, new: str, action: str) -> None:
        _check_passphrase(new)
        user = self.user
        slot = self._slots.slot_for_user(user.user_id)
        if slot is None:
            slot = self._slots.add_passphrase_slot(user.user_id, user.name, user.role.value, new, self._key())
        else:
            self._slots.set_passphrase(slot.slot_id, new, self._key())
        self._slots.save(self.vault_dir / KEYSLOTS_FILE)
        with self.uow() as uow:
            uow.audit.append(self.actor(), action, user.user_id)
            uow.commit()

    def replace_recovery_key(self) -> str:
        """A new recovery key (the old one stops working); show it once and print a new recovery sheet."""
        text = recovery_keys.new_recovery_key()
        previous = self._slots.recovery_slot()
        self._slots.add_recovery_slot(recovery_keys.parse(text), self._key())
        try:
            self._slots.save(self.vault_dir / KEYSLOTS_FILE)
        except BaseException:
            self._slots.slots = [s for s in self._slots.slots if s.kind is not SlotKind.RECOVERY] + (
                [previous] if previous is not None else [])
            raise
        with self.uow() as uow:
            uow.audit.append(self.actor(), "vault.recovery_key_replaced", self.vault_id)
            uow.commit()
        return text

    def backup(self, out_path: Path, progress: Progress | None = None) -> Path:
        from desktop_app.services.backup import write_backup

        path = write_backup(self._db(), Path(out_path), progress)
        with self.uow() as uow:
            uow.audit.append(self.actor(), "backup.written", "vault")
            uow.commit()
        return path

    def verify(self) -> Any:
        from desktop_app.services.verify import verify_database

        return verify_database(self._db(), self._slots)

    def data_key_for_checks(self) -> bytes:
        """The data key, for the store's own checks and tests; never log or show it."""
        return self._key()


def _stamp() -> str:
    return _now().strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(2)


def restore(backup_file: Path, vault_dir: Path, passphrase: str) -> Path | None:
    from desktop_app.services.backup import restore_backup

    return restore_backup(Path(backup_file), Path(vault_dir), passphrase)


def verify(vault_dir: Path, passphrase: str) -> Any:
    from desktop_app.services.verify import verify_vault

    return verify_vault(Path(vault_dir), passphrase)


__all__ = [
    "CreatedVault", "NoVault", "PassphraseRefused", "UnlockDelayed", "VaultExists", "VaultSession", "create_vault",
    "inbox_dir", "read_public_key", "restore", "unlock", "unlock_with_recovery", "vault_exists", "verify",
]
