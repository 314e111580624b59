"""The recovery key: typed back from paper, forgiving of spacing and look-alikes, strict about typos."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.vault import recovery
from desktop_app.vault.errors import RecoveryKeyTypo

KEY = bytes(range(100, 132))
keys = st.binary(min_size=32, max_size=32)


def test_shown_as_thirteen_groups_of_five_without_look_alikes() -> None:
    shown = recovery.new_recovery_key()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){12}", shown)
    assert recovery.new_recovery_key() != shown


@given(keys)
def test_round_trip(key: bytes) -> None:
    assert recovery.parse(recovery.format_key(key)) == key


def test_spaces_dashes_lower_case_and_look_alikes_are_forgiven() -> None:
    shown = recovery.format_key(KEY)
    messy = "  " + shown.replace("-", " ").lower().replace("0", "o").replace("1", "l") + "\n"
    assert recovery.parse(messy) == KEY
    assert recovery.parse(shown.replace("-", "")) == KEY
    assert recovery.parse(shown.replace("1", "I").replace("-", " - ")) == KEY


@given(keys, st.integers(0, recovery.LENGTH - 1), st.integers(1, 31))
def test_any_one_wrong_character_is_caught_and_its_group_named(key: bytes, position: int, change: int) -> None:
    chars = list(recovery.format_key(key).replace("-", ""))
    chars[position] = recovery.ALPHABET[(recovery.ALPHABET.index(chars[position]) + change) % 32]
    with pytest.raises(RecoveryKeyTypo) as caught:
        recovery.parse("".join(chars))
    assert f"in group {position // 5 + 1} " in str(caught.value)


@given(keys, st.integers(0, recovery.LENGTH - 2))
def test_two_neighbours_swapped_are_caught(key: bytes, position: int) -> None:
    chars = list(recovery.format_key(key).replace("-", ""))
    if chars[position] == chars[position + 1]:
        return  # swapping equal characters changes nothing
    chars[position], chars[position + 1] = chars[position + 1], chars[position]
    with pytest.raises(RecoveryKeyTypo) as caught:
        recovery.parse("".join(chars))
    assert "typing mistake" in str(caught.value)


def test_two_groups_typed_in_the_wrong_order_are_caught() -> None:
    groups = recovery.format_key(KEY).split("-")
    groups[2], groups[7] = groups[7], groups[2]
    with pytest.raises(RecoveryKeyTypo) as caught:
        recovery.parse("-".join(groups))
    assert "in groups 3 and 8" in str(caught.value)


def test_a_missing_group_says_how_long_it_should_be() -> None:
    shown = recovery.format_key(KEY)
    with pytest.raises(RecoveryKeyTypo) as caught:
        recovery.parse(shown[:-6])
    assert str(caught.value) == (
        "That recovery key is too short: it has 60 characters, and a recovery key has 65 (13 groups of 5). "
        "Check it against the recovery sheet."
    )


def test_a_character_never_used_is_named() -> None:
    shown = recovery.format_key(KEY)
    with pytest.raises(RecoveryKeyTypo) as caught:
        recovery.parse("U" + shown[1:])
    assert "“U” never appears in a recovery key" in str(caught.value)
    assert "That recovery key has a typing mistake in it" in str(caught.value)
