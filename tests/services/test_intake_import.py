"""On unlock the DSL opens the sealed concerns, files each against a child, and the sealed file goes; all audited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop_app.domain.enums import ChildRole
from desktop_app.domain.records import ChildDetails, ConcernDraft, OtherChild
from desktop_app.errors import FieldProblem
from desktop_app.services import vault as vault_service
from desktop_app.services.concern.flow import Mode
from desktop_app.services.intake import content as intake_content
from desktop_app.services.intake import import_items as intake_import
from desktop_app.services.intake import sealing as intake_sealing
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import DSL_NAME, PASSPHRASE, open_session  # noqa: F401 (a fixture)


@pytest.fixture
def session(open_session: VaultSession) -> VaultSession:
    return open_session


ZOE = ChildDetails("Zoë", "Wiśniewska-Nguyễn", year_group="Year 9")


def staff_draft(**changes: object) -> ConcernDraft:
    values: dict[str, object] = {
        "immediate_danger": False,
        "child": ZOE,
        "happened_at": datetime(2026, 11, 27, 15, 40),
        "location": "Bus shelter on Abbeydale Road",
        "account": "Saw her get into a grey Audi with two older men.",
        "childs_words": "If I don't go they'll hurt my brother",
        "other_children": (OtherChild("Tobiasz Kowalczyk", ChildRole.WITNESS),),
        "recorder_name": "Priya Ramanathan",
        "recorder_role": "Learning mentor",
        "recorded_at": datetime(2026, 11, 27, 16, 0),
        "declaration": True,
    }
    values.update(changes)
    return ConcernDraft(**values)  # type: ignore[arg-type]


def audit_actions(session: VaultSession) -> list[tuple[str, str, str]]:
    with session.uow() as uow:
        now = datetime.now(UTC)
        entries = uow.audit.entries(now - timedelta(days=1), now + timedelta(days=1))
    return [(e.action, e.object_ref, e.details or "") for e in entries]


def test_the_lock_screen_needs_no_keys_and_the_dsl_needs_no_more_than_an_unlock(session: VaultSession) -> None:
    vault_dir = session.vault_dir
    assert intake_sealing.INBOX_DIR == vault_service.INBOX_DIR
    identity = intake_sealing.read_identity(vault_dir)
    assert identity.vault_id == session.vault_id
    assert identity.dsl_names == (DSL_NAME,)  # "tell <name> now" on the lock screen, from the clear key slots
    assert "Morgan Fairweather" in intake_content.staff_content(vault_dir).dsl_label
    session.lock()

    reference = intake_sealing.SealedIntake.for_vault(vault_dir).submit(staff_draft())
    assert intake_sealing.pending(vault_dir) == 1
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    try:
        [item] = intake_import.list_pending(session)
        assert item.submitted and item.reference == reference and item.origin is Mode.STAFF
        assert item.draft == staff_draft()
        assert item.status == "Sent by the recorder"
        assert "Zoë Wiśniewska-Nguyễn" in item.summary() and "Priya Ramanathan" in item.summary()
    finally:
        session.lock()


def test_import_as_a_new_child_files_the_concern_deletes_the_sealed_file_and_audits_both(
    session: VaultSession,
) -> None:
    vault_dir = session.vault_dir
    writer = intake_sealing.SealedIntake.for_vault(vault_dir)
    writer.save_draft(staff_draft(account="half"))
    reference = writer.submit(staff_draft())
    [item] = intake_import.list_pending(session)

    concern = intake_import.import_item(session, item.item_id, intake_import.NewChild())

    assert intake_sealing.pending(vault_dir) == 0 and not writer.path.exists()
    with session.uow() as uow:
        stored = uow.concerns.get(concern.concern_id)
        child = uow.children.get(stored.child_id)
    assert stored.sealed and stored.draft == staff_draft() and stored.reference.startswith("WM-")
    assert child.details.first_name == "Zoë" and child.details.last_name == "Wiśniewska-Nguyễn"
    actions = audit_actions(session)
    names = [a for a, _, _ in actions]
    assert names[-3:] == ["child.added", "concern.imported", "sealed.deleted"]
    assert all(ref == f"concern:{concern.concern_id}" for a, ref, _ in actions if a.startswith(("concern.", "sealed")))
    assert reference in actions[-2][2]  # the intake reference the recorder was given is on the audit trail
    with pytest.raises(intake_import.ItemGone):
        intake_import.import_item(session, item.item_id, intake_import.NewChild())


def test_the_dsl_sees_children_on_file_who_may_match_and_can_import_for_one(session: VaultSession) -> None:
    with session.uow() as uow:
        same = uow.children.add(ChildDetails("Zoë", "Wiśniewska-Nguyễn", year_group="Year 9"), session.actor())
        uow.children.add(ChildDetails("Zoe", "Smith"), session.actor())
        uow.children.add(ChildDetails("Aarav", "Patel"), session.actor())
        uow.audit.append(session.actor(), "child.added", "test", {})
        uow.commit()
    intake_sealing.SealedIntake.for_vault(session.vault_dir).submit(staff_draft())
    [item] = intake_import.list_pending(session)
    assert item.suggestions[0].child_id == same.child_id
    assert "Aarav" not in " ".join(intake_import.child_label(c) for c in item.suggestions)

    concern = intake_import.import_item(session, item.item_id, intake_import.ExistingChild(same.child_id))
    assert concern.child_id == same.child_id
    with session.uow() as uow:
        assert [c.concern_id for c in uow.concerns.list_for_child(same.child_id)] == [concern.concern_id]


def test_an_unfinished_draft_is_imported_marked_as_not_submitted(session: VaultSession) -> None:
    writer = intake_sealing.SealedIntake.for_vault(session.vault_dir)
    writer.save_draft(staff_draft(declaration=False, recorded_at=None))  # the app was killed here
    [item] = intake_import.list_pending(session)
    assert not item.submitted and item.status == "Unfinished — the recorder did not submit it"

    concern = intake_import.import_item(session, item.item_id, intake_import.NewChild())
    with session.uow() as uow:
        [note] = uow.addenda.for_object("concern", concern.concern_id)
    assert "did not submit it" in note.reason
    assert "addendum.added" in [a for a, _, _ in audit_actions(session)]


def test_a_draft_without_the_childs_name_must_be_matched_to_a_child_on_file(session: VaultSession) -> None:
    intake_sealing.SealedIntake.for_vault(session.vault_dir).save_draft(ConcernDraft(immediate_danger=True))
    [item] = intake_import.list_pending(session)
    assert item.child_label == "Child not named" and "immediate danger" in item.summary()
    with pytest.raises(FieldProblem, match="did not name the child"):
        intake_import.import_item(session, item.item_id, intake_import.NewChild())
    assert intake_sealing.pending(session.vault_dir) == 1  # nothing lost


def test_a_damaged_or_foreign_sealed_file_is_listed_with_a_sentence_and_kept(session: VaultSession) -> None:
    writer = intake_sealing.SealedIntake.for_vault(session.vault_dir)
    writer.submit(staff_draft())
    blob = bytearray(writer.path.read_bytes())
    blob[-5] ^= 0xFF
    writer.path.write_bytes(bytes(blob))
    [item] = intake_import.list_pending(session)
    assert item.problem and "damaged" in item.problem and item.status == "Cannot be opened"
    assert writer.path.exists()


def test_the_dsl_records_a_concern_in_the_app_stored_and_audited_and_its_draft_removed(
    session: VaultSession,
) -> None:
    writer = intake_import.writer_for_session(session)
    writer.save_draft(staff_draft(account="so far"))
    assert intake_sealing.pending(session.vault_dir) == 0  # the DSL's own draft is not "waiting"
    [mine] = intake_import.list_pending(session)
    assert mine.origin is Mode.DSL and mine.draft.account == "so far"  # the DSL can resume it
    resumed = intake_import.writer_for_session(session, mine)
    assert resumed.path == writer.path

    concern = intake_import.submit_in_app(session, staff_draft(), resumed)
    assert not writer.path.exists()
    assert not concern.sealed and concern.reference.startswith("WM-")
    actions = audit_actions(session)
    assert (actions[-1][0], actions[-1][1]) == ("concern.submitted", f"concern:{concern.concern_id}")


def test_sealed_files_hold_no_plaintext_even_the_dsls_own_drafts(session: VaultSession) -> None:
    writer = intake_import.writer_for_session(session)
    writer.save_draft(staff_draft())
    raw = writer.path.read_bytes()
    for value in ("Zoë", "Wiśniewska", "Abbeydale", "grey Audi", "hurt my brother", "Tobiasz", "Priya"):
        assert value.encode() not in raw


def test_a_crash_after_import_but_before_deletion_is_finished_on_the_next_try(session: VaultSession) -> None:
    writer = intake_sealing.SealedIntake.for_vault(session.vault_dir)
    writer.submit(staff_draft())
    sealed_copy = writer.path.read_bytes()
    [item] = intake_import.list_pending(session)
    first = intake_import.import_item(session, item.item_id, intake_import.NewChild())
    writer.path.write_bytes(sealed_copy)  # as if the app stopped before the file was deleted

    again = intake_import.import_item(session, item.item_id, intake_import.NewChild())
    assert again.concern_id == first.concern_id  # not filed twice
    assert intake_sealing.pending(session.vault_dir) == 0
    with session.uow() as uow:
        assert len(uow.children.search("Wiśniewska")) == 1
    action, _, details = audit_actions(session)[-1]
    assert action == "sealed.deleted" and "already_imported" in details
