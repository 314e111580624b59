"""The annual audit of the setting's duties, the staff training register and the governors' report, as plain values.

An academic year runs from September to August and is named "2026-27". A year's audit holds one answer per
obligation (the newest answer counts; every earlier one is kept) and up to three sign-offs; once the DSL, the head
teacher and the safeguarding governor have all signed, the audit is closed and corrections are addenda.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from desktop_app.domain.records import Actor, Addendum
from desktop_app.errors import UserFacingError

YEAR_START_MONTH = 9  # September


class BadYear(UserFacingError):
    """An academic year written in a way Waymark cannot read."""


@dataclass(frozen=True, slots=True, order=True)
class AcademicYear:
    """September of ``start`` to August of ``start + 1``; printed "2026-27"."""

    start: int

    @classmethod
    def parse(cls, text: str) -> AcademicYear:
        """ "2026-27", "2026/27", "2026-2027" or "2026" (the year it starts)."""
        cleaned = text.strip()
        match = re.fullmatch(r"(\d{4})(?:\s*[-/–]\s*(\d{2}|\d{4}))?", cleaned)
        if not match:
            raise BadYear(f"'{text}' is not an academic year: write it as 2026-27.")
        start = int(match.group(1))
        end = match.group(2)
        if end is not None and int(end) % 100 != (start + 1) % 100:
            raise BadYear(f"'{text}' is not an academic year: the second year must follow the first, as in 2026-27.")
        if not 2000 <= start <= 2200:
            raise BadYear(f"'{text}' is not an academic year Waymark can record.")
        return cls(start)

    @classmethod
    def containing(cls, day: date) -> AcademicYear:
        return cls(day.year if day.month >= YEAR_START_MONTH else day.year - 1)

    @property
    def name(self) -> str:
        return f"{self.start}-{(self.start + 1) % 100:02d}"

    @property
    def first_day(self) -> date:
        return date(self.start, YEAR_START_MONTH, 1)

    @property
    def last_day(self) -> date:
        return date(self.start + 1, YEAR_START_MONTH, 1) - timedelta(days=1)

    def months(self) -> tuple[date, ...]:
        """The first day of each of its twelve months, September first."""
        out = []
        for n in range(12):
            month = (YEAR_START_MONTH - 1 + n) % 12 + 1
            out.append(date(self.start + (1 if month < YEAR_START_MONTH else 0), month, 1))
        return tuple(out)

    def previous(self) -> AcademicYear:
        return AcademicYear(self.start - 1)

    def next(self) -> AcademicYear:
        return AcademicYear(self.start + 1)

    def __str__(self) -> str:
        return self.name


class AuditStatus(enum.StrEnum):
    """How far an obligation is met this year. ``to_confirm`` is an answer carried from last year, not yet looked at."""

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

    @property
    def rank(self) -> int | None:
        """Better is higher; None where a comparison says nothing (not applicable, not assessed)."""
        return {"met": 2, "partly_met": 1, "not_met": 0}.get(self.value)


ASSESSED = (AuditStatus.MET, AuditStatus.PARTLY_MET, AuditStatus.NOT_MET, AuditStatus.NOT_APPLICABLE)


class SignRole(enum.StrEnum):
    DSL = "dsl"
    HEAD = "head"
    GOVERNOR = "governor"

    @property
    def label(self) -> str:
        return {
            "dsl": "Designated Safeguarding Lead",
            "head": "Head teacher or principal",
            "governor": "Safeguarding governor",
        }[self.value]


class ExploitationRole(enum.StrEnum):
    """A member of staff's part in the setting's exploitation work (the guidance's first duty)."""

    NONE = ""
    CE_LEAD = "ce_lead"
    DEPUTY = "deputy"

    @property
    def label(self) -> str:
        return {"": "", "ce_lead": "Child Exploitation Lead", "deputy": "Deputy"}[self.value]


@dataclass(frozen=True, slots=True)
class AnswerForm:
    """What the DSL writes for one obligation."""

    status: AuditStatus = AuditStatus.NOT_ASSESSED
    reason: str = ""  # why not applicable
    evidence: str = ""
    action: str = ""
    owner: str = ""
    due: date | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class AuditAnswer:
    obligation_id: str
    title: str  # the obligation's title as it was when answered (or from forms/ when never answered)
    form: AnswerForm
    carried: bool = False  # evidence and owner carried from last year; the status still to be confirmed
    written_at: datetime | None = None
    written_by: Actor | None = None

    @property
    def status(self) -> AuditStatus:
        return self.form.status

    def action_past_due(self, today: date) -> bool:
        f = self.form
        return (
            bool(f.action.strip())
            and f.due is not None
            and f.due < today
            and f.status not in (AuditStatus.MET, AuditStatus.NOT_APPLICABLE)
        )


@dataclass(frozen=True, slots=True)
class SignOffRecord:
    role: SignRole
    name: str
    signed_on: date
    recorded_at: datetime
    recorded_by: Actor


@dataclass(frozen=True, slots=True)
class AuditYearRecord:
    """One year's audit: its dates, answers (one per obligation, in the obligations' order) and sign-offs."""

    audit_id: int
    year: AcademicYear
    obligations_version: str
    started_at: datetime
    carried_from: str  # the year its answers were carried from, or ""
    audit_date: date | None
    next_review: date | None
    answers: tuple[AuditAnswer, ...]
    sign_offs: tuple[SignOffRecord, ...] = ()
    addenda: tuple[Addendum, ...] = ()

    @property
    def closed(self) -> bool:
        """Signed by all three: nothing more is changed, corrections are addenda."""
        return {s.role for s in self.sign_offs} >= set(SignRole)

    @property
    def locked(self) -> bool:
        """Signing has begun: a signature covers the answers as they stood, so they no longer change."""
        return bool(self.sign_offs)

    def counts(self) -> dict[AuditStatus, int]:
        out = dict.fromkeys(AuditStatus, 0)
        for answer in self.answers:
            out[answer.status] += 1
        return out

    def to_confirm(self) -> int:
        return sum(1 for a in self.answers if a.carried)

    def actions(self) -> tuple[AuditAnswer, ...]:
        """The action plan: answers with an action to take, soonest due first (undated last)."""
        with_action = [a for a in self.answers if a.form.action.strip()]
        return tuple(sorted(with_action, key=lambda a: (a.form.due is None, a.form.due or date.max)))

    def signed(self, role: SignRole) -> SignOffRecord | None:
        return next((s for s in self.sign_offs if s.role == role), None)


class Change(enum.StrEnum):
    IMPROVED = "improved"
    SLIPPED = "slipped"
    SAME = "same"
    NEW = "new"  # no answer last year to compare with
    UNKNOWN = "unknown"  # either year not assessed or not applicable

    @property
    def label(self) -> str:
        return {
            "improved": "Improved",
            "slipped": "Slipped",
            "same": "No change",
            "new": "New this year",
            "unknown": "Cannot compare",
        }[self.value]


@dataclass(frozen=True, slots=True)
class ComparedObligation:
    obligation_id: str
    title: str
    last_year: AuditStatus | None
    this_year: AuditStatus
    change: Change


@dataclass(frozen=True, slots=True)
class Comparison:
    this_year: AcademicYear
    last_year: AcademicYear
    rows: tuple[ComparedObligation, ...]

    def count(self, change: Change) -> int:
        return sum(1 for r in self.rows if r.change == change)


def compare_status(last: AuditStatus | None, this: AuditStatus) -> Change:
    if last is None:
        return Change.NEW
    if last.rank is None or this.rank is None:
        return Change.SAME if last == this else Change.UNKNOWN
    if this.rank > last.rank:
        return Change.IMPROVED
    if this.rank < last.rank:
        return Change.SLIPPED
    return Change.SAME


# ----- staff and training -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StaffMember:
    staff_id: int
    name: str
    job_title: str
    exploitation_role: ExploitationRole
    started_on: date | None
    left_on: date | None

    @property
    def current(self) -> bool:
        return self.left_on is None


@dataclass(frozen=True, slots=True)
class TrainingRecord:
    training_id: int
    staff_id: int
    course: str  # the course's title as recorded
    completed_on: date
    next_due: date | None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """A line of the training register: the person, their last training and when it is next due."""

    staff: StaffMember
    last_trained: date | None
    next_due: date | None


@dataclass(frozen=True, slots=True)
class TrainingDue:
    """A member of staff whose training is due (or who has none recorded)."""

    staff_id: int
    name: str
    job_title: str
    last_trained: date | None
    next_due: date | None

    def overdue(self, today: date) -> bool:
        return self.next_due is None or self.next_due < today


@dataclass(frozen=True, slots=True)
class TrainingFigures:
    """The register's figures on a day: what the audit quotes as evidence."""

    on: date
    staff: int  # current staff on the register
    trained_in_window: int  # with any training completed in the window before ``on``
    window_months: int
    due_or_overdue: int  # next due on or before ``on`` plus the warning days, or never trained
    ce_lead: StaffMember | None
    ce_lead_last_trained: date | None
    ce_lead_next_due: date | None
    deputies: tuple[StaffMember, ...] = ()

    def sentence(self) -> str:
        """ "41 of 44 staff trained in the last 12 months"."""
        if self.staff == 0:
            return "No staff are on the training register yet."
        return f"{self.trained_in_window} of {self.staff} staff trained in the last {self.window_months} months"

    def lead_sentence(self) -> str:
        if self.ce_lead is None:
            return "No Child Exploitation Lead is recorded."
        trained = (
            f"last trained {self.ce_lead_last_trained:%d %B %Y}".replace(" 0", " ")
            if self.ce_lead_last_trained
            else "no training recorded"
        )
        due = f", next due {self.ce_lead_next_due:%d %B %Y}".replace(" 0", " ") if self.ce_lead_next_due else ""
        deputies = len(self.deputies)
        extra = f"; {deputies} {'deputy' if deputies == 1 else 'deputies'}" if deputies else "; no deputies recorded"
        return f"Child Exploitation Lead: {self.ce_lead.name} ({trained}{due}){extra}"


# ----- the governors' report (aggregates only: no child is named) -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class MonthlyCounts:
    """A count per label per month (twelve months, September first)."""

    title: str
    labels: tuple[str, ...]
    months: tuple[date, ...]
    counts: tuple[tuple[int, ...], ...]  # counts[label][month]

    def total(self, label_index: int) -> int:
        return sum(self.counts[label_index])

    def totals(self) -> tuple[tuple[str, int], ...]:
        return tuple((label, sum(row)) for label, row in zip(self.labels, self.counts, strict=True))

    def month_totals(self) -> tuple[int, ...]:
        return tuple(sum(row[m] for row in self.counts) for m in range(len(self.months)))


@dataclass(frozen=True, slots=True)
class Tally:
    """A count per label over the year."""

    title: str
    rows: tuple[tuple[str, int], ...]


def shown_count(count: int, below: int = 5) -> str:
    """A count as the governors' report prints it: 1 to ``below`` less one as "fewer than N", so no child is known."""
    return f"fewer than {below}" if 0 < count < below else str(count)


def suppressed_cells(counts: tuple[int, ...], below: int = 5) -> tuple[str, ...]:
    """A row of counts whose total is printed too: small counts hidden as "fewer than N"; and while the hidden counts
    add up to less than N (so the total would give them away), the smallest count still shown is hidden as well, as
    "N or more"."""
    shown = [shown_count(n, below) for n in counts]
    hidden = [i for i, n in enumerate(counts) if 0 < n < below]
    if not hidden:
        return tuple(shown)
    hidden_sum = sum(counts[i] for i in hidden)
    visible = sorted((n, i) for i, n in enumerate(counts) if n >= below)
    while hidden_sum < below and visible:
        n, i = visible.pop(0)
        shown[i] = f"{below} or more"
        hidden_sum += n
    return tuple(shown)


@dataclass(frozen=True, slots=True)
class GovernorsReport:
    year: AcademicYear
    setting_name: str
    suppress_below: int  # counts from 1 to this less one print as "fewer than N"
    concerns_by_month: MonthlyCounts
    by_category: MonthlyCounts
    by_level: MonthlyCounts
    by_route: MonthlyCounts
    referral_outcomes: Tally
    missing_episodes: MonthlyCounts | None  # None where missing episodes are not recorded
    audit: AuditYearRecord | None
    training: TrainingFigures | None
    notes: tuple[str, ...] = field(default=())
