"""Log lines never carry names, concern text, passphrases or keys."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from desktop_app import log

MARKER = "ZOË-MARKER-7f3a"


def test_personal_data_never_reaches_the_log_file(tmp_path: Path) -> None:
    path = log.configure(log_dir=tmp_path)
    logger = logging.getLogger("desktop_app.test")
    logger.info("saved concern for %s", MARKER)
    logger.warning("unlock failed for %(user)s", {"user": MARKER})
    logging.getLogger("sqlalchemy.engine").warning("parameters %s", (MARKER,))
    try:
        raise ValueError(f"bad value {MARKER}")
    except ValueError:
        logger.exception("could not save")
    logger.info("concern %s saved with %s signs", log.Safe("WM-2026-00001"), 3)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert MARKER not in text
    assert "saved concern for <redacted>" in text
    assert "ValueError (message withheld)" in text
    assert "concern WM-2026-00001 saved with 3 signs" in text  # safe values still help


def test_no_log_call_in_the_code_formats_its_own_message() -> None:
    """The filter can only redact arguments: a message built with an f-string or % would carry data past it."""
    import ast

    import desktop_app

    root = Path(desktop_app.__file__).parent
    levels = {"debug", "info", "warning", "error", "exception", "critical", "log"}
    offenders = []
    for source in root.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args):
                continue
            owner = node.func.value
            owner_name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
            if node.func.attr not in levels or "log" not in owner_name.lower():
                continue
            message = node.args[1] if node.func.attr == "log" and len(node.args) > 1 else node.args[0]
            if not isinstance(message, ast.Constant):
                offenders.append(f"{source.relative_to(root)}:{node.lineno}")
    assert offenders == [], f"log messages must be literal templates: {offenders}"


def test_a_python_warning_goes_through_the_filter_not_raw_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import warnings

    logging.captureWarnings(False)  # an earlier test's configure() may have captured them under pytest's own hook
    try:
        path = log.configure(log_dir=tmp_path)
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.warn(f"could not draw a glyph in {MARKER}", UserWarning, stacklevel=1)
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert MARKER not in capsys.readouterr().err
        assert MARKER not in text and "py.warnings" in text and "UserWarning (text withheld)" in text
    finally:
        logging.captureWarnings(False)


def test_qt_messages_reach_the_log_through_the_filter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from types import SimpleNamespace

    from PySide6.QtCore import QtMsgType

    path = log.configure(log_dir=tmp_path)
    context = SimpleNamespace(category="qt.pdf", file=None, line=0, function=None)
    log.qt_message_handler(QtMsgType.QtWarningMsg, context, f"could not open /home/dsl/{MARKER}.pdf")
    log.qt_message_handler(QtMsgType.QtDebugMsg, SimpleNamespace(category=None), MARKER)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert MARKER not in text and MARKER not in capsys.readouterr().err
    assert "WARNING desktop_app.qt: qt QtWarningMsg (qt.pdf): <redacted>" in text
