"""The records a DSL keeps: children, concerns, screenings, decisions, referrals and addenda.

These values cross every layer. The store keeps each record's body as JSON made by ``domain.codec`` (inside the
encrypted database), with indexed columns beside it for the lists a dashboard needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from desktop_app.domain.child import ContactPerson, HouseholdMember, SenStatus, is_adult
from desktop_app.domain.enums import (
    AddendumTarget,
    AnswerStatus,
    Basis,
    ChildRole,
    ConcernStatus,
    RiskLevel,
    Role,
    RouteId,
    When,
)


@dataclass(frozen=True, slots=True)
class Actor:
    """Who did something. Staff recording from the lock screen have no user id."""

    name: str
    role: str
    user_id: str | None = None

    @property
    def role_label(self) -> str:
        """The role as a reader says it: "Designated Safeguarding Lead", not "dsl"; a staff role as typed."""
        try:
            return Role(self.role).label
        except ValueError:
            return self.role


@dataclass(frozen=True, slots=True)
class User:
    user_id: str
    name: str
    role: Role


@dataclass(frozen=True, slots=True)
class ChildDetails:
    first_name: str
    last_name: str
    known_as: str = ""
    date_of_birth: date | None = None
    age_years: int | None = None  # when the date of birth is not known
    year_group: str = ""
    gender: str = ""
    address: str = ""
    parental_responsibility: str = ""
    other_agencies: str = ""
    social_worker: str = ""  # allocated social worker's name and contact, if any
    learning_disability: bool = False  # the screening's fact; derived from ``needs`` when the child file sets them
    # The child file (issue 11). Every one optional; changed only by a new version with a reason. The one-line
    # ``social_worker``, ``other_agencies`` and ``parental_responsibility`` above stay filled from the structured
    # values below (services.child.details), so older readers keep working.
    other_names: tuple[str, ...] = ()  # further names the child is known by: nicknames, names used online
    latin_name: str = ""  # the name in English letters when it is written in another script
    ethnicity: str = ""
    first_language: str = ""
    interpreter_needed: bool | None = None
    religion: str = ""
    sen_status: SenStatus | None = None
    needs: tuple[str, ...] = ()  # SEN and disability ids from forms/child_details.toml ("mld", "asd", …)
    disabilities: str = ""  # disabilities, health and care needs in the DSL's words
    gp: ContactPerson | None = None
    nhs_number: str = ""  # ten digits, written 3-3-4; checked by domain.identifiers
    upn: str = ""  # unique pupil number, 13 characters; checked by domain.identifiers
    household: tuple[HouseholdMember, ...] = ()  # who the child lives with, and brothers and sisters
    carers: tuple[ContactPerson, ...] = ()  # parents and carers, each with parental responsibility or not
    allocated_social_worker: ContactPerson | None = None
    agencies: tuple[ContactPerson, ...] = ()  # other agencies involved (organisation + worker)

    @property
    def siblings(self) -> tuple[HouseholdMember, ...]:
        return tuple(m for m in self.household if m.sibling)

    @property
    def with_parental_responsibility(self) -> tuple[ContactPerson, ...]:
        return tuple(c for c in self.carers if c.parental_responsibility)

    def is_adult_on(self, day: date) -> bool:
        """18 or over on ``day``: adult routes differ, and documents must not call them a child without comment."""
        return is_adult(self.age_on(day))

    @property
    def sort_names(self) -> tuple[str, str]:
        """(first, last) to put the child in a list: the English-letter spelling for a name in another script."""
        if self.latin_name.strip() and not any("a" <= c <= "z" for c in self.last_name.casefold()):
            *given, family = self.latin_name.split()
            return " ".join(given), family
        return self.first_name, self.last_name

    @property
    def all_names(self) -> tuple[str, ...]:
        """Every name the child is searched by: given, family, known as, other names and the English-letter spelling."""
        return tuple(
            n for n in (self.first_name, self.last_name, self.known_as, *self.other_names, self.latin_name) if n.strip()
        )

    @property
    def full_name(self) -> str:
        """The name in the order its own culture writes it: family name first, unspaced, for Chinese, Japanese
        and Korean names written in their scripts; given name first otherwise."""
        if self.first_name and self.last_name and _family_name_first(self.first_name + self.last_name):
            return f"{self.last_name}{self.first_name}"
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def display_name(self) -> str:
        known = f" ({self.known_as})" if self.known_as and self.known_as != self.first_name else ""
        return f"{self.full_name}{known}"

    def age_on(self, day: date) -> int | None:
        if self.date_of_birth is None:
            return self.age_years
        dob = self.date_of_birth
        return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def _family_name_first(text: str) -> bool:
    """True when every letter is Han, kana or Hangul (scripts whose names put the family name first)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(
        "\u3040" <= c <= "\u30ff"  # hiragana, katakana
        or "\u3400" <= c <= "\u9fff"  # CJK ideographs
        or "\uac00" <= c <= "\ud7af"  # Hangul syllables
        or "\uf900" <= c <= "\ufaff"  # CJK compatibility ideographs
        for c in letters
    )


@dataclass(frozen=True, slots=True)
class Child:
    child_id: int
    details: ChildDetails
    created_at: datetime


@dataclass(frozen=True, slots=True)
class OtherChild:
    name: str
    role: ChildRole
    details: str = ""


@dataclass(frozen=True, slots=True)
class AdultOfConcern:
    name_or_nickname: str
    description: str = ""
    vehicle: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    details: str = ""


@dataclass(frozen=True, slots=True)
class ConcernDraft:
    """Everything the staff wizard collects. Half-filled while drafting; validated by the intake service."""

    immediate_danger: bool | None = None
    child: ChildDetails | None = None
    existing_child_id: int | None = None  # set when the DSL picks a child already on file
    happened_at: datetime | None = None
    location: str = ""
    account: str = ""  # what was seen or heard
    childs_words: str = ""  # the child's own words, verbatim
    others_present: str = ""
    action_taken: str = ""
    category_ids: tuple[str, ...] = ()
    sign_ids: tuple[str, ...] = ()  # screening item ids ticked at the quick-pick
    other_children: tuple[OtherChild, ...] = ()
    adults: tuple[AdultOfConcern, ...] = ()
    places: tuple[Place, ...] = ()
    about_adult_working_with_children: bool | None = None
    group_or_community: bool | None = None
    recorder_name: str = ""
    recorder_role: str = ""
    recorded_at: datetime | None = None
    declaration: bool = False
    dont_know: tuple[str, ...] = ()  # names of the yes/no questions above answered "Don't know"


def answer_text(draft: ConcernDraft, question: str) -> str:
    """A yes/no question of the concern as a person reads it: Yes, No, Don't know or Not answered."""
    value = getattr(draft, question)
    if value is None:
        return "Don't know" if question in draft.dont_know else "Not answered"
    return "Yes" if value else "No"


@dataclass(frozen=True, slots=True)
class Concern:
    concern_id: int
    reference: str  # e.g. "WM-2026-00042", shown to staff and printed
    child_id: int
    draft: ConcernDraft
    submitted_at: datetime
    sealed: bool  # recorded from the lock screen and imported
    status: ConcernStatus  # moves are events, never edits of the concern


@dataclass(frozen=True, slots=True)
class Addendum:
    """A correction or addition to a submitted record: the original is never changed."""

    addendum_id: int
    object_kind: AddendumTarget
    object_id: int
    author: Actor
    written_at: datetime
    reason: str
    change: str  # what changed, in the author's words


@dataclass(frozen=True, slots=True)
class AnsweredItem:
    """One answer with the item text as it was shown, so a record prints as completed after the form changes."""

    item_id: str
    section_id: str
    section_title: str
    text: str
    status: AnswerStatus
    when: When | None = None
    basis: Basis | None = None
    note: str = ""
    significant: bool = False


@dataclass(frozen=True, slots=True)
class Decision:
    suggested_level: RiskLevel
    suggested_reasons: tuple[str, ...]
    confirmed_level: RiskLevel
    override_reason: str
    childs_wishes: str
    parents_views: str
    parents_told: bool
    parents_not_told_reason: str
    danger_statement: str
    safety_goal: str
    routes: tuple[RouteId, ...]
    review_date: date
    actions: str = ""
    # The kinds of concern (forms/categories.toml ids) the DSL confirmed or changed; None in a screening saved before
    # the DSL was asked, where the recorder's ticks stand.
    category_ids: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class ScreeningRecord:
    screening_id: int
    concern_id: int
    child_id: int
    definition_id: str
    definition_version: str
    definition_hash: str
    answers: tuple[AnsweredItem, ...]
    decision: Decision
    completed_by: Actor
    completed_at: datetime


@dataclass(frozen=True, slots=True)
class ReferralRequest:
    """What the school asked the agency for, and consent, as recorded with a referral contact (ids of
    forms/referral_requests.toml). A referral recorded before these were asked has none."""

    asks: tuple[str, ...] = ()  # request ids, in the order of the forms file
    asks_other: str = ""  # anything else asked for, in the DSL's words
    consent: str = ""  # a consent id: sought and given, sought and refused, not sought
    consent_note: str = ""  # what the family said when they refused, or why consent was not sought
    parents_told: bool | None = None  # whether the parents or carers know of this referral
    parents_not_told_reason: str = ""


@dataclass(frozen=True, slots=True)
class ReferralEntry:
    referral_id: int
    concern_id: int
    route: RouteId
    contacted_name: str
    contacted_at: datetime
    reference: str
    outcome: str
    confirmation_due: date | None
    confirmation_sent: date | None
    recorded_by: Actor
    recorded_at: datetime
    request: ReferralRequest | None = None  # None: recorded before the request and consent were asked


@dataclass(frozen=True, slots=True, order=True)
class Closure:
    """Days the setting is closed besides weekends and bank holidays (an INSET day, a half term): first to last."""

    first: date
    last: date
    note: str = ""

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True, slots=True)
class Setting:
    """The school or college, with the referrer's details a social worker calls back (documents) and its closures."""

    name: str
    address: str = ""
    phone: str = ""
    dsl_name: str = ""
    dsl_phone: str = ""
    dsl_email: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    dsl_role: str = ""  # as it should print, e.g. "Designated Safeguarding Lead, Deputy Head"
    closures: tuple[Closure, ...] = ()  # oldest first
