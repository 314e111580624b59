"""School days: not a weekend, not a bank holiday in England and Wales (the `holidays` library), not a closure."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from desktop_app.domain.records import Closure

SATURDAY = 5
# Closures are at most about two months each; a year of searching means the closures cover everything.
_GIVE_UP_AFTER_DAYS = 366


@lru_cache(maxsize=64)
def bank_holidays(year: int) -> frozenset[date]:
    """England and Wales bank holidays of one year (substitute days included)."""
    import holidays  # imported when first needed: about half a second, kept off the app's start

    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_school_day(day: date, closures: Iterable[Closure] = ()) -> bool:
    if day.weekday() >= SATURDAY or day in bank_holidays(day.year):
        return False
    return not any(closure.covers(day) for closure in closures)


def next_school_day(day: date, closures: Iterable[Closure] = ()) -> date:
    """``day`` if the setting is open then, else the next day it is."""
    kept = tuple(closures)
    candidate = day
    for _ in range(_GIVE_UP_AFTER_DAYS):
        if is_school_day(candidate, kept):
            return candidate
        candidate += timedelta(days=1)
    return day
