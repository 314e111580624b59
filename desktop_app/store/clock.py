"""The store's clock: every moment the store stamps (records, events, audit rows) is read here.

``now_utc()`` is the real clock unless a context has set another. ``frozen_clock`` / ``clock_at`` set one, and
they exist for **demo data only** (``services/demo/``) and tests: a demo writes each fictional concern's history
at its own past moments through the same use cases real work uses, instead of those use cases taking a time that
real code could then back-date. A test fails if anything else in ``desktop_app`` uses them.

A context variable rather than a module global: a demo filled in a worker thread never moves the clock of the
screens, and each thread or task sees the real clock unless it set one itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

Clock = Callable[[], datetime]

_clock: ContextVar[Clock | None] = ContextVar("waymark_store_clock", default=None)


def now_utc() -> datetime:
    """The current moment as an aware UTC datetime (the real one unless demo data set another)."""
    clock = _clock.get()
    if clock is None:
        return datetime.now(UTC)
    moment = clock()
    if moment.tzinfo is None:
        raise ValueError("the store's clock must give an aware datetime")
    return moment.astimezone(UTC)


@contextmanager
def clock_at(clock: Clock) -> Iterator[None]:
    """Inside the block the store reads ``clock()`` for the time. Demo data and tests only (see the module note)."""
    token = _clock.set(clock)
    try:
        yield
    finally:
        _clock.reset(token)


@contextmanager
def frozen_clock(at: datetime) -> Iterator[None]:
    """Inside the block every stamp the store writes is ``at``. Demo data and tests only (see the module note)."""
    if at.tzinfo is None:
        raise ValueError("frozen_clock needs an aware datetime")
    with clock_at(lambda: at):
        yield
