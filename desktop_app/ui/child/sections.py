"""The sections of a child's file, as data: each room fills its own entry's ``factory`` when its section exists.

A section is a tab of the child's file. ``factory`` is ``"package.module:callable"`` taking ``(session, child_id,
host)`` and returning the section's widget; it is imported only when the file opens. An entry whose factory is
empty is not shown (never a placeholder tab). The widget may have ``refresh()``: the file calls it after any record
changes (``ui.models.record_events().changed``) and when the tab is shown again.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SectionFactory = Callable[[Any, int, Any], Any]


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str  # the tab's text; Alt + the underlined letter opens it
    description: str  # said by a screen reader
    factory: str = ""


SECTIONS: tuple[Section, ...] = (
    Section(
        "details",
        "&Details",
        "The child's details: family, needs, professionals, and every change to them.",
        "desktop_app.ui.child.details_view:DetailsSection",
    ),
    Section(
        "chronology",
        "C&hronology",
        "Every concern, screening, referral and change, in date order.",
        "desktop_app.ui.child.chronology_view:ChronologySection",
    ),
    # The connections room: linked children, adults of concern and places, and the diagram.
    Section(
        "connections",
        "Co&nnections",
        "Other children, adults and places linked to this child.",
        "desktop_app.ui.connections.section:connections_section",
    ),
    # The connections room: missing episodes.
    Section(
        "missing",
        "&Missing episodes",
        "When the child went missing, where they were found, who was told.",
        "desktop_app.ui.connections.missing:missing_section",
    ),
    # The transfer room: transfer to a new setting and the retention date.
    Section(
        "transfer",
        "&Transfer and retention",
        "Sending the file to a new setting; how long it is kept.",
        "desktop_app.ui.transfer.child_section:transfer_section",
    ),
)

_registered: dict[str, SectionFactory] = {}


def register(key: str, factory: SectionFactory) -> None:
    """Give a section its widget at run time (tests); wins over the entry's own ``factory``."""
    if key not in {s.key for s in SECTIONS}:
        raise KeyError(f"no child file section {key!r}")
    _registered[key] = factory


def unregister(key: str) -> None:
    _registered.pop(key, None)


def factory_of(section: Section) -> SectionFactory | None:
    if section.key in _registered:
        return _registered[section.key]
    if not section.factory:
        return None
    module, _, name = section.factory.partition(":")
    found: SectionFactory = getattr(importlib.import_module(module), name)
    return found


def shown() -> list[tuple[Section, SectionFactory]]:
    """The sections that exist, in order."""
    return [(s, f) for s in SECTIONS if (f := factory_of(s)) is not None]
