"""Argon2id key stretching: turn a passphrase into a key-encryption key, tuned to this machine.

Every passphrase slot stores its own parameters and salt. Waymark never accepts parameters below the floor of
64 MiB, 3 passes, 4 lanes, except in its own test suite (``WAYMARK_FAST_KDF_FOR_TESTS=1`` while pytest is loaded),
where a tiny profile keeps thousands of unlocks fast.
"""

from __future__ import annotations

import os
import secrets
import sys
import time
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from desktop_app.vault.errors import DamagedKeySlots, WeakKeySettings

ALGORITHM = "argon2id"
KEY_LENGTH = 32
SALT_LENGTH = 16

FLOOR_MEMORY_KIB = 64 * 1024
FLOOR_ITERATIONS = 3
FLOOR_LANES = 4
# A vault tuned on a large desktop must still open on a small laptop: memory stops here and passes grow instead.
MAX_TUNED_MEMORY_KIB = 512 * 1024
# Above anything tune() produces (512 MiB, then passes), far below what would make one try hang or exhaust a laptop's
# memory: a key file asking for more is refused before anything is derived (4 GiB, t=64, p=64 took 150 s and 4 GB).
LIMIT_MEMORY_KIB = 1024 * 1024
LIMIT_ITERATIONS = 16
LIMIT_LANES = 16
LIMIT_WORK_KIB = MAX_TUNED_MEMORY_KIB * LIMIT_ITERATIONS  # memory × passes: at most 8 GiB·pass, a few seconds

_TEST_MEMORY_KIB = 64
_TEST_ITERATIONS = 1
_TEST_LANES = 1


def fast_kdf_for_tests() -> bool:
    """True only inside the test suite with the hook switched on; never in the app."""
    return os.environ.get("WAYMARK_FAST_KDF_FOR_TESTS") == "1" and "pytest" in sys.modules


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost and salt for one key slot."""

    memory_kib: int
    iterations: int
    lanes: int
    salt: bytes

    def meets_floor(self) -> bool:
        return self.memory_kib >= FLOOR_MEMORY_KIB and self.iterations >= FLOOR_ITERATIONS and self.lanes >= FLOOR_LANES

    def with_new_salt(self) -> KdfParams:
        return replace(self, salt=secrets.token_bytes(SALT_LENGTH))

    def to_json(self) -> dict[str, Any]:
        return {
            "algorithm": ALGORITHM,
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
            "salt": self.salt.hex(),
        }

    @classmethod
    def from_json(cls, data: object) -> KdfParams:
        """Read parameters from a key file, refusing anything malformed, absurd, or below the floor."""
        if not isinstance(data, dict) or set(data) != {"algorithm", "memory_kib", "iterations", "lanes", "salt"}:
            raise DamagedKeySlots("A key slot's key-stretching settings are damaged or incomplete.")
        if data["algorithm"] != ALGORITHM:
            raise DamagedKeySlots(
                f"A key slot uses key stretching '{data['algorithm']}', which this version of Waymark does not know."
            )
        numbers = [data["memory_kib"], data["iterations"], data["lanes"]]
        if not all(type(n) is int and n > 0 for n in numbers):
            raise DamagedKeySlots("A key slot's key-stretching settings are damaged: a cost is not a positive number.")
        try:
            salt = bytes.fromhex(data["salt"]) if isinstance(data["salt"], str) else b""
        except ValueError:
            salt = b""
        if len(salt) < SALT_LENGTH:
            raise DamagedKeySlots("A key slot's salt is damaged or too short.")
        params = cls(memory_kib=numbers[0], iterations=numbers[1], lanes=numbers[2], salt=salt)
        check_strength(params)
        return params


def check_strength(params: KdfParams) -> None:
    """Refuse parameters that are weaker than the floor (outside tests) or so large they would hang the app."""
    if (
        params.memory_kib > LIMIT_MEMORY_KIB
        or params.iterations > LIMIT_ITERATIONS
        or params.lanes > LIMIT_LANES
        or params.memory_kib * params.iterations > LIMIT_WORK_KIB
    ):
        raise WeakKeySettings(
            "A key slot asks for more key-stretching work than any computer can do quickly; the key file has been "
            "edited or damaged. Restore keyslots.json from a backup."
        )
    if params.memory_kib < 8 * params.lanes:
        raise WeakKeySettings("A key slot's key-stretching settings are impossible; the key file is damaged.")
    if not params.meets_floor() and not fast_kdf_for_tests():
        raise WeakKeySettings(
            "A key slot uses weaker protection than Waymark allows, so it may have been tampered with. "
            "Restore keyslots.json from a backup, or unlock with the recovery key."
        )


def floor_params() -> KdfParams:
    """The weakest parameters Waymark ever uses (or the tiny test profile under the test hook), fresh salt."""
    if fast_kdf_for_tests():
        return KdfParams(_TEST_MEMORY_KIB, _TEST_ITERATIONS, _TEST_LANES, secrets.token_bytes(SALT_LENGTH))
    return KdfParams(FLOOR_MEMORY_KIB, FLOOR_ITERATIONS, FLOOR_LANES, secrets.token_bytes(SALT_LENGTH))


def tune(target_seconds: float = 0.75) -> KdfParams:
    """Measure this machine and pick memory (then passes) so one derivation takes about ``target_seconds``.

    Never below the floor, however slow the machine; memory grows first, up to 512 MiB, then passes.
    """
    params = floor_params()
    if fast_kdf_for_tests():
        return params
    low, high = target_seconds * 2 / 3, target_seconds * 4 / 3
    elapsed = _time_one(params)
    for _ in range(6):
        if elapsed >= low:
            break
        scale = min(target_seconds / max(elapsed, 1e-3), 8.0)
        if params.memory_kib < MAX_TUNED_MEMORY_KIB:
            memory = min(MAX_TUNED_MEMORY_KIB, int(params.memory_kib * scale) // 1024 * 1024)
            params = replace(params, memory_kib=max(memory, params.memory_kib))
        else:
            ceiling = min(LIMIT_ITERATIONS, LIMIT_WORK_KIB // params.memory_kib)
            iterations = min(ceiling, max(params.iterations + 1, round(params.iterations * scale)))
            params = replace(params, iterations=iterations)
        elapsed = _time_one(params)
    if elapsed > high and params.memory_kib > FLOOR_MEMORY_KIB:
        # Overshot: step back in proportion, never below the floor.
        memory = int(params.memory_kib * target_seconds / elapsed) // 1024 * 1024
        params = replace(params, memory_kib=max(FLOOR_MEMORY_KIB, memory))
    return params


def _time_one(params: KdfParams) -> float:
    started = time.perf_counter()
    derive(b"waymark tuning", params)
    return time.perf_counter() - started


def encode_secret(secret: str | bytes) -> bytes:
    """A passphrase as bytes: NFC-normalised so the same words typed on another keyboard give the same key."""
    if isinstance(secret, bytes):
        return secret
    # surrogatepass: a stray half of a surrogate pair (pasted from odd software) still gives a stable key.
    return unicodedata.normalize("NFC", secret).encode("utf-8", "surrogatepass")


def derive(secret: str | bytes, params: KdfParams) -> bytes:
    """Argon2id(secret, params) → 32 bytes."""
    check_strength(params)
    kdf = Argon2id(
        salt=params.salt,
        length=KEY_LENGTH,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(encode_secret(secret))
