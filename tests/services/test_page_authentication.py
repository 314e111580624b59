"""Page authentication (issue 17): a new vault's pages carry HMAC-SHA256; a vault made before, with SQLCipher 4's
HMAC-SHA512, opens and works exactly as before: read, write, back up, check, re-key, restore."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.domain.enums import Role
from desktop_app.services import vault as vault_service
from desktop_app.services.vault import VaultSession, people
from desktop_app.store import engine
from desktop_app.store.engine import open_connection
from desktop_app.store.errors import VaultDamaged
from tests.fixtures_vault import (
    PASSPHRASE,
    fictional_child,
    make_vault,
    open_session,  # noqa: F401  (a pytest fixture)
    record_concern,
)

DEPUTY_PASSPHRASE = "heron lantern orchard copper river"


def _authentication(vault: Path, session: VaultSession) -> str:
    connection, algorithm = open_connection(vault / "waymark.db", session.data_key_for_checks())
    connection.close()
    return algorithm


def test_a_new_vault_authenticates_its_pages_with_sha256(open_session: VaultSession, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    assert _authentication(vault, open_session) == "HMAC_SHA256"
    with pytest.raises(VaultDamaged):  # the other algorithm cannot read it: the file is not misread, it is refused
        open_connection(vault / "waymark.db", open_session.data_key_for_checks(), "HMAC_SHA512")


def test_a_vault_made_before_keeps_working(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = tmp_path / "vault"
    with monkeypatch.context() as before:  # as every vault was made until 6 December 2026
        before.setattr(engine, "HMAC_ALGORITHMS", ("HMAC_SHA512",))
        created = make_vault(vault)
        first = record_concern(created.session, "Seen with an older man at the bus station")
        deputy = people.add_user(created.session, "Sam Okafor", Role.DEPUTY_DSL, DEPUTY_PASSPHRASE)
        created.session.lock()

    session = vault_service.unlock(vault, PASSPHRASE)
    try:
        assert _authentication(vault, session) == "HMAC_SHA512"
        second = record_concern(session, "Has a new phone and money", fictional_child("Ellis", "Marrow"))
        with session.uow() as uow:
            assert uow.concerns.get(first).draft.account == "Seen with an older man at the bus station"
            assert uow.concerns.get(second).draft.account == "Has a new phone and money"
        backup = session.backup(tmp_path / "before-removal.wmbak")
        people.remove_user(session, deputy.user_id)  # re-keys every page
        assert session.verify().ok
        assert _authentication(vault, session) == "HMAC_SHA512"  # kept through the re-key
    finally:
        session.lock()

    assert vault_service.restore(backup, tmp_path / "restored", PASSPHRASE) is None
    restored = vault_service.unlock(tmp_path / "restored", PASSPHRASE)
    try:
        with restored.uow() as uow:
            assert uow.concerns.get(second).draft.account == "Has a new phone and money"
        assert restored.verify().ok
    finally:
        restored.lock()


def test_a_wrong_key_says_the_same_whichever_authentication_the_file_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentences = []
    for algorithm in engine.HMAC_ALGORITHMS:
        path = tmp_path / f"{algorithm}.db"
        with monkeypatch.context() as made:
            made.setattr(engine, "HMAC_ALGORITHMS", (algorithm,))
            connection = open_connection(path, bytes(range(32)))[0]
            connection.execute("CREATE TABLE t (x)")
            connection.close()
        with pytest.raises(VaultDamaged) as refused:
            open_connection(path, bytes(32))
        sentences.append(refused.value.sentence)
    assert sentences[0] == sentences[1]
    assert "cannot be read with its key" in sentences[0]


def test_a_vault_made_before_and_left_mid_write_opens_with_its_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A computer that lost power with changes still in the write-ahead log: the first try (SHA-256) fails on the old
    file and is closed; that must not disturb the log, whose changes are then read with SHA-512."""
    import shutil

    vault = tmp_path / "vault"
    with monkeypatch.context() as before:
        before.setattr(engine, "HMAC_ALGORITHMS", ("HMAC_SHA512",))
        created = make_vault(vault)
        concern = record_concern(created.session, "Picked up by a car with no plates")
        key = created.session.data_key_for_checks()
        snapshot = tmp_path / "snapshot"
        snapshot.mkdir()
        for suffix in ("", "-wal", "-shm"):  # copied while the session is open: as the disk was at the power cut
            if (vault / f"waymark.db{suffix}").exists():
                shutil.copy2(vault / f"waymark.db{suffix}", snapshot / f"waymark.db{suffix}")
        created.session.lock()
    assert (snapshot / "waymark.db-wal").stat().st_size > 0, "the change is still in the log"

    connection, algorithm = open_connection(snapshot / "waymark.db", key)
    try:
        assert algorithm == "HMAC_SHA512"
        (body,) = connection.execute("SELECT body FROM concerns WHERE id = ?", (concern,)).fetchone()
        assert "Picked up by a car with no plates" in body
        assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    finally:
        connection.close()
