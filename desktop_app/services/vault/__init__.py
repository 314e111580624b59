"""Vault use cases: create, unlock (passphrase or recovery key), people and passphrases, backup, restore, verify.

Order of writes on disk is chosen so that a crash at any point leaves a vault that opens with what was confirmed:
the database first, then the key slots (their previous copy kept), then the anchor.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from desktop_app.domain.enums import Role
from desktop_app.domain.records import Actor, Setting
from desktop_app.errors import UserFacingError
from desktop_app.filemodes import private_dir
from desktop_app.services.vault.backup import write_backup
from desktop_app.services.vault.backup_restore import restore_backup
from desktop_app.services.vault.folder import (
    NoVault,
    UnlockDelayed,
    VaultExists,
    file_stamp,
    require_vault,
    vault_exists,
)
from desktop_app.services.vault.integrity import VerifyReport, verify_vault
from desktop_app.services.vault.keys import PassphraseRefused, check_passphrase
from desktop_app.services.vault.session import (
    BACKUPS_DIR,
    PUBLIC_KEY_FILE,
    Progress,
    VaultSession,
    actor_for,
    write_public_key,
)
from desktop_app.store import anchor as anchor_file
from desktop_app.store.audit import derive_audit_key
from desktop_app.store.database import Database, open_database, rekey_file
from desktop_app.store.engine import DB_FILE_NAME
from desktop_app.store.errors import RecordNotFound, VaultDamaged
from desktop_app.store.files import disk_problem
from desktop_app.vault import (
    DamagedKeySlots,
    DiskFull,
    SaveFailed,
    WrongPassphrase,
    WrongRecoveryKey,
    kdf,
    leftovers,
    sealing,
)
from desktop_app.vault import passphrase as passphrase_rules
from desktop_app.vault import recovery as recovery_keys
from desktop_app.vault.datakey import new_data_key
from desktop_app.vault.instance import VaultInstanceLock
from desktop_app.vault.keyslots import FILE_NAME as KEYSLOTS_FILE
from desktop_app.vault.keyslots import KeySlot, KeySlotFile
from desktop_app.vault.witness import Witness

_log = logging.getLogger(__name__)

INBOX_DIR = "inbox"
ANCHOR_FILE = anchor_file.ANCHOR_FILE_NAME


# Who hears a session's warnings as it opens, besides ``session.warnings`` (which the window shows in a dialog): the
# command line registers a printer here, so every command that unlocks shows them on stderr as the window does.
warning_listeners: list[Callable[[str], None]] = []

NO_RECOVERY_SLOT = (
    "The vault has lost its recovery key: the recovery key no longer opens it, so a forgotten "
    "passphrase would lose the records. Make a new recovery key (Settings, Recovery key) and print its "
    "sheet."
)


@dataclass
class CreatedVault:
    session: VaultSession
    recovery_key: str = field(repr=False)  # shown once to the DSL; never in a traceback, log or test report
    vault_id: str = ""


def inbox_dir(vault_dir: Path) -> Path:
    return private_dir(Path(vault_dir) / INBOX_DIR)


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
            raise VaultDamaged(
                "The vault's intake key file (intake.pub) does not match the vault, so concerns cannot "
                "be recorded safely. Ask the DSL or IT to check the vault folder."
            )
        public = bound
    if len(public) != sealing.KEY_SIZE:
        raise NoVault(f"There is no Waymark vault in {vault_dir}, so concerns cannot be recorded here yet.")
    return public


def create_vault(
    vault_dir: Path, setting: Setting, user_name: str, passphrase: str, kdf_params: kdf.KdfParams | None = None
) -> CreatedVault:
    """Make a new vault: data key, first DSL's slot (Argon2id tuned here), recovery slot, intake key pair."""
    vault_dir = Path(vault_dir)
    if vault_exists(vault_dir):
        raise VaultExists(f"There is already a Waymark vault in {vault_dir}; it was left as it is.")
    if not setting.name.strip() or not user_name.strip():
        raise UserFacingError("The setting's name and the first DSL's name are both needed.")
    check_passphrase(passphrase, (setting.name, user_name))
    try:
        private_dir(vault_dir)
    except OSError as error:
        kind = type(disk_problem(error, "vault folder"))  # DiskFull, FolderNotWritable or SaveFailed by its errno
        raise kind(
            f"The vault folder could not be made ({error.strerror or 'refused'}); nothing was set up. Check "
            "the disk has space and the folder may be written, then try again."
        ) from None
    leftover = vault_dir / DB_FILE_NAME
    if leftover.exists():  # an earlier set-up stopped before its key slots were written: keep it aside, never delete
        stamp = file_stamp()
        for suffix in ("", "-wal", "-shm"):
            part = vault_dir / (DB_FILE_NAME + suffix)
            if part.exists():
                part.rename(vault_dir / f"{DB_FILE_NAME}{suffix}.unfinished-{stamp}")
    lock = VaultInstanceLock(vault_dir)
    lock.acquire()
    database: Database | None = None
    try:
        leftovers.tidy(vault_dir)
        data_key = bytearray(new_data_key())  # the session's one copy, zeroed at lock
        vault_id = uuid.uuid4().hex
        private, public = sealing.new_keypair()
        recovery_text = recovery_keys.new_recovery_key()
        user_id = uuid.uuid4().hex
        slots, slot = KeySlotFile.create(vault_id, public).with_passphrase_slot(
            user_id, user_name, Role.DSL.value, passphrase, data_key, params=kdf_params or kdf.tune()
        )
        slots, _recovery_slot = slots.with_recovery_slot(recovery_keys.parse(recovery_text), data_key)

        database = open_database(vault_dir, data_key, create=True)
        audit_key = derive_audit_key(data_key)
        database.audit_key = audit_key
        database.witness = Witness(vault_id, vault_dir)
        actor = Actor(name=user_name, role=Role.DSL.value, user_id=user_id)
        with database.uow() as uow:
            uow.setting.create(
                vault_id,
                replace(setting, dsl_name=setting.dsl_name or user_name, extra={}),
                intake_private_key=private,
                audit_key=audit_key,
            )
            uow.users.add(user_id, user_name, Role.DSL, slot_id=slot.slot_id)
            uow.audit.append(actor, "vault.created", vault_id)
            uow.audit.append(actor, "user.added", user_id, {"role": Role.DSL.value})
            uow.commit()
        write_public_key(vault_dir, public)
        slots.save(vault_dir / KEYSLOTS_FILE)
        inbox_dir(vault_dir)
        private_dir(vault_dir / BACKUPS_DIR)
        _log.info("vault created")
        session = VaultSession(vault_dir, database, slots, data_key, user_id, lock)
        return CreatedVault(session=session, recovery_key=recovery_text, vault_id=vault_id)
    except SaveFailed:
        if database is not None:
            database.dispose()
        if not (vault_dir / KEYSLOTS_FILE).exists():  # nothing can ever open what was written without its key slots
            for suffix in ("", "-wal", "-shm"):
                (vault_dir / (DB_FILE_NAME + suffix)).unlink(missing_ok=True)
        lock.release()
        raise DiskFull(
            "The disk is full (or the vault folder cannot be written), so the vault could not be set "
            "up; nothing was kept. Free some space on the disk, then set it up again."
        ) from None
    except BaseException:
        if database is not None:
            database.dispose()
        lock.release()
        raise


def _open_slots(vault_dir: Path, recovery: bool = False) -> KeySlotFile:
    path = vault_dir / KEYSLOTS_FILE
    return KeySlotFile.load_for_recovery(path) if recovery else KeySlotFile.load(path)


def _open_database(
    vault_dir: Path, slots: KeySlotFile, data_key: bytearray, reopen_previous: Callable[[], bytes | None]
) -> Database:
    """Open with the key from the slots; if a re-key was interrupted before the database changed, finish it."""
    try:
        return open_database(vault_dir, data_key, before_migration=_backup_before_migration)
    except VaultDamaged as first:
        previous_key = reopen_previous()
        if previous_key is None or previous_key == data_key:
            raise
        try:
            database = open_database(vault_dir, previous_key)
        except VaultDamaged:
            raise first from None
        _log.warning("finishing a re-key that was interrupted")
        database.dispose()
        rekey_file(database.path, previous_key, data_key)
        slots.save(vault_dir / KEYSLOTS_FILE)  # the previous copy now holds the new wraps too
        return open_database(vault_dir, data_key, before_migration=_backup_before_migration)


def _backup_before_migration(database: Database) -> None:
    write_backup(database, database.vault_dir / BACKUPS_DIR / f"before-upgrade-{file_stamp()}.wmbak")


def unlock(vault_dir: Path, passphrase: str) -> VaultSession:
    """Open the vault with a DSL's or deputy's passphrase (every passphrase slot is tried)."""
    vault_dir = Path(vault_dir)
    counter, lock = _begin_unlock(vault_dir)
    try:
        slots = _open_slots(vault_dir)
        try:
            opened, slot = slots.open_with_passphrase(passphrase)
            data_key = bytearray(opened)
            del opened
        except WrongPassphrase:
            counter.record_failure(time.time())
            raise
        counter.reset()

        def previous() -> bytes | None:
            try:
                return KeySlotFile.load_backup(vault_dir / KEYSLOTS_FILE).open_with_passphrase(
                    passphrase, slot.user_id
                )[0]
            except UserFacingError:
                return None

        return _finish_unlock(vault_dir, slots, data_key, slot, lock, previous)
    except BaseException:
        lock.release()
        raise


def unlock_with_recovery(vault_dir: Path, recovery_key_text: str, user_id: str | None = None) -> VaultSession:
    """Open with the recovery key; the session then asks for a new passphrase (``keys.set_own_passphrase``)."""
    vault_dir = Path(vault_dir)
    require_vault(vault_dir)
    recovery_key = recovery_keys.parse(recovery_key_text)
    counter, lock = _begin_unlock(vault_dir)
    try:
        slots = _open_slots(vault_dir, recovery=True)
        try:
            data_key = bytearray(slots.open_with_recovery(recovery_key))
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


def _begin_unlock(vault_dir: Path) -> tuple[passphrase_rules.FailureCounter, VaultInstanceLock]:
    """Refuse while a wait after failed attempts runs, then hold the vault: (failure counter, instance lock).

    Holding the lock, finish what a killed run left (an interrupted restore, staging files): the "next start".
    """
    require_vault(vault_dir)
    counter = passphrase_rules.FailureCounter(vault_dir)
    wait = counter.seconds_to_wait(time.time())
    if wait > 0:
        raise UnlockDelayed(wait)
    lock = VaultInstanceLock(vault_dir)
    lock.acquire()
    try:
        leftovers.tidy(vault_dir)
    except BaseException:
        lock.release()
        raise
    return counter, lock


def _finish_unlock(
    vault_dir: Path,
    slots: KeySlotFile,
    data_key: bytearray,
    slot: KeySlot | None,
    lock: VaultInstanceLock,
    previous: Callable[[], bytes | None],
    wanted_user: str | None = None,
) -> VaultSession:
    database = _open_database(vault_dir, slots, data_key, previous)
    try:
        witness = Witness(slots.vault_id, vault_dir)
        seen = witness.read()
        known = (seen.audit_seq, seen.audit_mac or "") if seen.audit_seq is not None else None
        check = database.check_anchor(known)
        database.witness = witness
        warnings = [w for w in (slots.note, check.warning) if w]
        if witness.unreadable:
            warnings.append(
                "This computer's record of the vault (kept in Waymark's settings folder) was unreadable, "
                "so an older copy of the vault put back could not be ruled out. A new record was written; "
                "tell IT if this happens again."
            )
        if slots.recovery_slot() is None:
            warnings.append(NO_RECOVERY_SLOT)
        with database.uow() as uow:
            if slot is not None:
                assert slot.user_id is not None
                try:
                    user = uow.users.get(slot.user_id)
                except RecordNotFound:  # the slot was saved but the app stopped before the person was recorded
                    user = uow.users.add(
                        slot.user_id,
                        slot.user_name or "",
                        Role(slot.role or Role.DEPUTY_DSL.value),
                        slot_id=slot.slot_id,
                    )
                    uow.audit.append(actor_for(user), "user.added", user.user_id, {"role": user.role.value})
                action = "vault.unlocked"
            else:
                users = uow.users.active()
                chosen = (
                    [u for u in users if u.user_id == wanted_user] or [u for u in users if u.role is Role.DSL] or users
                )
                if not chosen:
                    raise VaultDamaged("The vault records nobody who may use it. Restore the latest backup.")
                user = chosen[0]
                action = "vault.unlocked_with_recovery_key"
            uow.audit.append(actor_for(user), action, user.user_id)
            try:
                uow.commit()
            except SaveFailed as problem:  # reading must still work on a full disk; saving will say so
                warnings.append(problem.sentence)
        if slots.note:
            try:
                slots.save(vault_dir / KEYSLOTS_FILE)  # the damaged file is replaced by the good copy
            except SaveFailed as problem:
                warnings.append(problem.sentence)
        _finish_new_intake_key(vault_dir, slots, database, warnings)
        _log.info("vault unlocked; %d audit rows checked in %.1f ms", check.checked, check.seconds * 1000)
        session = VaultSession(vault_dir, database, slots, data_key, user.user_id, lock)
        session.warnings = warnings
        session.anchor_check = check
        for warning in warnings:
            for listener in warning_listeners:
                listener(warning)
        return session
    except BaseException:
        database.dispose()
        raise


def _finish_new_intake_key(vault_dir: Path, slots: KeySlotFile, database: Database, warnings: list[str]) -> None:
    """If a user's removal stopped after the key slots named the new intake key but before intake.pub did, finish it.

    The key slots are trusted (unlocking just checked them) once the database holds the matching private key.
    """
    try:
        published = bytes.fromhex((vault_dir / PUBLIC_KEY_FILE).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        published = b""
    if published == slots.public_key:
        return
    with database.uow() as uow:
        current = uow.setting.intake_private_key()
    if sealing.public_from_private(current) != slots.public_key:
        return
    try:
        write_public_key(vault_dir, slots.public_key)
    except SaveFailed as problem:
        warnings.append(problem.sentence)


def restore(backup_file: Path, vault_dir: Path, passphrase: str) -> Path | None:
    return restore_backup(Path(backup_file), Path(vault_dir), passphrase)


def verify(vault_dir: Path, passphrase: str) -> VerifyReport:
    return verify_vault(Path(vault_dir), passphrase)


__all__ = [
    "BACKUPS_DIR",
    "CreatedVault",
    "NoVault",
    "PassphraseRefused",
    "Progress",
    "UnlockDelayed",
    "VaultExists",
    "VaultSession",
    "create_vault",
    "inbox_dir",
    "read_public_key",
    "restore",
    "unlock",
    "unlock_with_recovery",
    "vault_exists",
    "verify",
]
