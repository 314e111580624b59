"""The wizard's ``Entry`` turned into the ``ConcernDraft`` that is sealed or stored, and back to resume a draft."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from desktop_app.domain.enums import ChildRole
from desktop_app.domain.records import AdultOfConcern, ChildDetails, ConcernDraft, OtherChild, Place
from desktop_app.services.concern.entry import (
    AdultRow,
    ChildRow,
    Entry,
    PlaceRow,
    clean_name,
    happened_at,
    parse_age,
    parse_date,
)


def child_details(entry: Entry) -> ChildDetails | None:
    if entry.choose_existing:
        return None
    if not any(v.strip() for v in (entry.first_name, entry.last_name, entry.known_as, entry.dob_text, entry.age_text)):
        return None
    dob = parse_date(entry.dob_text)
    return ChildDetails(
        first_name=clean_name(entry.first_name) or clean_name(entry.known_as),
        last_name=clean_name(entry.last_name),
        known_as=clean_name(entry.known_as),
        date_of_birth=dob,
        age_years=None if dob else parse_age(entry.age_text),  # the checks refuse an age the date disagrees with
        year_group=entry.year_group.strip(),
        gender=entry.gender.strip(),
    )


def to_draft(entry: Entry, *, recorded_at: datetime | None = None) -> ConcernDraft:
    """The draft as far as it goes; text that does not parse (a half-typed date) is in ``unparsed``."""
    return ConcernDraft(
        immediate_danger=entry.immediate_danger,
        child=child_details(entry),
        existing_child_id=entry.existing_child_id if entry.choose_existing else None,
        happened_at=happened_at(entry),
        location=entry.location.strip(),
        account=entry.account,
        childs_words=entry.childs_words,
        others_present=entry.others_present,
        action_taken=entry.action_taken,
        category_ids=tuple(entry.category_ids),
        sign_ids=tuple(entry.sign_ids),
        other_children=tuple(
            OtherChild(clean_name(c.name), c.role or ChildRole.OTHER, c.details)
            for c in entry.other_children
            if not c.is_empty()
        ),
        adults=tuple(
            AdultOfConcern(clean_name(a.name_or_nickname), a.description, a.vehicle.strip(), a.phone.strip())
            for a in entry.adults
            if not a.is_empty()
        ),
        places=tuple(Place(p.name.strip(), p.details) for p in entry.places if not p.is_empty()),
        about_adult_working_with_children=entry.about_adult_working_with_children,
        group_or_community=entry.group_or_community,
        recorder_name=clean_name(entry.recorder_name),
        recorder_role=entry.recorder_role.strip(),
        recorded_at=recorded_at,
        declaration=entry.declaration,
        dont_know=tuple(q for q in entry.dont_know if getattr(entry, q, True) is None),
    )


def unparsed(entry: Entry) -> dict[str, str]:
    """Raw text kept beside a sealed draft so nothing typed is lost, even a date that did not parse."""
    raw = {
        "dob_text": entry.dob_text,
        "age_text": entry.age_text,
        "date_text": entry.date_text,
        "time_text": entry.time_text,
        "existing_child_label": entry.existing_child_label,
    }
    return {k: v for k, v in raw.items() if v}


def from_draft(draft: ConcernDraft, raw: Mapping[str, str] | None = None) -> Entry:
    """Rebuild an entry to resume a draft (DSL mode)."""
    raw = raw or {}
    child = draft.child
    at = draft.happened_at
    return Entry(
        immediate_danger=draft.immediate_danger,
        choose_existing=draft.existing_child_id is not None,
        existing_child_id=draft.existing_child_id,
        existing_child_label=raw.get("existing_child_label", ""),
        first_name=child.first_name if child else "",
        last_name=child.last_name if child else "",
        known_as=child.known_as if child else "",
        dob_text=raw.get("dob_text")
        or (child.date_of_birth.strftime("%d/%m/%Y") if child and child.date_of_birth else ""),
        age_text=raw.get("age_text") or (str(child.age_years) if child and child.age_years is not None else ""),
        year_group=child.year_group if child else "",
        gender=child.gender if child else "",
        date_text=raw.get("date_text") or (at.strftime("%d/%m/%Y") if at else ""),
        time_text=raw.get("time_text") or (at.strftime("%H:%M") if at else ""),
        location=draft.location,
        account=draft.account,
        childs_words=draft.childs_words,
        others_present=draft.others_present,
        action_taken=draft.action_taken,
        category_ids=draft.category_ids,
        more_detail=bool(draft.sign_ids or draft.other_children or draft.adults or draft.places),
        sign_ids=draft.sign_ids,
        other_children=tuple(ChildRow(c.name, c.role, c.details) for c in draft.other_children),
        adults=tuple(AdultRow(a.name_or_nickname, a.description, a.vehicle, a.phone) for a in draft.adults),
        places=tuple(PlaceRow(p.name, p.details) for p in draft.places),
        about_adult_working_with_children=draft.about_adult_working_with_children,
        group_or_community=draft.group_or_community,
        dont_know=draft.dont_know,
        recorder_name=draft.recorder_name,
        recorder_role=draft.recorder_role,
        declaration=False,  # a resumed record is declared afresh
    )
