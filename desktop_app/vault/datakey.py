"""The vault's data key: 32 random bytes, SQLCipher's raw key. Never written anywhere in the clear."""

from __future__ import annotations

import secrets

DATA_KEY_SIZE = 32


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_SIZE)


def hex_key_pragma(key: bytes) -> str:
    """The value for ``PRAGMA key = "<this>"``: SQLCipher's raw-key form ``x'<64 hex>'`` (no passphrase in SQL)."""
    if len(key) != DATA_KEY_SIZE:
        raise ValueError("a data key is exactly 32 bytes")
    return f"x'{key.hex()}'"
