"""What leaves the setting when the DSL shares data with the specialist exploitation service: exactly these values
are previewed, printed into the PDF and written into the CSV inside it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop_app.domain.records import Setting


@dataclass(frozen=True, slots=True)
class SharedEvent:
    when: datetime
    kind: str  # "Concern", "Screening", "Missing episode"
    reference: str
    level: str  # the confirmed level of a screening; "" otherwise
    summary: str


@dataclass(frozen=True, slots=True)
class SharedChild:
    child_id: int
    name: str
    date_of_birth: date | None
    year_group: str
    latest_level: str  # the child's latest confirmed level in the period, or "Not screened in this period"
    events: tuple[SharedEvent, ...]  # oldest first


@dataclass(frozen=True, slots=True)
class SharingExport:
    recipient: str  # the service's name, from forms/ (e.g. "The Amber Project")
    setting: Setting
    start: date
    end: date  # inclusive
    prepared_by: str
    children: tuple[SharedChild, ...]

    @property
    def event_count(self) -> int:
        return sum(len(child.events) for child in self.children)
