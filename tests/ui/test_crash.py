"""An unexpected error in the window is logged without personal data and shown in plain words, once."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from desktop_app import log
from desktop_app.ui import ask, crash

pytestmark = pytest.mark.gui  # the hook speaks through the window's asker

MARKER = "Zoë Wiśniewska-Nguyễn"


class Recorder:
    def __init__(self, fail: bool = False) -> None:
        self.warnings: list[tuple[str, str]] = []
        self.fail = fail

    def warn(self, parent: object, title: str, text: str) -> None:
        self.warnings.append((title, text))
        if self.fail:
            raise RuntimeError(f"the dialog broke too for {MARKER}")


@pytest.fixture
def recorder():
    previous = ask.install(Recorder())  # type: ignore[arg-type]
    yield ask.current()
    ask.install(previous)


def _raise_and_handle() -> None:
    try:
        raise ValueError(f"could not file the concern for {MARKER}")
    except ValueError:
        crash.handle(*sys.exc_info())  # type: ignore[arg-type]


def test_an_unexpected_error_is_shown_in_plain_words_and_logged_without_the_name(recorder, tmp_path: Path) -> None:
    log_file = log.configure(log_dir=tmp_path)
    _raise_and_handle()
    for handler in logging.getLogger().handlers:
        handler.flush()
    [(title, text)] = recorder.warnings
    assert title == "Something went wrong"
    assert "nothing was lost" in text
    assert MARKER not in text
    logged = log_file.read_text(encoding="utf-8")
    assert "unexpected error in the window" in logged and "ValueError (message withheld)" in logged
    assert MARKER not in logged


def test_an_error_while_telling_the_user_does_not_loop(tmp_path: Path) -> None:
    previous = ask.install(Recorder(fail=True))  # type: ignore[arg-type]
    try:
        log.configure(log_dir=tmp_path)
        _raise_and_handle()
        _raise_and_handle()
        assert len(ask.current().warnings) == 2  # type: ignore[attr-defined]
    finally:
        ask.install(previous)


def test_the_window_runs_with_the_hook_and_puts_the_old_one_back(monkeypatch: pytest.MonkeyPatch, qapp) -> None:
    import argparse

    from PySide6.QtCore import qInstallMessageHandler

    from desktop_app import log as app_log
    from desktop_app.ui import app as ui_app

    during: list[object] = []

    def fake_run(app, args, windows) -> int:
        qt_handler = qInstallMessageHandler(None)  # read the installed handler by swapping it out and back
        qInstallMessageHandler(qt_handler)
        during.extend([sys.excepthook, qt_handler])
        return 0

    monkeypatch.setattr(ui_app, "_run", fake_run)
    before = sys.excepthook
    assert ui_app.run_gui(argparse.Namespace(demo=False, vault=None, debug=False, command=None)) == 0
    assert during == [crash.handle, app_log.qt_message_handler]
    assert sys.excepthook is before
