"""A concern's actions as the DSL uses them: agreed with an owner and a due date, handed on, completed with an
outcome; listed on the concern, on the dashboard when due or overdue, and in the child's chronology."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from desktop_app.domain.actions import ActionChange
from desktop_app.errors import InvalidInput, UserFacingError
from desktop_app.services import casework
from desktop_app.services.actions import lists
from desktop_app.services.actions.add import NewAction, add_action
from desktop_app.services.actions.change import change_action
from desktop_app.services.actions.complete import complete_action
from desktop_app.services.audit import training
from desktop_app.services.child.chronology import ACTION, ACTION_DONE, child_chronology
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import fictional_child, open_session, record_concern  # noqa: F401

TODAY = date.today()


def _audit(session: VaultSession) -> list[tuple[str, str]]:
    with session.uow() as uow:
        entries = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
    return [(e.action, e.object_ref) for e in entries]


@pytest.fixture
def staff(open_session: VaultSession) -> tuple[int, int]:
    ama = training.add_staff(open_session, "Ama Boateng", "Head of Year 9").staff_id
    lewis = training.add_staff(open_session, "Lewis Tregarthen", "Attendance officer").staff_id
    return ama, lewis


def test_an_action_is_agreed_with_an_owner_and_due_date_and_audited(
    open_session: VaultSession,
    staff: tuple[int, int],
) -> None:
    concern_id = record_concern(open_session)
    action = add_action(
        open_session,
        concern_id,
        NewAction("  Speak to mum about the older boys  ", TODAY + timedelta(days=3), staff[0]),
        TODAY,
    )
    assert action.text == "Speak to mum about the older boys"
    assert action.owner.described == "Ama Boateng (Head of Year 9)" and action.is_open
    [shown] = lists.for_concern(open_session, concern_id)
    assert shown == action
    assert ("action.added", f"action:{action.action_id}") in _audit(open_session)


def test_bad_input_is_refused_field_by_field_and_nothing_is_saved(
    open_session: VaultSession,
    staff: tuple[int, int],
) -> None:
    concern_id = record_concern(open_session)
    with pytest.raises(InvalidInput) as caught:
        add_action(open_session, concern_id, NewAction("", TODAY - timedelta(days=1)), TODAY)
    assert {p.field for p in caught.value.problems} == {"text", "due", "owner"}
    assert "passed" in caught.value.sentence
    with pytest.raises(InvalidInput, match="more than 365 days"):
        add_action(open_session, concern_id, NewAction("Check in", TODAY + timedelta(days=400), staff[0]), TODAY)
    training.staff_left(open_session, staff[1], TODAY)
    with pytest.raises(InvalidInput, match="Lewis Tregarthen has left"):
        add_action(open_session, concern_id, NewAction("Check in", TODAY, staff[1]), TODAY)
    assert lists.for_concern(open_session, concern_id) == []


def test_a_new_member_of_staff_named_in_the_action_joins_the_register(
    open_session: VaultSession,
) -> None:
    concern_id = record_concern(open_session)
    action = add_action(
        open_session,
        concern_id,
        NewAction("Daily attendance check", TODAY + timedelta(days=7), None, " Priya  Raman ", "Learning mentor"),
        TODAY,
    )
    assert action.owner.name == "Priya Raman"
    assert [m.name for m in lists.owners(open_session)] == ["Priya Raman"]
    assert ("staff.added", f"staff:{action.owner.staff_id}") in _audit(open_session)


def test_handing_on_and_moving_the_date_are_new_events_the_old_ones_kept(
    open_session: VaultSession,
    staff: tuple[int, int],
) -> None:
    ama, lewis = staff
    concern_id = record_concern(open_session)
    first_due = TODAY + timedelta(days=2)
    action = add_action(
        open_session, concern_id, NewAction("Ask the social worker for an update", first_due, ama), TODAY
    )
    with pytest.raises(InvalidInput, match="Say why"):
        change_action(open_session, action.action_id, lewis, first_due, "", TODAY)
    with pytest.raises(UserFacingError, match="Nothing was changed"):
        change_action(open_session, action.action_id, ama, first_due, "No change", TODAY)
    moved = change_action(open_session, action.action_id, lewis, first_due, "Ama is on a course this week", TODAY)
    later = change_action(open_session, action.action_id, lewis, TODAY + timedelta(days=9), "Social worker away", TODAY)
    assert moved.owner.name == "Lewis Tregarthen"
    assert [e.change for e in later.events] == [ActionChange.ADDED, ActionChange.REASSIGNED, ActionChange.REDATED]
    assert [e.owner.name for e in later.events] == ["Ama Boateng", "Lewis Tregarthen", "Lewis Tregarthen"]
    assert later.events[0].due == first_due and later.due == TODAY + timedelta(days=9)
    assert later.events[2].reason == "Social worker away"
    trail = _audit(open_session)
    assert ("action.reassigned", f"action:{action.action_id}") in trail
    assert ("action.redated", f"action:{action.action_id}") in trail


def test_completing_needs_an_outcome_and_closes_the_action_for_good(
    open_session: VaultSession,
    staff: tuple[int, int],
) -> None:
    concern_id = record_concern(open_session)
    action = add_action(
        open_session, concern_id, NewAction("Meet the child", TODAY + timedelta(days=1), staff[0]), TODAY
    )
    with pytest.raises(InvalidInput, match="Write the outcome"):
        complete_action(open_session, action.action_id, "  ", today=TODAY)
    with pytest.raises(InvalidInput, match="cannot be in the future"):
        complete_action(open_session, action.action_id, "Met", TODAY + timedelta(days=1), TODAY)
    done = complete_action(open_session, action.action_id, "Met at lunch; he wants a mentor.", TODAY, TODAY)
    assert not done.is_open and done.done_on == TODAY and done.outcome == "Met at lunch; he wants a mentor."
    with pytest.raises(UserFacingError, match="already completed"):
        complete_action(open_session, action.action_id, "Again", TODAY, TODAY)
    with pytest.raises(UserFacingError, match="already completed"):
        change_action(open_session, action.action_id, staff[1], TODAY, "Too late", TODAY)
    assert ("action.completed", f"action:{action.action_id}") in _audit(open_session)


def test_the_rows_refuse_to_be_edited_or_deleted(
    open_session: VaultSession,
    staff: tuple[int, int],
) -> None:
    concern_id = record_concern(open_session)
    add_action(open_session, concern_id, NewAction("Meet the child", TODAY, staff[0]), TODAY)
    for statement in (
        "UPDATE concern_actions SET description = 'x'",
        "DELETE FROM concern_actions",
        "UPDATE action_events SET outcome = 'x'",
        "DELETE FROM action_events",
    ):
        with open_session.uow() as uow, pytest.raises(Exception, match="cannot be changed"):
            uow.session.execute(text(statement))


def test_a_closed_concern_takes_no_new_action(
    open_session: VaultSession,
    staff: tuple[int, int],
) -> None:
    concern_id = record_concern(open_session)
    casework.close_concern(open_session, concern_id, "No further action: the car was her uncle's.")
    with pytest.raises(UserFacingError, match="closed"):
        add_action(open_session, concern_id, NewAction("Meet the child", TODAY, staff[0]), TODAY)


def test_the_dashboard_lists_due_and_overdue_actions_most_overdue_first_a_page_at_a_time(
    open_session: VaultSession,
    staff: tuple[int, int],
) -> None:
    ama, _ = staff
    concern_id = record_concern(open_session)
    other = record_concern(open_session, child=fictional_child("Tamsin", "Quillfeather"))
    added_on = TODAY - timedelta(days=20)
    overdue = add_action(open_session, concern_id, NewAction("Overdue one", TODAY - timedelta(days=5), ama), added_on)
    soon = add_action(open_session, other, NewAction("Due soon", TODAY + timedelta(days=3), ama), added_on)
    add_action(open_session, concern_id, NewAction("Far ahead", TODAY + timedelta(days=30), ama), added_on)
    finished = add_action(open_session, concern_id, NewAction("Done already", TODAY - timedelta(days=6), ama), added_on)
    complete_action(open_session, finished.action_id, "Done", TODAY, TODAY)

    rows = lists.due_actions(open_session, TODAY)
    assert [(r.action_id, r.days_overdue) for r in rows] == [(overdue.action_id, 5), (soon.action_id, 0)]
    assert rows[0].overdue and rows[0].child_name.startswith("Tamsin Quillfeather (")  # with a year group
    assert rows[0].reference and rows[0].owner.name == "Ama Boateng"
    assert [r.action_id for r in lists.due_actions(open_session, TODAY, limit=1, offset=1)] == [soon.action_id]
    counts = lists.count_due(open_session, TODAY)
    assert (counts.due, counts.overdue) == (2, 1) and counts.horizon == TODAY + timedelta(days=7)


def test_the_chronology_shows_open_and_completed_actions(
    open_session: VaultSession,
    staff: tuple[int, int],
) -> None:
    concern_id = record_concern(open_session)
    open_one = add_action(
        open_session, concern_id, NewAction("Check attendance daily", TODAY + timedelta(days=4), staff[1]), TODAY
    )
    done = add_action(open_session, concern_id, NewAction("Speak to grandmother", TODAY, staff[0]), TODAY)
    complete_action(open_session, done.action_id, "Grandmother will collect him after school.", TODAY, TODAY)
    with open_session.uow() as uow:
        child_id = uow.concerns.get(concern_id).child_id
    events = child_chronology(open_session, child_id).events
    agreed = [e for e in events if e.kind == ACTION]
    assert [e.summary for e in agreed] == [
        "Action agreed: Check attendance daily",
        "Action agreed: Speak to grandmother",
    ]
    assert agreed[0].action.startswith("Open: Lewis Tregarthen (Attendance officer), due")
    assert agreed[1].action.startswith("Completed")
    [completed] = [e for e in events if e.kind == ACTION_DONE]
    assert completed.outcome == "Grandmother will collect him after school." and completed.reference
    assert open_one.action_id != done.action_id
