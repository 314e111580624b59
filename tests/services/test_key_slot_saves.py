"""A full disk while the key slots are saved: each change to who can unlock leaves the session and the key files on
disk exactly as they were, says so in a sentence, and works when tried again.

The disk is made full at the operating system's rename (``os.replace`` raising ENOSPC), once, for one of the three
files a save writes in turn: the previous copy (keyslots.json.bak), keyslots.json itself, then the recovery copy
(keyslots.recovery.json). The last is the hard case: keyslots.json has already been replaced when it fails.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.domain.enums import Role
from desktop_app.services import vault as vault_service
from desktop_app.services.vault import VaultSession
from desktop_app.services.vault import keys as vault_keys
from desktop_app.services.vault import people as vault_people
from desktop_app.vault import WrongPassphrase, WrongRecoveryKey, keyslots
from desktop_app.vault import recovery as recovery_keys
from desktop_app.vault.errors import DiskFull
from tests.fixtures_vault import DSL_NAME, PASSPHRASE, make_vault, open_session

__all__ = ["open_session"]  # a pytest fixture used below

DEPUTY_PASSPHRASE = "copper kettle under the old bridge"
NEW_PASSPHRASE = "a quiet lane past the allotments in spring"
KEY_FILES = (keyslots.FILE_NAME, keyslots.RECOVERY_COPY_NAME)
FAILING = [keyslots.FILE_NAME + ".bak", keyslots.FILE_NAME, keyslots.RECOVERY_COPY_NAME]


def _disk_full_once(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """The next rename onto ``name`` fails as on a full disk (once: trying again finds room); returns the list the
    failure is noted in."""
    real = os.replace
    failed: list[str] = []

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).name == name and not failed:
            failed.append(name)
            raise OSError(errno.ENOSPC, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return failed


def _key_files(vault_dir: Path) -> dict[str, bytes]:
    return {name: (vault_dir / name).read_bytes() for name in KEY_FILES}


def _session_slots(session: VaultSession) -> dict[str, object]:
    return session.key_slots.to_json()


def _fails_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, failing: str, change: Callable[..., object], session: VaultSession, *args: object
) -> None:
    """``change(session, *args)`` on a disk that fills up at ``failing``: a sentence, and nothing changed."""
    on_disk, held = _key_files(session.vault_dir), _session_slots(session)
    failed = _disk_full_once(monkeypatch, failing)
    with pytest.raises(DiskFull) as refused:
        change(session, *args)
    assert failed == [failing], "the full disk was met while saving the key slots"
    assert "The disk is full" in refused.value.sentence
    assert _key_files(session.vault_dir) == on_disk, "the key files on disk are as they were"
    assert _session_slots(session) == held, "the session holds the key slots it held before"


@pytest.mark.parametrize("failing", FAILING)
def test_adding_a_deputy_on_a_full_disk_changes_nothing_and_can_be_tried_again(
    open_session: VaultSession, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    vault_dir = open_session.vault_dir
    deputy = ("Rowan Ellery", Role.DEPUTY_DSL, DEPUTY_PASSPHRASE)
    _fails_and_changes_nothing(monkeypatch, failing, vault_people.add_user, open_session, *deputy)
    assert [u.name for u in vault_people.users(open_session)] == [DSL_NAME]
    with pytest.raises(WrongPassphrase):
        keyslots.KeySlotFile.load(vault_dir / keyslots.FILE_NAME).open_with_passphrase(DEPUTY_PASSPHRASE)

    vault_people.add_user(open_session, *deputy)
    open_session.lock()
    session = vault_service.unlock(vault_dir, DEPUTY_PASSPHRASE)
    try:
        assert session.user.name == "Rowan Ellery"
        assert session.verify().ok
    finally:
        session.lock()


@pytest.mark.parametrize("failing", FAILING)
def test_changing_a_passphrase_on_a_full_disk_keeps_the_old_one_and_can_be_tried_again(
    open_session: VaultSession, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    vault_dir = open_session.vault_dir

    passphrases = (PASSPHRASE, NEW_PASSPHRASE)
    _fails_and_changes_nothing(monkeypatch, failing, vault_keys.change_passphrase, open_session, *passphrases)
    vault_keys.change_passphrase(open_session, *passphrases)
    open_session.lock()
    with pytest.raises(WrongPassphrase):
        vault_service.unlock(vault_dir, PASSPHRASE)
    vault_service.unlock(vault_dir, NEW_PASSPHRASE).lock()


@pytest.mark.parametrize("failing", FAILING)
def test_a_new_passphrase_after_recovery_on_a_full_disk_is_asked_for_again_and_can_be_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    created = make_vault(tmp_path / "vault")
    created.session.lock()
    session = vault_service.unlock_with_recovery(tmp_path / "vault", created.recovery_key)
    try:
        _fails_and_changes_nothing(monkeypatch, failing, vault_keys.set_own_passphrase, session, NEW_PASSPHRASE)
        assert session.needs_new_passphrase, "the session still asks for a new passphrase"
        vault_keys.set_own_passphrase(session, NEW_PASSPHRASE)
        assert not session.needs_new_passphrase
    finally:
        session.lock()
    vault_service.unlock(tmp_path / "vault", NEW_PASSPHRASE).lock()


@pytest.mark.parametrize("failing", FAILING)
def test_a_new_recovery_key_on_a_full_disk_leaves_the_old_one_working_and_can_be_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    created = make_vault(tmp_path / "vault")
    vault_dir, session = tmp_path / "vault", created.session
    try:
        _fails_and_changes_nothing(monkeypatch, failing, vault_keys.replace_recovery_key, session)
        old_key = recovery_keys.parse(created.recovery_key)
        keyslots.KeySlotFile.load(vault_dir / keyslots.FILE_NAME).open_with_recovery(old_key)  # still opens
        new_key = vault_keys.replace_recovery_key(session)
    finally:
        session.lock()
    with pytest.raises(WrongRecoveryKey):
        vault_service.unlock_with_recovery(vault_dir, created.recovery_key)
    vault_service.unlock_with_recovery(vault_dir, new_key).lock()


@pytest.mark.parametrize("failing", FAILING)
def test_removing_a_deputy_on_a_full_disk_changes_no_key_file_and_can_be_tried_again(
    open_session: VaultSession, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    vault_dir = open_session.vault_dir
    deputy = vault_people.add_user(open_session, "Rowan Ellery", Role.DEPUTY_DSL, DEPUTY_PASSPHRASE)
    published = (vault_dir / "intake.pub").read_bytes()

    _fails_and_changes_nothing(monkeypatch, failing, vault_people.remove_user, open_session, deputy.user_id)
    assert (vault_dir / "intake.pub").read_bytes() == published
    assert {u.name for u in vault_people.users(open_session)} == {DSL_NAME, "Rowan Ellery"}

    vault_people.remove_user(open_session, deputy.user_id)
    open_session.lock()
    with pytest.raises(WrongPassphrase):
        vault_service.unlock(vault_dir, DEPUTY_PASSPHRASE)
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    try:
        assert [u.name for u in vault_people.users(session)] == [DSL_NAME]
        assert session.verify().ok
    finally:
        session.lock()
