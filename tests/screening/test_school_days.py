"""Review dates fall on days the setting is open: never a weekend, a bank holiday or one of its closures."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app import paths
from desktop_app.definitions import load_forms
from desktop_app.domain.enums import RiskLevel
from desktop_app.domain.records import Closure
from desktop_app.screening import default_review_date
from desktop_app.screening.school_days import bank_holidays, is_school_day, next_school_day

DEFINITION = load_forms(paths.forms_dir()).screening()

days = st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31))
closure_lists = st.lists(
    st.builds(lambda first, length: Closure(first, first + timedelta(days=length)), days, st.integers(0, 20)),
    max_size=4,
)


@settings(deadline=None)  # the holidays library builds its first year slowly
@given(level=st.sampled_from(RiskLevel), today=days, closures=closure_lists)
def test_a_review_date_is_never_christmas_a_weekend_a_bank_holiday_or_a_closure(
    level: RiskLevel, today: date, closures: list[Closure]
) -> None:
    review = default_review_date(level, today, DEFINITION, closures=closures)
    assert (review.month, review.day) != (12, 25)
    assert review.weekday() < 5
    assert review not in bank_holidays(review.year)
    assert not any(c.covers(review) for c in closures)
    assert review > today


@settings(deadline=None)
@given(day=days)
def test_the_next_school_day_is_the_first_open_day_from_the_one_given(day: date) -> None:
    found = next_school_day(day)
    assert is_school_day(found)
    assert all(not is_school_day(day + timedelta(days=n)) for n in range((found - day).days))


def test_known_bank_holidays_of_england_and_wales_are_skipped() -> None:
    # 28 December 2026 is the substitute day for Boxing Day (a Saturday); 29 March 2027 is Easter Monday.
    assert next_school_day(date(2026, 12, 25)) == date(2026, 12, 29)
    assert next_school_day(date(2027, 3, 29)) == date(2027, 3, 30)
    assert next_school_day(date(2027, 5, 3)) == date(2027, 5, 4)  # early May bank holiday


def test_a_setting_closure_moves_the_review_to_the_first_day_back() -> None:
    inset = Closure(date(2027, 1, 4), date(2027, 1, 5), "INSET days")
    assert next_school_day(date(2027, 1, 4), [inset]) == date(2027, 1, 6)
    assert next_school_day(date(2027, 1, 4)) == date(2027, 1, 4)
