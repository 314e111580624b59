"""A short way to write answers in tests."""

from __future__ import annotations

from desktop_app.domain.enums import AnswerStatus, Basis, When
from desktop_app.domain.screening import Answer


def answer(code: str) -> Answer:
    """'yes' (current), 'earlier' (yes, only earlier), 'no', 'not_known'."""
    if code == "yes":
        return Answer(AnswerStatus.YES, When.CURRENT, Basis.OBSERVED)
    if code == "earlier":
        return Answer(AnswerStatus.YES, When.EARLIER, Basis.REPORTED)
    return Answer(AnswerStatus(code))
