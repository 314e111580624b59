"""The values each printed document is built from (DESIGN §7). Plain data: services fill them, reports print them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from desktop_app.domain.attachments import AttachmentInfo, BodyMap
from desktop_app.domain.concern_record import correction_target, kinds_text
from desktop_app.domain.records import (
    Actor,
    Addendum,
    Child,
    Concern,
    ReferralEntry,
    ReferralRequest,
    ScreeningRecord,
    Setting,
)


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What every page of a document carries besides its content."""

    setting_name: str
    document_id: str  # e.g. "REF-2026-00042-01"
    audit_seq: int  # the newest audit sequence when the document was made
    printed_at: datetime


class DocumentKind(enum.StrEnum):
    REFERRAL_SUMMARY = "referral_summary"
    CHRONOLOGY = "chronology"
    CHECKLIST = "checklist"
    QUICK_REFERENCE = "quick_reference"
    RECOVERY_SHEET = "recovery_sheet"
    TRANSFERRED_FILE = "transferred_file"
    GOVERNORS_REPORT = "governors_report"

    @property
    def label(self) -> str:
        return {
            "referral_summary": "Referral summary",
            "chronology": "Chronology",
            "checklist": "Obligations checklist",
            "quick_reference": "What to do: quick reference",
            "recovery_sheet": "Recovery sheet",
            "transferred_file": "Child protection file received from another setting",
            "governors_report": "Governors' report",
        }[self.value]


@dataclass(frozen=True, slots=True)
class RouteLine:
    """A route to act on, with the contact's title and phone as the setting knows them."""

    title: str
    phone: str = ""
    why: str = ""


@dataclass(frozen=True, slots=True)
class ReferralSummary:
    """Everything a social worker or the Safeguarding Hub needs about one concern and its screening."""

    setting: Setting
    child: Child
    concern: Concern
    screening: ScreeningRecord | None
    referrals: tuple[ReferralEntry, ...] = ()
    addenda: tuple[Addendum, ...] = ()
    protective_section_ids: frozenset[str] = frozenset()  # sections whose 'yes' answers are protective factors
    route_titles: tuple[tuple[str, str], ...] = ()  # (route id, title as the local contacts name it)
    category_titles: tuple[tuple[str, str], ...] = ()  # (category id, title)
    sign_titles: tuple[tuple[str, str], ...] = ()  # (screening item id, its text): the signs the recorder ticked
    prepared_by: Actor | None = None
    status: str = ""  # as a reader says it: "Open, awaiting screening", "Referred", "Closed"
    outcome: str = ""  # the outcome recorded when the concern was closed
    screening_title: str = ""  # the screening tool's title (never its id)
    today: date | None = None  # for "written confirmation overdue"
    request_words: tuple[tuple[str, str], ...] = ()  # (request id, as printed) from forms/referral_requests.toml
    consent_words: tuple[tuple[str, str, str], ...] = ()  # (consent id, as printed, the label of its note)
    suggested_asks: tuple[str, ...] = ()  # printed: what the decision's routes suggest asking, before any referral
    body_map: BodyMap | None = None  # the newest version of the concern's body map, printed whole on one page
    files: tuple[AttachmentInfo, ...] = ()  # files kept with the concern (not withdrawn), listed by what they are
    files_more: int = 0  # files beyond the first ones read (a concern with hundreds of files), withdrawn or not
    file_kinds: tuple[tuple[str, str], ...] = ()  # (media type, kind as printed) from forms/attachments.toml
    screening_ids: tuple[int, ...] = ()  # every screening of the concern, oldest first: "correction to screening 2"

    def file_kind(self, media_type: str) -> str:
        return dict(self.file_kinds).get(media_type, media_type)

    def asked(self, request: ReferralRequest) -> tuple[str, ...]:
        """What one referral asked for, as printed: the requests ticked, then the DSL's own words."""
        words = dict(self.request_words)
        ticked = tuple(words.get(a, a.replace("_", " ")) for a in request.asks)
        return (*ticked, request.asks_other) if request.asks_other.strip() else ticked

    def consent_text(self, request: ReferralRequest) -> str:
        """ "Not sought. Why consent was not sought: …", as printed."""
        known = {c[0]: c for c in self.consent_words}
        _id, printed, note_label = known.get(request.consent, (request.consent, request.consent, "Note"))
        note = request.consent_note.strip()
        return f"{printed}. {note_label or 'Note'}: {note}" if note else printed

    def parents_text(self, request: ReferralRequest) -> str:
        if request.parents_told is None:
            return ""
        if request.parents_told:
            return "Yes"
        reason = request.parents_not_told_reason.strip()
        return f"No. Why not: {reason}" if reason else "No"

    def addendum_numbers(self, kind: str, object_id: int) -> tuple[int, ...]:
        """The numbers (1 = oldest) of the addenda correcting one record, for "corrected: see addendum 1"."""
        return tuple(n for n, a in enumerate(self.addenda, 1) if a.object_kind == kind and a.object_id == object_id)

    def correction_target(self, addendum: Addendum) -> str:
        """What an addendum corrects, named as the concern view names it (``domain.concern_record``)."""
        ids = self.screening_ids or ((self.screening.screening_id,) if self.screening is not None else ())
        return correction_target(addendum, ids, self.referrals, self.route_title)

    def overdue_confirmations(self) -> tuple[ReferralEntry, ...]:
        if self.today is None:
            return ()
        today = self.today
        return tuple(
            r
            for r in self.referrals
            if r.confirmation_sent is None and r.confirmation_due is not None and r.confirmation_due < today
        )

    def route_title(self, route: str) -> str:
        return dict(self.route_titles).get(route, route.replace("_", " ").capitalize())

    def category_title(self, category_id: str) -> str:
        return dict(self.category_titles).get(category_id, category_id.replace("_", " ").capitalize())

    def sign_title(self, sign_id: str) -> str:
        return dict(self.sign_titles).get(sign_id, sign_id.replace("_", " ").capitalize())

    @property
    def confirmed_kinds(self) -> tuple[str, ...] | None:
        """The kinds of concern the DSL confirmed at the latest screening; None before any (or an older screening)."""
        return (
            tuple(self.screening.decision.category_ids)
            if (self.screening is not None and self.screening.decision.category_ids is not None)
            else None
        )

    def kinds_text(self) -> str:
        """The kinds of concern as printed (``domain.concern_record.kinds_text``)."""
        return kinds_text(self.concern.draft.category_ids, self.confirmed_kinds, self.category_title)


@dataclass(frozen=True, slots=True)
class ChronologyEvent:
    """One dated, significant event in a child's life as the setting knows it."""

    when: datetime
    kind: str  # "Concern", "Screening", "Referral", "Missing episode", "Amendment"…
    summary: str
    action: str = ""
    outcome: str = ""
    reference: str = ""
    recorded_by: str = ""
    review_date: date | None = None  # a screening's review date: the newest, once passed, prints as overdue


@dataclass(frozen=True, slots=True)
class Chronology:
    setting: Setting
    child: Child
    events: tuple[ChronologyEvent, ...]  # oldest first
    today: date | None = None  # for "review overdue"


@dataclass(frozen=True, slots=True)
class ObligationText:
    """An obligation of the setting as the checklist prints it (from ``forms/`` obligations)."""

    obligation_id: str
    title: str
    description: str = ""
    evidence: str = ""  # what counts as evidence


class ObligationStatus(enum.StrEnum):
    MET = "met"
    PARTLY_MET = "partly_met"
    NOT_MET = "not_met"
    NOT_APPLICABLE = "not_applicable"
    NOT_ASSESSED = "not_assessed"

    @property
    def label(self) -> str:
        return {
            "met": "Met",
            "partly_met": "Partly met",
            "not_met": "Not met",
            "not_applicable": "Not applicable",
            "not_assessed": "Not assessed",
        }[self.value]


@dataclass(frozen=True, slots=True)
class ChecklistEntry:
    obligation: ObligationText
    status: ObligationStatus = ObligationStatus.NOT_ASSESSED
    evidence: str = ""
    action: str = ""
    owner: str = ""
    due: date | None = None
    reason: str = ""  # why the obligation does not apply
    notes: str = ""
    carried: bool = False  # carried from last year and not yet confirmed


@dataclass(frozen=True, slots=True)
class SignOff:
    name: str
    role: str
    signed_on: date | None = None


@dataclass(frozen=True, slots=True)
class ChecklistRun:
    """A completed year of the obligations audit: one entry per obligation, and who signed it off."""

    year: str  # e.g. "2026-27"
    entries: tuple[ChecklistEntry, ...]
    completed_on: date | None = None  # the audit date
    sign_offs: tuple[SignOff, ...] = ()
    next_review: date | None = None
    evidence_lines: tuple[str, ...] = ()  # figures from the vault quoted as evidence (training register, CE Lead)
    addenda: tuple[Addendum, ...] = ()  # corrections made after signing
    closed: bool = False  # signed by everyone who must sign


@dataclass(frozen=True, slots=True)
class ContactLine:
    """A local number on the quick reference: when to use it, whom it reaches, the number."""

    title: str
    phone: str
    when_to_use: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class QuickReference:
    setting: Setting
    steps: tuple[str, ...]  # the 'what to do' steps, in order
    contacts: tuple[ContactLine, ...]
    # The people to tell: the DSL, deputies and the CE Lead (title = name, when_to_use = role, phone if known).
    people: tuple[ContactLine, ...] = ()
