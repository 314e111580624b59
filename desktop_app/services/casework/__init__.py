"""The DSL's casework: complete a screening with its decision, record referrals and confirmations, add corrections,
close a concern. Each use case checks its input (``InvalidInput`` naming each field), writes in one transaction with
its audit row, and returns plain values. Nothing submitted is edited: corrections are addenda, status moves are events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from desktop_app.domain.enums import AddendumTarget, ConcernStatus, RiskLevel, RouteId
from desktop_app.domain.records import (
    Actor,
    Addendum,
    AnsweredItem,
    Child,
    Concern,
    Decision,
    ReferralEntry,
    ReferralRequest,
    ScreeningRecord,
)
from desktop_app.domain.screening import DefinitionRef, ScreeningResult
from desktop_app.errors import FieldProblem, InvalidInput, UserFacingError, quote
from desktop_app.services.casework.referral_request import check_request

if TYPE_CHECKING:
    from desktop_app.definitions import ContactsDefinition
    from desktop_app.services.vault.session import VaultSession
    from desktop_app.store.uow import UnitOfWork

# Long enough for any honest account; refuses a paste of a whole file by mistake.
MAX_TEXT = 100_000
# Written confirmation of a phone referral is expected within two days unless the DSL sets another date.
# Which routes expect written confirmation is each contact's `written_confirmation` in forms/contacts.toml.
ADDENDUM_KINDS = (AddendumTarget.CONCERN, AddendumTarget.SCREENING, AddendumTarget.REFERRAL)


# --- input checks: plain functions, each problem named by its field -------------------------------------------------


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def _text_problems(values: dict[str, str], required: dict[str, str]) -> list[FieldProblem]:
    problems = [FieldProblem(name, sentence) for name, sentence in required.items() if _blank(values.get(name))]
    problems += [
        FieldProblem(name, f"This is longer than {MAX_TEXT:,} characters; shorten it or attach it as a document.")
        for name, value in values.items()
        if value is not None and len(value) > MAX_TEXT
    ]
    return problems


@dataclass(frozen=True, slots=True)
class DecisionForm:
    """What the decision page collects, exactly as entered (blanks and all)."""

    confirmed_level: RiskLevel | None
    override_reason: str = ""
    childs_wishes: str = ""
    parents_told: bool | None = None
    parents_views: str = ""
    parents_not_told_reason: str = ""
    danger_statement: str = ""
    safety_goal: str = ""
    routes: tuple[RouteId, ...] = ()
    review_date: date | None = None
    actions: str = ""
    # the kinds of concern confirmed, () for none of them; None when not asked (callers without the forms)
    category_ids: tuple[str, ...] | None = None


def check_decision(form: DecisionForm, result: ScreeningResult, today: date) -> Decision:
    """The decision as recorded, or ``InvalidInput`` naming every field still to put right."""
    texts = {
        "override_reason": form.override_reason,
        "childs_wishes": form.childs_wishes,
        "parents_views": form.parents_views,
        "parents_not_told_reason": form.parents_not_told_reason,
        "danger_statement": form.danger_statement,
        "safety_goal": form.safety_goal,
        "actions": form.actions,
    }
    required = {
        "childs_wishes": "Record the child's wishes and feelings (or why they could not be sought).",
        "danger_statement": "Write the danger statement: what you are worried will happen if nothing changes.",
        "safety_goal": "Write the safety goal: what needs to be true for the child to be safe.",
    }
    problems: list[FieldProblem] = []
    if form.confirmed_level is None:
        problems.append(FieldProblem("confirmed_level", "Choose the level of risk you judge it to be."))
    elif form.confirmed_level is not result.suggested_level and _blank(form.override_reason):
        problems.append(
            FieldProblem(
                "override_reason",
                f"You chose {form.confirmed_level.label.lower()} but the tool suggests "
                f"{result.suggested_level.label.lower()}: say why.",
            )
        )
    if form.parents_told is None:
        problems.append(FieldProblem("parents_told", "Say whether the parents or carers were told."))
    elif form.parents_told:
        required["parents_views"] = "Record what the parents or carers said (their views)."
    else:
        required["parents_not_told_reason"] = "Say why the parents or carers were not told."
    problems += _text_problems(texts, required)
    if not form.routes:
        problems.append(FieldProblem("routes", "Choose at least one route (monitor and review is a route)."))
    if form.review_date is None:
        problems.append(FieldProblem("review_date", "Choose a review date."))
    elif form.review_date < today:
        problems.append(FieldProblem("review_date", "The review date is in the past; choose today or later."))
    if problems:
        raise InvalidInput(_in_page_order(problems))
    assert form.confirmed_level is not None and form.review_date is not None and form.parents_told is not None
    overridden = form.confirmed_level is not result.suggested_level
    return Decision(
        suggested_level=result.suggested_level,
        suggested_reasons=tuple(result.reasons),
        confirmed_level=form.confirmed_level,
        override_reason=form.override_reason.strip() if overridden else "",
        childs_wishes=form.childs_wishes.strip(),
        parents_views=form.parents_views.strip(),
        parents_told=form.parents_told,
        parents_not_told_reason="" if form.parents_told else form.parents_not_told_reason.strip(),
        danger_statement=form.danger_statement.strip(),
        safety_goal=form.safety_goal.strip(),
        routes=_ordered_routes(form.routes, result),
        review_date=form.review_date,
        actions=form.actions.strip(),
        category_ids=None if form.category_ids is None else tuple(dict.fromkeys(form.category_ids)),
    )


_DECISION_ORDER = (
    "confirmed_level",
    "override_reason",
    "childs_wishes",
    "parents_told",
    "parents_views",
    "parents_not_told_reason",
    "danger_statement",
    "safety_goal",
    "category_ids",
    "routes",
    "review_date",
    "actions",
)


def _in_page_order(problems: list[FieldProblem]) -> list[FieldProblem]:
    rank = {name: i for i, name in enumerate(_DECISION_ORDER)}
    return sorted(problems, key=lambda p: rank.get(p.field, len(rank)))


def _ordered_routes(chosen: tuple[RouteId, ...], result: ScreeningResult) -> tuple[RouteId, ...]:
    """The routes chosen, in the engine's order of action first, then the rest in the order they were ticked."""
    advised = [advice.route for advice in result.routes if advice.route in chosen]
    extra = [route for route in dict.fromkeys(chosen) if route not in advised]
    return (*advised, *extra)


@dataclass(frozen=True, slots=True)
class ReferralForm:
    route: RouteId | None
    contacted_name: str = ""
    contacted_at: datetime | None = None
    reference: str = ""
    outcome: str = ""
    confirmation_needed: bool = True
    confirmation_due: date | None = None
    # What the school asks for and consent (services/casework/referral_request.py); ids of forms/referral_requests
    asks: tuple[str, ...] = ()
    asks_other: str = ""
    consent: str | None = None
    consent_note: str = ""
    parents_told: bool | None = None
    parents_not_told_reason: str = ""


def local(moment: datetime) -> datetime:
    """A moment in local time; a naive one is taken as already local (what a user typed)."""
    return moment.astimezone()


def default_confirmation_due(contacted_at: datetime, contacts: ContactsDefinition) -> date:
    """When written confirmation of a contact is due, as the forms say (``contacts.confirmation_days``)."""
    return local(contacted_at).date() + timedelta(days=contacts.confirmation_days)


def check_referral(form: ReferralForm, now: datetime, concern_submitted: datetime | None = None) -> ReferralForm:
    """The referral contact as it will be recorded, or ``InvalidInput`` naming each field to put right."""
    problems: list[FieldProblem] = []
    contacted_at = local(form.contacted_at) if form.contacted_at is not None else None
    now = local(now)
    if form.route is None:
        problems.append(FieldProblem("route", "Choose the route you used."))
    problems += _text_problems(
        {"contacted_name": form.contacted_name, "reference": form.reference, "outcome": form.outcome},
        {
            "contacted_name": "Who did you speak to or write to? Give their name and role.",
            "outcome": "Record what was agreed or what happens next.",
        },
    )
    if contacted_at is None:
        problems.append(FieldProblem("contacted_at", "When did you make contact?"))
    elif contacted_at > now + timedelta(minutes=5):
        problems.append(FieldProblem("contacted_at", "That time is in the future."))
    elif concern_submitted is not None and contacted_at < local(concern_submitted) - timedelta(days=1):
        problems.append(FieldProblem("contacted_at", "That is before the concern was recorded."))
    if form.confirmation_needed:
        if form.confirmation_due is None:
            problems.append(FieldProblem("confirmation_due", "Choose when written confirmation is due."))
        elif contacted_at is not None and form.confirmation_due < contacted_at.date():
            problems.append(FieldProblem("confirmation_due", "The due date is before the contact was made."))
    request, request_problems = check_request(
        form.asks, form.asks_other, form.consent, form.consent_note, form.parents_told, form.parents_not_told_reason
    )
    problems += request_problems
    if problems:
        raise InvalidInput(problems)
    return ReferralForm(
        asks=request.asks,
        asks_other=request.asks_other,
        consent=request.consent,
        consent_note=request.consent_note,
        parents_told=request.parents_told,
        parents_not_told_reason=request.parents_not_told_reason,
        route=form.route,
        contacted_name=form.contacted_name.strip(),
        contacted_at=contacted_at,
        reference=form.reference.strip(),
        outcome=form.outcome.strip(),
        confirmation_needed=form.confirmation_needed,
        confirmation_due=form.confirmation_due if form.confirmation_needed else None,
    )


def check_confirmation(sent: date | None, today: date, contacted_at: datetime | None) -> date:
    if sent is None:
        raise InvalidInput([FieldProblem("sent", "Choose the date the written confirmation was sent.")])
    if sent > today:
        raise InvalidInput([FieldProblem("sent", "That date is in the future.")])
    if contacted_at is not None and sent < local(contacted_at).date():
        raise InvalidInput([FieldProblem("sent", "That is before the referral contact was made.")])
    return sent


def check_addendum(reason: str, change: str) -> tuple[str, str]:
    problems = _text_problems(
        {"reason": reason, "change": change},
        {
            "reason": "Say why a correction is needed.",
            "change": "Say what is corrected or added; the original stays as it was.",
        },
    )
    if problems:
        raise InvalidInput(problems)
    return reason.strip(), change.strip()


def check_outcome(outcome: str) -> str:
    problems = _text_problems({"outcome": outcome}, {"outcome": "Closing a concern needs its outcome."})
    if problems:
        raise InvalidInput(problems)
    return outcome.strip()


# --- use cases: one transaction each, audited ------------------------------------------------------------------------


def _concern_ref(concern_id: int) -> str:
    return f"concern:{concern_id}"


def save_screening(
    uow: UnitOfWork,
    concern_id: int,
    definition: DefinitionRef,
    answers: tuple[AnsweredItem, ...],
    decision: Decision,
    actor: Actor,
) -> ScreeningRecord:
    """Write a completed screening and move the concern on, inside an open unit of work (no commit)."""
    status = uow.concerns.status(concern_id)
    if status == ConcernStatus.CLOSED:
        raise InvalidInput([FieldProblem("concern", "This concern is closed; record a new concern instead.")])
    kinds_before = confirmed_kinds(uow, concern_id) if decision.category_ids is not None else ()
    record: ScreeningRecord = uow.screenings.add(concern_id, definition, answers, decision, actor)
    if decision.category_ids is not None and decision.category_ids != kinds_before:
        uow.audit.append(
            actor,
            "concern.kind_changed",
            f"concern:{concern_id}",
            {
                "concern": concern_id,
                "screening": record.screening_id,
                "from": list(kinds_before),
                "to": list(decision.category_ids),
            },
        )
    uow.audit.append(
        actor,
        "screening.completed",
        f"screening:{record.screening_id}",
        {
            "concern": concern_id,
            "suggested": decision.suggested_level.value,
            "confirmed": decision.confirmed_level.value,
            "overridden": decision.confirmed_level is not decision.suggested_level,
            "routes": [route.value for route in decision.routes],
            "definition": f"{definition.id}@{definition.version}",
        },
    )
    if status in (ConcernStatus.AWAITING_SCREENING, ConcernStatus.SCREENED):
        uow.concerns.set_status(concern_id, ConcernStatus.SCREENED, actor, "screened")
    return record


def confirmed_kinds(uow: UnitOfWork, concern_id: int) -> tuple[str, ...]:
    """The kinds of concern as they stand: the DSL's last confirmed in a screening, else what the recorder ticked."""
    for earlier in reversed(uow.screenings.for_concern(concern_id)):
        if earlier.decision.category_ids is not None:
            return earlier.decision.category_ids
    return tuple(uow.concerns.get(concern_id).draft.category_ids)


def add_referral(uow: UnitOfWork, concern_id: int, form: ReferralForm, actor: Actor) -> ReferralEntry:
    """Record a referral contact inside an open unit of work (no commit); the form must have been checked."""
    assert form.route is not None and form.contacted_at is not None
    entry: ReferralEntry = uow.referrals.add(
        concern_id,
        form.route,
        form.contacted_name,
        form.contacted_at,
        form.reference,
        form.outcome,
        form.confirmation_due if form.confirmation_needed else None,
        actor,
        ReferralRequest(
            form.asks,
            form.asks_other,
            form.consent or "",
            form.consent_note,
            form.parents_told,
            form.parents_not_told_reason,
        ),
    )
    uow.audit.append(
        actor, "referral.recorded", f"referral:{entry.referral_id}", {"concern": concern_id, "route": form.route.value}
    )
    if uow.concerns.status(concern_id) in (ConcernStatus.AWAITING_SCREENING, ConcernStatus.SCREENED):
        uow.concerns.set_status(concern_id, ConcernStatus.REFERRED, actor, "referred")
    return entry


def record_referral(session: VaultSession, concern_id: int, form: ReferralForm, now: datetime) -> ReferralEntry:
    actor = session.actor()
    with session.uow() as uow:
        concern = uow.concerns.get(concern_id)
        if concern.status == ConcernStatus.CLOSED:
            raise InvalidInput([FieldProblem("route", "This concern is closed; add a correction instead.")])
        checked = check_referral(form, now, concern.submitted_at)
        entry = add_referral(uow, concern_id, checked, actor)
        uow.commit()
    return entry


def confirm_referral(uow: UnitOfWork, referral: ReferralEntry, sent: date, actor: Actor) -> None:
    uow.referrals.record_confirmation(referral.referral_id, sent, actor)
    uow.audit.append(
        actor,
        "referral.confirmed",
        f"referral:{referral.referral_id}",
        {"concern": referral.concern_id, "sent": sent.isoformat()},
    )


def record_confirmation(
    session: VaultSession, concern_id: int, referral_id: int, sent: date | None, today: date
) -> None:
    """Record that written confirmation of a referral was sent: an event; the referral entry is not edited."""
    actor = session.actor()
    with session.uow() as uow:
        entries: list[ReferralEntry] = uow.referrals.for_concern(concern_id)
        entry = next((e for e in entries if e.referral_id == referral_id), None)
        if entry is None:
            raise InvalidInput([FieldProblem("referral", "Choose a referral entry of this concern.")])
        if entry.confirmation_sent is not None:
            raise InvalidInput([FieldProblem("referral", "Written confirmation of that referral is already recorded.")])
        confirm_referral(uow, entry, check_confirmation(sent, today, entry.contacted_at), actor)
        uow.commit()


def write_addendum(
    uow: UnitOfWork, kind: AddendumTarget, object_id: int, reason: str, change: str, actor: Actor
) -> Addendum:
    if kind not in ADDENDUM_KINDS:
        raise ValueError(f"unknown record kind {kind!r}")
    addendum: Addendum = uow.addenda.add(kind, object_id, actor, reason, change)
    uow.audit.append(actor, "addendum.added", f"{kind}:{object_id}", {"addendum": addendum.addendum_id})
    return addendum


def add_correction(session: VaultSession, kind: AddendumTarget, object_id: int, reason: str, change: str) -> Addendum:
    """Add a correction to a submitted record; the original text stays exactly as it was."""
    reason, change = check_addendum(reason, change)
    actor = session.actor()
    with session.uow() as uow:
        addendum = write_addendum(uow, kind, object_id, reason, change, actor)
        uow.commit()
    return addendum


def close(uow: UnitOfWork, concern_id: int, outcome: str, actor: Actor) -> None:
    uow.concerns.set_status(concern_id, ConcernStatus.CLOSED, actor, outcome)
    uow.audit.append(actor, "concern.closed", _concern_ref(concern_id), {"status": ConcernStatus.CLOSED.value})


def close_concern(session: VaultSession, concern_id: int, outcome: str) -> None:
    """Close a concern with its outcome (an event; the concern itself is unchanged)."""
    outcome = check_outcome(outcome)
    actor = session.actor()
    with session.uow() as uow:
        if uow.concerns.status(concern_id) == ConcernStatus.CLOSED:
            raise InvalidInput([FieldProblem("outcome", "This concern is already closed.")])
        close(uow, concern_id, outcome, actor)
        uow.commit()


# --- reading a concern's whole file ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatusEvent:
    status: str
    at: datetime
    actor: Actor
    note: str


@dataclass(frozen=True, slots=True)
class ConcernFile:
    """Everything recorded about one concern, in order: the concern, its corrections, screenings, referrals."""

    concern: Concern
    child: Child
    addenda: tuple[Addendum, ...]  # of the concern, its screenings and its referrals, oldest first
    screenings: tuple[ScreeningRecord, ...]
    referrals: tuple[ReferralEntry, ...]
    events: tuple[StatusEvent, ...]

    def routes_decided(self) -> tuple[RouteId, ...]:
        latest = self.screenings[-1] if self.screenings else None
        return latest.decision.routes if latest else ()

    def is_closed(self) -> bool:
        return self.concern.status == ConcernStatus.CLOSED


def concern_file(session: VaultSession, concern_id: int) -> ConcernFile:
    with session.uow() as uow:
        concern: Concern = uow.concerns.get(concern_id)
        child: Child = uow.children.get(concern.child_id)
        screenings: list[ScreeningRecord] = uow.screenings.for_concern(concern_id)
        referrals: list[ReferralEntry] = uow.referrals.for_concern(concern_id)
        addenda = concern_addenda(uow, concern_id, screenings, referrals)
        events = [StatusEvent(*event) for event in uow.concerns.events(concern_id)]
    return ConcernFile(concern, child, addenda, tuple(screenings), tuple(referrals), tuple(events))


def concern_addenda(
    uow: UnitOfWork, concern_id: int, screenings: list[ScreeningRecord], referrals: list[ReferralEntry]
) -> tuple[Addendum, ...]:
    """The corrections to a concern, its screenings and its referrals, oldest first (inside an open ``with uow``)."""
    addenda: list[Addendum] = list(uow.addenda.for_object(AddendumTarget.CONCERN, concern_id))
    for record in screenings:
        addenda += uow.addenda.for_object(AddendumTarget.SCREENING, record.screening_id)
    for entry in referrals:
        addenda += uow.addenda.for_object(AddendumTarget.REFERRAL, entry.referral_id)
    return tuple(sorted(addenda, key=lambda a: (a.written_at, a.addendum_id)))


def concern_id_from(session: VaultSession, given: str) -> int:
    """A concern's id from what someone typed: its number, or its reference such as WM-2026-00042."""
    text = given.strip()
    if text.isdigit() and text.isascii() and len(text) <= 19 and 0 < int(text) < 2**63:
        return int(text)
    if len(text) > 40 or not re.fullmatch(r"[A-Za-z]+-\d{4}-\d+", text):
        raise UserFacingError(f"{quote(given)} is not a concern number or reference such as WM-2026-00042.")
    with session.uow() as uow:
        return uow.concerns.by_reference(text).concern_id  # RecordNotFound says which reference is missing
