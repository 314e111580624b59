"""A child's file with actions can still be destroyed at the end of retention: the actions go with it, the staff
register stays, and another child's actions are untouched."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import text

from desktop_app.domain.records import ChildDetails
from desktop_app.services.actions import lists
from desktop_app.services.actions.add import NewAction, add_action
from desktop_app.services.actions.change import change_action
from desktop_app.services.actions.complete import complete_action
from desktop_app.services.audit import training
from desktop_app.services.retention import destroy
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import open_session, record_concern  # noqa: F401

TODAY = date.today()


def _count(session: VaultSession, table: str) -> int:
    with session.uow() as uow:
        return int(uow.session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_destroying_a_file_takes_its_actions_and_leaves_the_others(open_session: VaultSession) -> None:
    session = open_session
    ama = training.add_staff(session, "Ama Boateng", "Head of Year 9").staff_id
    lewis = training.add_staff(session, "Lewis Tregarthen", "Attendance officer").staff_id
    former = record_concern(session, child=ChildDetails("Imogen", "Brackenbury", date_of_birth=date(1999, 1, 2)))
    kept = record_concern(session, child=ChildDetails("Corin", "Ashdown", date_of_birth=date(2012, 5, 1)))
    done = add_action(session, former, NewAction("Speak to mum", TODAY + timedelta(days=2), ama), TODAY)
    complete_action(session, done.action_id, "Mum will collect her.", TODAY, TODAY)
    handed = add_action(session, former, NewAction("Check attendance", TODAY + timedelta(days=2), ama), TODAY)
    change_action(session, handed.action_id, lewis, TODAY + timedelta(days=5), "Attendance officer does this", TODAY)
    other = add_action(session, kept, NewAction("Meet Corin", TODAY + timedelta(days=1), ama), TODAY)
    with session.uow() as uow:
        child_id = uow.concerns.get(former).child_id

    destroy.destroy_file(session, child_id, "Retention period ended", TODAY)

    assert lists.for_concern(session, kept) == [lists.get(session, other.action_id)]
    assert [r.action_id for r in lists.due_actions(session, TODAY)] == [other.action_id]
    assert (_count(session, "concern_actions"), _count(session, "action_events"), _count(session, "action_state")) == (
        1,
        1,
        1,
    )
    assert {m.name for m in lists.owners(session)} == {"Ama Boateng", "Lewis Tregarthen"}
