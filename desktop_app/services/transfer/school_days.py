"""School days for the transfer deadline: weekdays that are not bank holidays in England and Wales, nor closures."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from functools import cache

import holidays


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_school_day(day: date, closures: Collection[date] = ()) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year) and day not in closures


def add_school_days(start: date, days: int, closures: Collection[date] = ()) -> date:
    """The school day ``days`` school days after ``start`` (sent on a Friday, 5 school days → the next Friday)."""
    day, left = start, days
    while left > 0:
        day += timedelta(days=1)
        if is_school_day(day, closures):
            left -= 1
    return day
