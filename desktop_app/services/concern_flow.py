"""The concern wizard as plain data: its pages in order, what each page needs, and what it should tell the recorder.

No Qt here. The wizard's widgets fill an ``Entry`` (raw text as typed), ask ``check_page`` for problems to show by
each field, ``notices`` for the advice to show (ring 999 now, LADO, police 101, over 18), and ``to_draft`` turns the
entry into the ``ConcernDraft`` that is sealed or stored.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from desktop_app.domain.enums import ChildRole, RouteId
from desktop_app.domain.records import AdultOfConcern, ChildDetails, ConcernDraft, OtherChild, Place
from desktop_app.errors import FieldProblem

MAX_TEXT = 100_000  # an account, the child's words: long enough for anything a person would type
MAX_SHORT = 300  # names, roles, a place, a phone number
ADULT_AGE = 18


class Mode(enum.StrEnum):
    STAFF = "staff"  # from the lock screen: no account, sealed, cannot be read back
    DSL = "dsl"  # from inside the app with an unlocked vault


class Page(enum.StrEnum):
    SAFETY = "safety"
    CHILD = "child"
    HAPPENED = "happened"
    SIGNS = "signs"
    OTHERS = "others"
    ROUTES = "routes"
    RECORDER = "recorder"
    REVIEW = "review"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class PageSpec:
    page: Page
    title: str
    subtitle: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec(Page.SAFETY, "Safety first", "Is the child in immediate danger right now?"),
    PageSpec(Page.CHILD, "The child", "Who is this concern about?"),
    PageSpec(Page.HAPPENED, "What happened", "Write what you saw or heard. Use the child's own words where you can."),
    PageSpec(Page.SIGNS, "Signs you noticed", "Tick any that apply. None is required: leave them all if unsure."),
    PageSpec(Page.OTHERS, "Others involved", "Other children, adults of concern and places. Leave empty if none."),
    PageSpec(Page.ROUTES, "Adults and groups", "Two questions that decide who else must be told."),
    PageSpec(Page.RECORDER, "About you", "Who is recording this concern."),
    PageSpec(Page.REVIEW, "Check and send", "Read it through. Go back to change anything, then send it."),
    PageSpec(Page.DONE, "Sent", "Now tell your Designated Safeguarding Lead."),
)


def spec(page: Page) -> PageSpec:
    return next(s for s in PAGES if s.page is page)


def next_page(page: Page) -> Page | None:
    order = [s.page for s in PAGES]
    index = order.index(page)
    return order[index + 1] if index + 1 < len(order) else None


def previous_page(page: Page) -> Page | None:
    order = [s.page for s in PAGES]
    index = order.index(page)
    return order[index - 1] if index > 0 and page is not Page.DONE else None


# Field ids: the wizard puts each problem's sentence beside the widget with this id.
F_DANGER = "safety.immediate_danger"
F_CHILD = "child.existing"
F_FIRST_NAME = "child.first_name"
F_LAST_NAME = "child.last_name"
F_KNOWN_AS = "child.known_as"
F_DOB = "child.date_of_birth"
F_AGE = "child.age"
F_YEAR = "child.year_group"
F_GENDER = "child.gender"
F_DATE = "happened.date"
F_TIME = "happened.time"
F_LOCATION = "happened.location"
F_ACCOUNT = "happened.account"
F_WORDS = "happened.childs_words"
F_PRESENT = "happened.others_present"
F_ACTION = "happened.action_taken"
F_ADULT_AT_WORK = "routes.adult_working_with_children"
F_GROUP = "routes.group_or_community"
F_RECORDER_NAME = "recorder.name"
F_RECORDER_ROLE = "recorder.role"
F_DECLARATION = "recorder.declaration"


def row_field(kind: str, index: int, part: str) -> str:
    """Field id of one cell in a repeating row, e.g. ``others.children.0.name``."""
    return f"others.{kind}.{index}.{part}"


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
    sign_ids: tuple[str, ...] = ()
    other_children: tuple[ChildRow, ...] = ()
    adults: tuple[AdultRow, ...] = ()
    places: tuple[PlaceRow, ...] = ()
    about_adult_working_with_children: bool | None = None
    group_or_community: bool | None = None
    recorder_name: str = ""
    recorder_role: str = ""
    declaration: bool = False
    started_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class RouteContact:
    """A number to ring, from the forms' contacts (never hard-coded)."""

    title: str
    phone: str
    when_to_use: str = ""


RouteContacts = Mapping[RouteId, RouteContact]


@dataclass(frozen=True, slots=True)
class Notice:
    """Advice shown on a page; ``urgent`` ones (ring 999) are shown first and loudest."""

    key: str
    text: str
    urgent: bool = False


# ---------------------------------------------------------------------------------------------------------------
# Parsing what was typed


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


def child_age(entry: Entry, on: date) -> int | None:
    dob = parse_date(entry.dob_text)
    if dob is not None:
        return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))
    return parse_age(entry.age_text)


# ---------------------------------------------------------------------------------------------------------------
# Checks: blocking problems, one clear sentence each, keyed by field


def _too_long(field_id: str, text: str, limit: int) -> FieldProblem | None:
    if len(text) <= limit:
        return None
    return FieldProblem(
        field_id,
        f"This is {len(text):,} characters long; the most it can hold is {limit:,}. "
        "Shorten it, or tell your DSL the rest in person.",
    )


def _required(field_id: str, text: str, sentence: str) -> FieldProblem | None:
    return None if text.strip() else FieldProblem(field_id, sentence)


def _check_child(entry: Entry, mode: Mode, now: datetime) -> list[FieldProblem]:
    out: list[FieldProblem | None] = []
    if mode is Mode.DSL and entry.choose_existing:
        if entry.existing_child_id is None:
            return [
                FieldProblem(F_CHILD, "Search for the child and choose them from the list, or choose 'A new child'.")
            ]
        return []
    if not entry.first_name.strip() and not entry.known_as.strip():
        out.append(FieldProblem(F_FIRST_NAME, "Enter the child's first name (or the name they are known by)."))
    for fid, text in (
        (F_FIRST_NAME, entry.first_name),
        (F_LAST_NAME, entry.last_name),
        (F_KNOWN_AS, entry.known_as),
        (F_YEAR, entry.year_group),
        (F_GENDER, entry.gender),
    ):
        out.append(_too_long(fid, text, MAX_SHORT))
    if entry.dob_text.strip():
        dob = parse_date(entry.dob_text)
        if dob is None:
            out.append(FieldProblem(F_DOB, "Enter the date of birth as day/month/year, for example 14/03/2012."))
        elif dob > now.date():
            out.append(FieldProblem(F_DOB, "The date of birth is in the future. Check the year."))
    if entry.age_text.strip():
        age = parse_age(entry.age_text)
        if age is None:
            out.append(FieldProblem(F_AGE, "Enter the age in whole years, for example 14."))
        elif age > 25:
            out.append(FieldProblem(F_AGE, "That age is too high for a child or young person. Check the number."))
    return [p for p in out if p]


def _check_happened(entry: Entry, now: datetime) -> list[FieldProblem]:
    out: list[FieldProblem | None] = []
    day = parse_date(entry.date_text)
    if not entry.date_text.strip():
        out.append(FieldProblem(F_DATE, "Enter the date it happened (your best estimate is fine)."))
    elif day is None:
        out.append(FieldProblem(F_DATE, "Enter the date as day/month/year, for example 28/11/2026."))
    elif day > now.date():
        out.append(FieldProblem(F_DATE, "This date is in the future. Enter the day it happened."))
    at = parse_time(entry.time_text)
    if not entry.time_text.strip():
        out.append(FieldProblem(F_TIME, "Enter the time it happened, for example 14:30 (your best estimate is fine)."))
    elif at is None:
        out.append(FieldProblem(F_TIME, "Enter the time as hours and minutes, for example 14:30."))
    elif day is not None and day == now.date() and at > now.time():
        out.append(FieldProblem(F_TIME, "This time is later than now. Enter when it happened."))
    dob = parse_date(entry.dob_text)
    if day is not None and dob is not None and dob <= now.date() and day < dob:
        out.append(FieldProblem(F_DATE, "This date is before the child's date of birth. Check both dates."))
    out.append(_required(F_ACCOUNT, entry.account, "Write what you saw or heard. A few plain sentences are enough."))
    for fid, text in (
        (F_ACCOUNT, entry.account),
        (F_WORDS, entry.childs_words),
        (F_PRESENT, entry.others_present),
        (F_ACTION, entry.action_taken),
    ):
        out.append(_too_long(fid, text, MAX_TEXT))
    out.append(_too_long(F_LOCATION, entry.location, MAX_SHORT * 3))
    return [p for p in out if p]


def _check_others(entry: Entry) -> list[FieldProblem]:
    out: list[FieldProblem | None] = []
    for i, child in enumerate(entry.other_children):
        if child.is_empty():
            continue
        if not child.name.strip():
            out.append(FieldProblem(row_field("children", i, "name"), "Give this child's name, or remove the row."))
        if child.role is None:
            out.append(
                FieldProblem(
                    row_field("children", i, "role"),
                    "Choose this child's role: possible victim, possible perpetrator, witness or other.",
                )
            )
        out.append(_too_long(row_field("children", i, "name"), child.name, MAX_SHORT))
        out.append(_too_long(row_field("children", i, "details"), child.details, MAX_TEXT))
    for i, adult in enumerate(entry.adults):
        if adult.is_empty():
            continue
        if not (adult.name_or_nickname.strip() or adult.description.strip()):
            out.append(
                FieldProblem(
                    row_field("adults", i, "name"),
                    "Give a name, a nickname or a description of this adult, or remove the row.",
                )
            )
        for part, text in (("name", adult.name_or_nickname), ("vehicle", adult.vehicle), ("phone", adult.phone)):
            out.append(_too_long(row_field("adults", i, part), text, MAX_SHORT))
        out.append(_too_long(row_field("adults", i, "description"), adult.description, MAX_TEXT))
    for i, place in enumerate(entry.places):
        if place.is_empty():
            continue
        if not place.name.strip():
            out.append(FieldProblem(row_field("places", i, "name"), "Say where this place is, or remove the row."))
        out.append(_too_long(row_field("places", i, "name"), place.name, MAX_SHORT * 3))
        out.append(_too_long(row_field("places", i, "details"), place.details, MAX_TEXT))
    return [p for p in out if p]


def _check_recorder(entry: Entry) -> list[FieldProblem]:
    out: list[FieldProblem | None] = [
        _required(F_RECORDER_NAME, entry.recorder_name, "Enter your name so the DSL can talk to you."),
        _required(F_RECORDER_ROLE, entry.recorder_role, "Enter your role, for example 'Year 9 tutor'."),
        _too_long(F_RECORDER_NAME, entry.recorder_name, MAX_SHORT),
        _too_long(F_RECORDER_ROLE, entry.recorder_role, MAX_SHORT),
    ]
    if not entry.declaration:
        out.append(FieldProblem(F_DECLARATION, "Tick the box to confirm this record is accurate."))
    return [p for p in out if p]


def check_page(page: Page, entry: Entry, *, mode: Mode, now: datetime) -> list[FieldProblem]:
    """Problems that stop the recorder leaving ``page``; empty when it may go on."""
    if page is Page.SAFETY:
        if entry.immediate_danger is None:
            return [FieldProblem(F_DANGER, "Answer yes or no: is the child in immediate danger?")]
        return []
    if page is Page.CHILD:
        return _check_child(entry, mode, now)
    if page is Page.HAPPENED:
        return _check_happened(entry, now)
    if page is Page.OTHERS:
        return _check_others(entry)
    if page is Page.ROUTES:
        out = []
        if entry.about_adult_working_with_children is None:
            out.append(
                FieldProblem(F_ADULT_AT_WORK, "Answer yes or no: is this about an adult who works with children?")
            )
        if entry.group_or_community is None:
            out.append(FieldProblem(F_GROUP, "Answer yes or no: is this about a group or a community?"))
        return out
    if page is Page.RECORDER:
        return _check_recorder(entry)
    if page is Page.REVIEW:
        return [
            p
            for spec_ in PAGES
            if spec_.page not in (Page.REVIEW, Page.DONE)
            for p in check_page(spec_.page, entry, mode=mode, now=now)
        ]
    return []


def check_all(entry: Entry, *, mode: Mode, now: datetime) -> dict[Page, list[FieldProblem]]:
    """Every page with problems, in page order (the review page lists them with a way back)."""
    found = {
        s.page: check_page(s.page, entry, mode=mode, now=now) for s in PAGES if s.page not in (Page.REVIEW, Page.DONE)
    }
    return {page: problems for page, problems in found.items() if problems}


def first_page_with_problems(entry: Entry, *, mode: Mode, now: datetime) -> Page | None:
    return next(iter(check_all(entry, mode=mode, now=now)), None)


# ---------------------------------------------------------------------------------------------------------------
# Notices: advice the recorder must see, numbers from the forms' contacts


def _ring(contact: RouteContact | None, fallback: str) -> str:
    if contact is None or not contact.phone:
        return fallback
    return f"{contact.title}: ring {contact.phone}"


def notices(page: Page, entry: Entry, *, now: datetime, contacts: RouteContacts) -> list[Notice]:
    out: list[Notice] = []
    if page in (Page.SAFETY, Page.REVIEW, Page.DONE) and entry.immediate_danger:
        emergency = contacts.get(RouteId.EMERGENCY_999)
        number = emergency.phone if emergency and emergency.phone else "the emergency services"
        text = (
            f"Ring {number} now, before you write anything else. When the call is done, come back and carry on: "
            "this record stays open."
            if page is Page.SAFETY
            else f"You said the child is in immediate danger. If nobody has rung {number} yet, ring now."
        )
        out.append(Notice("immediate_danger", text, urgent=True))
    if page in (Page.CHILD, Page.REVIEW):
        age = child_age(entry, now.date())
        if age is not None and age >= ADULT_AGE:
            out.append(
                Notice(
                    "over_18",
                    f"This makes the young person {age}. The guidance covers children under 18. "
                    "You can still record this concern: your DSL will decide what to do.",
                )
            )
    if page in (Page.ROUTES, Page.REVIEW, Page.DONE) and entry.about_adult_working_with_children:
        lado = contacts.get(RouteId.LADO)
        out.append(
            Notice(
                "lado",
                "A concern about an adult who works with children (paid or unpaid) goes to the Local Authority "
                "Designated Officer (LADO). Your DSL makes that referral with a LADO request form; tell them today. "
                + (f"({_ring(lado, '')}.)" if lado and lado.phone else ""),
            )
        )
    if page in (Page.ROUTES, Page.REVIEW, Page.DONE) and entry.group_or_community:
        police = contacts.get(RouteId.POLICE_101)
        number = police.phone if police and police.phone else "the police non-emergency number"
        out.append(
            Notice(
                "police_101",
                f"A concern about a group or community can be reported to the police on {number}. "
                "You or your DSL can ring; tell your DSL either way.",
            )
        )
    return out


# ---------------------------------------------------------------------------------------------------------------
# Entry ↔ draft


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
        age_years=None if dob else parse_age(entry.age_text),
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
        sign_ids=draft.sign_ids,
        other_children=tuple(ChildRow(c.name, c.role, c.details) for c in draft.other_children),
        adults=tuple(AdultRow(a.name_or_nickname, a.description, a.vehicle, a.phone) for a in draft.adults),
        places=tuple(PlaceRow(p.name, p.details) for p in draft.places),
        about_adult_working_with_children=draft.about_adult_working_with_children,
        group_or_community=draft.group_or_community,
        recorder_name=draft.recorder_name,
        recorder_role=draft.recorder_role,
        declaration=False,  # a resumed record is declared afresh
    )


# ---------------------------------------------------------------------------------------------------------------
# Review


@dataclass(frozen=True, slots=True)
class ReviewSection:
    page: Page
    title: str
    rows: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def _yes_no(value: bool | None) -> str:
    return {True: "Yes", False: "No", None: "Not answered"}[value]


def review(entry: Entry, *, sign_texts: Mapping[str, str] | None = None) -> tuple[ReviewSection, ...]:
    """Everything entered, page by page, as label/value pairs in plain English."""
    sign_texts = sign_texts or {}
    details = child_details(entry)
    if entry.choose_existing:
        child_rows: list[tuple[str, str]] = [("Child on file", entry.existing_child_label or "Chosen from the list")]
    else:
        child_rows = [
            ("Name", details.display_name if details else ""),
            ("Date of birth", entry.dob_text.strip()),
            ("Age", entry.age_text.strip() if not entry.dob_text.strip() else ""),
            ("Year group", entry.year_group.strip()),
            ("Gender", entry.gender.strip()),
        ]
    when = happened_at(entry)
    sections = [
        ReviewSection(Page.SAFETY, "Safety", (("In immediate danger", _yes_no(entry.immediate_danger)),)),
        ReviewSection(Page.CHILD, "The child", tuple(r for r in child_rows if r[1])),
        ReviewSection(
            Page.HAPPENED,
            "What happened",
            tuple(
                r
                for r in (
                    (
                        "When",
                        when.strftime("%d/%m/%Y at %H:%M") if when else f"{entry.date_text} {entry.time_text}".strip(),
                    ),
                    ("Where", entry.location.strip()),
                    ("What was seen or heard", entry.account),
                    (
                        "The child's own words (verbatim)",
                        f"“{entry.childs_words}”" if entry.childs_words.strip() else "",
                    ),
                    ("Who else was present", entry.others_present),
                    ("What you did", entry.action_taken),
                )
                if r[1].strip()
            ),
        ),
        ReviewSection(
            Page.SIGNS,
            "Signs noticed",
            tuple(("Sign", sign_texts.get(sign_id, sign_id)) for sign_id in entry.sign_ids)
            or (("Signs", "None ticked"),),
        ),
        ReviewSection(
            Page.OTHERS,
            "Others involved",
            tuple(
                [
                    (f"Child ({c.role.label if c.role else 'role not chosen'})", _join(c.name, c.details))
                    for c in entry.other_children
                    if not c.is_empty()
                ]
                + [
                    (
                        "Adult of concern",
                        _join(
                            a.name_or_nickname,
                            a.description,
                            a.vehicle and f"vehicle: {a.vehicle}",
                            a.phone and f"phone: {a.phone}",
                        ),
                    )
                    for a in entry.adults
                    if not a.is_empty()
                ]
                + [("Place", _join(p.name, p.details)) for p in entry.places if not p.is_empty()]
            )
            or (("Others", "None named"),),
        ),
        ReviewSection(
            Page.ROUTES,
            "Adults and groups",
            (
                ("About an adult who works with children", _yes_no(entry.about_adult_working_with_children)),
                ("About a group or community", _yes_no(entry.group_or_community)),
            ),
        ),
        ReviewSection(
            Page.RECORDER,
            "Recorded by",
            tuple(
                r
                for r in (
                    ("Name", clean_name(entry.recorder_name)),
                    ("Role", entry.recorder_role.strip()),
                    ("Declaration", "Confirmed accurate" if entry.declaration else "Not yet confirmed"),
                )
                if r[1]
            ),
        ),
    ]
    return tuple(sections)


def _join(*parts: str) -> str:
    return " — ".join(p.strip() for p in parts if p and p.strip())
