"""Fixtures for the concern wizard's GUI tests: answers to questions, and windows closed after each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ui.concern.helpers import Windows
from tests.ui.fakes import FakeAsker


@pytest.fixture
def asker(fake_ask: FakeAsker) -> FakeAsker:
    """The shared fake asker, answering no to "Stop recording this concern?" and every other confirmation (the
    recorder keeps going) until a test says otherwise."""
    fake_ask.answer_confirm = False
    return fake_ask


@pytest.fixture
def windows(qapp) -> Iterator[Windows]:
    tracked = Windows()
    yield tracked
    tracked.close_all()
