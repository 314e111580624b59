"""The audit chain: appended with each change, refused edits, every kind of tampering found."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from desktop_app.domain.records import ConcernDraft
from desktop_app.services.vault import VaultSession
from desktop_app.store import audit
from desktop_app.store.errors import AppendOnly
from desktop_app.store.uow import UnauditedChange
from tests.fixtures_vault import DSL_NAME, fictional_child, raw_connection, record_concern


def _chain_problems(session: VaultSession) -> list[str]:
    report = session.verify()
    return [p for p in report.problems if p.startswith("Audit trail")]


def test_each_change_adds_a_chained_row_and_moves_the_anchor(open_session: VaultSession) -> None:
    before = open_session.audit_seq()
    record_concern(open_session)
    assert open_session.audit_seq() == before + 1
    anchor = json.loads((open_session.vault_dir / "audit.anchor").read_text())
    assert anchor["seq"] == before + 1
    assert DSL_NAME not in (open_session.vault_dir / "audit.anchor").read_text()
    assert open_session.verify().ok


def test_nothing_is_kept_unless_committed(open_session: VaultSession) -> None:
    with open_session.uow() as uow:
        uow.children.add(fictional_child("Ottoline"), open_session.actor())
        uow.audit.append(open_session.actor(), "child.added", 1)
    with open_session.uow() as uow:
        assert uow.children.search("Ottoline") == []


def test_a_change_without_its_audit_row_is_never_committed(open_session: VaultSession) -> None:
    with pytest.raises(UnauditedChange), open_session.uow() as uow:
        uow.children.add(fictional_child("Ottoline"), open_session.actor())
        uow.commit()
    with open_session.uow() as uow:
        assert uow.children.search("Ottoline") == []


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit SET action = 'nothing.happened'",
        "DELETE FROM audit",
        "UPDATE concerns SET body = '{}'",
        "DELETE FROM concerns",
        "UPDATE screenings SET confirmed_level = 'low'",
        "DELETE FROM addenda",
    ],
)
def test_submitted_records_and_the_audit_trail_cannot_be_edited(open_session: VaultSession, statement: str) -> None:
    record_concern(open_session)
    with pytest.raises(AppendOnly) as refused, open_session.uow() as uow:
        uow.session.execute(text(statement))
        # a table with no rows fires no trigger: make sure there is one to refuse
        if "screenings" in statement or "addenda" in statement:
            uow.session.execute(
                text(
                    "INSERT INTO addenda (object_kind, object_id, written_at, actor_name, "
                    "actor_role, reason, change) VALUES ('concern', 1, 'x', 'a', 'b', 'c', 'd')"
                )
            )
            uow.session.execute(
                text(statement.replace("screenings SET confirmed_level = 'low'", "addenda SET reason = 'r'"))
            )
    assert "addendum" in refused.value.sentence


def _tamper(session: VaultSession, *statements: str) -> bytes:
    """Lock the session, then edit the database with its data key behind the app's back; return the key."""
    key = session.data_key_for_checks()
    session.lock()
    connection = raw_connection(session.vault_dir, key)
    connection.execute("DROP TRIGGER audit_no_update")
    connection.execute("DROP TRIGGER audit_no_delete")
    for statement in statements:
        connection.execute(statement)
    connection.close()
    return key


def _full_check(session: VaultSession, key: bytes) -> set[tuple[int, str]]:
    connection = raw_connection(session.vault_dir, key)
    try:
        audit_key = bytes(connection.execute("SELECT audit_key FROM setting").fetchone()[0])
        result = audit.check_chain(connection, audit_key)
    finally:
        connection.close()
    return {(p.seq, p.what) for p in result.problems}


def test_an_untouched_chain_passes_the_full_check(open_session: VaultSession) -> None:
    record_concern(open_session)
    assert _full_check(open_session, open_session.data_key_for_checks()) == set()


def test_an_edited_row_is_found_by_a_full_check(open_session: VaultSession) -> None:
    record_concern(open_session)
    record_concern(open_session)
    key = _tamper(open_session, "UPDATE audit SET action = 'vault.unlocked' WHERE seq = 4")
    assert _full_check(open_session, key) == {(4, "was changed after it was written")}


def test_changed_details_and_a_deleted_row_are_found(open_session: VaultSession) -> None:
    for _ in range(3):
        record_concern(open_session)
    key = _tamper(
        open_session, "UPDATE audit SET details = '{\"edited\":1}' WHERE seq = 3", "DELETE FROM audit WHERE seq = 4"
    )
    assert _full_check(open_session, key) == {
        (3, "was changed after it was written"),
        (4, "entries 4 to 4 are missing"),
        (5, "does not follow the entry before it"),
    }


def test_a_concern_draft_round_trips_through_its_json_body(open_session: VaultSession) -> None:
    draft = ConcernDraft(
        account="Łucja said “he gave me a phone”", childs_words="he said I owe him", sign_ids=("ws_unexplained_gifts",)
    )
    actor = open_session.actor()
    with open_session.uow() as uow:
        child = uow.children.add(fictional_child("Łucja", "Ó Súilleabháin"), actor)
        concern = uow.concerns.add(child.child_id, draft, actor, sealed=False)
        uow.audit.append(actor, "concern.submitted", concern.concern_id)
        uow.commit()
    with open_session.uow() as uow:
        assert uow.concerns.get(concern.concern_id).draft == draft
        assert [c.child_id for c in uow.children.search("lucja o suil")] == [child.child_id]
