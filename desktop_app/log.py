"""Logging to a rotating file, with a filter that keeps personal data out of every line.

The guarantee is structural rather than a hunt for names: a log line is the code's own message template, and only
numbers, booleans, enums and values wrapped in ``Safe`` are interpolated into it. Any other argument (a string that
might be a child's name, a passphrase, a path holding a name) becomes ``<redacted>``. Exception messages are dropped;
only the exception type and the code location are kept, because messages (SQL errors, OS errors) can echo data.
"""

from __future__ import annotations

import enum
import logging
import os
import re
from pathlib import Path
from typing import Any

from desktop_app import paths

LOG_FILE_NAME = "waymark.log"
REDACTED = "<redacted>"
_WARNING_HEAD = re.compile(r"^(.*?):(\d+): ([A-Za-z_][\w.]*): ")


class Safe:
    """Mark a value as safe to log (an id, a count, an action name); never wrap personal data."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return repr(self.value)


def _clean_arg(value: Any) -> Any:
    if isinstance(value, Safe):
        return value.value
    if isinstance(value, bool | int | float | enum.Enum) or value is None:
        return value
    return REDACTED


def _clean_exception(exc_info: Any) -> str:
    import traceback  # only when an error is logged: not loaded before the lock screen is shown

    exc_type, _exc, tb = exc_info
    frames = traceback.extract_tb(tb)
    where = " <- ".join(f"{Path(f.filename).name}:{f.lineno} in {f.name}" for f in reversed(frames[-8:]))
    name = exc_type.__qualname__ if exc_type else "Exception"
    return f"{name} (message withheld) at {where}"


class PersonalDataFilter(logging.Filter):
    """Rewrite each record so that only the message template and safe values remain."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not isinstance(record.msg, str):
            record.msg = REDACTED
        if record.args:
            if isinstance(record.args, dict):
                record.args = {k: _clean_arg(v) for k, v in record.args.items()}
            else:
                record.args = tuple(_clean_arg(a) for a in record.args)
        if record.name == "py.warnings":
            # A warning arrives formatted ("file:line: Category: text\n  source line"); its text and the source line
            # can quote data, so only where it came from and its category are kept.
            where = _WARNING_HEAD.match(str(record.getMessage()))
            record.msg = f"{Path(where[1]).name}:{where[2]}: {where[3]} (text withheld)" if where else REDACTED
            record.args = None
        elif not record.name.startswith("desktop_app"):
            # A library's own pre-formatted text could echo SQL parameters or paths: keep it short.
            record.msg = record.msg[:160]
        if record.exc_info:
            record.msg = f"{record.msg} | {_clean_exception(record.exc_info)}"
            record.exc_info = None
            record.exc_text = None
        record.stack_info = None
        return True


_qt_log = logging.getLogger("desktop_app.qt")
_QT_LEVELS = {
    "QtDebugMsg": logging.DEBUG,
    "QtInfoMsg": logging.INFO,
    "QtWarningMsg": logging.WARNING,
    "QtCriticalMsg": logging.ERROR,
    "QtFatalMsg": logging.CRITICAL,
    "QtSystemMsg": logging.ERROR,
}


def qt_message_handler(mode: Any, context: Any, message: object) -> None:
    """For ``QtCore.qInstallMessageHandler``: Qt's own messages (which can quote file names or text) go to the log
    through the filter, with only their kind and category kept, instead of raw to stderr. Needs no Qt import."""
    kind = str(getattr(mode, "name", mode)).rsplit(".", 1)[-1]
    category = str(getattr(context, "category", "") or "default")
    if not re.fullmatch(r"[\w.\-]{1,80}", category):
        category = REDACTED
    _qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "qt %s (%s): %s", Safe(kind), Safe(category), message)


class RotatingLogFile(logging.FileHandler):
    """A log file moved aside when it would pass ``max_bytes``, keeping ``backups`` old ones (``.1`` the newest).

    ``logging.handlers.RotatingFileHandler``'s behaviour without importing that module, which brings sockets, pickle
    and queues: about 5 ms of the time to the lock screen.
    """

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._would_pass_limit(record):
                self._roll_over()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _would_pass_limit(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, os.SEEK_END)
        return bool(self.stream.tell()) and self.stream.tell() + len(self.format(record)) + 1 >= self.max_bytes

    def _roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for index in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{index}"):
                os.replace(f"{base}.{index}", f"{base}.{index + 1}")
        if os.path.exists(base):
            os.replace(base, f"{base}.1")
        self.stream = self._open()


def configure(debug: bool = False, log_dir: Path | None = None) -> Path:
    """Log to a rotating file (INFO, or DEBUG with --debug) through the personal-data filter; return its path."""
    from desktop_app.filemodes import make_private, private_dir

    folder = private_dir(log_dir or paths.log_dir())
    log_path = folder / LOG_FILE_NAME
    handler = RotatingLogFile(log_path, max_bytes=1_000_000, backups=5)
    make_private(log_path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PersonalDataFilter())
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_waymark", False)]:
        root.removeHandler(old)
        old.close()
    handler._waymark = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    # Python warnings (a library's, or ours) would otherwise be printed raw on stderr, where a name or a path could
    # be read; through logging they reach the file by the filter above (their text is an argument: redacted).
    logging.captureWarnings(True)
    # SQL text and parameters must never reach a log, whatever the level.
    for noisy in ("sqlalchemy", "alembic", "PIL", "pikepdf", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return log_path
