"""Whole-file work on the encrypted database: an encrypted copy for a backup, and SQLCipher's integrity checks."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from desktop_app.errors import SaveFailed, UserFacingError
from desktop_app.store import audit
from desktop_app.store.database import Database
from desktop_app.store.engine import connect_raw, translate_error


@dataclass(frozen=True, slots=True)
class EncryptedCopy:
    """What a copy holds at its end: the newest audit entry and the schema revision."""

    audit_seq: int
    audit_mac: str
    revision: str


@dataclass(frozen=True, slots=True)
class Integrity:
    """SQLCipher's page check (empty when every page passes) and SQLite's quick_check (``["ok"]`` when sound)."""

    page_failures: tuple[str, ...]
    quick_check: tuple[str, ...]


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
            raise SaveFailed("The disk is full or could not be written, so the backup was not written. Nothing "
                             "was changed: free some space or choose another place, then try again.") from None
        raise UserFacingError("The backup could not be written: the database copy failed. Nothing was "
                              "changed.") from None
    return EncryptedCopy(seq, mac, revision)


def integrity(database: Database) -> Integrity:
    """Read every page (PRAGMA cipher_integrity_check) and the b-tree structure (PRAGMA quick_check)."""
    connection = connect_raw(database.path, database.key)
    try:
        pages = tuple(str(r[0]) for r in connection.execute("PRAGMA cipher_integrity_check").fetchall())
        quick = tuple(str(r[0]) for r in connection.execute("PRAGMA quick_check").fetchall())
    except sqlcipher3.Error:
        pages, quick = ("the file could not be read to the end",), ("not run",)
    finally:
        connection.close()
    return Integrity(pages, quick)
