"""The unlocked vault: its lock, units of work, key slots and re-keying, backup, verify and compact.

The use cases that change who can unlock live beside it: people.py (users added and removed) and keys.py
(passphrases, the recovery key); they change the key slots through ``change_key_slots`` and ``rekey``.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.domain.records import Actor, Setting, User
from desktop_app.errors import UserFacingError
from desktop_app.services.vault.backup import write_backup
from desktop_app.services.vault.folder import file_stamp
from desktop_app.services.vault.integrity import VerifyReport, known_of, verify_database
from desktop_app.store.database import AnchorCheck, Database
from desktop_app.store.uow import UnitOfWork
from desktop_app.vault import atomic
from desktop_app.vault.datakey import new_data_key
from desktop_app.vault.instance import VaultInstanceLock
from desktop_app.vault.keyslots import FILE_NAME as KEYSLOTS_FILE
from desktop_app.vault.keyslots import KeySlotFile

BACKUPS_DIR = "backups"
PUBLIC_KEY_FILE = "intake.pub"
Progress = Callable[[int, int, str], None]  # (step, of steps, what is happening)


def actor_for(user: User) -> Actor:
    return Actor(name=user.name, role=user.role.value, user_id=user.user_id)


@dataclass
class VaultSession:
    """An unlocked vault. ``lock()`` disposes the engine and drops the keys."""

    vault_dir: Path
    # Keys never appear in a repr (tracebacks, test reports, logs).
    _database: Database | None = field(repr=False)
    _slots: KeySlotFile = field(repr=False)
    _data_key: bytearray | None = field(repr=False)  # the one copy of the data key kept; zeroed at lock
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

    def _key(self) -> bytearray:
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
        return actor_for(self.user)

    def lock(self) -> None:
        if self._database is not None:
            self._database.dispose()
            wipe(self._database.key)
            self._database.key = b""
        self._database = None
        if self._data_key is not None:
            wipe(self._data_key)
        self._data_key = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def intake_private_key(self) -> bytes:
        with self.uow() as uow:
            return uow.setting.intake_private_key()

    def intake_private_keys(self) -> list[bytes]:
        """The current intake key first, then retired ones (items sealed before a user was removed still open)."""
        with self.uow() as uow:
            return uow.setting.intake_private_keys()

    def audit_seq(self) -> int:
        return self._db().latest()[0]

    # ----- key slots and re-keying: the people and keys rooms (people.py, keys.py) change them through these -------

    @property
    def key_slots(self) -> KeySlotFile:
        """Who can unlock, as saved in keyslots.json (a value: never changed in place)."""
        return self._slots

    def change_key_slots(self, change: Callable[[KeySlotFile, bytearray], KeySlotFile]) -> KeySlotFile:
        """Save ``change(key slots, data key)`` (a new value) and only then hold it; returns it.

        If saving fails (a full disk), the session still holds, and keyslots.json still has, the key slots from
        before, so trying again works.
        """
        new = change(self._slots, self._key())
        self._save_slots(new)
        return new

    def rekey(
        self, slots: KeySlotFile, new_public_key: bytes, before_database: Callable[[], object] | None = None
    ) -> None:
        """Move the vault to a new data key, keeping only ``slots`` (the session's key slots, less any taken out),
        and publish ``new_public_key`` as the intake key (its private key already stored in the database).

        In order: ``slots`` re-wrapped to the new key and saved (keyslots.json.bak keeps the old wraps, so a re-key
        interrupted before the database changes is finished at the next unlock); ``before_database`` called; the
        database re-encrypted; the key slots saved again (now their previous copy no longer holds what was taken
        out); intake.pub written. Until the database is re-encrypted, a failure (a full disk) leaves the session and
        the key files as they were, so trying again works.
        """
        old_key, new_key = self._key(), bytearray(new_data_key())
        try:
            self._save_slots(slots.rewrapped(old_key, new_key, new_public_key=new_public_key))
        except BaseException:
            wipe(new_key)  # never used: the session keeps the key it had
            raise
        if before_database is not None:
            before_database()
        self._database = self._db().rekey(new_key)
        self._data_key = new_key
        wipe(old_key)
        self._slots.save(self.vault_dir / KEYSLOTS_FILE)
        write_public_key(self.vault_dir, self._slots.public_key)

    def _save_slots(self, new: KeySlotFile) -> None:
        new.save(self.vault_dir / KEYSLOTS_FILE, replacing=self._slots)
        self._slots = new

    # ----- backup, verify, compact ---------------------------------------------------------------------------------

    def backup(self, out_path: Path, progress: Progress | None = None) -> Path:
        """A backup where the DSL chose: never inside the vault folder, through a link, or over another kind."""
        from desktop_app.vault.outputs import OutputKind, check_output_path

        return self._backup_to(check_output_path(out_path, OutputKind.BACKUP, make_folder=True), progress)

    def backup_before(self, change: str) -> Path:
        """A backup in the vault's own backups folder before a change that cannot be undone (named in the file)."""
        return self._backup_to(self.vault_dir / BACKUPS_DIR / f"before-{change}-{_stamp()}.wmbak")

    def _backup_to(self, out_path: Path, progress: Progress | None = None) -> Path:
        actor = self.actor()
        out_path = Path(out_path)
        # The audit row is written first and committed after the file: if it cannot be committed, the backup file is
        # removed, so no copy of the vault is ever left on disk without its audit row.
        with self.uow() as uow:
            uow.audit.append(actor, "backup.written", "vault")
            path = write_backup(self._db(), out_path, progress)
            try:
                uow.commit()
            except BaseException:
                path.unlink(missing_ok=True)
                raise
        return path

    def compact(self) -> None:
        """VACUUM and empty the WAL, so deleted rows are gone from every file of the vault (after a destruction)."""
        self._db().compact()

    def verify(self) -> VerifyReport:
        database = self._db()
        return verify_database(database, self._slots, known_of(database.witness))

    def data_key_for_checks(self) -> bytes:
        """A copy of the data key, for the store's own checks and tests; never log or show it."""
        return bytes(self._key())


def wipe(key: bytes | bytearray) -> None:
    """Overwrite a bytearray key in place (a bytes copy cannot be overwritten; the session keeps none)."""
    if isinstance(key, bytearray):
        key[:] = bytes(len(key))


def write_public_key(vault_dir: Path, public_key: bytes) -> None:
    """intake.pub: the vault's intake public key in the clear, for the lock screen."""
    atomic.write_text(Path(vault_dir) / PUBLIC_KEY_FILE, public_key.hex() + "\n")


def _stamp() -> str:
    return file_stamp() + "-" + secrets.token_hex(2)
