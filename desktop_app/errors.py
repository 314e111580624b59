"""Errors a user can act on. Anything else is a bug: logged without personal data, shown as 'nothing was lost'."""

from __future__ import annotations


class UserFacingError(Exception):
    """An error with one clear sentence a DSL or IT technician can act on."""

    def __init__(self, sentence: str) -> None:
        super().__init__(sentence)
        self.sentence = sentence

    def __str__(self) -> str:
        return self.sentence


class FieldProblem(UserFacingError):
    """A bad value in one named field of a form or wizard."""

    def __init__(self, field: str, sentence: str) -> None:
        super().__init__(sentence)
        self.field = field


class InvalidInput(UserFacingError):
    """Several field problems at once; the screen shows each beside its field."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__(" ".join(p.sentence for p in problems))
        self.problems = problems


QUOTE_LIMIT = 80


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A user's value for an error sentence, at most about ``limit`` characters: a 5 MB paste is never echoed whole."""
    text = str(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text[: limit + 1])
    if len(text) > limit:
        return f"'{text[: limit - 1]}…'"
    return f"'{text}'"


class SaveFailed(UserFacingError):
    """A file or the database could not be written; the sentence says why and that nothing was changed."""


class DiskFull(SaveFailed):
    """The disk (or the user's quota) is full."""


class FolderNotWritable(SaveFailed):
    """The folder is read-only or Waymark is not allowed to write there."""
