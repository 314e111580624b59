"""Numbers and addresses as people write them: tidied for print, refused with one sentence when unusable."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.contact_checks import email_problem, format_email, format_phone, phone_problem


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("01142734855", "0114 273 4855"),
        ("0114 2734855", "0114 273 4855"),
        ("(0114) 273-4855", "0114 273 4855"),
        ("+44 114 273 4855", "0114 273 4855"),
        ("+44 (0)114 273 4855", "0114 273 4855"),
        ("07700900123", "07700 900123"),
        ("020 7946 0000", "020 7946 0000"),
        ("0800 1111", "0800 1111"),
        ("999", "999"),
        ("101", "101"),
        ("116123", "116 123"),
        ("0114 273 4855 ext 3", "0114 273 4855 ext. 3"),
        ("  ", ""),
    ],
)
def test_numbers_print_as_people_write_them(typed: str, printed: str) -> None:
    assert format_phone(typed) == printed
    assert phone_problem(typed) is None


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("not a number!!", "letters"),
        ("0114 27", "too few digits"),
        ("011427348551234", "too many digits"),
        ("273 4855", "area code"),
        ("0000000000", "not a telephone number that can be dialled"),
        ("---", "does not look like a telephone number"),
    ],
)
def test_an_unusable_number_gets_one_sentence_naming_what_is_wrong(typed: str, says: str) -> None:
    problem = phone_problem(typed)
    assert problem is not None
    assert says in problem
    assert problem.endswith(".") and problem.count(". ") == 0


def test_an_unreadable_number_is_kept_as_typed_so_nothing_is_lost() -> None:
    assert format_phone("  ring the office  ") == "ring the office"


@given(st.text(max_size=40))
def test_any_text_is_checked_and_formatted_without_raising(text: str) -> None:
    problem = phone_problem(text)
    shown = format_phone(text)
    assert problem is None or problem.endswith(".")
    assert isinstance(shown, str)


uk_numbers = st.builds(
    lambda area, rest: f"0{area}{rest}",
    st.sampled_from(["114", "113", "161", "20", "1632", "7700", "800"]),
    st.integers(min_value=1_000_000, max_value=9_999_999).map(str),
)


@given(uk_numbers)
def test_formatting_an_accepted_number_again_changes_nothing(number: str) -> None:
    if phone_problem(number) is None:
        once = format_phone(number)
        assert format_phone(once) == once
        assert phone_problem(once) is None
        assert once.replace(" ", "") == number.replace(" ", "")[: len(once.replace(" ", ""))]


@pytest.mark.parametrize("address", ["dsl@hillside.sch.uk", "J.Okafor@Example.SCH.UK", "zoë@école.fr", ""])
def test_ordinary_addresses_are_accepted_without_any_look_up(address: str) -> None:
    assert email_problem(address) is None


def test_the_domain_of_an_address_is_put_in_lower_case() -> None:
    assert format_email(" J.Okafor@Example.SCH.UK ") == "J.Okafor@example.sch.uk"


@pytest.mark.parametrize(
    ("address", "says"),
    [("dsl@", "after the @-sign"), ("dsl hillside.sch.uk", "space"), ("dsl@localhost", "period"), ("@x.uk", "before")],
)
def test_an_unusable_address_gets_one_sentence(address: str, says: str) -> None:
    problem = email_problem(address)
    assert problem is not None and says in problem
