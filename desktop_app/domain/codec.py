"""Dataclass values to JSON-ready dicts and back, for record bodies in the store and sealed drafts."""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from collections.abc import Callable
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
    return typing.cast(T, _decoder(typing.cast(Any, cls))(data))


def _identity(data: Any) -> Any:
    return data


@functools.cache
def _decoder(tp: Any) -> Callable[[Any], Any]:
    """A function that rebuilds a ``tp`` from JSON data, worked out once per type (a list of rows decodes each row
    with the same function, not by inspecting the type again); every decoder gives None for None."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decoder(options[0]) if len(options) == 1 else _identity
    if origin in (tuple, list):
        args = typing.get_args(tp)
        inner = _decoder(args[0]) if args else _identity
        if origin is tuple:
            return lambda data: None if data is None else tuple([inner(v) for v in data])
        return lambda data: None if data is None else [inner(v) for v in data]
    if origin is dict:
        value = _decoder(typing.get_args(tp)[1])
        return lambda data: None if data is None else {k: value(v) for k, v in data.items()}
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        fields = tuple((name, _decoder(hint)) for name, hint in _field_hints(tp))
        made = tp

        def decode_dataclass(data: Any) -> Any:
            if data is None:
                return None
            return made(**{name: decode(data[name]) for name, decode in fields if name in data})

        return decode_dataclass
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        kind = tp
        return lambda data: None if data is None else kind(data)
    if tp is datetime:
        return lambda data: None if data is None else datetime.fromisoformat(data)
    if tp is date:
        return lambda data: None if data is None else date.fromisoformat(data)
    return _identity


@functools.cache
def _field_hints(cls: type) -> tuple[tuple[str, Any], ...]:
    # get_type_hints evaluates every annotation string: far too slow to repeat for each row of a list.
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))
