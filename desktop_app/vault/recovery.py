"""The recovery key: 256 random bits shown as 13 groups of 5 characters, each group with its own check character.

Characters are Crockford's base 32 (no I, L, O or U); typing O for 0 or I/L for 1 is forgiven. The last character of
each group is a check over GF(32) with distinct weights, so any single wrong character and any two neighbours swapped
are caught and the group named; a group typed in the wrong place is caught too. Four spare bits carry a check of the
whole key for the rare typo that slips past the group checks.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from desktop_app.vault.errors import RecoveryKeyTypo

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
KEY_BYTES = 32
GROUPS = 13
DATA_PER_GROUP = 4
GROUP_SIZE = DATA_PER_GROUP + 1
LENGTH = GROUPS * GROUP_SIZE
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)} | {"O": 0, "I": 1, "L": 1}
_SEPARATORS = re.compile(r"[\s\-_.·–—]+")
_POLY = 0b100101  # x^5 + x^2 + 1, primitive: 2 generates all 31 non-zero elements
_WEIGHTS = (2, 4, 8, 16)  # distinct, non-zero and not 1 (the check character's own weight)


def _mul(a: int, b: int) -> int:
    product = 0
    while b:
        if b & 1:
            product ^= a
        b >>= 1
        a <<= 1
        if a & 0b100000:
            a ^= _POLY
    return product


def _power(exponent: int) -> int:
    value = 1
    for _ in range(exponent):
        value = _mul(value, 2)
    return value


_GROUP_MARK = tuple(_power(g + 5) for g in range(GROUPS))  # distinct per position, so swapped groups are caught


def _check(group_index: int, data: list[int]) -> int:
    total = _GROUP_MARK[group_index]
    for weight, value in zip(_WEIGHTS, data, strict=True):
        total ^= _mul(weight, value)
    return total


def _whole_key_check(key: bytes) -> int:
    return hashlib.sha256(b"waymark recovery key|" + key).digest()[0] >> 4


def format_key(key: bytes) -> str:
    """32 bytes as ``XXXXX-XXXXX-…`` (13 groups)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a recovery key is 32 bytes")
    number = (int.from_bytes(key, "big") << 4) | _whole_key_check(key)
    symbols = [(number >> (5 * (GROUPS * DATA_PER_GROUP - 1 - i))) & 31 for i in range(GROUPS * DATA_PER_GROUP)]
    groups = []
    for g in range(GROUPS):
        data = symbols[g * DATA_PER_GROUP : (g + 1) * DATA_PER_GROUP]
        groups.append("".join(ALPHABET[v] for v in [*data, _check(g, data)]))
    return "-".join(groups)


def new_recovery_key() -> str:
    """A fresh recovery key, formatted for the screen and the recovery sheet."""
    return format_key(secrets.token_bytes(KEY_BYTES))


def parse(text: str) -> bytes:
    """The 32 key bytes from a typed recovery key; ``RecoveryKeyTypo`` says what is wrong and where."""
    cleaned = _SEPARATORS.sub("", text).upper()
    strange = sorted({ch for ch in cleaned if ch not in _VALUE})
    if strange:
        shown = ", ".join(f"“{ch}”" for ch in strange)
        raise RecoveryKeyTypo(
            f"That recovery key has a typing mistake in it: {shown} never appears in a recovery key. "
            "Check it against the recovery sheet."
        )
    if len(cleaned) != LENGTH:
        which = "short" if len(cleaned) < LENGTH else "long"
        raise RecoveryKeyTypo(
            f"That recovery key is too {which}: it has {len(cleaned)} characters, and a recovery key has {LENGTH} "
            f"({GROUPS} groups of {GROUP_SIZE}). Check it against the recovery sheet."
        )
    values = [_VALUE[ch] for ch in cleaned]
    wrong = [
        g + 1
        for g in range(GROUPS)
        if _check(g, values[g * GROUP_SIZE : g * GROUP_SIZE + DATA_PER_GROUP])
        != values[g * GROUP_SIZE + DATA_PER_GROUP]
    ]
    if wrong:
        where = (
            f"group {wrong[0]}"
            if len(wrong) == 1
            else "groups " + ", ".join(map(str, wrong[:-1])) + f" and {wrong[-1]}"
        )
        raise RecoveryKeyTypo(
            f"That recovery key has a typing mistake in it, in {where} (counting from the left). "
            "Check that part against the recovery sheet."
        )
    number = 0
    for g in range(GROUPS):
        for value in values[g * GROUP_SIZE : g * GROUP_SIZE + DATA_PER_GROUP]:
            number = (number << 5) | value
    key = (number >> 4).to_bytes(KEY_BYTES, "big")
    if number & 0b1111 != _whole_key_check(key):
        raise RecoveryKeyTypo(
            "That recovery key has a typing mistake in it. Check each group against the recovery sheet."
        )
    return key
