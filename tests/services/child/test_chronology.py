"""One chronology for the screen and the PDF: every kind of event, in order, filtered by kind."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from desktop_app.domain.enums import RiskLevel, RouteId
from desktop_app.domain.records import ChildDetails
from desktop_app.services import documents
from desktop_app.services.child import chronology as chronology_service
from desktop_app.services.child import details as details_service
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import open_session, record_concern  # noqa: F401
from tests.services.child.screened import screen_child


def a_full_history(session: VaultSession) -> int:
    concern_id = record_concern(session, "Seen getting into an unknown car after school")
    actor = session.actor()
    with session.uow() as uow:
        child_id = uow.concerns.child_id_of(concern_id)
    screen_child(session, child_id, RiskLevel.MEDIUM, date.today() + timedelta(days=28))
    with session.uow() as uow:
        entry = uow.referrals.add(
            concern_id,
            RouteId.SAFEGUARDING_HUB,
            "Duty worker",
            datetime.now(UTC),
            "HUB-1",
            "Accepted for assessment",
            date.today() + timedelta(days=1),
            actor,
        )
        uow.audit.append(actor, "referral.recorded", entry.referral_id)
        uow.referrals.record_confirmation(entry.referral_id, date.today(), actor)
        uow.audit.append(actor, "referral.confirmed", entry.referral_id)
        addendum = uow.addenda.add("concern", concern_id, actor, "Spelling", "The car was blue, not black.")
        uow.audit.append(actor, "addendum.added", addendum.addendum_id)
        uow.commit()
    details_service.amend_details(
        session,
        child_id,
        ChildDetails("Tamsin", "Quillfeather", religion="Buddhist"),
        "Told by the child",
        date.today(),
    )
    return child_id


def test_every_kind_of_event_is_in_the_chronology_oldest_first(open_session: VaultSession) -> None:
    child_id = a_full_history(open_session)
    events = chronology_service.child_chronology(open_session, child_id).events
    kinds = [e.kind for e in events]
    assert set(kinds) == {
        "Concern",
        "Screening",
        "Referral",
        "Written confirmation",
        "Amendment",
        "Child's details amended",
    }
    assert [e.when for e in events] == sorted(e.when for e in events)
    newest = chronology_service.arranged(events, newest_first=True)
    assert newest == tuple(reversed(sorted(events, key=lambda e: e.when)))
    referrals_only = chronology_service.arranged(events, kinds=chronology_service.KINDS[2].kinds)
    assert [e.kind for e in referrals_only] == ["Referral"]


def test_the_printed_chronology_holds_the_same_events(open_session: VaultSession) -> None:
    child_id = a_full_history(open_session)
    with open_session.uow() as uow:
        printed = documents.chronology(uow, child_id)
    assert printed.events == chronology_service.child_chronology(open_session, child_id).events


def test_another_room_adds_its_events_with_one_source(open_session: VaultSession) -> None:
    from desktop_app.domain.documents import ChronologyEvent

    child_id = a_full_history(open_session)
    when = datetime(2026, 1, 2, tzinfo=UTC)

    def missing(uow: object, child: object, forms: object) -> list[ChronologyEvent]:
        return [ChronologyEvent(when, chronology_service.MISSING, "Missing overnight; found at a friend's house.")]

    chronology_service.SOURCES.append(missing)
    try:
        events = chronology_service.child_chronology(open_session, child_id).events
    finally:
        chronology_service.SOURCES.remove(missing)
    assert events[0].kind == "Missing episode"
    assert chronology_service.arranged(events, kinds=chronology_service.KINDS[4].kinds) == (events[0],)


def _statements(session: VaultSession, child_id: int) -> int:
    from sqlalchemy import event

    seen: list[str] = []
    engine = session._db().engine
    listener = lambda *args: seen.append(args[2])  # noqa: E731  (connection, cursor, statement, ...)
    event.listen(engine, "before_cursor_execute", listener)
    try:
        chronology_service.child_chronology(session, child_id)
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return len(seen)


def test_a_child_with_more_concerns_costs_no_more_queries(open_session: VaultSession) -> None:
    """A child's file opens as quickly with sixteen concerns as with two: no query per concern, screening or referral
    (at 100,000 concerns, the busiest child's chronology was 88 queries)."""
    child_id = a_full_history(open_session)
    actor = open_session.actor()
    with open_session.uow() as uow:
        first = uow.concerns.list_for_child(child_id)[0]
    before = _statements(open_session, child_id)
    with open_session.uow() as uow:
        for number in range(6):
            added = uow.concerns.add(child_id, first.draft, actor, sealed=False)
            uow.audit.append(actor, "concern.submitted", added.concern_id)
            entry = uow.referrals.add(
                added.concern_id, RouteId.POLICE_101, f"Officer {number}", datetime.now(UTC), "", "", None, actor
            )
            uow.audit.append(actor, "referral.recorded", entry.referral_id)
        uow.commit()
    for _ in range(3):
        screen_child(open_session, child_id, RiskLevel.HIGH, date.today() + timedelta(days=7))
    events = chronology_service.child_chronology(open_session, child_id).events
    assert sum(e.kind == "Concern" for e in events) == 7
    assert sum(e.kind == "Referral" for e in events) == 7
    assert _statements(open_session, child_id) == before
