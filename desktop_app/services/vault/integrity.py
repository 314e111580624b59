"""Verify a vault: SQLCipher page MACs, quick_check, the whole audit chain and its anchor; a readable report."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.errors import UserFacingError
from desktop_app.services.vault.folder import UnlockDelayed, require_vault
from desktop_app.store import anchor, audit, migrate
from desktop_app.store.database import Database, open_database
from desktop_app.store.maintenance import integrity
from desktop_app.vault import leftovers
from desktop_app.vault.instance import VaultInstanceLock
from desktop_app.vault.keyslots import FILE_NAME as KEYSLOTS_FILE
from desktop_app.vault.keyslots import KeySlotFile
from desktop_app.vault.witness import Witness


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


def check_database(database: Database, report: VerifyReport | None = None,
                   known: tuple[int, str] | None = None) -> VerifyReport:
    """Every check in turn; a check that cannot run (a damaged page under it) is itself a problem in the report,
    never an exception, so the whole report is always printed. ``known``: this computer's record (``vault.witness``).
    """
    report = report or VerifyReport()
    started = time.perf_counter()
    _check_pages(database, report)
    stored: anchor.Anchor | None = None
    anchor_problem: str | None = None
    try:
        stored = anchor.read(database.vault_dir, database.audit_key)
    except UserFacingError as error:
        anchor_problem = error.sentence
    try:
        with database.engine.connect() as sql:
            report.note(f"Schema version {migrate.current(sql)}.")
    except Exception:  # a damaged page under the schema table: the page check above names it
        report.failed("Schema version: it could not be read (see the damaged pages above).")
    chain: audit.ChainResult | None = None
    try:
        chain = database.check_whole_chain()
        with database.raw() as raw:
            anchored_mac = audit.mac_at(raw, stored.seq) if stored is not None and stored.seq else None
            known_mac = audit.mac_at(raw, known[0]) if known is not None and known[0] else None
    except Exception:
        report.failed("Audit trail: it could not be read to the end, because pages under it are damaged (listed "
                      "above); entries on those pages cannot be shown to be intact.")
    if chain is not None:
        report.audit_rows = chain.checked
        if chain.problems:
            for problem in chain.problems:
                report.failed(f"Audit trail: entry {problem.seq} {problem.what}.")
        else:
            report.passed(f"Audit trail: all {chain.checked} entries are intact and in sequence.")
        if anchor_problem is not None:
            report.failed(f"Audit anchor: {anchor_problem}")
        elif stored is None:
            report.failed("Audit anchor: the file audit.anchor is missing.")
        elif stored.seq > chain.last_seq:
            report.failed(f"Audit anchor: the database ends at entry {chain.last_seq} but the anchor records entry "
                          f"{stored.seq}: an older copy of the database was put back.")
        elif stored.seq and anchored_mac != stored.mac:
            report.failed(f"Audit anchor: entry {stored.seq} does not match the anchor.")
        else:
            report.passed(f"Audit anchor: matches entry {stored.seq} of {chain.last_seq}.")
        if known is None:
            report.note("This computer has no record of this vault yet (first use here, or the vault was moved), "
                        "so an older copy put back in this folder could not be ruled out.")
        elif known[0] > chain.last_seq:
            report.failed(f"Record on this computer: the database ends at entry {chain.last_seq}, but this computer "
                          f"saw entry {known[0]}: an older copy of the vault was put back.")
        elif known[0] and known_mac != known[1]:
            report.failed(f"Record on this computer: entry {known[0]} differs from the one this computer saw: the "
                          "database was replaced by another copy.")
        else:
            report.passed(f"Record on this computer: matches (entry {known[0]} of {chain.last_seq}).")
    elif anchor_problem is not None:
        report.failed(f"Audit anchor: {anchor_problem}")
    else:
        report.note("Audit anchor and the record on this computer: not compared, because the audit trail could not "
                    "be read to its end.")
    report.seconds = time.perf_counter() - started
    return report


def _check_pages(database: Database, report: VerifyReport) -> None:
    """The page check of ``store.maintenance.integrity`` (the log folded in first), every damaged page named."""
    checked = integrity(database)
    if checked.log_busy:
        report.note("The write-ahead log could not be folded in (the vault is busy); pages were checked as they are.")
    if checked.unreadable is not None:
        report.failed(checked.unreadable or "Encrypted pages: the file could not be read to the end (it is damaged or "
                      "truncated).")
    rows = list(checked.page_failures)
    if rows:
        report.failed(f"Encrypted pages: {len(rows)} page(s) fail their integrity check (the file was damaged or "
                      f"altered): {_pages_named(rows)}.")
    elif checked.page_size:
        report.passed("Encrypted pages: every page passes its integrity check.")
    page_size, size = checked.page_size, checked.file_size
    if page_size and size % page_size:
        report.failed(f"Database file: it ends in a partial page ({size % page_size} of {page_size} bytes): the last "
                      "write to it was cut off.")
    quick = checked.quick_check
    if quick == ("ok",):
        report.passed("Database structure: quick_check found no problem.")
    else:
        report.failed(f"Database structure: quick_check reports {len(quick)} problem(s)"
                      + (": it could not run." if quick == ("not run",) else "."))


def _pages_named(rows: list[str]) -> str:
    """'pages 3, 17-20 and 41' from SQLCipher's rows ('HMAC verification failed for page 17'); rows as they are
    when they name no page."""
    numbers = sorted({int(m.group(1)) for row in rows if (m := re.search(r"page (\d+)", row))})
    if not numbers:
        return "; ".join(rows[:20]) + (f" and {len(rows) - 20} more" if len(rows) > 20 else "")
    runs: list[str] = []
    first = last = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == last + 1:
            last = number
            continue
        runs.append(str(first) if first == last else f"{first}-{last}")
        if number is not None:
            first = last = number
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(runs)


def verify_database(database: Database, slots: KeySlotFile, known: tuple[int, str] | None = None) -> VerifyReport:
    report = VerifyReport()
    if slots.note:
        report.failed(f"Key slots: {slots.note}")
    elif slots.recovery_slot() is None:
        # A valid checksum says nothing here: whoever edits the file can recompute it. A vault always has one.
        report.failed(f"Key slots: {len(slots.passphrase_slots())} passphrase slot(s) but no recovery slot: the "
                      "recovery key no longer opens this vault. Make a new recovery key and print its sheet.")
    else:
        report.passed(f"Key slots: {len(slots.passphrase_slots())} passphrase slot(s) and a recovery slot.")
    return check_database(database, report, known)


def verify_vault(vault_dir: Path, passphrase: str) -> VerifyReport:
    """Unlock read-only and check everything. Wrong passphrase raises; damage is reported, never repaired."""
    from desktop_app.vault import WrongPassphrase
    from desktop_app.vault.passphrase import FailureCounter

    require_vault(vault_dir)
    with VaultInstanceLock(vault_dir):
        leftovers.tidy(vault_dir)  # a start like any other: an interrupted restore finished, staging files gone
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
        seen = Witness(slots.vault_id, vault_dir).read()
        try:
            return verify_database(database, slots, (seen.audit_seq, seen.audit_mac or "")
                                   if seen.audit_seq is not None else None)
        finally:
            database.dispose()
