"""Argon2id: never below the floor in the app; the tiny profile only inside the test suite."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata

import pytest

from desktop_app.vault import kdf
from desktop_app.vault.errors import DamagedKeySlots, WeakKeySettings


def _strong() -> kdf.KdfParams:
    return kdf.KdfParams(kdf.FLOOR_MEMORY_KIB, kdf.FLOOR_ITERATIONS, kdf.FLOOR_LANES, b"s" * 16)


def test_test_hook_gives_a_tiny_profile_inside_pytest() -> None:
    assert os.environ["WAYMARK_FAST_KDF_FOR_TESTS"] == "1"
    assert kdf.fast_kdf_for_tests()
    params = kdf.tune()
    assert not params.meets_floor()
    assert len(kdf.derive("a long enough passphrase", params)) == 32


def test_test_hook_is_ignored_outside_pytest() -> None:
    code = (
        "import sys; from desktop_app.vault import kdf; "
        "p = kdf.KdfParams(64, 1, 1, bytes(16)); "
        "print(kdf.fast_kdf_for_tests(), 'pytest' in sys.modules)\n"
        "try:\n    kdf.derive('x', p)\nexcept kdf.WeakKeySettings as e:\n    print('refused:', e)"
    )
    env = {**os.environ, "WAYMARK_FAST_KDF_FOR_TESTS": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    lines = done.stdout.splitlines()
    assert lines[0] == "False False"
    assert lines[1].startswith("refused: A key slot uses weaker protection than Waymark allows")


def test_weak_params_in_a_file_are_refused_without_the_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    tiny = kdf.KdfParams(64, 1, 1, b"s" * 16).to_json()
    assert kdf.KdfParams.from_json(tiny).memory_kib == 64  # accepted under the hook
    monkeypatch.delenv("WAYMARK_FAST_KDF_FOR_TESTS")
    with pytest.raises(WeakKeySettings) as caught:
        kdf.KdfParams.from_json(tiny)
    assert "weaker protection" in str(caught.value)
    for weaker in ({"memory_kib": 32 * 1024}, {"iterations": 2}, {"lanes": 2}):
        with pytest.raises(WeakKeySettings):
            kdf.KdfParams.from_json({**_strong().to_json(), **weaker})
    assert kdf.KdfParams.from_json(_strong().to_json()) == _strong()


@pytest.mark.parametrize(
    "change",
    [
        {"memory_kib": 64 * 1024 * 1024},
        {"iterations": 10_000},
        {"algorithm": "scrypt"},
        {"salt": "00"},
        {"salt": "not hex"},
        {"lanes": 0},
        {"iterations": "3"},
        {"extra": 1},
    ],
)
def test_absurd_or_damaged_params_are_refused(change: dict[str, object]) -> None:
    with pytest.raises(DamagedKeySlots):
        kdf.KdfParams.from_json({**_strong().to_json(), **change})


def test_same_words_typed_composed_or_decomposed_give_the_same_key() -> None:
    params = kdf.tune()
    composed = unicodedata.normalize("NFC", "Zoë and Siân went to Kraków")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert kdf.derive(composed, params) == kdf.derive(decomposed, params)
    assert kdf.derive(composed, params) != kdf.derive(composed, params.with_new_salt())


@pytest.mark.slow
def test_real_tuning_never_goes_below_the_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WAYMARK_FAST_KDF_FOR_TESTS")
    params = kdf.tune(target_seconds=0.3)
    assert params.meets_floor()
    assert params.memory_kib <= kdf.MAX_TUNED_MEMORY_KIB
    assert params.lanes == kdf.FLOOR_LANES
    assert kdf.KdfParams.from_json(params.to_json()) == params
    key = kdf.derive("correct horse battery staple", params)
    assert key == kdf.derive("correct horse battery staple", params)
