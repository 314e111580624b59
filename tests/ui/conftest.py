"""Fixtures every GUI test may use."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ui.fakes import FakeAsker, answering


@pytest.fixture
def fake_ask() -> Iterator[FakeAsker]:
    """Answers the app's questions without a dialog: yes to every confirmation, cancel to every file dialog and
    text box, until the test sets another answer."""
    with answering(FakeAsker(confirm=True)) as fake:
        yield fake
