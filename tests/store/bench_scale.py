"""Benchmark at DESIGN §9 scale (not a test): ``uv run python -m tests.store.bench_scale [children concerns audit]``.

Builds a vault with fictional bulk data written straight through the data key (with a valid audit chain), then
times unlock (excluding Argon2id), the incremental and full audit checks, dashboard lists and full-text search.
"""

from __future__ import annotations

import itertools
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("WAYMARK_FAST_KDF_FOR_TESTS", "1")
import pytest  # noqa: F401  (switches on the vault's fast test KDF)

from desktop_app.domain.enums import RiskLevel
from desktop_app.domain.records import ChildDetails, ConcernDraft
from desktop_app.services import vault as vault_service
from desktop_app.store import anchor, audit
from desktop_app.store.repositories._common import dump, fold, name_words
from desktop_app.store.types import format_utc
from desktop_app.vault import kdf
from desktop_app.vault.keyslots import KeySlotFile
from tests.fixtures_vault import PASSPHRASE, make_vault, raw_connection

FIRST = ["Amara", "Bex", "Callum", "Dara", "Elif", "Finn", "Gracjan", "Hana", "Idris", "Jude", "Kai", "Lior"]
LAST = ["Ashdown", "Brightwater", "Cole", "Dunmore", "Everly", "Fairbanks", "Greaves", "Holloway", "Ingram"]
WORDS = ["car", "park", "bus", "station", "older", "youths", "gifts", "phone", "cash", "train", "county", "missing",
         "lessons", "party", "flat", "trainers", "vape", "friend", "online", "messages", "injury", "tired", "hungry"]


def _timed(action: object, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def build(vault_dir: Path, children: int, concerns: int, audit_rows: int) -> None:
    created = make_vault(vault_dir)
    key = created.session.data_key_for_checks()
    created.session.lock()
    rng = random.Random(1)
    connection = raw_connection(vault_dir, key)
    connection.execute("BEGIN")
    now = datetime(2026, 11, 28, tzinfo=UTC)
    stamp = format_utc(now)
    child_rows, versions, words = [], [], []
    for child_id in range(1, children + 1):
        details = ChildDetails(first_name=rng.choice(FIRST), last_name=f"{rng.choice(LAST)}{child_id}")
        body = dump(details)
        child_rows.append((child_id, fold(details.first_name), fold(details.last_name), "", 1, body, stamp))
        versions.append((child_id, 1, body, stamp, "Bulk", "dsl", None, "first recorded"))
        words.extend((w, child_id) for w in name_words(details.first_name, details.last_name))
    connection.executemany("INSERT INTO children VALUES (?,?,?,?,?,?,?)", child_rows)
    connection.executemany("INSERT INTO child_versions (child_id, version, body, written_at, actor_name, actor_role,"
                           " actor_user_id, reason) VALUES (?,?,?,?,?,?,?,?)", versions)
    connection.executemany("INSERT INTO child_name_words VALUES (?,?)", words)
    rows, states, texts, screenings, risks = [], [], [], [], []
    for concern_id in range(1, concerns + 1):
        account = " ".join(rng.choice(WORDS) for _ in range(40))
        draft = ConcernDraft(account=account, location=rng.choice(WORDS), childs_words=rng.choice(WORDS))
        submitted = format_utc(now - timedelta(minutes=concern_id))
        child_id = rng.randint(1, children)
        rows.append((concern_id, f"WM-2026-{concern_id:06d}", None, child_id, submitted, False, dump(draft),
                     "Bulk", "teacher", None))
        status = "awaiting_screening" if concern_id % 20 == 0 else "screened"
        states.append((concern_id, status, submitted))
        texts.append((concern_id, account, draft.childs_words, draft.location, ""))
        if status == "screened" and concern_id % 5 == 0:
            level = rng.choice(list(RiskLevel)).value
            review = (date(2026, 11, 28) + timedelta(days=rng.randint(-30, 90))).isoformat()
            screenings.append((concern_id, concern_id, child_id, "cce", "1", "0" * 64, level, level, review, submitted,
                               "Bulk", "dsl", None, '{"answers":[],"decision":null}'))
            risks.append((child_id, concern_id, level, review))
    connection.executemany("INSERT INTO concerns VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    connection.executemany("INSERT INTO concern_state VALUES (?,?,?)", states)
    connection.executemany("INSERT INTO concern_text(rowid, account, childs_words, location, others) "
                           "VALUES (?,?,?,?,?)", texts)
    connection.executemany("INSERT INTO screenings VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", screenings)
    connection.executemany("INSERT OR REPLACE INTO child_risk VALUES (?,?,?,?)", risks)
    audit_key = bytes(connection.execute("SELECT audit_key FROM setting").fetchone()[0])
    first, prev = connection.execute("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    digest = audit.details_digest("{}")
    batch = []
    for seq in range(first + 1, first + 1 + audit_rows):
        fields = (seq, stamp, "Bulk", "dsl", None, "concern.viewed", str(seq % 1000), "{}")
        mac = audit.row_mac(audit_key, *fields, prev)
        batch.append((*fields, digest, prev, mac))
        prev = mac
        if len(batch) == 50_000:
            connection.executemany("INSERT INTO audit (seq, at, actor_name, actor_role, actor_user_id, action, "
                                   "object_ref, details, details_hash, prev_mac, mac) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                                   batch)
            batch = []
    if batch:
        connection.executemany("INSERT INTO audit (seq, at, actor_name, actor_role, actor_user_id, action, "
                               "object_ref, details, details_hash, prev_mac, mac) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                               batch)
    connection.execute("COMMIT")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    anchor.write(vault_dir, anchor.Anchor(seq=first + audit_rows, mac=prev), audit_key)


def main(children: int, concerns: int, audit_rows: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="waymark-bench-"))
    vault_dir = folder / "vault"
    started = time.perf_counter()
    build(vault_dir, children, concerns, audit_rows)
    size = (vault_dir / "waymark.db").stat().st_size
    print(f"built {children} children, {concerns} concerns, {audit_rows} audit rows in "
          f"{time.perf_counter() - started:.0f} s; database {size / 1e6:.0f} MB", flush=True)
    # Measure in a fresh process, so its memory is that of an app that only opened the vault.
    subprocess.run([sys.executable, "-m", "tests.store.bench_scale", "--measure", str(folder), str(concerns)],
                   check=True)
    shutil.rmtree(folder)


def measure(folder: Path, concerns: int) -> None:
    vault_dir = folder / "vault"
    slots = KeySlotFile.load(vault_dir / "keyslots.json")
    params = slots.passphrase_slots()[0].kdf
    assert params is not None
    argon_ms = _timed(lambda: kdf.derive(PASSPHRASE, params), repeat=5)
    unlocks = []
    for _ in range(5):
        t0 = time.perf_counter()
        session = vault_service.unlock(vault_dir, PASSPHRASE)
        unlocks.append((time.perf_counter() - t0) * 1000 - argon_ms)
        incremental_ms = session.anchor_check.seconds * 1000
        session.lock()
    print(f"unlock excluding Argon2id: median {statistics.median(unlocks):.1f} ms (Argon2id here {argon_ms:.1f} ms)")
    print(f"incremental audit check at unlock: {incremental_ms:.2f} ms")
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    database = session._db()
    with database.raw() as connection:
        t0 = time.perf_counter()
        result = audit.check_chain(connection, database.audit_key)
        full = time.perf_counter() - t0
    assert not result.problems
    print(f"full audit check: {result.checked} rows in {full:.2f} s")
    today = date(2026, 11, 28)
    with session.uow() as uow:
        dashboard = {
            "awaiting_screening": lambda: uow.concerns.awaiting_screening(50),
            "reviews_due": lambda: uow.screenings.reviews_due(today, 50),
            "high_risk": lambda: uow.screenings.children_at_level(RiskLevel.HIGH, 50),
            "awaiting_confirmation": lambda: uow.referrals.awaiting_confirmation(today, 50),
            "count_awaiting": lambda: uow.concerns.count_with_status("awaiting_screening"),
            "child_search": lambda: uow.children.search("ash"),
            "concerns_for_child": lambda: uow.concerns.list_for_child(7),
        }
        for name, query in dashboard.items():
            print(f"  {name}: median {_timed(query, repeat=7):.1f} ms")
        searches = [_timed(lambda w=w: uow.concerns.search(w), repeat=1) for w in WORDS]
        print(f"full-text search (one word, newest 50 of {concerns}): median {statistics.median(searches):.1f} ms, "
              f"max {max(searches):.1f} ms")
        two = [_timed(lambda a=a, b=b: uow.concerns.search(f"{a} {b}"), repeat=1)
               for a, b in itertools.pairwise(WORDS)]
        print(f"full-text search (two words): median {statistics.median(two):.1f} ms")
    print(f"peak resident memory after unlock, dashboard and searches: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    t0 = time.perf_counter()
    report = session.verify()
    print(f"verify (page MACs, quick_check, full chain, anchor): ok={report.ok} in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    session.backup(folder / "b.wmbak")
    print(f"backup: {time.perf_counter() - t0:.1f} s, {(folder / 'b.wmbak').stat().st_size / 1e6:.0f} MB")
    session.lock()
    print(f"peak resident memory of the measuring process: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure(Path(sys.argv[2]), int(sys.argv[3]))
        sys.exit(0)
    numbers = [int(a) for a in sys.argv[1:4]] or [20_000, 100_000, 1_000_000]
    main(*numbers)
