"""The JSON of `waymark screen` (DESIGN §6): answers in, suggested level, reasons and routes out.

Input is checked strictly, because a local authority uses it to test its own definition: an unknown key, a wrong
status or a missing age is refused with one sentence rather than guessed at.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar

from desktop_app.domain.enums import AnswerStatus, Basis, When
from desktop_app.domain.screening import Answer, ChildFacts, ConcernFacts, ScreeningInput, ScreeningResult
from desktop_app.errors import QUOTE_LIMIT
from desktop_app.screening.engine import ScreeningInputError

E = TypeVar("E", AnswerStatus, When, Basis)

_TOP_KEYS = ("child", "concern", "answers")
_CHILD_KEYS = ("age", "learning_disability", "has_social_worker")
_CONCERN_KEYS = ("immediate_danger", "about_adult_working_with_children", "group_or_community")
_ANSWER_KEYS = ("status", "when", "basis", "note")


def parse_input(data: Any) -> ScreeningInput:
    """Turn the decoded JSON of an answers file into a ScreeningInput; ScreeningInputError names what is wrong."""
    top = _object(data, "The answers file", _TOP_KEYS)
    if "child" not in top:
        raise ScreeningInputError("The answers file has no 'child' object: give at least the child's 'age'.")
    child = _object(top["child"], "'child'", _CHILD_KEYS)
    if "age" not in child:
        raise ScreeningInputError("'child.age' is missing: give the child's age in years, or null if not known.")
    age = child["age"]
    if age is not None and (isinstance(age, bool) or not isinstance(age, int)):
        raise ScreeningInputError(f"'child.age' is {json_repr(age)}; it must be a whole number of years, or null.")
    concern = _object(top.get("concern", {}), "'concern'", _CONCERN_KEYS)
    answers = _object(top.get("answers", {}), "'answers'", None)
    return ScreeningInput(
        child=ChildFacts(
            age=age,
            learning_disability=_flag(child, "child", "learning_disability"),
            has_social_worker=_flag(child, "child", "has_social_worker"),
        ),
        concern=ConcernFacts(**{key: _flag(concern, "concern", key) for key in _CONCERN_KEYS}),
        answers={item_id: _answer(item_id, value) for item_id, value in answers.items()},
    )


def result_to_json(result: ScreeningResult) -> dict[str, Any]:
    return {
        "definition": {
            "id": result.definition.id,
            "version": result.definition.version,
            "hash": result.definition.hash,
        },
        "suggested_level": result.suggested_level.value,
        "reasons": list(result.reasons),
        "routes": [
            {"route": advice.route.value, "title": advice.title, "phone": advice.phone, "why": advice.why}
            for advice in result.routes
        ],
        "protective_factors": list(result.protective_factors),
        "score": result.score,
        "review_after_days": result.review_after_days,
    }


def json_repr(value: Any) -> str:
    """A JSON value as a user would recognise it in their file."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except ValueError:  # an integer past Python's digit limit for turning it into text
        return "a number far too long"
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "…"  # a 5 MB value is never echoed whole


def _object(value: Any, what: str, keys: tuple[str, ...] | None) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ScreeningInputError(f"{what} must be a JSON object, not {json_repr(value)}.")
    if keys is not None:
        unknown = [key for key in value if key not in keys]
        if unknown:
            raise ScreeningInputError(f"{what} has an unknown key '{unknown[0]}'; the keys are {', '.join(keys)}.")
    return value


def _flag(values: Mapping[str, Any], where: str, key: str) -> bool:
    value = values.get(key, False)
    if not isinstance(value, bool):
        raise ScreeningInputError(f"'{where}.{key}' is {json_repr(value)}; it must be true or false.")
    return value


def _answer(item_id: str, value: Any) -> Answer:
    fields = _object(value, f"The answer to '{item_id}'", _ANSWER_KEYS)
    if "status" not in fields:
        raise ScreeningInputError(f"The answer to '{item_id}' has no 'status'; it must be yes, no or not_known.")
    note = fields.get("note", "")
    if not isinstance(note, str):
        raise ScreeningInputError(f"The note of the answer to '{item_id}' must be text.")
    return Answer(
        status=_choice(AnswerStatus, fields["status"], item_id, "status"),
        when=_choice(When, fields["when"], item_id, "when") if fields.get("when") is not None else None,
        basis=_choice(Basis, fields["basis"], item_id, "basis") if fields.get("basis") is not None else None,
        note=note,
    )


def _choice(kind: type[E], value: Any, item_id: str, key: str) -> E:
    allowed = [member.value for member in kind]
    if isinstance(value, str) and value in allowed:
        return kind(value)
    choices = ", ".join(allowed[:-1]) + f" or {allowed[-1]}"
    raise ScreeningInputError(f"The answer to '{item_id}' has {key} {json_repr(value)}; it must be {choices}.")
