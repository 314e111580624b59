"""The SQLCipher engine recipe of DESIGN §4: raw data key first, refuse a driver that does not encrypt, durable WAL."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, ExceptionContext
from sqlalchemy.exc import DatabaseError
from sqlalchemy.pool import QueuePool

from desktop_app.errors import DiskFull, FolderNotWritable, SaveFailed, UserFacingError
from desktop_app.store.errors import AppendOnly, NotDriverSQLCipher, VaultDamaged

DB_FILE_NAME = "waymark.db"
KEY_BYTES = 32
BUSY_TIMEOUT_MS = 10_000

_log = logging.getLogger(__name__)


Key = bytes | bytearray  # the data key: the session's bytearray (zeroed at lock) is passed, never copied

# The page authentication SQLCipher 4 is told to use, newest first. A new database is made with the first; a database
# opens with whichever its pages were written with (a wrong one fails page 1's HMAC, so it cannot be misread).
# HMAC-SHA256 (new vaults, from issue 17): hardware SHA-256 makes each 4 KB page's check ~2.3 times as fast as
# SHA-512's, which was most of SQLCipher's cost over plain SQLite (docs/CONTRACTS.md, "Page authentication").
# HMAC-SHA512: SQLCipher 4's default, which vaults made before used and keep.
HMAC_ALGORITHMS = ("HMAC_SHA256", "HMAC_SHA512")


def key_pragma(key: Key) -> str:
    """The PRAGMA that hands SQLCipher a raw 256-bit key (no PBKDF2: the key is random, not a passphrase)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def rekey_pragma(key: Key) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    return f"PRAGMA rekey = \"x'{key.hex()}'\""


def prepare_connection(dbapi_connection: Any, key: Key, hmac_algorithm: str = HMAC_ALGORITHMS[0]) -> None:
    """Run the recipe on a raw DB-API connection; raises VaultDamaged on a wrong key or unreadable file (or pages
    written with another ``hmac_algorithm``: see ``open_connection``)."""
    if hmac_algorithm not in HMAC_ALGORITHMS:
        raise ValueError(f"unknown page authentication {hmac_algorithm!r}")
    cursor = dbapi_connection.cursor()
    try:
        # cipher_memory_security stays off (SQLCipher's default since 4.5): SQLCipher wipes its own key material either
        # way; the PRAGMA would also lock and wipe every SQLite allocation, for the whole process, which made a search
        # of 100,000 concerns take 2 s instead of 6 ms (docs/CONTRACTS.md, "Keys in memory").
        cursor.execute(key_pragma(key))
        if not cursor.execute("PRAGMA cipher_version").fetchall():
            raise NotDriverSQLCipher(
                "This copy of Waymark cannot encrypt its database (the SQLCipher driver is missing); "
                "nothing was written. Reinstall Waymark."
            )
        # SQLCipher's own log goes to stderr and could name files; keep it quiet.
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute("PRAGMA cipher_compatibility = 4")
        cursor.execute(f"PRAGMA cipher_hmac_algorithm = {hmac_algorithm}")  # before the first page is read
        try:
            cursor.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except sqlcipher3.DatabaseError as error:
            problem = open_problem(error)
            if problem is not None:
                raise problem from None
            raise VaultDamaged(
                "The vault's database cannot be read with its key: the file is damaged, truncated or not "
                "this vault's. Nothing was changed; restore the latest backup."
            ) from None
        cursor.execute("PRAGMA journal_mode = WAL").fetchall()
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def open_connection(db_path: Path, key: Key, hmac_algorithm: str | None = None) -> tuple[Any, str]:
    """A bare sqlcipher3 connection with the recipe applied, and the page authentication its file uses.

    With no ``hmac_algorithm``, each of ``HMAC_ALGORITHMS`` is tried in turn on a new connection (SQLCipher cannot
    change it on a connection that has read a page); an empty or new file takes the first. A wrong key fails them all
    with the same ``VaultDamaged`` sentence; a full disk or an unwritable folder is raised at once."""
    tried = (hmac_algorithm,) if hmac_algorithm is not None else HMAC_ALGORITHMS
    for algorithm in tried[:-1]:
        try:
            return _prepared(db_path, key, algorithm), algorithm
        except VaultDamaged:
            continue
    return _prepared(db_path, key, tried[-1]), tried[-1]


def _prepared(db_path: Path, key: Key, hmac_algorithm: str) -> Any:
    connection = sqlcipher3.connect(str(db_path), isolation_level=None, check_same_thread=False)
    try:
        prepare_connection(connection, key, hmac_algorithm)
    except BaseException:
        connection.close()
        raise
    return connection


def connect_raw(db_path: Path, key: Key) -> Any:
    """A bare sqlcipher3 connection with the recipe applied (for checks, backups and re-keying)."""
    return open_connection(db_path, key)[0]


DISK_FULL_AT_OPEN = (
    "The disk is full (or Waymark may not make files that large), so the vault could not be opened: "
    "opening needs a little space for its working files. Nothing was changed and nothing is lost; "
    "free some space on the disk, then try again."
)


def open_problem(error: BaseException) -> SaveFailed | None:
    """When ``error`` is really a full disk (or a file-size limit) or a folder that cannot be written, not a damaged
    file or a wrong key: the ``SaveFailed`` family's error whose sentence says so."""
    message = str(error).lower()
    if "disk is full" in message or "disk i/o error" in message or "database or disk is full" in message:
        return DiskFull(DISK_FULL_AT_OPEN)
    if "unable to open" in message or "readonly" in message or "read-only" in message:
        return FolderNotWritable(
            "The vault's folder cannot be written, so the vault could not be opened (it needs "
            "to write its working files). Nothing was changed; ask IT to check the folder's "
            "permissions."
        )
    return None


def disk_sentence(error: BaseException) -> str | None:
    """The sentence of ``open_problem``, if ``error`` is one."""
    problem = open_problem(error)
    return problem.sentence if problem is not None else None


def translate_error(error: BaseException) -> UserFacingError | None:
    """The sentence for a database error a user can act on (full disk, damaged file); None for a bug."""
    if isinstance(error, UserFacingError):
        return error
    if not isinstance(error, sqlcipher3.Error):
        return None
    message = str(error).lower()
    if "disk is full" in message or "disk i/o error" in message:
        return DiskFull(
            "The disk is full or could not be written, so this was not saved. Nothing saved before "
            "was lost: free some space and try again."
        )
    if "readonly" in message or "read-only" in message:
        return FolderNotWritable("The vault folder is read-only, so this was not saved. Nothing saved before was lost.")
    if "malformed" in message or "not a database" in message or "hmac" in message:
        return VaultDamaged(
            "Part of the vault's database is damaged and cannot be read. Nothing was changed; run "
            "'waymark verify' and restore the latest backup."
        )
    if "database is locked" in message or "busy" in message:
        return UserFacingError("The vault is busy with another task. Wait a moment and try again; nothing was lost.")
    if "append-only" in message:
        return AppendOnly("A submitted record cannot be changed; add an addendum instead.")
    return None


def make_engine(db_path: Path, key: Key) -> Engine:
    """An engine on the encrypted file; one warm connection, BEGIN emitted by us so DDL is transactional.

    ``key`` is kept by reference, not copied: when the session zeroes its bytearray at lock, no copy stays here.
    Connections are made by ``open_connection``: the first finds the file's page authentication, the rest reuse it.
    """
    found: list[str] = []  # the file's page authentication, once the first connection has found it

    def connect() -> Any:
        connection, algorithm = open_connection(db_path, key, found[0] if found else None)
        found[:] = [algorithm]
        return connection

    engine = create_engine(
        f"sqlite:///{db_path}", module=sqlcipher3, creator=connect, poolclass=QueuePool, pool_size=1, max_overflow=3
    )

    @event.listens_for(engine, "connect", insert=True)
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        translated = translate_error(context.original_exception)
        if translated is not None:
            raise translated from None

    return engine


def check_opens(engine: Engine) -> None:
    """Open one connection now so a wrong key or damaged file is reported at unlock, not at the first query."""
    try:
        with engine.connect():
            pass
    except DatabaseError as error:
        original = error.orig
        if isinstance(original, UserFacingError):
            raise original from None
        problem = open_problem(original) if original is not None else None
        if problem is not None:
            raise problem from None
        raise VaultDamaged(
            "The vault's database cannot be read: it may be damaged. Nothing was changed; restore the latest backup."
        ) from None
