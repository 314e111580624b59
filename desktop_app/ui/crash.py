"""The last line of defence in the window: an error nobody expected is logged without personal data and shown as
"something went wrong, nothing was lost", never as a traceback on a console where a name could be read."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from desktop_app import log, paths

if TYPE_CHECKING:
    from types import TracebackType

_log = logging.getLogger(__name__)

TITLE = "Something went wrong"
MESSAGE = (
    "Something went wrong in Waymark. Everything that was saved before this moment is safe: nothing was lost.\n\n"
    "If you were in the middle of something, check it and do it again. If this keeps happening, tell your IT "
    "support; the log file on this computer has the technical details (it holds no names or records):\n{log}"
)

_showing = False


def handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook`` for the GUI: log through the personal-data filter, then tell the user once."""
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    _log.error("unexpected error in the window", exc_info=(exc_type, exc, tb))
    if _showing:  # an error while telling the user about an error: the log has it; never loop
        return
    _showing = True
    try:
        from desktop_app.ui import ask  # not at start-up: the dialogs module is loaded when first needed

        ask.current().warn(None, TITLE, MESSAGE.format(log=paths.log_dir() / log.LOG_FILE_NAME))
    except Exception:
        _log.error("could not show the error message", exc_info=True)
    finally:
        _showing = False


def install() -> None:
    sys.excepthook = handle
