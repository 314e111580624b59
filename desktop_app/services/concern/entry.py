"""What the recorder has typed so far (``Entry``, as typed) and how that text is read: dates, times, ages, names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from desktop_app.domain.enums import ChildRole


@dataclass(frozen=True, slots=True)
class ChildRow:
    name: str = ""
    role: ChildRole | None = None
    details: str = ""

    def is_empty(self) -> bool:
        return not (self.name.strip() or self.details.strip() or self.role)


@dataclass(frozen=True, slots=True)
class AdultRow:
    name_or_nickname: str = ""
    description: str = ""
    vehicle: str = ""
    phone: str = ""

    def is_empty(self) -> bool:
        return not any(v.strip() for v in (self.name_or_nickname, self.description, self.vehicle, self.phone))


@dataclass(frozen=True, slots=True)
class PlaceRow:
    name: str = ""
    details: str = ""

    def is_empty(self) -> bool:
        return not (self.name.strip() or self.details.strip())


@dataclass(frozen=True, slots=True)
class Entry:
    """What the recorder has typed so far, as typed (dates are still text)."""

    immediate_danger: bool | None = None
    choose_existing: bool = False  # DSL mode: the child is already on file
    existing_child_id: int | None = None
    existing_child_label: str = ""
    first_name: str = ""
    last_name: str = ""
    known_as: str = ""
    dob_text: str = ""
    age_text: str = ""
    year_group: str = ""
    gender: str = ""
    date_text: str = ""
    time_text: str = ""
    location: str = ""
    account: str = ""
    childs_words: str = ""
    others_present: str = ""
    action_taken: str = ""
    category_ids: tuple[str, ...] = ()  # the kind of concern (forms/categories.toml), if the recorder knows it
    more_detail: bool = False  # the recorder chose to add signs, other children, adults and places
    sign_ids: tuple[str, ...] = ()
    other_children: tuple[ChildRow, ...] = ()
    adults: tuple[AdultRow, ...] = ()
    places: tuple[PlaceRow, ...] = ()
    about_adult_working_with_children: bool | None = None
    group_or_community: bool | None = None
    dont_know: tuple[str, ...] = ()  # questions answered "Don't know" (Q_ADULT_AT_WORK, Q_GROUP)
    recorder_name: str = ""
    recorder_role: str = ""
    declaration: bool = False
    started_at: datetime | None = None


_DATE_PATTERNS = (
    re.compile(r"^(?P<d>\d{1,2})[/.\- ](?P<m>\d{1,2})[/.\- ](?P<y>\d{4})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
)
_TIME_PATTERN = re.compile(r"^(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>am|pm)?$", re.IGNORECASE)
_TIME_COMPACT = re.compile(r"^(?P<h>\d{2})(?P<m>\d{2})$")


def parse_date(text: str) -> date | None:
    """A date typed as 28/11/2026 (also 28-11-2026, 28.11.2026 or 2026-11-28); None if it is not one."""
    value = text.strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.match(value)
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                return None
    return None


def parse_time(text: str) -> time | None:
    """A time typed as 14:30, 1430, 2.30pm or 2pm; None if it is not one."""
    value = text.strip()
    match = _TIME_COMPACT.match(value) or _TIME_PATTERN.match(value)
    if not match:
        return None
    hour, minute = int(match["h"]), int(match["m"] or 0)
    ampm = (match.groupdict().get("ampm") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def parse_age(text: str) -> int | None:
    value = text.strip().lower().removesuffix("years").removesuffix("year").strip()
    return int(value) if re.fullmatch(r"\d{1,3}", value) else None


def clean_name(text: str) -> str:
    """Names in any script: kept as typed, composed (NFC) so the same name always compares equal."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def is_blank(entry: Entry) -> bool:
    """Nothing typed or chosen yet (no draft is written for a wizard opened and closed again)."""
    return replace(entry, started_at=None) == Entry()


def happened_at(entry: Entry) -> datetime | None:
    day, at = parse_date(entry.date_text), parse_time(entry.time_text)
    if day is None or at is None:
        return None
    return datetime.combine(day, at)


def age_on(dob: date, on: date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def child_age(entry: Entry, on: date) -> int | None:
    dob = parse_date(entry.dob_text)
    if dob is not None:
        return age_on(dob, on)
    return parse_age(entry.age_text)
