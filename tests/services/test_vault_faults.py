"""Bad files and tampering (DESIGN §10): each refused with a clear sentence, nothing overwritten, nothing leaked."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import log
from desktop_app.services import vault as vault_service
from desktop_app.services.vault import keys as vault_keys
from desktop_app.services.vault import people as vault_people
from desktop_app.store.errors import RolledBack, VaultDamaged
from desktop_app.vault import DamagedKeySlots, WrongPassphrase
from tests.fixtures_vault import (
    PASSPHRASE,
    fictional_child,
    make_vault,
    raw_connection,
    record_concern,
    record_concerns,
)

MARKER = "Zephyrine-Quatermain-7731"
VOLATILE = {"waymark.lock", "unlock-failures.json"}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in VOLATILE
    }


def _vault_with_records(tmp_path: Path, concerns: int = 3) -> tuple[Path, str, bytes]:
    """A locked vault holding some concerns; returns its folder, recovery key and data key (for tampering)."""
    created = make_vault(tmp_path / "vault")
    record_concerns(created.session, concerns)
    key = created.session.data_key_for_checks()
    created.session.lock()
    return tmp_path / "vault", created.recovery_key, key


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = log.configure(log_dir=tmp_path / "logs")
    yield path
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_waymark", False)]:
        root.removeHandler(handler)
        handler.close()


def test_a_marker_written_through_the_app_is_in_no_file_and_plain_sqlite_refuses(
    tmp_path: Path, log_file: Path
) -> None:
    log_path = log_file
    created = make_vault(tmp_path / "vault")
    session = created.session
    record_concern(session, account=f"{MARKER} was seen at the underpass", child=fictional_child(MARKER, MARKER))
    logging.getLogger("desktop_app.test").info("recorded %s", MARKER)
    backup = session.backup(tmp_path / "backups" / "nightly.wmbak")
    assert session.verify().ok
    needles = [MARKER.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")] + [MARKER.lower().encode()]
    while_open = [p for p in (tmp_path / "vault").rglob("*") if p.is_file()]
    assert (tmp_path / "vault" / "waymark.db-wal") in while_open  # the write-ahead log is encrypted too
    assert [str(p) for p in while_open if any(n in p.read_bytes() for n in needles)] == []
    session.lock()
    session = vault_service.unlock(tmp_path / "vault", PASSPHRASE)
    with session.uow() as uow:
        assert uow.concerns.search(MARKER)[0].draft.account.startswith(MARKER)
    session.lock()
    for handler in logging.getLogger().handlers:
        handler.flush()

    everything = [
        p
        for folder in (tmp_path / "vault", tmp_path / "backups", tmp_path / "logs")
        for p in folder.rglob("*")
        if p.is_file()
    ]
    assert log_path in everything and backup in everything
    leaking = [str(p) for p in everything if any(n in p.read_bytes() for n in needles)]
    assert leaking == []
    with zipfile.ZipFile(backup) as bundle:
        assert all(not any(n in bundle.read(name) for n in needles) for name in bundle.namelist())
        (tmp_path / "copy.db").write_bytes(bundle.read("waymark.db"))
    for database in (tmp_path / "vault" / "waymark.db", tmp_path / "copy.db"):
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            sqlite3.connect(database).execute("SELECT * FROM sqlite_master").fetchall()


def test_a_wrong_passphrase_is_a_sentence_and_changes_nothing(tmp_path: Path) -> None:
    vault_dir, _recovery, _key = _vault_with_records(tmp_path)
    before = _snapshot(vault_dir)
    with pytest.raises(WrongPassphrase) as refused:
        vault_service.unlock(vault_dir, "summer holidays are far too short")
    assert "does not open this vault" in refused.value.sentence
    assert _snapshot(vault_dir) == before


def test_an_edited_key_slot_file_is_refused_and_the_recovery_key_still_opens(tmp_path: Path) -> None:
    vault_dir, recovery_key, _key = _vault_with_records(tmp_path)
    slots = json.loads((vault_dir / "keyslots.json").read_text())
    slots["slots"][0]["user_name"] = "Mallory Intruder"
    (vault_dir / "keyslots.json").write_text(json.dumps(slots))
    before = _snapshot(vault_dir)
    with pytest.raises(DamagedKeySlots) as refused:
        vault_service.unlock(vault_dir, PASSPHRASE)
    assert "edited or damaged" in refused.value.sentence
    assert _snapshot(vault_dir) == before
    session = vault_service.unlock_with_recovery(vault_dir, recovery_key)
    assert session.warnings and session.needs_new_passphrase
    with session.uow() as uow:
        assert len(uow.concerns.awaiting_screening(10)) == 3
    vault_keys.set_own_passphrase(session, PASSPHRASE + " again")
    session.lock()
    vault_service.unlock(vault_dir, PASSPHRASE + " again").lock()


def test_an_edited_key_slot_file_falls_back_to_its_previous_copy(tmp_path: Path) -> None:
    created = make_vault(tmp_path / "vault")
    vault_people.add_user(created.session, "Rowan Ellery", "deputy_dsl", "heron over the winter marsh at dawn")  # type: ignore[arg-type]
    created.session.lock()
    vault_dir = tmp_path / "vault"
    (vault_dir / "keyslots.json").write_bytes(b"{ half a file")
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    assert any("previous save" in w for w in session.warnings)
    session.lock()
    assert json.loads((vault_dir / "keyslots.json").read_text())["format"].startswith("waymark-keyslots")


def test_a_missing_key_slot_file_still_opens_with_the_recovery_key(tmp_path: Path) -> None:
    vault_dir, recovery_key, _key = _vault_with_records(tmp_path)
    (vault_dir / "keyslots.json").unlink()
    (vault_dir / "keyslots.json.bak").unlink(missing_ok=True)
    with pytest.raises(DamagedKeySlots) as refused:
        vault_service.unlock(vault_dir, PASSPHRASE)
    assert "missing" in refused.value.sentence
    session = vault_service.unlock_with_recovery(vault_dir, recovery_key)
    with session.uow() as uow:
        assert len(uow.concerns.awaiting_screening(10)) == 3
    vault_keys.set_own_passphrase(session, "the new passphrase after the flood")
    session.lock()
    vault_service.unlock(vault_dir, "the new passphrase after the flood").lock()


def _page_size_and_count(vault_dir: Path, key: bytes) -> tuple[int, int]:
    connection = raw_connection(vault_dir, key)
    size, count = (connection.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_size", "page_count"))
    connection.close()
    return int(size), int(count)


def test_a_corrupted_database_page_is_found_and_nothing_is_overwritten(tmp_path: Path) -> None:
    vault_dir, _recovery, key = _vault_with_records(tmp_path, concerns=40)
    size, count = _page_size_and_count(vault_dir, key)
    damaged = bytearray((vault_dir / "waymark.db").read_bytes())
    for page in range(1, count):  # every page but the first: wherever a record lives, it is hit
        damaged[page * size + 100 : page * size + 116] = b"\xff" * 16
    (vault_dir / "waymark.db").write_bytes(bytes(damaged))
    before = _snapshot(vault_dir)
    with pytest.raises(VaultDamaged) as refused:
        vault_service.unlock(vault_dir, PASSPHRASE)
    assert "damaged" in refused.value.sentence
    assert _snapshot(vault_dir) == before
    report = vault_service.verify(vault_dir, PASSPHRASE)
    assert not report.ok and "damaged" in report.text()


def test_one_corrupted_page_is_reported_by_verify(tmp_path: Path) -> None:
    vault_dir, _recovery, key = _vault_with_records(tmp_path, concerns=40)
    size, count = _page_size_and_count(vault_dir, key)
    damaged = bytearray((vault_dir / "waymark.db").read_bytes())
    page = count // 2
    damaged[page * size + 200] ^= 0x01
    (vault_dir / "waymark.db").write_bytes(bytes(damaged))
    report = vault_service.verify(vault_dir, PASSPHRASE)
    assert not report.ok
    assert any("Encryption: 1 block of the database file" in p or p.startswith("Records") for p in report.problems)


def test_a_truncated_database_is_refused(tmp_path: Path) -> None:
    vault_dir, _recovery, _key = _vault_with_records(tmp_path, concerns=40)
    data = (vault_dir / "waymark.db").read_bytes()
    (vault_dir / "waymark.db").write_bytes(data[: len(data) // 2])
    before = _snapshot(vault_dir)
    with pytest.raises(VaultDamaged) as refused:
        vault_service.unlock(vault_dir, PASSPHRASE)
    assert "restore the latest backup" in refused.value.sentence
    assert _snapshot(vault_dir) == before
    (vault_dir / "waymark.db").write_bytes(b"")
    with pytest.raises(VaultDamaged, match="missing or empty"):
        vault_service.unlock(vault_dir, PASSPHRASE)


def test_a_rolled_back_database_is_reported_not_opened(tmp_path: Path) -> None:
    vault_dir, _recovery, _key = _vault_with_records(tmp_path, concerns=2)
    old_copy = (vault_dir / "waymark.db").read_bytes()
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    record_concern(session)
    session.lock()
    (vault_dir / "waymark.db").write_bytes(old_copy)
    before = _snapshot(vault_dir)
    with pytest.raises(RolledBack) as refused:
        vault_service.unlock(vault_dir, PASSPHRASE)
    assert "earlier copy" in refused.value.sentence
    assert _snapshot(vault_dir) == before
    assert "older copy" in vault_service.verify(vault_dir, PASSPHRASE).text()


def test_an_audit_row_rewritten_with_the_data_key_but_not_the_anchor_is_caught(tmp_path: Path) -> None:
    from desktop_app.store import audit

    vault_dir, _recovery, key = _vault_with_records(tmp_path, concerns=3)
    connection = raw_connection(vault_dir, key)
    audit_key = bytes(connection.execute("SELECT audit_key FROM setting").fetchone()[0])
    connection.execute("DROP TRIGGER audit_no_update")
    connection.execute("UPDATE audit SET action = 'vault.unlocked' WHERE seq = 3")
    # Whoever holds the data key can even recompute every MAC after the edit; only the anchor is out of reach.
    prev = connection.execute("SELECT mac FROM audit WHERE seq = 2").fetchone()[0]
    rows = connection.execute(
        "SELECT seq, at, actor_name, actor_role, actor_user_id, action, object_ref, "
        "details FROM audit WHERE seq >= 3 ORDER BY seq"
    ).fetchall()
    for row in rows:
        mac = audit.row_mac(audit_key, *row, prev)
        connection.execute("UPDATE audit SET prev_mac = ?, mac = ? WHERE seq = ?", (prev, mac, row[0]))
        prev = mac
    connection.close()
    before = _snapshot(vault_dir)
    with pytest.raises(VaultDamaged) as refused:
        vault_service.unlock(vault_dir, PASSPHRASE)
    assert "does not match its anchor" in refused.value.sentence
    assert _snapshot(vault_dir) == before


def test_an_edited_anchor_is_refused(tmp_path: Path) -> None:
    vault_dir, _recovery, _key = _vault_with_records(tmp_path)
    anchor = json.loads((vault_dir / "audit.anchor").read_text())
    anchor["seq"] -= 1
    (vault_dir / "audit.anchor").write_text(json.dumps(anchor))
    with pytest.raises(VaultDamaged, match="anchor file"):
        vault_service.unlock(vault_dir, PASSPHRASE)


def test_a_missing_anchor_is_rebuilt_after_a_full_check_with_a_warning(tmp_path: Path) -> None:
    vault_dir, _recovery, _key = _vault_with_records(tmp_path)
    (vault_dir / "audit.anchor").unlink()
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    assert any("anchor file was missing" in w for w in session.warnings)
    session.lock()
    assert (vault_dir / "audit.anchor").exists()
    assert vault_service.verify(vault_dir, PASSPHRASE).ok


def test_a_swapped_intake_key_is_refused_so_staff_never_seal_to_a_stranger(tmp_path: Path) -> None:
    vault_dir, _recovery, _key = _vault_with_records(tmp_path)
    (vault_dir / "intake.pub").write_text("11" * 32)
    with pytest.raises(VaultDamaged, match="intake key"):
        vault_service.read_public_key(vault_dir)
    shutil.rmtree(vault_dir / "inbox")
    assert vault_service.inbox_dir(vault_dir).is_dir()


def test_key_slots_without_their_database_are_a_sentence_and_never_replaced(tmp_path: Path) -> None:
    vault_dir, _recovery, _key = _vault_with_records(tmp_path)
    (vault_dir / "waymark.db").rename(tmp_path / "moved-away.db")
    with pytest.raises(VaultDamaged, match="missing or empty"):
        vault_service.unlock(vault_dir, PASSPHRASE)
    with pytest.raises(vault_service.VaultExists):
        make_vault(vault_dir)


def test_a_set_up_that_stopped_before_its_key_slots_is_kept_aside_and_started_again(tmp_path: Path) -> None:
    vault_dir, _recovery, _key = _vault_with_records(tmp_path)
    for name in ("keyslots.json", "keyslots.json.bak", "keyslots.recovery.json"):
        (vault_dir / name).unlink(missing_ok=True)
    assert not vault_service.vault_exists(vault_dir)
    make_vault(vault_dir).session.lock()
    assert len(list(vault_dir.glob("waymark.db.unfinished-*"))) == 1
    vault_service.unlock(vault_dir, PASSPHRASE).lock()


def test_a_full_disk_at_unlock_still_opens_the_vault_for_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.errors import DiskFull
    from desktop_app.store.uow import UnitOfWork

    vault_dir, _recovery, _key = _vault_with_records(tmp_path)

    def disk_full(_self: UnitOfWork) -> None:
        raise DiskFull("The disk is full or could not be written, so this was not saved.")

    monkeypatch.setattr(UnitOfWork, "commit", disk_full)
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    try:
        assert any("disk is full" in w for w in session.warnings)
        with session.uow() as uow:
            assert len(uow.concerns.awaiting_screening(10)) == 3
    finally:
        session.lock()
