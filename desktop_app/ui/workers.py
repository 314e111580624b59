"""Run slow work (Argon2id, unlock, re-key, backup) off the GUI thread and hear about it through signals.

``task = run_in_background(fn, *args)`` returns a :class:`Task` whose signals arrive on the GUI thread:
``succeeded(result)``, ``failed(error)`` and ``progress(done, total, text)``. With ``progress=True``, ``fn`` is given
a ``progress=`` callable it may call from the worker thread with ``(done, total[, text])``, ``(fraction[, text])`` or
``(text,)``; ``total`` 0 means "busy, no measure". A failure arrives as the exception object; :func:`describe_error`
turns it into a sentence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop_app.errors import UserFacingError

_log = logging.getLogger(__name__)

SOMETHING_WENT_WRONG = (
    "Something went wrong and this step did not finish. Nothing that was already saved has been lost. "
    "The log file has the details for IT staff."
)

_running: set[Task] = set()  # keep each task alive until its signals have been delivered


class Task(QObject):
    """One piece of background work; connect to its signals before the event loop runs again."""

    succeeded = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)
    done = Signal()  # after succeeded or failed, whichever came

    def __init__(self) -> None:
        super().__init__()
        self.result: Any = None
        self.error: BaseException | None = None
        self.finished_ok: bool | None = None  # None while running

    @property
    def running(self) -> bool:
        return self.finished_ok is None

    def _finish_ok(self, result: object) -> None:
        self.result, self.finished_ok = result, True
        self.succeeded.emit(result)
        self.done.emit()
        _running.discard(self)

    def _finish_failed(self, error: object) -> None:
        assert isinstance(error, BaseException)
        self.error, self.finished_ok = error, False
        self.failed.emit(error)
        self.done.emit()
        _running.discard(self)


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits these, Qt queues them across threads."""

    ok = Signal(object)
    bad = Signal(object)
    step = Signal(int, int, str)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except UserFacingError as error:
            self._relay.bad.emit(error)
        except Exception as error:
            _log.exception("background task failed")
            self._relay.bad.emit(error)
        else:
            self._relay.ok.emit(result)


def run_in_background(fn: Callable[..., object], *args: Any, progress: bool = False, **kwargs: Any) -> Task:
    """Start ``fn(*args, **kwargs)`` on Qt's thread pool; returns the task to connect to."""
    task = Task()
    relay = _Relay()
    relay.setParent(task)
    relay.ok.connect(task._finish_ok)
    relay.bad.connect(task._finish_failed)
    relay.step.connect(task.progress)
    if progress:

        def report(*values: object) -> None:
            relay.step.emit(*progress_values(values))

        kwargs["progress"] = report
    _running.add(task)
    QThreadPool.globalInstance().start(_Runnable(lambda: fn(*args, **kwargs), relay))
    return task


def progress_values(values: tuple[object, ...]) -> tuple[int, int, str]:
    """Accept ``(done, total[, text])``, ``(fraction[, text])`` or ``(text,)``; give (done, total, text)."""
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    texts = [v for v in values if isinstance(v, str)]
    text = texts[0] if texts else ""
    if len(numbers) >= 2:
        return int(numbers[0]), max(1, int(numbers[1])), text
    if len(numbers) == 1:
        fraction = float(numbers[0])
        return round(fraction * 100) if fraction <= 1 else int(fraction), 100, text
    return 0, 0, text


def busy() -> bool:
    """Whether any background task is still running (locking waits for a re-key or backup to finish)."""
    return any(task.running for task in _running)


def describe_error(error: BaseException) -> str:
    """The sentence to show for a failure: the user-facing sentence, or 'something went wrong, nothing was lost'."""
    if isinstance(error, UserFacingError):
        return error.sentence
    return SOMETHING_WENT_WRONG


def wait_for_all(timeout_ms: int = 30000) -> bool:
    """Block until every background task has finished (used when the app closes)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
