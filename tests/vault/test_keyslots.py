"""keyslots.json: the right passphrase or recovery key opens the vault; anything else, or any edit, is refused."""

from __future__ import annotations

import errno
import json
import os
from dataclasses import FrozenInstanceError, replace
from pathlib import Path
from typing import Any

import pytest

from desktop_app.vault import kdf, keyslots, new_data_key, sealing
from desktop_app.vault.errors import (
    DamagedKeySlots,
    DiskFull,
    LastPassphraseSlot,
    SealedItemDamaged,
    WeakKeySettings,
    WrongPassphrase,
    WrongRecoveryKey,
)
from desktop_app.vault.keyslots import KeySlotFile

ANN = "ann's long passphrase for the vault"
BEN = "ben: tea, biscuits and a bicycle"
RECOVERY = bytes(range(32))


@pytest.fixture
def data_key() -> bytes:
    return new_data_key()


@pytest.fixture
def slots(data_key: bytes) -> KeySlotFile:
    _, public = sealing.new_keypair()
    file = KeySlotFile.create("vault-1", public)
    file, _ann = file.with_passphrase_slot("u-ann", "Ann Ó Briain", "dsl", ANN, data_key)
    file, _ben = file.with_passphrase_slot("u-ben", "Benedykt Wąsowski", "deputy_dsl", BEN, data_key)
    return file.with_recovery_slot(RECOVERY, data_key)[0]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / keyslots.FILE_NAME


def _rewrite(path: Path, change: Any, *, fix_checksum: bool = True) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    if fix_checksum:
        data = keyslots._with_checksum({k: v for k, v in data.items() if k != "checksum"})
    path.write_text(json.dumps(data), encoding="utf-8")


def test_round_trip_through_the_file(slots: KeySlotFile, path: Path, data_key: bytes) -> None:
    slots.save(path)
    loaded = KeySlotFile.load(path)
    key, slot = loaded.open_with_passphrase(BEN)
    assert key == data_key
    assert (slot.user_name, slot.role) == ("Benedykt Wąsowski", "deputy_dsl")
    assert loaded.open_with_passphrase(ANN)[1].user_id == "u-ann"
    assert loaded.open_with_passphrase(ANN, user_id="u-ann")[0] == data_key
    assert loaded.open_with_recovery(RECOVERY) == data_key
    assert loaded.note is None
    assert "Benedykt Wąsowski" in path.read_text(encoding="utf-8")  # readable by IT staff


def test_the_file_holds_no_key_or_passphrase_in_the_clear(slots: KeySlotFile, path: Path, data_key: bytes) -> None:
    slots.save(path)
    text = path.read_text(encoding="utf-8")
    for secret in (data_key.hex(), ANN, BEN, RECOVERY.hex()):
        assert secret not in text


def test_wrong_passphrase_is_refused_plainly(slots: KeySlotFile) -> None:
    with pytest.raises(WrongPassphrase) as caught:
        slots.open_with_passphrase("ann's long passphrase for the vaulT")
    assert "does not open this vault" in str(caught.value)
    with pytest.raises(WrongPassphrase):
        slots.open_with_passphrase(ANN, user_id="u-ben")


def test_wrong_recovery_key_is_refused_plainly(slots: KeySlotFile) -> None:
    with pytest.raises(WrongRecoveryKey):
        slots.open_with_recovery(bytes(32))


SLOT_EDITS = {
    "slot_id": lambda s: s.update(slot_id="0000000000000000"),
    "kind": lambda s: s.update(kind="recovery", user_id=None, user_name=None, role=None, kdf=None),
    "user_id": lambda s: s.update(user_id="u-mallory"),
    "user_name": lambda s: s.update(user_name="Mallory"),
    "role": lambda s: s.update(role="deputy_dsl"),
    "kdf_salt": lambda s: s["kdf"].update(salt="00" * 16),
    "kdf_memory": lambda s: s["kdf"].update(memory_kib=128),
    "public_key": lambda s: s.update(public_key=sealing.new_keypair()[1].hex()),
    "nonce": lambda s: s.update(nonce="00" * 12),
    "wrapped": lambda s: s.update(wrapped=s["wrapped"][:-2] + ("00" if s["wrapped"][-2:] != "00" else "01")),
    "sealed_data_key": lambda s: s.update(sealed_data_key=s["sealed_data_key"][:-2] + "ff"),
}


@pytest.mark.parametrize("field", sorted(SLOT_EDITS))
def test_a_deliberately_edited_slot_never_opens(slots: KeySlotFile, path: Path, field: str) -> None:
    slots.save(path)
    _rewrite(path, lambda data: SLOT_EDITS[field](data["slots"][0]))  # Ann's slot, checksum recomputed
    with pytest.raises((WrongPassphrase, DamagedKeySlots)):
        KeySlotFile.load(path).open_with_passphrase(ANN)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(vault_id="vault-2"),
        lambda d: d.update(public_key=sealing.new_keypair()[1].hex()),
        lambda d: d.update(key_check="00" * 32),
    ],
    ids=["vault_id", "intake_public_key", "key_check"],
)
def test_deliberately_edited_file_fields_never_open(slots: KeySlotFile, path: Path, change: Any) -> None:
    slots.save(path)
    _rewrite(path, change)
    loaded = KeySlotFile.load(path)
    with pytest.raises((WrongPassphrase, DamagedKeySlots)):
        loaded.open_with_passphrase(ANN)
    with pytest.raises((WrongRecoveryKey, DamagedKeySlots)):
        loaded.open_with_recovery(RECOVERY)


def test_an_edit_to_a_name_is_reported_as_damage_not_as_a_wrong_passphrase(slots: KeySlotFile, path: Path) -> None:
    slots.save(path)
    _rewrite(path, lambda d: d["slots"][0].update(user_name="Mallory"))
    with pytest.raises(DamagedKeySlots) as caught:
        KeySlotFile.load(path).open_with_passphrase(ANN)
    assert "edited or damaged" in str(caught.value)


def test_accidental_edit_is_caught_by_the_checksum(slots: KeySlotFile, path: Path) -> None:
    slots.save(path)
    _rewrite(path, lambda d: d["slots"][1].update(user_name="Ben"), fix_checksum=False)
    with pytest.raises(DamagedKeySlots) as caught:
        KeySlotFile.load(path)
    assert str(caught.value) == (
        "The key file keyslots.json has been edited or damaged (its checksum does not match its contents)."
    )


def test_a_slot_copied_into_another_vault_does_not_open(slots: KeySlotFile, data_key: bytes) -> None:
    _, public = sealing.new_keypair()
    other, zed = KeySlotFile.create("vault-2", public).with_passphrase_slot(
        "u-zed", "Zed", "dsl", "zed's own passphrase here", new_data_key()
    )
    ann = slots.slot_for_user("u-ann")
    assert ann is not None
    other = replace(other, slots=(zed, ann))
    with pytest.raises(WrongPassphrase):
        other.open_with_passphrase(ANN)


def test_missing_file_says_so(path: Path) -> None:
    with pytest.raises(DamagedKeySlots) as caught:
        KeySlotFile.load(path)
    assert "keyslots.json is missing from the vault folder" in str(caught.value)


@pytest.mark.parametrize("damage", ["delete", "garbage", "truncate", "empty"])
def test_falls_back_to_the_previous_copy_with_a_note(
    slots: KeySlotFile, path: Path, data_key: bytes, damage: str
) -> None:
    slots.save(path)
    slots.save(path)  # a second save keeps the first as keyslots.json.bak
    if damage == "delete":
        path.unlink()
    elif damage == "garbage":
        path.write_bytes(b"\x00\xff not json")
    elif damage == "truncate":
        path.write_bytes(path.read_bytes()[:200])
    else:
        path.write_bytes(b"")
    loaded = KeySlotFile.load(path)
    assert loaded.note is not None
    assert "keyslots.json.bak" in loaded.note
    assert loaded.open_with_passphrase(ANN)[0] == data_key


def test_both_copies_lost_the_recovery_key_still_opens(slots: KeySlotFile, path: Path, data_key: bytes) -> None:
    slots.save(path)
    slots.save(path)
    path.unlink()
    (path.parent / "keyslots.json.bak").unlink()
    with pytest.raises(DamagedKeySlots):
        KeySlotFile.load(path)
    alone = KeySlotFile.load_for_recovery(path)
    assert alone.note is not None and "Only the recovery key" in alone.note
    assert alone.open_with_recovery(RECOVERY) == data_key
    with pytest.raises(DamagedKeySlots):
        alone.open_with_passphrase(ANN)


def test_newer_format_asks_for_an_update(slots: KeySlotFile, path: Path) -> None:
    slots.save(path)
    _rewrite(path, lambda d: d.update(format="waymark-keyslots/2"))
    with pytest.raises(DamagedKeySlots) as caught:
        KeySlotFile.load(path)
    assert "newer version of Waymark" in str(caught.value)


def test_weak_settings_in_the_file_are_refused_outside_tests(
    slots: KeySlotFile, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slots.save(path)
    monkeypatch.delenv("WAYMARK_FAST_KDF_FOR_TESTS")
    with pytest.raises(WeakKeySettings):
        KeySlotFile.load(path)


def test_removing_a_deputy_and_rekeying_locks_them_out(slots: KeySlotFile, path: Path, data_key: bytes) -> None:
    slots.save(path)
    ben = slots.slot_for_user("u-ben")
    assert ben is not None
    ben_private = keyslots._unwrap(kdf.derive(BEN, ben.kdf), ben, slots._private_ad(ben))  # type: ignore[arg-type]
    assert ben_private is not None

    new_key = new_data_key()
    slots.without_slot(ben.slot_id).rewrapped(data_key, new_key).save(path)

    loaded = KeySlotFile.load(path)
    assert loaded.open_with_passphrase(ANN)[0] == new_key
    assert loaded.open_with_recovery(RECOVERY) == new_key
    with pytest.raises(WrongPassphrase):
        loaded.open_with_passphrase(BEN)
    # Even Ben's own private key, kept from before, opens none of the new wraps.
    for remaining in loaded.slots:
        with pytest.raises(SealedItemDamaged):
            sealing.open_sealed(ben_private, remaining.sealed_data_key, loaded._context(remaining))
    # The previous copy still holds the old wraps, for a re-key interrupted before the database changed.
    assert KeySlotFile.load_backup(path).open_with_passphrase(BEN)[0] == data_key


def test_rewrap_refuses_a_wrong_old_key(slots: KeySlotFile) -> None:
    with pytest.raises(ValueError, match="not this vault's current data key"):
        slots.rewrapped(new_data_key(), new_data_key())


def test_the_last_passphrase_cannot_be_removed(slots: KeySlotFile) -> None:
    slots = slots.without_slot(slots.slot_for_user("u-ben").slot_id)  # type: ignore[union-attr]
    with pytest.raises(LastPassphraseSlot) as caught:
        slots.without_slot(slots.slot_for_user("u-ann").slot_id)  # type: ignore[union-attr]
    assert "Add another DSL or deputy first" in str(caught.value)


def test_change_of_passphrase_keeps_the_slot_and_drops_the_old_words(slots: KeySlotFile, data_key: bytes) -> None:
    ann = slots.slot_for_user("u-ann")
    assert ann is not None
    changed, _slot = slots.with_passphrase(ann.slot_id, "a brand new passphrase for ann", data_key)
    key, slot = changed.open_with_passphrase("a brand new passphrase for ann")
    assert (key, slot.slot_id, slot.user_name) == (data_key, ann.slot_id, "Ann Ó Briain")
    with pytest.raises(WrongPassphrase):
        changed.open_with_passphrase(ANN)


def test_a_new_name_or_role_needs_no_passphrase(slots: KeySlotFile, path: Path, data_key: bytes) -> None:
    ann = slots.slot_for_user("u-ann")
    assert ann is not None
    slots.with_person(ann.slot_id, "Ann Ó Briain-Smith", "deputy_dsl", data_key)[0].save(path)
    key, slot = KeySlotFile.load(path).open_with_passphrase(ANN)
    assert (key, slot.user_name, slot.role) == (data_key, "Ann Ó Briain-Smith", "deputy_dsl")


def test_a_new_recovery_key_replaces_the_old_one(slots: KeySlotFile, data_key: bytes) -> None:
    changed, _slot = slots.with_recovery_slot(b"\x07" * 32, data_key)
    assert sum(s.kind is keyslots.SlotKind.RECOVERY for s in changed.slots) == 1
    assert changed.open_with_recovery(b"\x07" * 32) == data_key
    with pytest.raises(WrongRecoveryKey):
        changed.open_with_recovery(RECOVERY)


def test_adding_a_slot_with_a_wrong_data_key_is_refused(slots: KeySlotFile) -> None:
    with pytest.raises(ValueError, match="not this vault's current data key"):
        slots.with_passphrase_slot("u-cat", "Cat", "deputy_dsl", "cat's passphrase is long", new_data_key())


def test_new_slots_reuse_the_vaults_cost_with_a_fresh_salt(slots: KeySlotFile) -> None:
    ann, ben = slots.passphrase_slots()
    assert ann.kdf is not None and ben.kdf is not None
    assert (ann.kdf.memory_kib, ann.kdf.iterations, ann.kdf.lanes) == (ben.kdf.memory_kib, ben.kdf.iterations, 1)
    assert ann.kdf.salt != ben.kdf.salt


def test_rekey_can_move_to_a_new_intake_key(slots: KeySlotFile, path: Path, data_key: bytes) -> None:
    _, new_public = sealing.new_keypair()
    new_key = new_data_key()
    slots.rewrapped(data_key, new_key, new_public_key=new_public).save(path)
    loaded = KeySlotFile.load(path)
    assert loaded.public_key == new_public
    assert loaded.open_with_passphrase(BEN)[0] == new_key
    assert loaded.open_with_recovery(RECOVERY) == new_key


def test_a_passphrase_with_a_stray_surrogate_still_works(data_key: bytes) -> None:
    _, public = sealing.new_keypair()
    odd = "pasted from somewhere \ud83d odd"
    file, _slot = KeySlotFile.create("vault-s", public).with_passphrase_slot("u-1", "Sam", "dsl", odd, data_key)
    assert file.open_with_passphrase(odd)[0] == data_key


def test_a_full_disk_while_saving_keeps_the_confirmed_key_file(
    slots: KeySlotFile, path: Path, data_key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    slots.save(path)
    before = path.read_bytes()
    slots = slots.without_slot(slots.slot_for_user("u-ben").slot_id)  # type: ignore[union-attr]

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(DiskFull) as caught:
        slots.save(path)
    assert "The disk is full: keyslots.json could not be saved" in str(caught.value)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert KeySlotFile.load(path).open_with_passphrase(BEN)[0] == data_key


NEW_PASSPHRASE = "a brand new passphrase for ann"
CHANGES: dict[str, Any] = {
    "with_passphrase_slot": lambda f, key: f.with_passphrase_slot("u-cat", "Cat", "deputy_dsl", NEW_PASSPHRASE, key)[0],
    "with_passphrase": lambda f, key: f.with_passphrase(f.slot_for_user("u-ann").slot_id, NEW_PASSPHRASE, key)[0],
    "with_person": lambda f, key: f.with_person(f.slot_for_user("u-ann").slot_id, "Ann Smith", "dsl", key)[0],
    "with_recovery_slot": lambda f, key: f.with_recovery_slot(b"\x07" * 32, key)[0],
    "without_slot": lambda f, _key: f.without_slot(f.slot_for_user("u-ben").slot_id),
    "rewrapped": lambda f, key: f.rewrapped(key, new_data_key(), new_public_key=sealing.new_keypair()[1]),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_each_change_is_a_new_file_and_the_one_it_came_from_is_untouched(
    slots: KeySlotFile, path: Path, data_key: bytes, change: str
) -> None:
    before, slot_objects = slots.to_json(), slots.slots
    changed = CHANGES[change](slots, data_key)
    assert changed.to_json() != before, "the new file holds the change"
    assert slots.to_json() == before and slots.slots is slot_objects, "the file it came from is as it was"
    slots.save(path)
    loaded = KeySlotFile.load(path)  # still the vault's key file: every way in opens as before
    assert loaded.open_with_passphrase(ANN)[0] == data_key
    assert loaded.open_with_passphrase(BEN)[0] == data_key
    assert loaded.open_with_recovery(RECOVERY) == data_key


def test_a_new_file_takes_its_first_data_key_and_stays_empty_itself(data_key: bytes) -> None:
    _, public = sealing.new_keypair()
    empty = KeySlotFile.create("vault-n", public)
    first, _slot = empty.with_passphrase_slot("u-1", "Sam", "dsl", ANN, data_key)
    assert (empty.slots, empty.key_check) == ((), None)
    assert first.check_data_key(data_key)
    with pytest.raises(ValueError, match="not this vault's current data key"):
        first.with_recovery_slot(RECOVERY, new_data_key())


def test_a_key_file_cannot_be_changed_in_place(slots: KeySlotFile) -> None:
    with pytest.raises(FrozenInstanceError):
        slots.slots = ()  # type: ignore[misc]
    assert isinstance(slots.slots, tuple)


def _disk_full_at(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    real = os.replace

    def replace_or_fail(src: str, dst: str) -> None:
        if Path(dst).name == name:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace_or_fail)


def test_a_save_whose_recovery_copy_fails_puts_back_the_file_it_was_replacing(
    slots: KeySlotFile, path: Path, data_key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    slots.save(path)
    before = {p.name: p.read_bytes() for p in (path, path.with_name(keyslots.RECOVERY_COPY_NAME))}
    changed, _slot = slots.with_recovery_slot(b"\x07" * 32, data_key)
    _disk_full_at(monkeypatch, keyslots.RECOVERY_COPY_NAME)
    with pytest.raises(DiskFull):
        changed.save(path, replacing=slots)
    assert {p.name: p.read_bytes() for p in (path, path.with_name(keyslots.RECOVERY_COPY_NAME))} == before
    assert KeySlotFile.load(path).open_with_recovery(RECOVERY) == data_key, "the recovery key held still opens"
    with pytest.raises(DiskFull):
        changed.save(path)  # nothing to put back: keyslots.json keeps what was written
    assert KeySlotFile.load(path).open_with_recovery(b"\x07" * 32) == data_key
