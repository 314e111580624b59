"""Vault use cases: create, unlock, recovery, people, passphrases, re-key, one instance."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app.domain.enums import Role
from desktop_app.errors import UserFacingError
from desktop_app.services import vault as vault_service
from desktop_app.services.vault import PassphraseRefused, UnlockDelayed, VaultExists
from desktop_app.services.vault import keys as vault_keys
from desktop_app.services.vault import people as vault_people
from desktop_app.store import database as store_database
from desktop_app.store.errors import VaultDamaged
from desktop_app.vault import AlreadyRunning, WrongPassphrase
from desktop_app.vault.keyslots import KeySlotFile
from tests.fixtures_vault import (
    DSL_NAME,
    PASSPHRASE,
    SETTING,
    created_vault,
    make_vault,
    open_session,
    record_concern,
)

__all__ = ["created_vault", "open_session"]  # pytest fixtures used below

DEPUTY_PASSPHRASE = "heron over the winter marsh at dawn"


def test_a_new_vault_opens_with_its_passphrase_and_knows_its_dsl(tmp_path: Path) -> None:
    created = make_vault(tmp_path / "vault")
    concern_id = record_concern(created.session)
    created.session.lock()
    session = vault_service.unlock(tmp_path / "vault", PASSPHRASE)
    try:
        assert session.user.name == DSL_NAME and session.user.role is Role.DSL
        assert session.setting.name == SETTING.name
        with session.uow() as uow:
            assert uow.concerns.get(concern_id).draft.location == "Bus station"
        assert vault_service.read_public_key(tmp_path / "vault") == bytes.fromhex(
            (tmp_path / "vault" / "intake.pub").read_text()
        )
        assert len(session.intake_private_key()) == 32
    finally:
        session.lock()


def test_an_existing_vault_is_never_overwritten(tmp_path: Path) -> None:
    make_vault(tmp_path / "vault").session.lock()
    with pytest.raises(VaultExists):
        make_vault(tmp_path / "vault")


def test_a_common_or_short_passphrase_is_refused_at_setup(tmp_path: Path) -> None:
    with pytest.raises(PassphraseRefused):
        make_vault(tmp_path / "vault", passphrase="short one")
    assert not vault_service.vault_exists(tmp_path / "vault")


def test_a_second_instance_is_refused_while_the_vault_is_open(tmp_path: Path) -> None:
    created = make_vault(tmp_path / "vault")
    with pytest.raises(AlreadyRunning) as refused:
        vault_service.unlock(tmp_path / "vault", PASSPHRASE)
    assert "already open" in refused.value.sentence
    created.session.lock()
    vault_service.unlock(tmp_path / "vault", PASSPHRASE).lock()


def test_a_locked_session_reads_nothing(open_session: vault_service.VaultSession) -> None:
    open_session.lock()
    open_session.lock()  # idempotent
    with pytest.raises(UserFacingError, match="locked"):
        open_session.uow()


def test_repeated_wrong_passphrases_bring_a_growing_delay(tmp_path: Path) -> None:
    make_vault(tmp_path / "vault").session.lock()
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            vault_service.unlock(tmp_path / "vault", "not the passphrase at all, sorry")
    with pytest.raises(UnlockDelayed) as delayed:
        vault_service.unlock(tmp_path / "vault", PASSPHRASE)
    assert delayed.value.seconds > 0 and "Wait" in delayed.value.sentence


def test_the_recovery_key_opens_and_a_new_passphrase_is_set(tmp_path: Path) -> None:
    created = make_vault(tmp_path / "vault")
    created.session.lock()
    session = vault_service.unlock_with_recovery(tmp_path / "vault", created.recovery_key.lower())
    assert session.needs_new_passphrase and session.user.name == DSL_NAME
    vault_keys.set_own_passphrase(session, "a brand new passphrase for the spring term")
    session.lock()
    with pytest.raises(WrongPassphrase):
        vault_service.unlock(tmp_path / "vault", PASSPHRASE)
    vault_service.unlock(tmp_path / "vault", "a brand new passphrase for the spring term").lock()


def test_changing_a_passphrase_needs_the_old_one(open_session: vault_service.VaultSession) -> None:
    with pytest.raises(WrongPassphrase):
        vault_keys.change_passphrase(open_session, "a guess that is not right at all", "another long passphrase here")
    vault_keys.change_passphrase(open_session, PASSPHRASE, "another long passphrase here please")
    vault_dir = open_session.vault_dir
    open_session.lock()
    vault_service.unlock(vault_dir, "another long passphrase here please").lock()


def test_a_deputy_gets_their_own_way_in(open_session: vault_service.VaultSession) -> None:
    deputy = vault_people.add_user(open_session, "Rowan Ellery", Role.DEPUTY_DSL, DEPUTY_PASSPHRASE)
    vault_dir = open_session.vault_dir
    open_session.lock()
    session = vault_service.unlock(vault_dir, DEPUTY_PASSPHRASE)
    assert session.user == deputy
    assert {u.name for u in vault_people.users(session)} == {DSL_NAME, "Rowan Ellery"}
    session.lock()


def test_after_removing_a_user_their_old_slot_no_longer_opens_the_vault(
    open_session: vault_service.VaultSession,
) -> None:
    vault_dir = open_session.vault_dir
    concern_id = record_concern(open_session)
    deputy = vault_people.add_user(open_session, "Rowan Ellery", Role.DEPUTY_DSL, DEPUTY_PASSPHRASE)
    kept_copy = vault_dir.parent / "keyslots-kept-by-deputy.json"
    shutil.copy(vault_dir / "keyslots.json", kept_copy)
    steps: list[str] = []
    backup = vault_people.remove_user(open_session, deputy.user_id, progress=lambda _s, _of, what: steps.append(what))
    assert backup.exists() and steps[0] == "Backing up the vault" and steps[-1] == "Done"
    assert [u.name for u in vault_people.users(open_session)] == [DSL_NAME]
    open_session.lock()

    with pytest.raises(WrongPassphrase):
        vault_service.unlock(vault_dir, DEPUTY_PASSPHRASE)
    old_key, _slot = KeySlotFile.load(kept_copy).open_with_passphrase(DEPUTY_PASSPHRASE)
    with pytest.raises(VaultDamaged):
        store_database.open_database(vault_dir, old_key)
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    with session.uow() as uow:
        assert uow.concerns.get(concern_id).draft.location == "Bus station"
    assert session.verify().ok
    session.lock()


def test_a_re_key_interrupted_before_the_database_changed_is_finished_at_unlock(
    open_session: vault_service.VaultSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault_dir = open_session.vault_dir
    deputy = vault_people.add_user(open_session, "Rowan Ellery", Role.DEPUTY_DSL, DEPUTY_PASSPHRASE)

    def power_cut(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(store_database, "rekey_file", power_cut)
    with pytest.raises(KeyboardInterrupt):
        vault_people.remove_user(open_session, deputy.user_id)
    open_session.lock()
    monkeypatch.undo()

    session = vault_service.unlock(vault_dir, PASSPHRASE)
    assert session.verify().ok
    session.lock()
    with pytest.raises(WrongPassphrase):
        vault_service.unlock(vault_dir, DEPUTY_PASSPHRASE)


def test_nobody_can_remove_themselves(open_session: vault_service.VaultSession) -> None:
    with pytest.raises(UserFacingError, match="cannot remove yourself"):
        vault_people.remove_user(open_session, open_session.user.user_id)


def test_a_new_recovery_key_replaces_the_old_one(tmp_path: Path) -> None:
    from desktop_app.vault import WrongRecoveryKey

    created = make_vault(tmp_path / "vault")
    new_key = vault_keys.replace_recovery_key(created.session)
    created.session.lock()
    with pytest.raises(WrongRecoveryKey):
        vault_service.unlock_with_recovery(tmp_path / "vault", created.recovery_key)
    vault_service.unlock_with_recovery(tmp_path / "vault", new_key).lock()


def test_no_key_shows_in_a_session_s_repr(open_session: vault_service.VaultSession) -> None:
    key = open_session.data_key_for_checks()
    shown = repr(open_session) + repr(open_session._db()) + str(vars(open_session._db()).keys())
    assert key.hex() not in shown and repr(key) not in shown
    assert "audit_key" not in repr(open_session._db())


def test_the_recovery_key_does_not_show_in_the_created_vault_s_repr(
    created_vault: vault_service.CreatedVault,
) -> None:
    from desktop_app.vault import recovery

    shown = repr(created_vault) + str(created_vault)
    assert created_vault.recovery_key not in shown
    assert recovery.parse(created_vault.recovery_key).hex() not in shown
    assert created_vault.vault_id in shown


def test_wrong_passphrases_given_to_verify_bring_the_same_growing_delay(tmp_path: Path) -> None:
    make_vault(tmp_path / "vault").session.lock()
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            vault_service.verify(tmp_path / "vault", "not the passphrase at all, sorry")
    with pytest.raises(UnlockDelayed):
        vault_service.verify(tmp_path / "vault", PASSPHRASE)
    with pytest.raises(UnlockDelayed):
        vault_service.unlock(tmp_path / "vault", PASSPHRASE)
