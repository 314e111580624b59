"""Column types: UTC datetimes stored as sortable ISO text, dates as ISO text."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from desktop_app.store.clock import now_utc


def utc_now() -> datetime:
    """What the store stamps on records, events and audit rows: the store's clock (see ``store/clock.py``)."""
    return now_utc()


def as_utc(value: datetime) -> datetime:
    """Naive datetimes are taken as local time (what a user typed) and converted to UTC."""
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetime in, aware UTC datetime out; stored as fixed-width text so it sorts and indexes."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return format_utc(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.strptime(str(value), UTC_FORMAT).replace(tzinfo=UTC)


class IsoDate(TypeDecorator[date]):
    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: Any, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(str(value))


UTC_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def format_utc(value: datetime) -> str:
    """The exact text stored for a datetime (the audit chain MACs this text)."""
    return as_utc(value).strftime(UTC_FORMAT)
