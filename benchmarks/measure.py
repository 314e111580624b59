"""The figures measured inside one fresh process on the scale vault: ``python -m benchmarks.measure VAULT OUT.json``.

A fresh process, so its resident memory is that of an app that has only unlocked the vault and loaded the dashboard.
"""

from __future__ import annotations

import hmac
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

from benchmarks import actions, attachments, child_list, plain
from benchmarks import connections as connection_figures
from benchmarks import referral as referral_figures
from benchmarks.audit import audit_figures
from benchmarks.build import PASSPHRASE, TODAY, WORDS
from benchmarks.dashboard_calls import dashboard_queries
from desktop_app.services import documents
from desktop_app.services import vault as vault_service
from desktop_app.services.vault import backup_restore
from desktop_app.services.vault.session import VaultSession
from desktop_app.store import audit
from desktop_app.vault import kdf


class _ArgonClock:
    """Time spent in Argon2id (``kdf.derive``), so unlock can be measured without it."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._derive = kdf.derive

    def __enter__(self) -> _ArgonClock:
        def timed(secret: str | bytes, params: kdf.KdfParams) -> bytes:
            started = time.perf_counter()
            try:
                return self._derive(secret, params)
            finally:
                self.seconds += time.perf_counter() - started

        kdf.derive = timed
        return self

    def __exit__(self, *_exc: object) -> None:
        kdf.derive = self._derive


def timed_ms(action: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def resident_mb() -> tuple[float, float]:
    """(VmRSS, VmHWM) of this process in MB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


UNLOCK_PAIRS = 15


def unlock_once(vault_dir: Path) -> tuple[float, float, float, VaultSession]:
    """One unlock and every dashboard list: (seconds excluding Argon2id, Argon2id seconds, anchor check, session)."""
    with _ArgonClock() as clock:
        started = time.perf_counter()
        session = vault_service.unlock(vault_dir, PASSPHRASE)
        for query in dashboard_queries(session, TODAY).values():
            query()
        elapsed = time.perf_counter() - started
    assert session.anchor_check is not None
    return elapsed - clock.seconds, clock.seconds, session.anchor_check.seconds, session


def unlock_against_floor(
    vault_dir: Path, plain_path: Path, audit_key: bytes, user_id: str, repeat: int
) -> tuple[dict[str, list[float]], VaultSession]:
    """Unlock and load the dashboard, alternating with the same SQL on the plain copy (``plain.unlock_floor``).

    Returns milliseconds by kind (unlock without Argon2id, Argon2id, incremental check, floor); the last session is
    left open."""
    times: dict[str, list[float]] = {"unlock": [], "argon": [], "incremental": [], "floor": []}
    session: VaultSession | None = None
    plain.unlock_floor(plain_path, audit_key, vault_dir, TODAY, user_id)  # warm the plain copy's pages in the OS cache
    for number in range(repeat):
        seconds, argon, incremental, session = unlock_once(vault_dir)
        times["unlock"].append(seconds * 1000)
        times["argon"].append(argon * 1000)
        times["incremental"].append(incremental * 1000)
        if number < repeat - 1:
            session.lock()
        times["floor"].append(plain.unlock_floor(plain_path, audit_key, vault_dir, TODAY, user_id) * 1000)
    assert session is not None
    return times, session


def audit_floor(raw: Any, key: bytes) -> int:
    """The least a full check can do: read every row's bytes and compute its HMAC in a bare loop on one core."""
    checked = 0
    cursor = raw.execute(audit._CHECK_QUERY, (0, audit._NO_END))
    while rows := cursor.fetchmany(audit._CHECK_BATCH):
        for _seq, message, _prev, mac in rows:
            if hmac.digest(key, message, "sha256").hex() != mac:
                raise SystemExit("the scale vault's audit chain is broken")
            checked += 1
    return checked


def full_audit_check(session: VaultSession, repeat: int) -> tuple[list[float], list[float], int]:
    """The full check as ``waymark verify`` runs it, alternating with its floor: (check ms, floor ms, rows)."""
    database = session._db()
    times, floor, rows = [], [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        result = database.check_whole_chain()
        times.append((time.perf_counter() - started) * 1000)
        if result.problems:
            raise SystemExit(f"the scale vault's audit chain is broken: {result.problems[0]}")
        rows = result.checked
        with database.raw() as connection:
            started = time.perf_counter()
            audit_floor(connection, database.audit_key)
            floor.append((time.perf_counter() - started) * 1000)
    return times, floor, rows


def search_times(session: VaultSession) -> list[float]:
    """One search per word of the bulk text, each the newest 50 matches, as the search box asks."""
    times = []
    with session.uow() as uow:
        for word in WORDS:
            started = time.perf_counter()
            uow.concerns.search(word)
            times.append((time.perf_counter() - started) * 1000)
    return times


def referral_pdf_times(session: VaultSession, repeat: int) -> list[float]:
    """The referral summary of a concern that has a screening and a referral, built from the vault to PDF bytes."""
    with session.uow() as uow:
        row = uow.session.execute(
            text(
                "SELECT r.concern_id FROM referrals r JOIN screenings s ON s.concern_id = r.concern_id "
                "JOIN concerns c ON c.id = r.concern_id WHERE c.reference NOT LIKE 'WM-BENCH-%' ORDER BY r.id LIMIT 1"
            )
        ).first()
    if row is None:
        raise SystemExit("the scale vault has no referred concern to print")
    concern_id = int(row[0])

    def render() -> object:
        return documents.render_referral_summary(session, concern_id)

    return timed_ms(render, repeat)


def measure(vault_dir: Path, repeat: int) -> dict[str, Any]:
    _seconds, _argon, _incremental, session = unlock_once(vault_dir)
    rss, _peak = resident_mb()  # after unlocking and loading the dashboard, before anything else
    database = session._db()
    plain_path = plain.export_plain(database.path, database.key)
    audit_key = database.audit_key
    user_id = session.user.user_id
    session.lock()
    try:
        # At least 15 pairs: an unlock is quick, and its ratio is judged in CI.
        unlocks, session = unlock_against_floor(vault_dir, plain_path, audit_key, user_id, max(repeat, UNLOCK_PAIRS))
        figures: dict[str, Any] = {
            "unlock_to_dashboard_ms": unlocks["unlock"],
            "unlock_floor_ms": unlocks["floor"],
            "argon2id_ms": unlocks["argon"],
            "incremental_check_ms": unlocks["incremental"],
            "resident_mb": rss,
        }
        figures["dashboard_ms"] = {
            name: timed_ms(query, repeat) for name, query in dashboard_queries(session, TODAY).items()
        }
        figures["connections_ms"] = {
            name: timed_ms(query, repeat) for name, query in connection_figures.queries(session, TODAY).items()
        }
        figures["search_ms"] = search_times(session)
        figures["referral_pdf_ms"] = referral_pdf_times(session, repeat)
        figures.setdefault("more_ms", {}).update(child_list.figures(session, TODAY, WORDS, repeat, timed_ms))
        figures.setdefault("more_ms", {}).update(audit_figures(session, repeat, timed_ms, TODAY))
        figures.setdefault("more_ms", {}).update(actions.figures(session, TODAY, repeat, timed_ms))
        figures.setdefault("more_ms", {}).update(attachments.figures(session, repeat, timed_ms))
        figures["more_ms"]["Settings: when the last backup was written (audit index by action)"] = (
            20,
            timed_ms(lambda: backup_restore.last_backup(session), repeat),
        )
        figures["more_ms"].update(referral_figures.figures(session, repeat, timed_ms))
        figures["full_check_ms"], figures["full_check_floor_ms"], figures["audit_rows"] = full_audit_check(
            session, repeat
        )
        database = session._db()
        figures["cipher_vs_plain"] = plain.compare(database.path, plain_path, database.key, audit_key, repeat)
        with session.uow() as uow:
            figures["children"] = int(uow.session.execute(text("SELECT count(*) FROM children")).scalar_one())
            figures["concerns"] = int(uow.session.execute(text("SELECT count(*) FROM concerns")).scalar_one())
        figures["peak_resident_mb"] = resident_mb()[1]
    finally:
        session.lock()
        plain.remove(plain_path)
    return figures


def median(values: list[float]) -> float:
    return float(statistics.median(values))


if __name__ == "__main__":
    vault, out, repeats = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    out.write_text(json.dumps(measure(vault, repeats)))
