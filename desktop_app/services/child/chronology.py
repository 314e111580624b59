"""A child's chronology: every dated event the setting knows, built once for the screen and for the printed one.

Each room that records something about a child adds an *event source* to ``SOURCES`` (one import and one entry):
a function ``(uow, child, forms) -> Iterable[ChronologyEvent]`` whose events carry one of ``KINDS``' names (add the
kind too). The connections room adds missing episodes; the transfer room adds transfers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from desktop_app.definitions import ContactsDefinition, Forms, load_forms
from desktop_app.domain.documents import Chronology, ChronologyEvent
from desktop_app.domain.enums import AddendumTarget, ConcernStatus
from desktop_app.domain.records import Actor, Addendum, Child, Concern, ReferralEntry, ScreeningRecord
from desktop_app.reports.flow import day
from desktop_app.services.actions import events as actions
from desktop_app.services.casework.screening import route_title
from desktop_app.services.child import missing as missing_episodes
from desktop_app.services.transfer.events import transfer_events
from desktop_app.services.vault import VaultSession
from desktop_app.store.uow import UnitOfWork

SUMMARY_LIMIT = 600  # characters of an account shown in a chronology entry; the concern record has it all

CONCERN = "Concern"
CONCERN_CLOSED = "Concern closed"
SCREENING = "Screening"
REFERRAL = "Referral"
CONFIRMATION = "Written confirmation"
AMENDMENT = "Amendment"
DETAILS = "Child's details amended"
MISSING = "Missing episode"
TRANSFER = "Transfer"
ACTION, ACTION_DONE = actions.KIND, actions.DONE_KIND


@dataclass(frozen=True, slots=True)
class Kind:
    """A choice of the screen's filter: its label and the event kinds it shows."""

    label: str
    kinds: frozenset[str]


KINDS: tuple[Kind, ...] = (
    Kind("Concerns", frozenset({CONCERN, CONCERN_CLOSED})),
    Kind("Screenings", frozenset({SCREENING})),
    Kind("Referrals", frozenset({REFERRAL})),
    Kind("Written confirmations", frozenset({CONFIRMATION})),
    Kind("Missing episodes", frozenset({MISSING})),
    Kind("Amendments", frozenset({AMENDMENT, DETAILS})),
    Kind("Transfers", frozenset({TRANSFER})),
    Kind("Actions", frozenset({ACTION, ACTION_DONE})),
)

EventSource = Callable[[UnitOfWork, Child, Forms], Iterable[ChronologyEvent]]


def chronology(uow: UnitOfWork, child_id: int, forms: Forms | None = None) -> Chronology:
    """Every event of one child from every source, oldest first (inside an open ``with uow``)."""
    forms = forms or load_forms()
    child = uow.children.get(child_id)
    events = [event for source in SOURCES for event in source(uow, child, forms)]
    events.sort(key=lambda e: e.when)
    return Chronology(setting=uow.setting.get(), child=child, events=tuple(events))


def child_chronology(session: VaultSession, child_id: int) -> Chronology:
    with session.uow() as uow:
        return chronology(uow, child_id)


def arranged(
    events: Iterable[ChronologyEvent], *, newest_first: bool = False, kinds: frozenset[str] | None = None
) -> tuple[ChronologyEvent, ...]:
    """The events in the order asked for, only the ``kinds`` wanted (None: all); for the screen."""
    chosen = [e for e in events if kinds is None or e.kind in kinds]
    chosen.sort(key=lambda e: e.when, reverse=newest_first)
    return tuple(chosen)


def concern_of(session: VaultSession, reference: str) -> int | None:
    """The concern an event's reference names ("WM-2026-00042", or "WM-2026-00042 / HUB-1"), if any."""
    first = reference.split("/")[0].strip()
    if not first:
        return None
    from desktop_app.store.errors import RecordNotFound

    with session.uow() as uow:
        try:
            return uow.concerns.by_reference(first).concern_id
        except RecordNotFound:
            return None


# ----- the sources ------------------------------------------------------------------------------------------------


def details_events(uow: UnitOfWork, child: Child, forms: Forms) -> list[ChronologyEvent]:
    events = [
        ChronologyEvent(v.written_at, DETAILS, v.reason, recorded_by=v.author.name)
        for v in uow.children.versions(child.child_id)[1:]
    ]
    return events + addenda_events(uow, AddendumTarget.CHILD, child.child_id, "")


def concern_events(uow: UnitOfWork, child: Child, forms: Forms) -> list[ChronologyEvent]:
    """Each concern's events: a fixed number of queries however many concerns the child has (not one per concern)."""
    contacts = forms.contacts.with_phones(uow.contacts.overrides())
    concerns = uow.concerns.list_for_child(child.child_id)
    ids = [c.concern_id for c in concerns]
    screenings = uow.screenings.for_concerns(ids)
    referrals = uow.referrals.for_concerns(ids)
    confirmations = uow.referrals.confirmations_for([r.referral_id for rs in referrals.values() for r in rs])
    moves = uow.concerns.events_for(ids)
    addenda = {
        AddendumTarget.CONCERN: uow.addenda.for_objects(AddendumTarget.CONCERN, ids),
        AddendumTarget.SCREENING: uow.addenda.for_objects(
            AddendumTarget.SCREENING, [s.screening_id for ss in screenings.values() for s in ss]
        ),
        AddendumTarget.REFERRAL: uow.addenda.for_objects(
            AddendumTarget.REFERRAL, [r.referral_id for rs in referrals.values() for r in rs]
        ),
    }
    events: list[ChronologyEvent] = []
    for concern in concerns:
        events += _one_concern(
            concern,
            contacts,
            screenings[concern.concern_id],
            referrals[concern.concern_id],
            confirmations,
            moves[concern.concern_id],
            addenda,
        )
    return events


def _one_concern(
    concern: Concern,
    contacts: ContactsDefinition,
    screenings: list[ScreeningRecord],
    referrals: list[ReferralEntry],
    confirmations: Mapping[int, list[tuple[date, datetime, Actor]]],
    moves: list[tuple[ConcernStatus, datetime, Actor, str]],
    addenda: Mapping[AddendumTarget, Mapping[int, list[Addendum]]],
) -> list[ChronologyEvent]:
    draft = concern.draft
    reference = concern.reference
    account = " ".join(draft.account.split())
    if len(account) > SUMMARY_LIMIT:
        account = account[: SUMMARY_LIMIT - 1] + "… (the full account is in the concern record)"
    where = f"At {draft.location}: " if draft.location.strip() else ""
    events = [
        ChronologyEvent(
            when=draft.happened_at or concern.submitted_at,
            kind=CONCERN,
            summary=where + account,
            action=draft.action_taken,
            reference=reference,
            recorded_by=", ".join(p for p in (draft.recorder_name, draft.recorder_role) if p.strip()),
        )
    ]
    events += _amendments(addenda[AddendumTarget.CONCERN][concern.concern_id], reference)
    for record in screenings:
        decision = record.decision
        summary = f"Screened: suggested {decision.suggested_level.label.lower()}, "
        summary += f"confirmed {decision.confirmed_level.label.lower()}."
        if decision.override_reason.strip():
            summary += f" Reason for the change: {decision.override_reason}"
        events.append(
            ChronologyEvent(
                when=record.completed_at,
                kind=SCREENING,
                summary=summary,
                action=decision.actions,
                outcome=f"Review by {day(decision.review_date)}",
                reference=reference,
                recorded_by=record.completed_by.name,
                review_date=decision.review_date,
            )
        )
        events += _amendments(addenda[AddendumTarget.SCREENING][record.screening_id], reference)
    for entry in referrals:
        title = route_title(entry.route, contacts)
        both = " / ".join(r for r in (reference, entry.reference) if r.strip())
        events.append(
            ChronologyEvent(
                when=entry.contacted_at,
                kind=REFERRAL,
                summary=f"{title}: {entry.contacted_name}",
                outcome=entry.outcome.strip(),
                reference=both,
                recorded_by=entry.recorded_by.name,
            )
        )
        events += [
            ChronologyEvent(
                at,
                CONFIRMATION,
                f"Written confirmation of the referral to {title} sent {day(sent)}.",
                reference=both,
                recorded_by=actor.name,
            )
            for sent, at, actor in confirmations[entry.referral_id]
        ]
        events += _amendments(addenda[AddendumTarget.REFERRAL][entry.referral_id], reference)
    for status, at, actor, note in moves:
        if status == ConcernStatus.CLOSED:
            events.append(ChronologyEvent(at, CONCERN_CLOSED, note, reference=reference, recorded_by=actor.name))
    return events


def addenda_events(uow: UnitOfWork, kind: AddendumTarget, object_id: int, reference: str) -> list[ChronologyEvent]:
    return _amendments(uow.addenda.for_object(kind, object_id), reference)


def _amendments(addenda: Iterable[Addendum], reference: str) -> list[ChronologyEvent]:
    return [
        ChronologyEvent(
            a.written_at, AMENDMENT, a.change, action=f"Why: {a.reason}", reference=reference, recorded_by=a.author.name
        )
        for a in addenda
    ]


def missing_events(uow: UnitOfWork, child: Child, forms: Forms) -> list[ChronologyEvent]:
    return missing_episodes.chronology_events(uow, child.child_id, forms)


SOURCES: list[EventSource] = [
    details_events,
    concern_events,
    missing_events,
    transfer_events,
    actions.action_events,
    # Other rooms: one import above and one entry here (missing episodes, transfers).
]
