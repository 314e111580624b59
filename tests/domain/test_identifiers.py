"""NHS numbers and UPNs: the check character catches a mistyped digit; the usual ways of writing them are accepted."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.identifiers import (
    nhs_number_problem,
    normal_nhs_number,
    normal_upn,
    upn_check_letter,
    upn_problem,
)


@pytest.mark.parametrize("written", ["943 476 5919", "9434765919", "943-476-5919", " 943 476 5919 ", ""])
def test_a_valid_nhs_number_is_accepted_however_it_is_spaced(written: str) -> None:
    assert nhs_number_problem(written) is None


def test_an_nhs_number_is_stored_as_printed_on_nhs_letters() -> None:
    assert normal_nhs_number("9434765919") == "943 476 5919"


@pytest.mark.parametrize("written", ["943 476 5918", "123", "94347659190", "943 476 591O", "１２３４５６７８９０"])
def test_a_wrong_nhs_number_gets_a_sentence(written: str) -> None:
    problem = nhs_number_problem(written)
    assert problem and problem.endswith(".")


def test_a_number_whose_check_would_be_ten_is_never_valid() -> None:
    # 1000000010: weights give a remainder of 1, so the check digit would be 10 — no valid NHS number has it
    assert nhs_number_problem("100 000 0010") is not None


def upn(serial: str) -> str:
    return upn_check_letter(serial) + serial


def test_a_upn_with_its_check_letter_is_accepted_and_a_slip_is_caught() -> None:
    good = upn("801200100010")
    assert upn_problem(good) is None
    assert upn_problem(good.lower()) is None
    assert upn_problem(" ".join(good)) is None
    assert normal_upn(" " + good.lower() + " ") == good
    slipped = good[:5] + str((int(good[5]) + 1) % 10) + good[6:]
    assert "does not match" in (upn_problem(slipped) or "")


def test_a_temporary_upn_ends_in_a_letter_but_never_i_o_or_s() -> None:
    assert upn_problem(upn("80120010001A")) is None
    assert upn_problem(upn("80120010001I"[:-1]) + "I") is not None


@pytest.mark.parametrize("written", ["A12345", "123456789012A", "AB2345678901Z", "A1234567890123"])
def test_a_malformed_upn_gets_the_format_sentence(written: str) -> None:
    assert "letter followed by 12 characters" in (upn_problem(written) or "")


@given(st.text(max_size=40))
def test_any_text_gets_none_or_one_sentence(text: str) -> None:
    for problem in (nhs_number_problem(text), upn_problem(text)):
        assert problem is None or problem.endswith(".")
