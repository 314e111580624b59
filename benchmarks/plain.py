"""SQLCipher against plain SQLite on the same workload, in the same run (DESIGN §9: at most 1.3 times slower).

The plain database is an exact copy made by SQLCipher's own ``sqlcipher_export`` into a database with no key: same
schema, rows, indexes, triggers and full-text index. Both are opened by the same driver with the same PRAGMAs (the
key apart) through the store's own unit of work, and the same workload runs on each in turn: the dashboard lists,
one full-text search per word, and the full audit check. Rounds alternate, so noise from other work falls on both.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from benchmarks.build import TODAY, WORDS
from benchmarks.dashboard_calls import dashboard_queries
from desktop_app.domain.records import Actor
from desktop_app.store import audit, migrate
from desktop_app.store.database import read_audit_key
from desktop_app.store.engine import BUSY_TIMEOUT_MS, connect_raw, make_engine
from desktop_app.store.uow import UnitOfWork

PLAIN_FILE = "plain-copy.db"
_FLOOR_ACTOR = Actor(name="Benchmark floor", role="dsl", user_id=None)


class _Store:
    """Just enough of a vault session for the dashboard use cases: units of work on one engine."""

    def __init__(self, engine: Engine, audit_key: bytes, vault_dir: Path) -> None:
        self.engine = engine
        self.audit_key = audit_key
        self.vault_dir = vault_dir

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.engine, self.audit_key)


def export_plain(db_path: Path, key: bytes) -> Path:
    """An exact plain copy of the encrypted database beside the vault folder; the caller removes it (``remove``)."""
    out = db_path.parent.parent / PLAIN_FILE
    remove(out)
    connection = connect_raw(db_path, key)
    try:
        connection.execute(f"ATTACH DATABASE '{out}' AS plaintext KEY ''")
        connection.execute("SELECT sqlcipher_export('plaintext')").fetchall()
        connection.execute("DETACH DATABASE plaintext")
    finally:
        connection.close()
    return out


def remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def unlock_floor(plain_path: Path, audit_key: bytes, vault_dir: Path, today: date, user_id: str) -> float:
    """Seconds for the SQL an unlock and the dashboard run, on the plain copy: the store's floor for unlocking.

    A new engine (so a cold SQLite cache, as at unlock), then every statement the unlock itself runs, through the
    same functions: the schema version and the audit key on one connection, the anchor's check (the newest audit
    row, the row the anchor names, the chain after it), the person who unlocked, one audit row written and committed
    (the unlock's own); then every dashboard query. No key slots, no key, no anchor or record file, no lock: what is
    left when the encryption and the vault's own files are taken away."""
    started = time.perf_counter()
    engine = plain_engine(plain_path)
    try:
        store = _Store(engine, audit_key, vault_dir)
        with engine.connect() as connection:
            migrate.current(connection)
            read_audit_key(connection)
        with engine.connect() as connection:
            raw = connection.connection.driver_connection
            seq, mac = audit.latest(raw)
            audit.mac_at(raw, seq)
            audit.check_chain(raw, audit_key, after_seq=seq, prev_mac=mac)
        with store.uow() as uow:
            uow.users.get(user_id)
            uow.audit.append(_FLOOR_ACTOR, "vault.unlocked", "floor")
            uow.commit()
        _dashboard(store, today)
    finally:
        engine.dispose()
    return time.perf_counter() - started


def plain_engine(path: Path) -> Engine:
    """The store's engine recipe without a key: same driver, same PRAGMAs, same pool."""
    engine = create_engine(
        f"sqlite:///{path}",
        module=sqlcipher3,
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=3,
        connect_args={"check_same_thread": False, "isolation_level": None},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        for pragma in (
            "journal_mode = WAL",
            "synchronous = FULL",
            "foreign_keys = ON",
            "temp_store = MEMORY",
            "secure_delete = ON",
            f"busy_timeout = {BUSY_TIMEOUT_MS}",
        ):
            dbapi_connection.execute(f"PRAGMA {pragma}").fetchall()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def _dashboard(store: Any, today: date) -> None:
    for query in dashboard_queries(store, today).values():  # the very calls the unlock figure makes
        query()


def _queries(store: Any) -> None:
    _dashboard(store, TODAY)
    with store.uow() as uow:
        for word in WORDS:
            uow.concerns.search(word)
        uow.children.search("ash")


def _full_check(store: _Store) -> None:
    with store.engine.connect() as connection:
        result = audit.check_chain(connection.connection.driver_connection, store.audit_key)
    assert not result.problems


def _seconds(action: Callable[[], None]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def compare(db_path: Path, plain_path: Path, key: bytes, audit_key: bytes, repeat: int) -> dict[str, Any]:
    """Median seconds of each part on each database, and the ratios encrypted / plain."""
    stores = {
        "sqlcipher": _Store(make_engine(db_path, key), audit_key, db_path.parent),
        "plain": _Store(plain_engine(plain_path), audit_key, db_path.parent),
    }
    parts: dict[str, Callable[[_Store], None]] = {"queries": _queries, "full audit check": _full_check}
    times: dict[str, dict[str, list[float]]] = {name: {part: [] for part in parts} for name in stores}
    try:
        for store in stores.values():  # warm both: OS cache, pool, compiled statements
            _queries(store)
        for _ in range(repeat):
            for name, store in stores.items():
                for part, run in parts.items():
                    times[name][part].append(_seconds(lambda r=run, s=store: r(s)))  # type: ignore[misc]
    finally:
        for store in stores.values():
            store.engine.dispose()
    medians = {name: {part: statistics.median(t) for part, t in by_part.items()} for name, by_part in times.items()}
    totals = {name: sum(by_part.values()) for name, by_part in medians.items()}
    return {
        "medians_s": medians,
        "ratio_total": totals["sqlcipher"] / totals["plain"],
        "ratio_by_part": {part: medians["sqlcipher"][part] / medians["plain"][part] for part in parts},
        "spread_s": {name: {part: [min(t), max(t)] for part, t in by_part.items()} for name, by_part in times.items()},
    }
