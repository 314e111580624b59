"""The data key and the PRAGMA value the store gives SQLCipher."""

from __future__ import annotations

import re

import pytest

from desktop_app.vault import hex_key_pragma, new_data_key


def test_data_keys_are_32_random_bytes() -> None:
    keys = {new_data_key() for _ in range(50)}
    assert len(keys) == 50
    assert all(len(k) == 32 for k in keys)


def test_pragma_value_is_sqlciphers_raw_key_form() -> None:
    key = bytes(range(32))
    value = hex_key_pragma(key)
    assert value == "x'000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'"
    assert re.fullmatch(r"x'[0-9a-f]{64}'", hex_key_pragma(new_data_key()))


def test_pragma_refuses_a_key_of_the_wrong_size() -> None:
    with pytest.raises(ValueError):
        hex_key_pragma(b"short")
