"""Shared helpers for the screening tests: the shipped definition and a short way to write answers."""

from __future__ import annotations

import pytest

from desktop_app import paths
from desktop_app.definitions import ContactsDefinition, ScreeningDefinition, load_forms
from desktop_app.domain.enums import AnswerStatus, Basis, When
from desktop_app.domain.screening import Answer


@pytest.fixture(scope="session")
def definition() -> ScreeningDefinition:
    return load_forms(paths.forms_dir()).screening()


@pytest.fixture(scope="session")
def contacts() -> ContactsDefinition:
    return load_forms(paths.forms_dir()).contacts


def answer(code: str) -> Answer:
    """'yes' (current), 'earlier' (yes, only earlier), 'no', 'not_known'."""
    if code == "yes":
        return Answer(AnswerStatus.YES, When.CURRENT, Basis.OBSERVED)
    if code == "earlier":
        return Answer(AnswerStatus.YES, When.EARLIER, Basis.REPORTED)
    return Answer(AnswerStatus(code))
