"""Verify a vault: SQLCipher page MACs, quick_check, the whole audit chain and its anchor; a readable report."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.errors import UserFacingError
from desktop_app.store import anchor, audit, migrate
from desktop_app.store.database import Database, open_database
from desktop_app.store.engine import connect_raw
from desktop_app.vault.instance import VaultInstanceLock
from desktop_app.vault.keyslots import FILE_NAME as KEYSLOTS_FILE
from desktop_app.vault.keyslots import KeySlotFile


@dataclass
class VerifyReport:
    """``ok`` is True only when every check passed; ``lines`` read top to bottom as the report."""

    ok: bool = True
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    audit_rows: int = 0
    seconds: float = 0.0

    def passed(self, line: str) -> None:
        self.lines.append(f"ok       {line}")

    def failed(self, line: str) -> None:
        self.ok = False
        self.problems.append(line)
        self.lines.append(f"PROBLEM  {line}")

    def note(self, line: str) -> None:
        self.lines.append(f"note     {line}")

    def text(self) -> str:
        verdict = "The vault is sound." if self.ok else f"{len(self.problems)} problem(s) found."
        return "\n".join([*self.lines, verdict])


def check_database(database: Database, report: VerifyReport | None = None) -> VerifyReport:
    report = report or VerifyReport()
    started = time.perf_counter()
    connection = connect_raw(database.path, database.key)
    try:
        pages = [str(r[0]) for r in connection.execute("PRAGMA cipher_integrity_check").fetchall()]
        quick = [str(r[0]) for r in connection.execute("PRAGMA quick_check").fetchall()]
    except Exception:
        pages, quick = ["the file could not be read to the end"], ["not run"]
    finally:
        connection.close()
    if pages:
        report.failed(f"Encrypted pages: {len(pages)} page(s) fail their integrity check (the file was damaged "
                      "or altered).")
    else:
        report.passed("Encrypted pages: every page passes its integrity check.")
    if quick == ["ok"]:
        report.passed("Database structure: quick_check found no problem.")
    else:
        report.failed(f"Database structure: quick_check reports {len(quick)} problem(s).")
    try:
        stored: anchor.Anchor | None = anchor.read(database.vault_dir, database.audit_key)
        anchor_problem = None
    except UserFacingError as error:
        stored, anchor_problem = None, error.sentence
    with database.engine.connect() as sql:
        revision = migrate.current(sql)
    with database.raw() as raw:
        chain = audit.check_chain(raw, database.audit_key)
        anchored_mac = audit.mac_at(raw, stored.seq) if stored is not None and stored.seq else None
    report.note(f"Schema version {revision}.")
    report.audit_rows = chain.checked
    if chain.problems:
        for problem in chain.problems:
            report.failed(f"Audit trail: entry {problem.seq} {problem.what}.")
    else:
        report.passed(f"Audit trail: all {chain.checked} entries are intact and in sequence.")
    if anchor_problem is not None:
        report.failed(f"Audit anchor: {anchor_problem}")
    else:
        if stored is None:
            report.failed("Audit anchor: the file audit.anchor is missing.")
        elif stored.seq > chain.last_seq:
            report.failed(f"Audit anchor: the database ends at entry {chain.last_seq} but the anchor records entry "
                          f"{stored.seq}: an older copy of the database was put back.")
        elif stored.seq and anchored_mac != stored.mac:
            report.failed(f"Audit anchor: entry {stored.seq} does not match the anchor.")
        else:
            report.passed(f"Audit anchor: matches entry {stored.seq} of {chain.last_seq}.")
    report.seconds = time.perf_counter() - started
    return report


def verify_database(database: Database, slots: KeySlotFile) -> VerifyReport:
    report = VerifyReport()
    if slots.note:
        report.failed(f"Key slots: {slots.note}")
    elif slots.recovery_slot() is None:
        # A valid checksum says nothing here: whoever edits the file can recompute it. A vault always has one.
        report.failed(f"Key slots: {len(slots.passphrase_slots())} passphrase slot(s) but no recovery slot: the "
                      "recovery key no longer opens this vault. Make a new recovery key and print its sheet.")
    else:
        report.passed(f"Key slots: {len(slots.passphrase_slots())} passphrase slot(s) and a recovery slot.")
    return check_database(database, report)


def verify_vault(vault_dir: Path, passphrase: str) -> VerifyReport:
    """Unlock read-only and check everything. Wrong passphrase raises; damage is reported, never repaired."""
    from desktop_app.services.vault import UnlockDelayed, _require_vault
    from desktop_app.vault import WrongPassphrase
    from desktop_app.vault.passphrase import FailureCounter

    _require_vault(vault_dir)
    with VaultInstanceLock(vault_dir):
        report = VerifyReport()
        slots = KeySlotFile.load(vault_dir / KEYSLOTS_FILE)
        # A passphrase tried here counts like one tried at the lock screen: the same growing delay after failures.
        counter = FailureCounter(vault_dir)
        wait = counter.seconds_to_wait(time.time())
        if wait > 0:
            raise UnlockDelayed(wait)
        try:
            data_key, _slot = slots.open_with_passphrase(passphrase)
        except WrongPassphrase:
            counter.record_failure(time.time())
            raise
        counter.reset()
        try:
            database = open_database(vault_dir, data_key, upgrade=False)
        except UserFacingError as error:
            report.failed(f"Database: {error.sentence}")
            return report
        try:
            return verify_database(database, slots)
        finally:
            database.dispose()
