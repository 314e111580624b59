"""Values for records that move (transfers, receipts, received files) and records that end (holds, destructions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop_app.domain.records import Actor


@dataclass(frozen=True, slots=True)
class TransferEntry:
    """One line of a child's transfer log: a file sent (``out``) or received (``in``), and its receipt if confirmed."""

    transfer_id: int
    child_id: int
    direction: str  # "out" | "in"
    package_id: str
    at: datetime
    sent_on: date
    other_setting: str
    other_person: str
    method: str
    recorded_by: Actor
    receipt_on: date | None = None
    receipt_by: str = ""

    @property
    def confirmed(self) -> bool:
        return self.receipt_on is not None


@dataclass(frozen=True, slots=True)
class ReceivedFile:
    """A file received from another setting, as the sender made it (never edited here)."""

    received_id: int
    child_id: int
    transfer_id: int
    package_id: str
    from_setting: str
    made_at: datetime
    imported_at: datetime
    records: str  # the sender's records, JSON as in the package
    chronology_pdf: bytes
    records_pdf: bytes  # the sender's whole file as a readable PDF (cover, chronology, each concern)


@dataclass(frozen=True, slots=True)
class Hold:
    """A hold on a child's file: kept past its retention date until ``until`` (None: until the hold is lifted)."""

    hold_id: int
    child_id: int
    until: date | None
    reason: str
    placed_at: datetime
    placed_by: Actor


@dataclass(frozen=True, slots=True)
class PastRetention:
    """A line of the retention review list: a file whose retention date has passed."""

    child_id: int
    born_on: date
    retention_date: date
    name: str
    hold_until: date | None = None


@dataclass(frozen=True, slots=True)
class Destruction:
    destruction_id: int
    child_id: int
    destroyed_at: datetime
    retention_date: date | None
    reason: str
    records: int
    destroyed_by: Actor


@dataclass(frozen=True, slots=True)
class TransferCover:
    """The first page of a transferred file: whose file, from where, to whom, and what follows."""

    child_name: str
    date_of_birth: date | None
    from_setting: str
    from_dsl: str
    to_setting: str
    to_person: str
    sent_on: date
    package_id: str
    contents: tuple[str, ...]  # one line per part that follows
