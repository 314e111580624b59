"""The one stand-in for the app's questions (``desktop_app.ui.ask``) every GUI test answers with.

A real modal dialog would wait for a click nobody makes. ``FakeAsker`` answers each question at once, with what the
test set beforehand, and keeps every question asked so a test can check what the user would have read. The
``fake_ask`` fixture in ``tests/ui/conftest.py`` installs one for a test.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

from desktop_app.ui import ask


class Question(NamedTuple):
    """One question the app put: its kind (the asker's method), its title, and its words (for a file dialog, the
    suggested name or the filters)."""

    kind: str
    title: str
    text: str


class FakeAsker:
    """Answers every question without showing it: a confirmation with ``answer_confirm``, a text box with
    ``answer_text``, a file or folder dialog with ``answer_save``, ``answer_open`` or ``answer_folder`` (None: the
    user cancelled). Every question is kept in ``asked``, and the two buttons of every confirmation in ``choices``."""

    def __init__(
        self,
        confirm: bool = False,
        save_path: str | None = None,
        text: str | None = None,
        open_path: str | None = None,
        folder: str | None = None,
    ) -> None:
        self.answer_confirm = confirm
        self.answer_save = save_path
        self.answer_text = text
        self.answer_open = open_path
        self.answer_folder = folder
        self.asked: list[Question] = []
        self.choices: list[tuple[str, str]] = []  # (yes, no): the buttons' words

    def said(self, *kinds: str) -> list[str]:
        """The words of every question of these kinds (of every kind when none is named), in order."""
        return [q.text for q in self.asked if not kinds or q.kind in kinds]

    def confirm(self, parent, title, text, yes, no) -> bool:
        self.asked.append(Question("confirm", title, text))
        self.choices.append((yes, no))
        return self.answer_confirm

    def inform(self, parent, title, text) -> None:
        self.asked.append(Question("inform", title, text))

    def warn(self, parent, title, text) -> None:
        self.asked.append(Question("warn", title, text))

    def text(self, parent, title, label, secret=False):
        self.asked.append(Question("text", title, label))
        return self.answer_text

    def save_path(self, parent, title, suggested, filters):
        self.asked.append(Question("save_path", title, suggested))
        return self.answer_save

    def open_path(self, parent, title, filters):
        self.asked.append(Question("open_path", title, filters))
        return self.answer_open

    def open_folder(self, parent, title):
        self.asked.append(Question("open_folder", title, ""))
        return self.answer_folder


@contextmanager
def answering(fake: FakeAsker) -> Iterator[FakeAsker]:
    """``fake`` answers the app's questions inside the block; whoever answered before does again after it."""
    previous = ask.install(fake)
    try:
        yield fake
    finally:
        ask.install(previous)
