"""The audit chain: HMAC-SHA256 links over canonical rows, appended in the same transaction as the change.

``K_audit`` is HKDF(data key at creation, "waymark audit"), kept inside the encrypted database so a re-key (new data
key) does not break the chain; anyone able to read it could already read the database.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from desktop_app.domain.codec import to_jsonable
from desktop_app.domain.records import Actor
from desktop_app.store.models import AuditRow
from desktop_app.store.types import UTC_FORMAT, format_utc, utc_now

GENESIS_MAC = "0" * 64
BATCH = 20_000


def derive_audit_key(data_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"waymark audit").derive(data_key)


def details_text(details: dict[str, Any] | None) -> str:
    return json.dumps(to_jsonable(details or {}), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def details_digest(details: str) -> str:
    return hashlib.sha256(details.encode("utf-8")).hexdigest()


def _field(value: str | None) -> bytes:
    raw = b"\x00" if value is None else value.encode("utf-8")
    return str(len(raw)).encode() + b":" + raw


def row_mac(key: bytes, fields: Iterable[str | None], prev_mac: str) -> str:
    """HMAC of the length-prefixed fields (so no two rows share a canonical form) and the previous MAC."""
    message = b"".join(_field(f) for f in fields) + prev_mac.encode("ascii")
    return hmac.digest(key, message, "sha256").hex()


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: datetime
    actor: Actor
    action: str
    object_ref: str
    details: str


class AuditLog:
    """``uow.audit``: append rows to the chain inside the unit of work's transaction."""

    def __init__(self, session: Session, key: bytes) -> None:
        self._session = session
        self._key = key
        self._last: tuple[int, str] | None = None
        self.appended = 0

    def latest(self) -> tuple[int, str]:
        if self._last is None:
            row = self._session.execute(text("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1")).first()
            self._last = (0, GENESIS_MAC) if row is None else (int(row[0]), str(row[1]))
        return self._last

    def latest_seq(self) -> int:
        return self.latest()[0]

    def append(self, actor: Actor, action: str, object_ref: object = "",
               details: dict[str, Any] | None = None) -> int:
        seq, prev_mac = self.latest()
        seq += 1
        at = utc_now()
        detail = details_text(details)
        digest = details_digest(detail)
        ref = "" if object_ref is None else str(object_ref)
        fields = (str(seq), format_utc(at), actor.name, actor.role, actor.user_id, action, ref, digest)
        mac = row_mac(self._key, fields, prev_mac)
        self._session.add(AuditRow(
            seq=seq, at=at, actor_name=actor.name, actor_role=actor.role, actor_user_id=actor.user_id,
            action=action, object_ref=ref, details=detail, details_hash=digest, prev_mac=prev_mac, mac=mac,
        ))
        self._session.flush()
        self._last = (seq, mac)
        self.appended += 1
        return seq

    def entries(self, since: datetime, until: datetime, limit: int = 1000, after_seq: int = 0) -> list[AuditEntry]:
        """Rows in a time range, oldest first, paged by ``after_seq`` (for the annual audit export)."""
        first = self._session.execute(text("SELECT min(seq) FROM audit WHERE at >= :since"),
                                      {"since": format_utc(since)}).scalar()
        if first is None:
            return []
        rows = self._session.execute(
            text("SELECT seq, at, actor_name, actor_role, actor_user_id, action, object_ref, details FROM audit "
                 "WHERE seq > :after AND at < :until ORDER BY seq LIMIT :limit"),
            {"after": max(after_seq, int(first) - 1), "until": format_utc(until), "limit": limit},
        ).all()
        return [
            AuditEntry(seq=r[0], at=datetime.strptime(r[1], UTC_FORMAT).replace(tzinfo=UTC),
                       actor=Actor(name=r[2], role=r[3], user_id=r[4]), action=r[5], object_ref=r[6], details=r[7])
            for r in rows
        ]

    def reset_cache(self) -> None:
        self._last = None


@dataclass(frozen=True, slots=True)
class ChainProblem:
    seq: int
    what: str


@dataclass(frozen=True, slots=True)
class ChainResult:
    checked: int
    last_seq: int
    last_mac: str
    problems: tuple[ChainProblem, ...]


def _rows(connection: Connection, after_seq: int) -> Iterator[tuple[Any, ...]]:
    cursor_seq = after_seq
    while True:
        batch = connection.exec_driver_sql(
            "SELECT seq, at, actor_name, actor_role, actor_user_id, action, object_ref, details_hash, prev_mac, mac, "
            "details FROM audit WHERE seq > ? ORDER BY seq LIMIT ?", (cursor_seq, BATCH),
        ).all()
        if not batch:
            return
        yield from batch
        cursor_seq = int(batch[-1][0])


def check_chain(connection: Connection, key: bytes, after_seq: int = 0, prev_mac: str = GENESIS_MAC,
                check_details: bool = True, max_problems: int = 20) -> ChainResult:
    """Walk the chain after ``after_seq`` (whose MAC is ``prev_mac``); report each broken link."""
    problems: list[ChainProblem] = []
    expected_seq = after_seq + 1
    checked = 0
    last_seq, last_mac = after_seq, prev_mac
    digest = hmac.digest
    for row in _rows(connection, after_seq):
        seq = int(row[0])
        if seq != expected_seq:
            problems.append(ChainProblem(expected_seq, f"entries {expected_seq} to {seq - 1} are missing"))
        if row[8] != last_mac:
            problems.append(ChainProblem(seq, "does not follow the entry before it"))
        fields = (str(seq), row[1], row[2], row[3], row[4], row[5], row[6], row[7])
        message = b"".join(_field(f) for f in fields) + str(row[8]).encode("ascii")
        if digest(key, message, "sha256").hex() != row[9]:
            problems.append(ChainProblem(seq, "was changed after it was written"))
        elif check_details and details_digest(row[10]) != row[7]:
            problems.append(ChainProblem(seq, "has details that were changed after it was written"))
        checked += 1
        last_seq, last_mac = seq, str(row[9])
        expected_seq = seq + 1
        if len(problems) >= max_problems:
            break
    return ChainResult(checked=checked, last_seq=last_seq, last_mac=last_mac, problems=tuple(problems))


def mac_at(connection: Connection, seq: int) -> str | None:
    row = connection.exec_driver_sql("SELECT mac FROM audit WHERE seq = ?", (seq,)).first()
    return None if row is None else str(row[0])


def latest(connection: Connection) -> tuple[int, str]:
    row = connection.exec_driver_sql("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1").first()
    return (0, GENESIS_MAC) if row is None else (int(row[0]), str(row[1]))

