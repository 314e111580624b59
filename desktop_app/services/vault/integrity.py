"""Verify a vault: SQLCipher page MACs, quick_check, the whole audit chain, its anchor and this computer's record of
it; a report in plain English, always printed whole (a check that cannot run is itself a problem in it)."""

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

SOUND_NEXT_STEP = "Nothing to do now; keep making a backup at least once a week."
DAMAGED_NEXT_STEP = (
    "What to do next: change and delete nothing, stop recording in Waymark on this computer, and ask IT to restore "
    "the newest backup that passes this check (Settings, Backup and checks, Restore from a backup)."
)


@dataclass
class VerifyReport:
    """``ok`` is True only when every check passed; ``lines`` read top to bottom as the report, in plain English.

    ``checks`` are the same lines as (passed?, sentence) for a screen; ``notes`` say what a check could not rule out
    (neither passed nor a problem); ``schema`` is for IT only and never shown.
    """

    ok: bool = True
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    checks: list[tuple[bool, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    audit_rows: int = 0
    seconds: float = 0.0
    schema: str = ""

    def passed(self, line: str) -> None:
        self.lines.append(f"ok       {line}")
        self.checks.append((True, line))

    def failed(self, line: str) -> None:
        self.ok = False
        self.problems.append(line)
        self.lines.append(f"PROBLEM  {line}")
        self.checks.append((False, line))

    def aside(self, line: str) -> None:
        """Something the DSL or IT should know that is neither a passed check nor a problem."""
        self.notes.append(line)
        self.lines.append(f"note     {line}")

    @property
    def verdict(self) -> str:
        count = len(self.problems)
        return "The vault is sound." if self.ok else f"{count} problem{'s' if count != 1 else ''} found."

    @property
    def next_step(self) -> str:
        """One sentence: what the DSL should do now."""
        return SOUND_NEXT_STEP if self.ok else DAMAGED_NEXT_STEP

    def text(self) -> str:
        return "\n".join([*self.lines, self.verdict, self.next_step])


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def known_of(witness: Witness | None) -> tuple[int, str] | None:
    """This computer's record of the vault as (newest audit entry, its MAC), or None when it has none."""
    seen = witness.read() if witness is not None else None
    if seen is None or seen.audit_seq is None:
        return None
    return seen.audit_seq, seen.audit_mac or ""


def check_database(
    database: Database, report: VerifyReport | None = None, known: tuple[int, str] | None = None
) -> VerifyReport:
    """Every check in turn; a check that cannot run (a damaged block under it) is itself a problem in the report,
    never an exception, so the whole report is always printed. ``known``: this computer's record (``known_of``).
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
            report.schema = str(migrate.current(sql))
    except Exception:  # a damaged block under the table of versions: the block check above names it
        report.failed(
            "Records: which version of Waymark's layout the database has could not be read (see the "
            "damaged blocks above)."
        )
    chain: audit.ChainResult | None = None
    anchored_mac: str | None = None
    known_mac: str | None = None
    try:
        chain = database.check_whole_chain()
        with database.raw() as raw:
            anchored_mac = audit.mac_at(raw, stored.seq) if stored is not None and stored.seq else None
            known_mac = audit.mac_at(raw, known[0]) if known is not None and known[0] else None
    except Exception:
        chain = None
        report.failed(
            "Audit trail (who did what, and when): it could not be read to the end, because parts of the "
            "database file under it are damaged (listed above); entries there cannot be shown to be intact."
        )
    if chain is None:
        if anchor_problem is not None:
            report.failed(f"Newest entry: {anchor_problem}")
        else:
            report.aside(
                "Newest entry and the record on this computer: not compared, because the audit trail could "
                "not be read to its end."
            )
        report.seconds = time.perf_counter() - started
        return report
    report.audit_rows = chain.checked
    if chain.problems:
        for problem in chain.problems:
            report.failed(f"Audit trail (who did what, and when): entry {problem.seq} {problem.what}.")
    else:
        report.passed(
            f"Audit trail: all {_count(chain.checked, 'entry', 'entries')} (who did what, and when) are "
            "intact and in order."
        )
    if anchor_problem is not None:
        report.failed(f"Newest entry: {anchor_problem}")
    elif stored is None:
        report.failed(
            "Newest entry: the separate note of the newest audit entry (the file audit.anchor) is "
            "missing, so Waymark cannot tell whether an older copy was put back."
        )
    elif stored.seq > chain.last_seq:
        report.failed(
            f"Newest entry: the audit trail ends at entry {chain.last_seq} but entry {stored.seq} was "
            "written: an older copy of the database was put back."
        )
    elif stored.seq and anchored_mac != stored.mac:
        report.failed(
            f"Newest entry: entry {stored.seq} of the audit trail is not the one Waymark noted "
            "separately: the database was replaced or changed."
        )
    else:
        report.passed(
            "Newest entry: matches the separate note Waymark keeps of it, so no older copy of the "
            "database was put back."
        )
    if known is None:
        report.aside(
            "Record on this computer: there is none yet (the vault is new to this computer, or was moved), "
            "so an older copy of the whole vault put back in this folder could not be ruled out."
        )
    elif known[0] > chain.last_seq:
        report.failed(
            f"Record on this computer: the audit trail ends at entry {chain.last_seq}, but this computer "
            f"saw entry {known[0]}: an older copy of the vault was put back."
        )
    elif known[0] and known_mac != known[1]:
        report.failed(
            f"Record on this computer: entry {known[0]} of the audit trail is not the one this computer "
            "saw: the database was replaced by another copy."
        )
    else:
        report.passed(
            "Record on this computer: matches what this computer last saw of the vault, so no older copy "
            "of the whole vault was put back."
        )
    report.seconds = time.perf_counter() - started
    return report


def _check_pages(database: Database, report: VerifyReport) -> None:
    """The block check of ``store.maintenance.integrity`` (the log folded in first), every damaged block named."""
    checked = integrity(database)
    if checked.log_busy:
        report.aside(
            "Recent changes: they could not be folded into the database file first, because the vault was "
            "in use; the file was checked as it is."
        )
    if checked.unreadable is not None:
        report.failed(
            "Encryption: "
            + (checked.unreadable or "the database file could not be read to the end: it is damaged or cut short.")
        )
    rows = list(checked.page_failures)
    if rows:
        report.failed(
            f"Encryption: {_count(len(rows), 'block', 'blocks')} of the database file (it is stored in "
            "blocks of a few thousand characters) did not open with the vault's key: the file was damaged "
            f"or changed outside Waymark. Damaged: {_blocks_named(rows)}."
        )
    elif checked.page_size:
        report.passed("Encryption: every part of the database file opens with the vault's key and is unchanged.")
    page_size, size = checked.page_size, checked.file_size
    if page_size and size % page_size:
        report.failed(
            f"Encryption: the database file ends part-way through a block ({size % page_size} of "
            f"{page_size} characters): the last write to it was cut off."
        )
    quick = checked.quick_check
    if quick == ("ok",):
        report.passed("Records: the database's own structure is sound, so every record can be read back.")
    elif quick == ("not run",):
        report.failed(
            "Records: the database's own structure could not be checked, because parts of the file are "
            "damaged (listed above)."
        )
    else:
        report.failed(
            f"Records: the database's own structure has {_count(len(quick), 'fault', 'faults')}, so some "
            "records may not read back correctly."
        )


def _blocks_named(rows: list[str]) -> str:
    """'blocks 3, 17-20 and 41' from SQLCipher's rows ('HMAC verification failed for page 17'); rows as they are
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
    return ("block " if len(numbers) == 1 else "blocks ") + ", ".join(runs)


def verify_database(database: Database, slots: KeySlotFile, known: tuple[int, str] | None = None) -> VerifyReport:
    report = VerifyReport()
    people = _count(len(slots.passphrase_slots()), "passphrase", "passphrases")
    if slots.note:
        report.failed(f"Who can unlock: {slots.note}")
    elif slots.recovery_slot() is None:
        # A valid checksum says nothing here: whoever edits the file can recompute it. A vault always has one.
        report.failed(
            f"Who can unlock: {people} but no recovery key: the recovery key no longer opens this vault. "
            "Make a new recovery key in Settings and print its sheet."
        )
    else:
        report.passed(f"Who can unlock: {people} and the recovery key.")
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
            report.failed(f"Records: {error.sentence}")
            return report
        try:
            return verify_database(database, slots, known_of(Witness(slots.vault_id, vault_dir)))
        finally:
            database.dispose()
