"""Removing a DSL or deputy also replaces the vault's intake key pair: they could have read the old private key, so
concerns recorded at the lock screen from then on must be sealed to a key they never had. Items already waiting
still open for the DSL."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop_app.domain.enums import Role
from desktop_app.domain.records import ChildDetails, ConcernDraft
from desktop_app.services import vault as vault_service
from desktop_app.services.intake import import_items as intake_import
from desktop_app.services.intake import sealing as intake_sealing
from desktop_app.services.vault import VaultSession
from desktop_app.services.vault import people as vault_people
from desktop_app.store.errors import VaultDamaged
from desktop_app.vault.errors import SealedItemDamaged
from desktop_app.vault.keyslots import KeySlotFile
from tests.fixtures_vault import PASSPHRASE, open_session

__all__ = ["open_session"]  # a pytest fixture used below

DEPUTY_PASSPHRASE = "copper kettle under the old bridge"


def staff_draft(account: str) -> ConcernDraft:
    return ConcernDraft(
        child=ChildDetails("Ilse", "Varga-Obi", year_group="Year 8"),
        happened_at=datetime(2026, 11, 27, 15, 40),
        location="Bus shelter",
        account=account,
        recorder_name="Priya Ramanathan",
        recorded_at=datetime(2026, 11, 27, 16, 0),
        declaration=True,
    )


def test_after_removing_a_user_lock_screen_concerns_are_sealed_to_a_key_they_never_had(
    open_session: VaultSession,
) -> None:
    vault_dir = open_session.vault_dir
    deputy = vault_people.add_user(open_session, "Rowan Ellery", Role.DEPUTY_DSL, DEPUTY_PASSPHRASE)
    known_to_deputy = open_session.intake_private_key()  # anyone with a slot could read it from the database
    published_before = (vault_dir / "intake.pub").read_text()
    waiting = intake_sealing.SealedIntake.for_vault(vault_dir)
    waiting.submit(staff_draft("Recorded before the removal."))

    vault_people.remove_user(open_session, deputy.user_id)

    assert (vault_dir / "intake.pub").read_text() != published_before
    published = (vault_dir / "intake.pub").read_text().strip()
    assert KeySlotFile.load(vault_dir / "keyslots.json").public_key.hex() == published
    after = intake_sealing.SealedIntake.for_vault(vault_dir)
    after.submit(staff_draft("Recorded after the removal."))
    with pytest.raises(SealedItemDamaged):
        intake_sealing.open_file(after.path, known_to_deputy, open_session.vault_id)
    dsl_draft = intake_import.writer_for_session(open_session)
    dsl_draft.save_draft(staff_draft("The DSL's own draft after the removal."))
    with pytest.raises(SealedItemDamaged):
        intake_sealing.open_file(dsl_draft.path, known_to_deputy, open_session.vault_id)

    open_session.lock()
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    try:
        items = intake_import.list_pending(session)
        assert sorted(i.draft.account for i in items if not i.problem) == [
            "Recorded after the removal.",
            "Recorded before the removal.",
            "The DSL's own draft after the removal.",
        ]
        for item in items:
            if item.item_id.startswith(intake_sealing.STAFF_PREFIX):
                intake_import.import_item(session, item.item_id, intake_import.NewChild())
        assert intake_sealing.pending(vault_dir) == 0
        assert session.verify().ok
    finally:
        session.lock()


def test_a_removal_stopped_before_intake_pub_was_written_is_finished_at_the_next_unlock(
    open_session: VaultSession,
) -> None:
    vault_dir = open_session.vault_dir
    deputy = vault_people.add_user(open_session, "Rowan Ellery", Role.DEPUTY_DSL, DEPUTY_PASSPHRASE)
    published_before = (vault_dir / "intake.pub").read_text()
    vault_people.remove_user(open_session, deputy.user_id)
    open_session.lock()
    (vault_dir / "intake.pub").write_text(published_before)  # as if the app stopped just before writing it
    with pytest.raises(VaultDamaged):
        intake_sealing.SealedIntake.for_vault(vault_dir)

    vault_service.unlock(vault_dir, PASSPHRASE).lock()

    writer = intake_sealing.SealedIntake.for_vault(vault_dir)
    writer.submit(staff_draft("Recorded once the vault was opened again."))
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    try:
        [item] = intake_import.list_pending(session)
        assert not item.problem and item.draft.account == "Recorded once the vault was opened again."
    finally:
        session.lock()
