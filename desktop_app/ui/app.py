"""Create the QApplication with Waymark's name, icon, readable font and zoom, and show the main window."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSocketNotifier, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME, log, paths
from desktop_app.errors import UserFacingError
from desktop_app.log import Safe
from desktop_app.ui.appearance import WHOLE_SHEET_AFTER_MS, complete_appearance, configure_application
from desktop_app.ui.appearance import apply_zoom as apply_zoom  # its old home, for callers not yet moved
from desktop_app.ui.workers import Task, describe_error, run_in_background, wait_for_all

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

_log = logging.getLogger(__name__)


APP_LOCK_FILE = "waymark-app.lock"


def app_instance_lock(vault_dir: Path) -> Any:
    """An OS lock held for the app's whole life, beside the vault's own ``waymark.lock``.

    The vault service holds ``waymark.lock`` only while a session is open (and refuses a second holder even in the same
    process), so the window keeps its own file with the same mechanism: a second Waymark on this vault is refused at
    start-up, before anyone types into it.
    """
    from desktop_app.vault import instance

    lock = instance.VaultInstanceLock(vault_dir)
    lock.path = Path(vault_dir) / APP_LOCK_FILE
    return lock


def take_instance_lock(vault_dir: Path) -> Any | None:
    """The app's single-instance lock on this vault, or None after telling the user why not (another Waymark has it)."""
    try:
        vault_dir.mkdir(parents=True, exist_ok=True)
        lock = app_instance_lock(vault_dir)
        lock.acquire()
    except (UserFacingError, OSError) as error:
        sentence = (
            error.sentence
            if isinstance(error, UserFacingError)
            else f"Waymark cannot use the vault folder {vault_dir}: it could not be created or opened. "
            "Check that the folder is on this computer and that you may write to it, or ask IT."
        )
        from desktop_app.ui import ask  # only now: its dialogs' classes cost start-up time

        _log.info("second instance refused or lock unavailable")
        print(f"waymark: {sentence}", file=sys.stderr)
        ask.current().warn(None, f"{APP_NAME} cannot start", sentence)
        return None
    return lock


DEMO_PREFIX = "waymark-demo-"
STOP_SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP", "SIGBREAK")  # those this platform has


@contextmanager
def stop_on_signals(stop: Callable[[], None]) -> Iterator[None]:
    """While inside, SIGTERM, Ctrl+C (SIGINT) and a closed terminal (SIGHUP) call ``stop`` from the event loop.

    Python runs its signal handlers only between bytecodes, and Qt's loop is C++; so the signal's byte is written to a
    pipe (``signal.set_wakeup_fd``) that a QSocketNotifier watches, which wakes the interpreter at once. The handler
    itself only queues ``stop``: the loop then closes the window (locking the vault) and quits, so clean-up runs.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    reader, writer, drain_bytes, close = _wakeup_channel()
    notifier = QSocketNotifier(reader, QSocketNotifier.Type.Read)

    def drain() -> None:
        with suppress(OSError):
            drain_bytes()

    def handler(signum: int, _frame: object) -> None:
        _log.info("signal %s received: closing cleanly", Safe(signum))
        QTimer.singleShot(0, stop)

    notifier.activated.connect(drain)
    previous_fd = signal.set_wakeup_fd(writer, warn_on_full_buffer=False)
    previous = {
        number: signal.signal(number, handler)
        for number in (getattr(signal, name) for name in STOP_SIGNALS if hasattr(signal, name))
    }
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        close()


def _wakeup_channel() -> tuple[int, int, Callable[[], object], Callable[[], None]]:
    """(read fd, write fd, drain, close) for the signal wake-up: a pipe, or on Windows (which wants one) a socket.

    Not a socket everywhere: importing ``socket`` builds its enums, milliseconds before the lock screen is shown."""
    if sys.platform == "win32":
        import socket

        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)

        def close_sockets() -> None:
            reader.close()
            writer.close()

        return reader.fileno(), writer.fileno(), lambda: reader.recv(256), close_sockets
    read_fd, write_fd = os.pipe()
    os.set_blocking(read_fd, False)
    os.set_blocking(write_fd, False)

    def close_pipe() -> None:
        os.close(read_fd)
        os.close(write_fd)

    return read_fd, write_fd, lambda: os.read(read_fd, 256), close_pipe


def remove_leftover_demos(parent: Path, keep: Path | None = None) -> list[Path]:
    """Delete demo folders earlier runs left behind (killed, or crashed), but never one a running Waymark holds."""
    import shutil  # here and below, not at import: only the demo needs it, and each module loaded costs start-up time

    removed = []
    for folder in sorted(parent.glob(DEMO_PREFIX + "*")):
        if folder == keep or folder.is_symlink() or not folder.is_dir():
            continue
        if hasattr(os, "getuid") and folder.stat().st_uid != os.getuid():
            continue  # another user's: not ours to touch
        lock = app_instance_lock(folder / "vault")
        try:
            lock.acquire()
        except (UserFacingError, OSError):
            continue  # a running demo holds it
        try:  # everything but the lock file first, while holding it, so no instance can start in between
            for item in folder.iterdir():
                if item != lock.path.parent:
                    _remove(item)
            for item in lock.path.parent.iterdir():
                if item != lock.path:
                    _remove(item)
        finally:
            lock.release()
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    if removed:
        _log.info("removed %s demo folders left by earlier runs", Safe(len(removed)))
    return removed


def _remove(path: Path) -> None:
    import shutil

    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def prepare_demo(window: MainWindow) -> Task:
    """Fill the window's (empty, temporary) vault with fictional records, then show the lock screen."""
    from desktop_app.services.demo import create_demo_vault

    window.show_page(window.message_page("Preparing a demo vault of fictional records…", busy=True))
    task = run_in_background(create_demo_vault, window.vault_dir)

    def ready(passphrase: object) -> None:
        window.demo_passphrase = str(passphrase)
        window.show_lock_screen()
        _log.info("demo vault ready")

    def failed(error: BaseException) -> None:
        window.show_page(window.message_page(f"The demo could not be prepared. {describe_error(error)}"))

    task.succeeded.connect(ready)
    task.failed.connect(failed)
    return task


def run_gui(args: argparse.Namespace) -> int:
    """Start the app: one instance per vault; setup wizard for a new vault, else the lock screen."""

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    configure_application(app, first_paint_only=True)  # the whole style sheet just after the first paint
    windows: list[MainWindow] = []

    def stop() -> None:
        for window in windows:
            window.close()  # locks the vault
        QApplication.quit()

    from desktop_app.ui import crash

    previous_hook = sys.excepthook
    crash.install()  # an unexpected error: logged without personal data, shown as "nothing was lost"
    previous_qt_handler = qInstallMessageHandler(log.qt_message_handler)  # Qt's own messages through the filter too
    try:
        with stop_on_signals(stop):
            return _run(app, args, windows)
    finally:
        complete_appearance()  # never leave the application with half its style sheet (a start ended at once)
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_qt_handler)


def _after_first_paint(window: MainWindow) -> None:
    """The work the start leaves until the lock screen is on screen: the rest of the style sheet and the window icon,
    the menus' items and shortcuts, and the garbage collector (paused by ``cli`` while the window was made)."""
    complete_appearance()
    window.complete_menus()
    gc.enable()


def _run(app: QApplication, args: argparse.Namespace, windows: list[MainWindow]) -> int:
    from desktop_app.ui.main_window import MainWindow

    demo_root: Path | None = None
    if getattr(args, "demo", False):
        import tempfile

        demo_root = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))
        vault_dir = demo_root / "vault"
    else:
        given = getattr(args, "vault", None)
        vault_dir = Path(given).expanduser() if given else paths.default_vault_dir()
    lock = take_instance_lock(vault_dir)
    if lock is None:
        if demo_root is not None:
            _remove(demo_root)
        return 1
    try:
        if demo_root is not None:
            remove_leftover_demos(demo_root.parent, keep=demo_root)
        window = MainWindow(args, vault_dir=vault_dir, start=demo_root is None, menus_after_first_paint=True)
        window.instance_lock = lock  # a restore in the window lets go of it while the folder is set aside
        windows.append(window)
        if demo_root is not None:
            prepare_demo(window)
        window.show()
        QTimer.singleShot(WHOLE_SHEET_AFTER_MS, window, lambda: _after_first_paint(window))
        _log.info("window shown")
        code = app.exec()
        wait_for_all()
        window.deleteLater()
        return int(code)
    finally:
        lock.release()
        if demo_root is not None:
            _remove(demo_root)
