"""Build the scale vault of DESIGN §9 once: a real vault, a few hundred records through the use cases, then bulk rows.

The vault is made by ``create_vault`` and starts with demo records written through the same use cases the screens use
(screenings, referrals, confirmations, addenda, audit rows). The rest is written straight into the encrypted database
with its data key, in a few large ``executemany`` calls: children, concerns and their full-text rows, screenings
(bodies copied from the real ones), referrals, then audit rows chained with the vault's own audit key and MAC function
until the chain holds exactly the number asked. The anchor is written last, so the vault opens like any other.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks import attachments
from benchmarks.actions import bulk_actions
from benchmarks.connections import bulk_connections
from desktop_app.domain.enums import RiskLevel
from desktop_app.domain.records import ChildDetails, ConcernDraft, Setting
from desktop_app.services import demo
from desktop_app.services import vault as vault_service
from desktop_app.store import anchor, audit, migrate
from desktop_app.store.engine import DB_FILE_NAME, connect_raw
from desktop_app.store.repositories._common import dump, fold, name_words
from desktop_app.store.types import format_utc
from desktop_app.vault import kdf

# Bump when the contents built here change, so an older cached vault is rebuilt.
BUILD_FORMAT = 4  # 2: a concern's actions; 3: connections and missing episodes too; 4: pages with HMAC-SHA256
MARKER = "built.json"
PASSPHRASE = "benchmark lantern by the quiet canal"  # noqa: S105 - a throw-away vault of fictional records
SETTING = Setting(name="Benchmark Academy (fictional)", address="1 Example Lane", phone="01632 960000")
TODAY = date(2026, 11, 28)

FIRST = ["Amara", "Bex", "Callum", "Dara", "Elif", "Finn", "Gracjan", "Hana", "Idris", "Jude", "Kai", "Lior"]
LAST = ["Ashdown", "Brightwater", "Cole", "Dunmore", "Everly", "Fairbanks", "Greaves", "Holloway", "Ingram"]
WORDS = [
    "car",
    "park",
    "bus",
    "station",
    "older",
    "youths",
    "gifts",
    "phone",
    "cash",
    "train",
    "county",
    "missing",
    "lessons",
    "party",
    "flat",
    "trainers",
    "vape",
    "friend",
    "online",
    "messages",
    "injury",
    "tired",
    "hungry",
]
_AUDIT_ACTIONS = ["concern.viewed", "child.viewed", "document.printed", "vault.unlocked", "vault.locked"]


@dataclass(frozen=True)
class Scale:
    name: str
    children: int
    concerns: int
    audit_rows: int
    demo_children: int
    demo_concerns: int


SCALES = {
    "full": Scale("full", 20_000, 100_000, 1_000_000, 150, 400),
    "small": Scale("small", 500, 2_500, 25_000, 30, 80),
}


def is_built(vault_dir: Path, scale: Scale) -> bool:
    """True when ``vault_dir`` holds a finished build of this scale and format, at the current schema."""
    try:
        marker = json.loads((vault_dir / MARKER).read_text())
    except (OSError, ValueError):
        return False
    return bool(marker == _marker(scale))


def _marker(scale: Scale) -> dict[str, Any]:
    return {"format": BUILD_FORMAT, "schema": migrate.head(), "scale": asdict(scale)}


def build(vault_dir: Path, scale: Scale) -> None:
    """Make the vault in ``vault_dir`` (which must not hold one yet)."""
    created = vault_service.create_vault(vault_dir, SETTING, "Bench DSL", PASSPHRASE, kdf_params=kdf.floor_params())
    session = created.session
    try:
        demo.fill_demo_data(session, children=scale.demo_children, concerns=scale.demo_concerns, seed=1, today=TODAY)
        key = session.data_key_for_checks()
    finally:
        session.lock()
    connection = connect_raw(vault_dir / DB_FILE_NAME, key)
    try:
        connection.execute("BEGIN")
        _bulk_records(connection, scale, random.Random(1))  # noqa: S311 - reproducible fiction
        _bulk_files(connection, scale)
        bulk_connections(connection, TODAY, random.Random(2))  # noqa: S311 - reproducible fiction
        bulk_actions(connection, TODAY, random.Random(16))  # noqa: S311 - a concern's actions (issue 16)
        audit_key = bytes(connection.execute("SELECT audit_key FROM setting").fetchone()[0])
        last = _bulk_audit(connection, audit_key, scale.audit_rows)
        connection.execute("COMMIT")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        connection.close()
    anchor.write(vault_dir, anchor.Anchor(seq=last[0], mac=last[1]), audit_key)
    (vault_dir / MARKER).write_text(json.dumps(_marker(scale)))


def _next_id(connection: Any, table: str) -> int:
    return int(connection.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])  # noqa: S608


def _screening_templates(connection: Any) -> dict[str, tuple[Any, ...]]:
    """One real screening per confirmed level, to copy: its definition columns and its body."""
    templates: dict[str, tuple[Any, ...]] = {}
    for row in connection.execute(
        "SELECT confirmed_level, definition_id, definition_version, definition_hash, body FROM screenings ORDER BY id"
    ):
        templates.setdefault(str(row[0]), tuple(row[1:]))
    return templates


def _body_with_review(body: str, level: str, review: date) -> str:
    parsed = json.loads(body)
    parsed["decision"]["review_date"] = review.isoformat()
    parsed["decision"]["confirmed_level"] = level
    return json.dumps(parsed, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _bulk_records(connection: Any, scale: Scale, rng: random.Random) -> None:
    now = datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC)
    stamp = format_utc(now)
    first_child = _next_id(connection, "children")
    children = range(first_child, first_child + max(0, scale.children - first_child + 1))
    child_rows: list[tuple[Any, ...]] = []
    versions: list[tuple[Any, ...]] = []
    words: list[tuple[str, int]] = []
    for child_id in children:
        details = ChildDetails(first_name=rng.choice(FIRST), last_name=f"{rng.choice(LAST)}{child_id}")
        body = dump(details)
        child_rows.append((child_id, fold(details.first_name), fold(details.last_name), "", 1, body, stamp))
        versions.append((child_id, 1, body, stamp, "Bulk", "dsl", None, "first recorded"))
        words.extend((w, child_id) for w in name_words(details.first_name, details.last_name))
    connection.executemany(
        "INSERT INTO children (id, first_fold, last_fold, known_fold, version, body, created_at) "
        "VALUES (?,?,?,?,?,?,?)",
        child_rows,
    )
    connection.executemany(
        "INSERT INTO child_versions (child_id, version, body, written_at, actor_name, actor_role,"
        " actor_user_id, reason) VALUES (?,?,?,?,?,?,?,?)",
        versions,
    )
    connection.executemany("INSERT INTO child_name_words (word, child_id) VALUES (?,?)", words)
    all_children = int(connection.execute("SELECT max(id) FROM children").fetchone()[0])
    templates = _screening_templates(connection)
    first_concern = _next_id(connection, "concerns")
    screening_id, referral_id = _next_id(connection, "screenings"), _next_id(connection, "referrals")
    rows, states, texts, screenings, risks, referrals, pending = [], [], [], [], [], [], []
    for concern_id in range(first_concern, first_concern + max(0, scale.concerns - first_concern + 1)):
        account = " ".join(rng.choice(WORDS) for _ in range(40))
        draft = ConcernDraft(account=account, location=rng.choice(WORDS), childs_words=rng.choice(WORDS))
        submitted_at = now - timedelta(minutes=concern_id)
        submitted = format_utc(submitted_at)
        child_id = rng.randint(1, all_children)
        rows.append(
            (concern_id, f"WM-BENCH-{concern_id:06d}", child_id, submitted, False, dump(draft), "Bulk", "teacher", None)
        )
        status = "awaiting_screening" if concern_id % 20 == 0 else "screened"
        states.append((concern_id, status, submitted))
        texts.append((concern_id, account, draft.childs_words, draft.location, ""))
        level = rng.choice(list(RiskLevel)).value
        if status == "screened" and concern_id % 5 == 0 and level in templates:
            review = TODAY + timedelta(days=rng.randint(-30, 90))
            definition_id, version, digest, body = templates[level]
            screenings.append(
                (
                    screening_id,
                    concern_id,
                    child_id,
                    definition_id,
                    version,
                    digest,
                    level,
                    level,
                    review.isoformat(),
                    submitted,
                    "Bulk",
                    "dsl",
                    None,
                    _body_with_review(body, level, review),
                )
            )
            risks.append((child_id, screening_id, level, review.isoformat()))
            screening_id += 1
            if concern_id % 10 == 0:
                due = TODAY + timedelta(days=rng.randint(-10, 30))
                referrals.append(
                    (
                        referral_id,
                        concern_id,
                        "safeguarding_hub",
                        "Duty social worker (fictional)",
                        submitted,
                        f"REF-{concern_id}",
                        "Accepted",
                        due.isoformat(),
                        submitted,
                        "Bulk",
                        "dsl",
                        None,
                    )
                )
                if concern_id % 50 == 0:
                    pending.append((referral_id, due.isoformat()))
                referral_id += 1
    connection.executemany(
        "INSERT INTO concerns (id, reference, child_id, submitted_at, sealed, body, "
        "recorded_by_name, recorded_by_role, recorded_by_user_id) VALUES (?,?,?,?,?,?,?,?,?)",
        rows,
    )
    connection.executemany("INSERT INTO concern_state (concern_id, status, submitted_at) VALUES (?,?,?)", states)
    connection.executemany(
        "INSERT INTO concern_text (rowid, account, childs_words, location, others) VALUES (?,?,?,?,?)", texts
    )
    connection.executemany(
        "INSERT INTO screenings (id, concern_id, child_id, definition_id, definition_version, "
        "definition_hash, suggested_level, confirmed_level, review_date, completed_at, actor_name, "
        "actor_role, actor_user_id, body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        screenings,
    )
    connection.executemany(
        "INSERT OR REPLACE INTO child_risk (child_id, screening_id, level, review_date) VALUES (?,?,?,?)", risks
    )
    connection.executemany(
        "INSERT INTO referrals (id, concern_id, route, contacted_name, contacted_at, reference, "
        "outcome, confirmation_due, recorded_at, actor_name, actor_role, actor_user_id) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        referrals,
    )
    connection.executemany("INSERT INTO referral_pending (referral_id, confirmation_due) VALUES (?,?)", pending)


def _bulk_files(connection: Any, scale: Scale) -> None:
    first = int(connection.execute("SELECT min(id) FROM concerns WHERE reference LIKE 'WM-BENCH-%'").fetchone()[0] or 1)
    last = int(connection.execute("SELECT max(id) FROM concerns").fetchone()[0] or 1)
    at = datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC)
    attachments.bulk_attachments(connection, first, last, at, random.Random(2))  # noqa: S311 - reproducible fiction


def _bulk_audit(connection: Any, audit_key: bytes, total: int) -> tuple[int, str]:
    """Chain audit rows on to the vault's own until it holds ``total``; return the newest (seq, mac)."""
    start, prev = audit.latest(connection)
    stamp = format_utc(datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC))
    details = "{}"
    digest = audit.details_digest(details)
    batch: list[tuple[Any, ...]] = []
    insert = (
        "INSERT INTO audit (seq, at, actor_name, actor_role, actor_user_id, action, object_ref, details, "
        "details_hash, prev_mac, mac) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
    )
    for seq in range(start + 1, total + 1):
        fields = (seq, stamp, "Bench DSL", "dsl", None, _AUDIT_ACTIONS[seq % 5], f"concern:{seq % 100_000}", details)
        mac = audit.row_mac(audit_key, *fields, prev)
        batch.append((*fields, digest, prev, mac))
        prev = mac
        if len(batch) == 50_000:
            connection.executemany(insert, batch)
            batch = []
    connection.executemany(insert, batch)
    return audit.latest(connection)
