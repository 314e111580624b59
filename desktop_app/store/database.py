"""One open vault database: engine, audit key, anchor checks, units of work, re-keying and raw checks."""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DatabaseError

from desktop_app.errors import UserFacingError
from desktop_app.filemodes import PRIVATE_FILE
from desktop_app.store import anchor, audit, migrate
from desktop_app.store.engine import DB_FILE_NAME, Key, check_opens, connect_raw, make_engine, rekey_pragma
from desktop_app.store.errors import RolledBack, VaultDamaged
from desktop_app.store.uow import UnitOfWork
from desktop_app.vault.witness import Witness

_log = logging.getLogger(__name__)
# Segments of a full audit check run at once: one per core, up to four (the engine's pool holds four connections).

MISSING_DB = (
    "The vault's database file (waymark.db) is missing or empty, so its records cannot be read. "
    "Nothing was changed; restore the latest backup."
)


@dataclass(frozen=True, slots=True)
class AnchorCheck:
    """What the unlock-time audit check found: rows checked, how long it took, a warning if the anchor was rebuilt."""

    checked: int
    seconds: float
    warning: str | None = None


@dataclass
class Database:
    """An open encrypted database. ``key`` is the data key; neither it nor the audit key is ever shown."""

    vault_dir: Path
    engine: Engine
    audit_key: bytes = field(repr=False)
    key: Key = field(default=b"", repr=False)  # the session's bytearray itself, zeroed at lock
    witness: Witness | None = field(default=None, repr=False)  # this computer's record of the vault, kept in step

    @property
    def path(self) -> Path:
        return self.vault_dir / DB_FILE_NAME

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.engine, self.audit_key, on_commit=self._move_anchor)

    def _move_anchor(self, seq: int, mac: str) -> None:
        if self.witness is not None:  # first: a stale anchor is caught by the record here, never the other way round
            self.witness.record_audit(seq, mac)
        anchor.write(self.vault_dir, anchor.Anchor(seq=seq, mac=mac), self.audit_key)

    def _try_move_anchor(self, seq: int, mac: str) -> None:
        try:
            self._move_anchor(seq, mac)
        except UserFacingError:  # a full disk: the next unlock simply checks a little more
            _log.warning("audit anchor not moved forward to seq %d", seq)

    def dispose(self) -> None:
        self.engine.dispose()

    @contextlib.contextmanager
    def raw(self) -> Iterator[Any]:
        """The pooled DB-API connection itself (autocommit), for checks that must be fast."""
        with self.engine.connect() as connection:
            yield connection.connection.driver_connection

    def latest(self) -> tuple[int, str]:
        with self.raw() as raw:
            return audit.latest(raw)

    def check_whole_chain(self) -> audit.ChainResult:
        """Every audit row checked from the first, in one walk on one connection.

        Not split across cores: each row's HMAC is Python work under the GIL, so segments checked on threads (as from
        issue 17's first pass) only contended for it: 1,000,000 rows took 8.9 s in two segments and 5.1 s in one walk
        (HMAC-SHA256 pages; 8.9 s and 5.6 s with SHA-512), 0.77× the bare one-core loop (6 Dec)."""
        with self.raw() as raw:
            return audit.check_chain(raw, self.audit_key)

    def check_anchor(self, known: tuple[int, str] | None = None) -> AnchorCheck:
        """Check the chain from the anchor forward (fast); refuse a rollback; rebuild a missing anchor fully checked.

        ``known``: the newest (seq, mac) this computer saw of the vault (``vault.witness``), kept outside the folder.
        A database behind it, or one whose entry at that seq differs, is refused even when the folder's own anchor
        agrees with it (a whole older folder put back) or is missing.
        """
        started = time.perf_counter()
        stored = anchor.read(self.vault_dir, self.audit_key)
        if stored is None:
            if known is not None:
                with self.raw() as connection:
                    _check_known(connection, audit.latest(connection)[0], known)
            result = self.check_whole_chain()
            if result.problems:
                raise _chain_damaged(result.problems[0])
            if known is not None:
                warning = (
                    f"The vault's audit anchor file was missing. Waymark checked the whole audit trail: it is "
                    f"complete and reaches at least entry {known[0]}, the newest this computer had seen, so a "
                    "new anchor was written. If nobody removed the file, tell IT."
                )
            else:
                warning = (
                    "The vault's audit anchor file was missing, and this computer has no record of this vault, "
                    "so Waymark cannot tell whether an older copy of the database was put back. It checked the "
                    "whole audit trail, found it complete, and wrote a new anchor. If nobody removed the file "
                    "or moved the vault here, tell IT before going on."
                )
            self._try_move_anchor(result.last_seq, result.last_mac)
            return AnchorCheck(result.checked, time.perf_counter() - started, warning)
        with self.raw() as connection:
            last_seq, last_mac = audit.latest(connection)
            if last_seq < stored.seq:
                raise RolledBack(last_seq, stored.seq)
            if stored.seq and audit.mac_at(connection, stored.seq) != stored.mac:
                raise VaultDamaged(
                    "The vault's audit trail does not match its anchor file: entries were changed or the database "
                    "was replaced. Nothing was opened or changed; restore the latest backup or ask IT to investigate."
                )
            if known is not None:
                _check_known(connection, last_seq, known)
            prev = stored.mac if stored.seq else audit.GENESIS_MAC
            result = audit.check_chain(connection, self.audit_key, after_seq=stored.seq, prev_mac=prev)
        if result.problems:
            raise _chain_damaged(result.problems[0])
        if last_seq > stored.seq:
            self._try_move_anchor(last_seq, last_mac)
        return AnchorCheck(result.checked, time.perf_counter() - started)

    def compact(self) -> None:
        """Rewrite the file without free pages and empty the WAL (after a destruction): with ``secure_delete`` on,
        no page of the file or of the WAL still holds a deleted row afterwards, nor does a backup taken later."""
        with self.raw() as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            connection.execute("VACUUM")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def rekey(self, new_key: Key) -> Database:
        """Re-encrypt every page under ``new_key`` (PRAGMA rekey) and return the database reopened with it."""
        self.engine.dispose()
        rekey_file(self.path, self.key, new_key)
        return open_database(self.vault_dir, new_key)


def rekey_file(path: Path, old_key: Key, new_key: Key) -> None:
    """PRAGMA rekey outside any transaction, after folding the WAL into the main file."""
    connection = connect_raw(path, old_key)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        connection.execute(rekey_pragma(new_key)).fetchall()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        connection.close()


def _check_known(connection: Any, last_seq: int, known: tuple[int, str]) -> None:
    known_seq, known_mac = known
    if last_seq < known_seq:
        raise RolledBack(last_seq, known_seq, on_this_computer=True)
    if known_seq and audit.mac_at(connection, known_seq) != known_mac:
        raise VaultDamaged(
            f"The vault's audit trail does not match what this computer last saw of it (entry {known_seq}): the "
            "database was replaced by another copy. Nothing was opened or changed; ask IT to investigate."
        )


def _chain_damaged(problem: audit.ChainProblem) -> VaultDamaged:
    return VaultDamaged(
        f"The vault's audit trail is broken at entry {problem.seq}, which {problem.what}. Nothing was opened or "
        "changed; restore the latest backup or ask IT to investigate."
    )


def read_audit_key(connection: Connection) -> bytes:
    try:
        row = connection.execute(text("SELECT audit_key FROM setting WHERE id = 1")).first()
    except (DatabaseError, UserFacingError):  # an empty or foreign database has no setting table
        row = None
    if row is None:
        raise VaultDamaged(MISSING_DB)
    return bytes(row[0])


def open_database(
    vault_dir: Path,
    key: Key,
    before_migration: Callable[[Database], None] | None = None,
    create: bool = False,
    upgrade: bool = True,
) -> Database:
    """Open (or with ``create``, make) the encrypted database; migrate it, a backup taken first."""
    path = vault_dir / DB_FILE_NAME
    if not create and (not path.exists() or path.stat().st_size == 0):
        raise VaultDamaged(MISSING_DB)
    if create and not path.exists():
        # Made empty and private first: SQLite then fills it, and gives its -wal and -shm files the same mode.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), PRIVATE_FILE))
    engine = make_engine(path, key)
    try:
        check_opens(engine)
        if create:
            migrate.upgrade(engine)
            return Database(vault_dir, engine, b"", key)
        with engine.connect() as connection:  # one connection for the version and the audit key (unlock time)
            revision = migrate.current(connection)
            if revision is None:
                raise VaultDamaged(MISSING_DB)
            audit_key = read_audit_key(connection)
        database = Database(vault_dir, engine, audit_key, key)
        if migrate.needs_upgrade(engine, revision) and upgrade:
            migrate.upgrade(engine, before=(lambda: before_migration(database)) if before_migration else None)
        return database
    except BaseException:
        engine.dispose()
        raise
