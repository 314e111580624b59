"""Helpers shared by the repositories: JSON bodies, actors, name folding for search."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, TypeVar

from desktop_app.domain.codec import from_jsonable, to_jsonable
from desktop_app.domain.records import Actor

T = TypeVar("T")


def dump(value: Any) -> str:
    return json.dumps(to_jsonable(value), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def load(cls: type[T], text: str) -> T:
    return from_jsonable(cls, json.loads(text))


# Letters that carry their mark inside them, so NFKD does not separate it.
_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ŀ": "l", "ŧ": "t"}
)


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name, for index-backed prefix search in any script."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def name_words(*names: str) -> set[str]:
    """The distinct folded words of some names ("Ó Súilleabháin-Kowalska" → o, suilleabhain, kowalska)."""
    return {w for name in names for w in re.findall(r"\w+", fold(name))}


def actor_columns(actor: Actor, prefix: str = "actor") -> dict[str, Any]:
    return {f"{prefix}_name": actor.name, f"{prefix}_role": actor.role, f"{prefix}_user_id": actor.user_id}


def actor_of(name: str, role: str, user_id: str | None) -> Actor:
    return Actor(name=name, role=role, user_id=user_id)


PREFIX_END = "\U0010ffff"
