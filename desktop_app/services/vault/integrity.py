"""Verify a vault: SQLCipher page MACs, quick_check, the whole audit chain and its anchor; a report in plain English."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.errors import UserFacingError
from desktop_app.services.vault.folder import UnlockDelayed, require_vault
from desktop_app.store import anchor, audit, migrate
from desktop_app.store.database import Database, open_database
from desktop_app.store.maintenance import integrity
from desktop_app.vault.instance import VaultInstanceLock
from desktop_app.vault.keyslots import FILE_NAME as KEYSLOTS_FILE
from desktop_app.vault.keyslots import KeySlotFile

SOUND_NEXT_STEP = "Nothing to do now; keep making a backup at least once a week."
DAMAGED_NEXT_STEP = (
    "What to do next: change and delete nothing, stop recording in Waymark on this computer, and ask IT to restore "
    "the newest backup that passes this check (Settings, Backup and checks, Restore from a backup)."
)


@dataclass
class VerifyReport:
    """``ok`` is True only when every check passed; ``lines`` read top to bottom as the report, in plain English.

    ``checks`` are the same lines as (passed?, sentence) for a screen; ``schema`` is for IT only and never shown.
    """

    ok: bool = True
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    checks: list[tuple[bool, str]] = field(default_factory=list)
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


def check_database(database: Database, report: VerifyReport | None = None) -> VerifyReport:
    report = report or VerifyReport()
    started = time.perf_counter()
    checked = integrity(database)
    pages, quick = checked.page_failures, checked.quick_check
    if pages:
        report.failed(f"Encryption: {_count(len(pages), 'block', 'blocks')} of the database file (it is stored in "
                      "blocks of a few thousand characters) did not open with the vault's key: the file was damaged "
                      "or changed outside Waymark.")
    else:
        report.passed("Encryption: every part of the database file opens with the vault's key and is unchanged.")
    if quick == ("ok",):
        report.passed("Records: the database's own structure is sound, so every record can be read back.")
    else:
        report.failed(f"Records: the database's own structure has {_count(len(quick), 'fault', 'faults')}, so some "
                      "records may not read back correctly.")
    try:
        stored: anchor.Anchor | None = anchor.read(database.vault_dir, database.audit_key)
        anchor_problem = None
    except UserFacingError as error:
        stored, anchor_problem = None, error.sentence
    with database.engine.connect() as sql:
        revision = migrate.current(sql)
    chain = database.check_whole_chain()
    with database.raw() as raw:
        anchored_mac = audit.mac_at(raw, stored.seq) if stored is not None and stored.seq else None
    report.schema = str(revision)
    report.audit_rows = chain.checked
    if chain.problems:
        for problem in chain.problems:
            report.failed(f"Audit trail (who did what, and when): entry {problem.seq} {problem.what}.")
    else:
        report.passed(f"Audit trail: all {_count(chain.checked, 'entry', 'entries')} (who did what, and when) are "
                      "intact and in order.")
    if anchor_problem is not None:
        report.failed(f"Newest entry: {anchor_problem}")
    else:
        if stored is None:
            report.failed("Newest entry: the separate note of the newest audit entry (the file audit.anchor) is "
                          "missing, so Waymark cannot tell whether an older copy was put back.")
        elif stored.seq > chain.last_seq:
            report.failed(f"Newest entry: the audit trail ends at entry {chain.last_seq} but entry {stored.seq} was "
                          "written: an older copy of the database was put back.")
        elif stored.seq and anchored_mac != stored.mac:
            report.failed(f"Newest entry: entry {stored.seq} of the audit trail is not the one Waymark noted "
                          "separately: the database was replaced or changed.")
        else:
            report.passed("Newest entry: matches the separate note Waymark keeps of it, so no older copy of the "
                          "database was put back.")
    report.seconds = time.perf_counter() - started
    return report


def verify_database(database: Database, slots: KeySlotFile) -> VerifyReport:
    report = VerifyReport()
    if slots.note:
        report.failed(f"Who can unlock: {slots.note}")
    else:
        people = _count(len(slots.passphrase_slots()), "passphrase", "passphrases")
        recovery = "the recovery key" if slots.recovery_slot() else "no recovery key (make one in Settings)"
        report.passed(f"Who can unlock: {people} and {recovery}.")
    return check_database(database, report)


def verify_vault(vault_dir: Path, passphrase: str) -> VerifyReport:
    """Unlock read-only and check everything. Wrong passphrase raises; damage is reported, never repaired."""
    from desktop_app.vault import WrongPassphrase
    from desktop_app.vault.passphrase import FailureCounter

    require_vault(vault_dir)
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
            report.failed(f"Records: {error.sentence}")
            return report
        try:
            return verify_database(database, slots)
        finally:
            database.dispose()
