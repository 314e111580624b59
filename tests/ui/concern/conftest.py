"""Fixtures for the concern wizard's GUI tests: answers to questions, and windows closed after each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop_app.ui import ask
from tests.ui.concern.helpers import FakeAsker, Windows


@pytest.fixture
def asker() -> Iterator[FakeAsker]:
    fake = FakeAsker()
    previous = ask.install(fake)
    yield fake
    ask.install(previous)


@pytest.fixture
def windows(qapp) -> Iterator[Windows]:
    tracked = Windows()
    yield tracked
    tracked.close_all()
