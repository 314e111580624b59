"""The awaiting list's order (immediate danger, then significant signs, then the oldest) comes from the status index
alone, for concerns recorded now and for concerns recorded before the index carried it (migration 0013)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import event

from desktop_app.domain.records import ConcernDraft
from desktop_app.services import vault as vault_service
from desktop_app.store import migrate
from desktop_app.store.database import open_database
from tests.fixtures_vault import PASSPHRASE, fictional_child, make_vault

SIGN = "missing_from_home"  # any id: the repository is told which ids are significant


def _record(session: vault_service.VaultSession, last: str, danger: bool = False, signs: tuple[str, ...] = ()) -> int:
    actor = session.actor()
    with session.uow() as uow:
        child = uow.children.add(fictional_child("Ottilie", last), actor)
        concern = uow.concerns.add(
            child.child_id, ConcernDraft(account=f"About {last}", immediate_danger=danger, sign_ids=signs), actor, False
        )
        uow.audit.append(actor, "concern.submitted", concern.concern_id)
        uow.commit()
    return concern.concern_id


def _order(session: vault_service.VaultSession) -> list[int]:
    with session.uow() as uow:
        return [c.concern_id for c in uow.concerns.awaiting_screening(10, significant=[SIGN])]


def test_concerns_recorded_before_the_upgrade_are_ordered_by_urgency_after_it(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    created = make_vault(vault_dir)
    oldest = _record(created.session, "Aldous")
    signs = _record(created.session, "Brennan", signs=("other_sign", SIGN))
    danger = _record(created.session, "Castellan", danger=True)
    key = created.session.data_key_for_checks()
    created.session.lock()
    database = open_database(vault_dir, key, upgrade=False)
    with database.engine.begin() as connection:
        command.downgrade(migrate._config(connection), "0012_attachments")
    database.dispose()

    session = vault_service.unlock(vault_dir, PASSPHRASE)  # upgrades, after a backup
    try:
        assert _order(session) == [danger, signs, oldest]
        newer_danger = _record(session, "Dunmore", danger=True)
        assert _order(session) == [danger, newer_danger, signs, oldest]
    finally:
        session.lock()


def test_the_order_is_found_in_the_index_without_reading_a_concern(tmp_path: Path) -> None:
    created = make_vault(tmp_path / "vault")
    session = created.session
    for number in range(5):
        _record(session, f"Evershed-{number}", danger=number == 3, signs=(SIGN,) if number == 1 else ())
    plans: list[str] = []
    engine = session._db().engine

    def explain(_connection, cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        if "ORDER BY" in statement and "concern_state" in statement and "LIMIT" in statement:
            rows = cursor.connection.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
            plans.append(" / ".join(str(row[-1]) for row in rows))

    event.listen(engine, "before_cursor_execute", explain)
    try:
        order = _order(session)
    finally:
        event.remove(engine, "before_cursor_execute", explain)
        session.lock()
    assert len(order) == 5
    assert plans, "the ordering query was not seen"
    assert "COVERING INDEX ix_concern_state_status" in plans[0]
    assert "concerns" not in plans[0].replace("concern_state", "")
