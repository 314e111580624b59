"""Backups and restore: one encrypted file; restore checks everything first and never loses the vault it replaces."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from desktop_app.services import vault as vault_service
from desktop_app.services.vault.backup import BackupRefused
from desktop_app.vault import WrongPassphrase
from tests.fixtures_vault import PASSPHRASE, make_vault, record_concern, record_concerns


def _vault_and_backup(tmp_path: Path) -> tuple[Path, Path, int]:
    created = make_vault(tmp_path / "vault")
    concern_id = record_concern(created.session, account="Before the backup")
    backup = created.session.backup(tmp_path / "nightly.wmbak")
    created.session.lock()
    return tmp_path / "vault", backup, concern_id


def test_a_backup_is_one_file_with_an_encrypted_copy_and_its_keys(tmp_path: Path) -> None:
    _vault_dir, backup, _concern = _vault_and_backup(tmp_path)
    with zipfile.ZipFile(backup) as bundle:
        names = set(bundle.namelist())
        manifest = json.loads(bundle.read("manifest.json"))
        (tmp_path / "copy.db").write_bytes(bundle.read("waymark.db"))
    assert {
        "manifest.json",
        "waymark.db",
        "keyslots.json",
        "keyslots.recovery.json",
        "audit.anchor",
        "intake.pub",
    } <= names
    assert set(manifest["files"]) == names - {"manifest.json"}
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(tmp_path / "copy.db").execute("SELECT * FROM sqlite_master").fetchall()
    assert not list(tmp_path.glob(".nightly*"))  # no temporary files left beside it


def test_restore_keeps_the_replaced_vault_and_brings_back_the_backup(tmp_path: Path) -> None:
    vault_dir, backup, concern_id = _vault_and_backup(tmp_path)
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    after = record_concern(session, account="After the backup")
    session.lock()

    kept = vault_service.restore(backup, vault_dir, PASSPHRASE)
    assert kept is not None and kept.name.startswith("vault.before-restore-")
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    with session.uow() as uow:
        assert [c.concern_id for c in uow.concerns.awaiting_screening(10)] == [concern_id]
    assert session.verify().ok
    session.lock()
    old = vault_service.unlock(kept, PASSPHRASE)
    with old.uow() as uow:
        assert uow.concerns.get(after).draft.account == "After the backup"
    old.lock()


def test_restore_into_an_empty_place(tmp_path: Path) -> None:
    _vault_dir, backup, concern_id = _vault_and_backup(tmp_path)
    assert vault_service.restore(backup, tmp_path / "elsewhere", PASSPHRASE) is None
    session = vault_service.unlock(tmp_path / "elsewhere", PASSPHRASE)
    with session.uow() as uow:
        assert uow.concerns.get(concern_id).draft.account == "Before the backup"
    session.lock()


def _before_and_after(vault_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in vault_dir.iterdir() if p.is_file() and p.name != "waymark.lock"}


def test_a_damaged_backup_is_refused_before_anything_is_touched(tmp_path: Path) -> None:
    vault_dir, backup, _concern = _vault_and_backup(tmp_path)
    data = bytearray(backup.read_bytes())
    with zipfile.ZipFile(backup) as bundle:
        offset = bundle.getinfo("waymark.db").header_offset + 30 + len("waymark.db") + 5000
    data[offset] ^= 0xFF
    (tmp_path / "damaged.wmbak").write_bytes(bytes(data))
    before = _before_and_after(vault_dir)
    with pytest.raises(BackupRefused) as refused:
        vault_service.restore(tmp_path / "damaged.wmbak", vault_dir, PASSPHRASE)
    assert "damaged" in refused.value.sentence and "Nothing was changed" in refused.value.sentence
    assert _before_and_after(vault_dir) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.wmbak", "nightly.wmbak", "vault"]


def test_a_backup_with_a_tampered_audit_trail_is_refused(tmp_path: Path) -> None:
    created = make_vault(tmp_path / "vault")
    record_concerns(created.session, 3)
    key = created.session.data_key_for_checks()
    created.session.backup(tmp_path / "b.wmbak")
    created.session.lock()
    # Rebuild the bundle around a copy whose audit trail was edited with the data key.
    from tests.fixtures_vault import raw_connection

    work = tmp_path / "work"
    work.mkdir()
    with zipfile.ZipFile(tmp_path / "b.wmbak") as bundle:
        bundle.extractall(work)
    connection = raw_connection(work, key)
    connection.execute("DROP TRIGGER audit_no_update")
    connection.execute("UPDATE audit SET object_ref = '99' WHERE seq = 3")
    connection.close()
    import hashlib

    manifest = json.loads((work / "manifest.json").read_text())
    manifest["files"]["waymark.db"] = hashlib.sha256((work / "waymark.db").read_bytes()).hexdigest()
    with zipfile.ZipFile(tmp_path / "tampered.wmbak", "w") as bundle:
        bundle.writestr("manifest.json", json.dumps(manifest))
        for name in manifest["files"]:
            bundle.write(work / name, name)
    with pytest.raises(BackupRefused) as refused:
        vault_service.restore(tmp_path / "tampered.wmbak", tmp_path / "vault", PASSPHRASE)
    assert "cannot be trusted" in refused.value.sentence
    assert vault_service.verify(tmp_path / "vault", PASSPHRASE).ok


def test_restore_needs_a_passphrase_of_the_backup(tmp_path: Path) -> None:
    vault_dir, backup, _concern = _vault_and_backup(tmp_path)
    with pytest.raises(WrongPassphrase):
        vault_service.restore(backup, vault_dir, "not the right words for this backup")
    assert vault_service.verify(vault_dir, PASSPHRASE).ok


def test_something_that_is_not_a_backup_is_refused(tmp_path: Path) -> None:
    vault_dir, _backup, _concern = _vault_and_backup(tmp_path)
    (tmp_path / "notes.wmbak").write_text("shopping list")
    with pytest.raises(BackupRefused, match="damaged or incomplete"):
        vault_service.restore(tmp_path / "notes.wmbak", vault_dir, PASSPHRASE)
    with pytest.raises(BackupRefused, match="no backup file"):
        vault_service.restore(tmp_path / "missing.wmbak", vault_dir, PASSPHRASE)


def test_restore_is_refused_while_the_vault_is_open(tmp_path: Path) -> None:
    from desktop_app.vault import AlreadyRunning

    vault_dir, backup, _concern = _vault_and_backup(tmp_path)
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    try:
        with pytest.raises(AlreadyRunning):
            vault_service.restore(backup, vault_dir, PASSPHRASE)
    finally:
        session.lock()
    assert not list(tmp_path.glob("vault.before-restore-*"))


def test_a_restore_is_on_the_restored_vault_s_audit_trail(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    _vault_dir, backup, _concern_id = _vault_and_backup(tmp_path)
    vault_service.restore(backup, tmp_path / "restored", PASSPHRASE)
    session = vault_service.unlock(tmp_path / "restored", PASSPHRASE)
    try:
        with session.uow() as uow:
            entries = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
        restored = [e for e in entries if e.action == "vault.restored"]
        assert len(restored) == 1 and restored[0].actor.user_id == session.user.user_id
        assert entries[-1].action == "vault.unlocked" and entries[-2] == restored[0]
        assert session.verify().ok and session.anchor_check is not None and session.anchor_check.warning is None
    finally:
        session.lock()


def test_a_backup_whose_audit_row_cannot_be_committed_is_not_left_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.errors import UserFacingError
    from desktop_app.store.uow import UnitOfWork

    created = make_vault(tmp_path / "vault")
    try:
        record_concern(created.session, account="Before the backup")

        def full_disk(_self: UnitOfWork) -> None:
            raise UserFacingError("The disk is full, so this was not saved.")

        monkeypatch.setattr(UnitOfWork, "commit", full_disk)
        with pytest.raises(UserFacingError, match="disk is full"):
            created.session.backup(tmp_path / "out" / "nightly.wmbak")
        assert list((tmp_path / "out").iterdir()) == [], "an unaudited backup was left on disk"
        monkeypatch.undo()
        path = created.session.backup(tmp_path / "out" / "nightly.wmbak")
        assert path.exists() and created.session.verify().ok
    finally:
        created.session.lock()


def test_a_backup_says_when_it_was_made_and_the_vault_when_it_last_wrote_one(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from desktop_app.services.vault import backup_restore

    created = make_vault(tmp_path / "vault")
    assert backup_restore.last_backup(created.session) is None  # never backed up
    before = datetime.now(UTC) - timedelta(seconds=2)
    backup = created.session.backup(tmp_path / "weekly.wmbak")
    after = datetime.now(UTC) + timedelta(seconds=2)
    last = backup_restore.last_backup(created.session)
    created.session.lock()
    assert last is not None and before <= last <= after
    info = backup_restore.read_backup_info(backup)
    assert info.created_at is not None and before <= info.created_at <= after
    assert info.audit_entries >= 1


def test_a_staged_restore_touches_nothing_until_put_in_place_and_never_while_the_vault_is_open(tmp_path: Path) -> None:
    from desktop_app.services.vault import backup_restore
    from desktop_app.vault import AlreadyRunning

    vault_dir, backup, concern_id = _vault_and_backup(tmp_path)
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    after = record_concern(session, account="After the backup")
    before = _before_and_after(vault_dir)
    steps: list[tuple[int, int, str]] = []
    staged = backup_restore.stage_restore(backup, vault_dir, PASSPHRASE, progress=lambda *s: steps.append(s))
    assert steps[-1][0] == steps[-1][1]  # the progress bar reaches its end
    assert _before_and_after(vault_dir) == before  # checked beside the vault, the vault itself untouched
    with pytest.raises(AlreadyRunning):
        backup_restore.put_in_place(staged)  # the vault is open: it cannot be set aside under the DSL
    assert _before_and_after(vault_dir) == before
    backup_restore.note_set_aside(session, staged.info)
    session.lock()

    kept = backup_restore.put_in_place(staged)
    assert kept is not None and not staged.staging.exists()
    restored = vault_service.unlock(vault_dir, PASSPHRASE)
    with restored.uow() as uow:
        assert [c.concern_id for c in uow.concerns.awaiting_screening(10)] == [concern_id]
        assert uow.audit.last_at("vault.restored") is not None
    restored.lock()
    old = vault_service.unlock(kept, PASSPHRASE)  # the vault as it was, whole, with what came after the backup
    with old.uow() as uow:
        assert uow.concerns.get(after).draft.account == "After the backup"
        assert uow.audit.last_at("vault.set_aside_for_restore") is not None
    assert old.verify().ok
    old.lock()


def test_a_staged_restore_that_is_not_wanted_leaves_nothing_behind(tmp_path: Path) -> None:
    from desktop_app.services.vault import backup_restore

    vault_dir, backup, _concern = _vault_and_backup(tmp_path)
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(WrongPassphrase):
        backup_restore.stage_restore(backup, vault_dir, "not the passphrase of that backup")
    assert sorted(p.name for p in tmp_path.iterdir()) == listing
    staged = backup_restore.stage_restore(backup, vault_dir, PASSPHRASE)
    backup_restore.discard(staged)
    assert sorted(p.name for p in tmp_path.iterdir()) == listing
