"""Files kept with a concern (scanned notes, emails from the Hub, photos) and the body map of injuries seen.

A file is never edited or deleted: a wrong one is withdrawn by a further row that says why. A body map is saved whole
each time; the newest version is the one that counts and every earlier one is kept.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from desktop_app.domain.records import Actor


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """Why a file was withdrawn (attached in error, wrong child, a better copy added), by whom, when."""

    reason: str
    at: datetime
    by: Actor


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    """What is known about a kept file without reading its bytes."""

    attachment_id: int
    concern_id: int
    file_name: str
    media_type: str
    size: int
    sha256: str
    description: str
    added_at: datetime
    added_by: Actor
    withdrawal: Withdrawal | None = None

    @property
    def withdrawn(self) -> bool:
        return self.withdrawal is not None


class BodySide(enum.StrEnum):
    FRONT = "front"
    BACK = "back"

    @property
    def label(self) -> str:
        return "Front" if self is BodySide.FRONT else "Back"


@dataclass(frozen=True, slots=True)
class BodyMark:
    """Where an injury was seen: a point on the front or back outline (0..1 across, 0..1 down) and a short note."""

    side: BodySide
    x: float
    y: float
    note: str


@dataclass(frozen=True, slots=True)
class BodyMap:
    """One saved version of a concern's body map; marks are numbered 1, 2, 3… in this order."""

    concern_id: int
    version: int
    marks: tuple[BodyMark, ...]
    recorded_at: datetime
    recorded_by: Actor


def size_text(size: int) -> str:
    """A file size as people say it: "840 bytes", "12 KB", "3.4 MB"."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"
