"""Dataclass values to JSON-ready dicts and back, for record bodies in the store and sealed drafts."""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from datetime import date, datetime
from typing import Any, TypeVar

T = TypeVar("T")


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


def from_jsonable(cls: type[T], data: Any) -> T:
    """Rebuild a dataclass (nested, tuples, enums, dates, optionals); unknown keys are ignored, missing use defaults."""
    return typing.cast(T, _decode(cls, data))


def _decode(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(options[0], data) if len(options) == 1 else data
    if origin in (tuple, list):
        args = typing.get_args(tp)
        inner = args[0] if args else Any
        items = [_decode(inner, v) for v in data]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        _, value_type = typing.get_args(tp)
        return {k: _decode(value_type, v) for k, v in data.items()}
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        kwargs = {name: _decode(hint, data[name]) for name, hint in _field_hints(tp) if name in data}
        return tp(**kwargs)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(data)
    if tp is datetime:
        return datetime.fromisoformat(data)
    if tp is date:
        return date.fromisoformat(data)
    return data


@functools.cache
def _field_hints(cls: type) -> tuple[tuple[str, Any], ...]:
    # get_type_hints evaluates every annotation string: far too slow to repeat for each row of a list.
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))
