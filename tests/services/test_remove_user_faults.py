"""Removing a user on a full disk: the sentence is given, nothing is lost, and trying again later works."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.enums import Role
from desktop_app.services import vault as vault_service
from desktop_app.services.vault import VaultSession
from desktop_app.services.vault import people as vault_people
from desktop_app.vault import WrongPassphrase, atomic, keyslots
from desktop_app.vault.errors import DiskFull
from tests.fixtures_vault import PASSPHRASE, open_session

__all__ = ["open_session"]  # a pytest fixture used below

DEPUTY_PASSPHRASE = "copper kettle under the old bridge"


def _fail_once(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    real = atomic.write_text
    failed: list[Path] = []

    def write_text(path: Path | str, text: str, keep_previous: bool = False, **options: Any) -> None:
        if Path(path).name == name and not failed:
            failed.append(Path(path))
            raise DiskFull("The disk is full: nothing was changed.")
        real(path, text, keep_previous=keep_previous, **options)

    monkeypatch.setattr(keyslots.atomic, "write_text", write_text)


@pytest.mark.parametrize("failing_file", [keyslots.FILE_NAME, keyslots.RECOVERY_COPY_NAME])
def test_a_removal_that_could_not_save_the_key_slots_can_be_tried_again(
    open_session: VaultSession, monkeypatch: pytest.MonkeyPatch, failing_file: str
) -> None:
    vault_dir = open_session.vault_dir
    deputy = vault_people.add_user(open_session, "Rowan Ellery", Role.DEPUTY_DSL, DEPUTY_PASSPHRASE)
    _fail_once(monkeypatch, failing_file)
    with pytest.raises(DiskFull):
        vault_people.remove_user(open_session, deputy.user_id)
    on_disk = keyslots.KeySlotFile.load(vault_dir / keyslots.FILE_NAME)
    assert on_disk.check_data_key(open_session.data_key_for_checks()), "the key slots on disk fit the session"
    assert {u.name for u in vault_people.users(open_session)} == {"Rowan Ellery", open_session.user.name}

    vault_people.remove_user(open_session, deputy.user_id)  # the disk has room again
    open_session.lock()
    with pytest.raises(WrongPassphrase):
        vault_service.unlock(vault_dir, DEPUTY_PASSPHRASE)
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    try:
        assert session.verify().ok
    finally:
        session.lock()
