"""The SQLCipher connection recipe: encrypted or refused, durable settings, transactional DDL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text

from desktop_app.store.engine import connect_raw, make_engine, prepare_connection
from desktop_app.store.errors import NotDriverSQLCipher, VaultDamaged

KEY = bytes(range(32))


def test_a_plain_sqlite_driver_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    plain = sqlite3.connect(tmp_path / "plain.db")
    with pytest.raises(NotDriverSQLCipher) as refused:
        prepare_connection(plain, KEY)
    plain.close()
    assert "cannot encrypt" in refused.value.sentence
    assert (tmp_path / "plain.db").stat().st_size == 0


def test_the_file_is_encrypted_and_plain_sqlite_cannot_read_it(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    engine = make_engine(path, KEY)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x TEXT)"))
        connection.execute(text("INSERT INTO t VALUES ('Pemberton-Nightingale')"))
    engine.dispose()
    assert b"Pemberton" not in path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()


def test_a_wrong_key_fails_at_once_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    connect_raw(path, KEY).execute("CREATE TABLE t (x)")
    with pytest.raises(VaultDamaged) as damaged:
        connect_raw(path, bytes(32))
    assert "cannot be read with its key" in damaged.value.sentence


def test_every_connection_is_durable_and_checked(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "x.db", KEY)
    with engine.connect() as connection:

        def pragma(name: str) -> object:
            return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("secure_delete") == 1
        assert pragma("temp_store") == 2  # MEMORY
        assert pragma("busy_timeout") == 10_000
        assert str(pragma("cipher_version")).startswith("4.")
    engine.dispose()


def test_ddl_is_rolled_back_with_its_transaction(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "x.db", KEY)
    with pytest.raises(RuntimeError), engine.begin() as connection:
        connection.execute(text("CREATE TABLE half_done (x)"))
        raise RuntimeError("migration step failed")
    with engine.connect() as connection:
        names = connection.execute(text("SELECT name FROM sqlite_master")).scalars().all()
    engine.dispose()
    assert "half_done" not in names


def test_the_driver_is_sqlcipher_with_full_text_search() -> None:
    connection = sqlcipher3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE f USING fts5(x)")
    assert connection.execute("PRAGMA cipher_version").fetchone()


def test_sqlcipher_writes_nothing_to_stderr_on_a_wrong_key_or_a_damaged_page(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from desktop_app.store.engine import connect_raw\n"
        "p = Path(sys.argv[1])\n"
        "c = connect_raw(p, bytes(32)); c.execute('CREATE TABLE t (x)'); c.close()\n"
        "try:\n    connect_raw(p, bytes([1] * 32))\nexcept Exception as e:\n    print(type(e).__name__)\n"
        "d = bytearray(p.read_bytes()); d[5000] ^= 1; p.write_bytes(bytes(d))\n"
        "print(connect_raw(p, bytes(32)).execute('PRAGMA cipher_integrity_check').fetchall())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "x.db")], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.startswith("VaultDamaged") and "HMAC verification failed" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("database or disk is full", "DiskFull"),
        ("disk I/O error", "DiskFull"),
        ("attempt to write a readonly database", "FolderNotWritable"),
    ],
)
def test_a_database_that_cannot_be_written_says_so_like_a_file_that_cannot(message: str, kind: str) -> None:
    """One "could not be written" family: a screen that catches SaveFailed catches the database's too."""
    from desktop_app import errors
    from desktop_app.store.engine import translate_error
    from desktop_app.vault import atomic

    problem = translate_error(sqlcipher3.OperationalError(message))
    assert type(problem) is getattr(errors, kind) and isinstance(problem, errors.SaveFailed)
    assert "was not saved" in problem.sentence
    assert atomic.DiskFull is errors.DiskFull and atomic.FolderNotWritable is errors.FolderNotWritable
