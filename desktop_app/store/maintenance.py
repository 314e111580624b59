"""Whole-file work on the encrypted database: an encrypted copy for a backup, and SQLCipher's integrity checks."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from desktop_app.errors import SaveFailed, UserFacingError
from desktop_app.store import audit
from desktop_app.store.database import Database
from desktop_app.store.engine import connect_raw, disk_sentence, translate_error


@dataclass(frozen=True, slots=True)
class EncryptedCopy:
    """What a copy holds at its end: the newest audit entry and the schema revision."""

    audit_seq: int
    audit_mac: str
    revision: str


@dataclass(frozen=True, slots=True)
class Integrity:
    """SQLCipher's page check (empty when every page passes) and SQLite's quick_check (``("ok",)`` when sound,
    ``("not run",)`` when it could not run), with what the file looked like once its write-ahead log was folded in.
    """

    page_failures: tuple[str, ...]
    quick_check: tuple[str, ...]
    page_size: int = 0  # 0 when the pages could not be read at all (``unreadable`` says why)
    file_size: int = 0
    log_busy: bool = False  # the write-ahead log could not be folded in (the vault is busy): pages checked as they are
    unreadable: str | None = None  # the full-disk sentence, or "" for a file that cannot be read to its end


# What reading a damaged, truncated or unreadable file raises; each becomes part of the result, never an exception.
_UNREADABLE = (sqlcipher3.Error, sqlite3.Error, UserFacingError, OSError, ValueError, TypeError)


def _plain_sqlite_refuses(path: Path) -> bool:
    """True when the standard sqlite3 module cannot read the file: the copy is encrypted."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return True
    return False


def encrypted_copy(database: Database, target: Path) -> EncryptedCopy:
    """Write a compacted copy of the database to ``target`` (VACUUM INTO), encrypted under the same key.

    Raises a ``SaveFailed`` sentence for a full disk, and a ``UserFacingError`` if the copy failed or came out
    unencrypted; the caller removes ``target``.
    """
    try:
        connection = connect_raw(database.path, database.key)
        try:
            connection.execute("VACUUM INTO ?", (str(target),))
        finally:
            connection.close()
        if not _plain_sqlite_refuses(target):
            raise UserFacingError("The database copy was not encrypted, so no backup was written. Reinstall Waymark.")
        copy = connect_raw(target, database.key)  # the anchor and schema of the copy itself, not of the live file
        try:
            seq, mac = audit.latest(copy)
            revision = str(copy.execute("SELECT version_num FROM alembic_version").fetchone()[0])
        finally:
            copy.close()
    except (sqlite3.Error, sqlcipher3.Error) as error:
        if isinstance(translate_error(error), SaveFailed):
            raise SaveFailed(
                "The disk is full or could not be written, so the backup was not written. Nothing "
                "was changed: free some space or choose another place, then try again."
            ) from None
        raise UserFacingError(
            "The backup could not be written: the database copy failed. Nothing was changed."
        ) from None
    return EncryptedCopy(seq, mac, revision)


def integrity(database: Database) -> Integrity:
    """Fold the write-ahead log in first (as every open does at its close), so that a page torn in the main file while
    its newer copy waited in the log is judged the same by this check and the next; then read every page (PRAGMA
    cipher_integrity_check) and the b-tree structure (PRAGMA quick_check). A check that cannot run is said in the
    result, so a caller can always report every check."""
    try:
        size = database.path.stat().st_size
    except OSError:
        size = 0
    page_size, busy, unreadable = 0, False, None
    pages: tuple[str, ...] = ()
    quick: tuple[str, ...] = ("not run",)
    connection = None
    try:
        try:
            connection = connect_raw(database.path, database.key)
            busy = bool(connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0])
            page_size = int(connection.execute("PRAGMA page_size").fetchone()[0])
            size = database.path.stat().st_size
            pages = tuple(str(r[0]) for r in connection.execute("PRAGMA cipher_integrity_check").fetchall())
        except _UNREADABLE as error:
            unreadable = disk_sentence(error) or ""
            pages, page_size = (), 0
        if connection is not None:
            try:
                quick = tuple(str(r[0]) for r in connection.execute("PRAGMA quick_check").fetchall())
            except _UNREADABLE:
                quick = ("not run",)
    finally:
        if connection is not None:
            connection.close()
    return Integrity(pages, quick, page_size, size, busy, unreadable)
