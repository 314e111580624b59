"""Helpers shared by the repositories: JSON bodies, actors, name folding for search."""

from __future__ import annotations

import json
import unicodedata
from typing import Any, TypeVar

from desktop_app.domain.codec import from_jsonable, to_jsonable
from desktop_app.domain.records import Actor

T = TypeVar("T")


def dump(value: Any) -> str:
    return json.dumps(to_jsonable(value), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def load(cls: type[T], text: str) -> T:
    return from_jsonable(cls, json.loads(text))


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name, for index-backed prefix search in any script."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def actor_columns(actor: Actor, prefix: str = "actor") -> dict[str, Any]:
    return {f"{prefix}_name": actor.name, f"{prefix}_role": actor.role, f"{prefix}_user_id": actor.user_id}


def actor_of(name: str, role: str, user_id: str | None) -> Actor:
    return Actor(name=name, role=role, user_id=user_id)


PREFIX_END = "\U0010ffff"
