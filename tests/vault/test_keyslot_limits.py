"""Issue 15, item 8: key slots that were edited with their checksum recomputed, and the unlock-failure delay.

Before the fix: a ``keyslots.json`` with the recovery slot removed (checksum recomputed, so the file loads) passed
``verify`` as "1 passphrase slot(s) and no recovery slot"; a slot asking for Argon2id with 4 GiB, t=64, p=64 was
accepted and derived (150 s and 4 GB per try: ``check_strength`` let it through); deleting ``unlock-failures.json``
or putting a folder in its place reset the growing delay to nothing (``seconds_to_wait`` was 0).
"""

from __future__ import annotations

import json
import secrets
import shutil
import time
from pathlib import Path

import pytest

from desktop_app.services import vault as vault_service
from desktop_app.vault import WeakKeySettings, WrongPassphrase, kdf
from desktop_app.vault.keyslots import _with_checksum
from desktop_app.vault.passphrase import FailureCounter
from tests.fixtures_vault import PASSPHRASE, make_vault


def _edit_slots(vault_dir: Path, edit: object) -> None:
    path = vault_dir / "keyslots.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)  # type: ignore[operator]
    del data["checksum"]
    path.write_text(json.dumps(_with_checksum(data)), encoding="utf-8")


def test_a_recovery_slot_removed_with_a_valid_checksum_is_reported(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    make_vault(vault_dir).session.lock()
    _edit_slots(vault_dir, lambda d: d.update(slots=[s for s in d["slots"] if s["kind"] != "recovery"]))
    report = vault_service.verify(vault_dir, PASSPHRASE)
    assert not report.ok
    assert any(
        line.startswith("Who can unlock: 1 passphrase but no recovery key") and "recovery key no longer opens" in line
        for line in report.problems
    )
    session = vault_service.unlock(vault_dir, PASSPHRASE)  # the DSL is told at unlock too
    try:
        assert any("lost its recovery key" in w and "no longer opens" in w for w in session.warnings)
    finally:
        session.lock()


@pytest.mark.parametrize(
    ("memory_kib", "iterations", "lanes"),
    [
        (4 * 1024 * 1024, 64, 64),  # the red team's slot
        (2 * 1024 * 1024, 3, 4),  # 2 GiB of memory per try
        (1024 * 1024, 16, 4),  # each within its own limit, 16 GiB·pass together
        (64 * 1024, 40, 4),  # 40 passes
    ],
)
def test_key_stretching_above_a_sane_ceiling_is_refused_before_deriving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_kib: int, iterations: int, lanes: int
) -> None:
    vault_dir = tmp_path / "vault"
    make_vault(vault_dir).session.lock()
    shutil.copy(vault_dir / "keyslots.json", vault_dir / "keyslots.json.bak")  # no good copy to fall back to

    def huge(data: dict[str, object]) -> None:
        for slot in data["slots"]:  # type: ignore[attr-defined]
            if slot["kind"] == "passphrase":
                slot["kdf"].update(memory_kib=memory_kib, iterations=iterations, lanes=lanes)

    _edit_slots(vault_dir, huge)
    (vault_dir / "keyslots.json.bak").unlink()
    derived: list[object] = []
    real = kdf.Argon2id

    def spy(*args: object, **kwargs: object) -> object:
        derived.append(kwargs)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kdf, "Argon2id", spy)
    started = time.perf_counter()
    with pytest.raises(WeakKeySettings) as refused:
        vault_service.unlock(vault_dir, PASSPHRASE)
    assert derived == [] and time.perf_counter() - started < 5
    assert "more key-stretching work" in refused.value.sentence


def test_tune_never_goes_past_the_ceiling() -> None:
    params = kdf.KdfParams(kdf.MAX_TUNED_MEMORY_KIB, kdf.LIMIT_ITERATIONS, kdf.FLOOR_LANES, secrets.token_bytes(16))
    kdf.check_strength(params)  # the most tune() can ever choose is allowed


@pytest.mark.parametrize("how", ["deleted", "replaced by a folder", "reset to zero"])
def test_the_failure_delay_survives_the_counter_file_being_deleted_or_replaced(tmp_path: Path, how: str) -> None:
    vault_dir = tmp_path / "vault"
    make_vault(vault_dir).session.lock()
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            vault_service.unlock(vault_dir, "not the passphrase at all, sorry")
    counter = FailureCounter(vault_dir)
    for _ in range(5):  # as if the guessing went on, each try after its wait: now a minute to wait
        counter.record_failure(time.time())
    assert FailureCounter(vault_dir).seconds_to_wait(time.time()) > 30
    counter_file = vault_dir / "unlock-failures.json"
    counter_file.unlink()
    if how == "replaced by a folder":
        counter_file.mkdir()
    elif how == "reset to zero":
        counter_file.write_text(json.dumps({"failures": 0, "last_failure": None}), encoding="utf-8")
    assert FailureCounter(vault_dir).seconds_to_wait(time.time()) > 30
    with pytest.raises(vault_service.UnlockDelayed):
        vault_service.unlock(vault_dir, PASSPHRASE)
