"""Create the QApplication with Waymark's name, icon, readable font and zoom, and show the main window."""

from __future__ import annotations

import argparse
import logging
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME, __version__, paths, settings
from desktop_app.errors import UserFacingError
from desktop_app.ui import ask
from desktop_app.ui.workers import Task, describe_error, run_in_background, wait_for_all

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

_log = logging.getLogger(__name__)
BASE_POINT_SIZE = 11.0


def app_icon() -> QIcon:
    return QIcon(str(paths.resource("icons", "waymark.svg")))


def configure_application(app: QApplication) -> None:
    """Name, icon, font and style sheet; safe to call on an existing QApplication (tests)."""
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setApplicationVersion(__version__)
    QApplication.setOrganizationName(APP_NAME)
    QGuiApplication.setDesktopFileName("waymark")
    app.setWindowIcon(app_icon())
    apply_zoom(app, settings.load().zoom_percent)


def apply_zoom(app: QApplication, percent: int) -> None:
    """Scale the whole interface by scaling the application font every widget inherits."""
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * percent / 100)
    app.setFont(font)
    app.setProperty("waymark_zoom", percent)
    app.setStyleSheet(scaled_style_sheet(percent))


def scaled_style_sheet(percent: int) -> str:
    """The style sheet with every size in pt scaled like the application font, so headings follow the zoom."""
    path = paths.resource("style.qss")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    return re.sub(r"(\d+(?:\.\d+)?)pt\b", lambda m: f"{float(m.group(1)) * percent / 100:.1f}pt", text)


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
        _log.info("second instance refused or lock unavailable")
        print(f"waymark: {sentence}", file=sys.stderr)
        ask.current().warn(None, f"{APP_NAME} cannot start", sentence)
        return None
    return lock


def prepare_demo(window: MainWindow) -> Task:
    """Fill the window's (empty, temporary) vault with fictional records, then show the lock screen."""
    from desktop_app.services.demo import create_demo_vault

    window.show_page(window.message_page("Preparing a demo vault of fictional records…", busy=True))
    task = run_in_background(create_demo_vault, window.vault_dir)

    def ready(passphrase: object) -> None:
        window.demo_passphrase = str(passphrase)
        window.show_lock_screen()

    def failed(error: BaseException) -> None:
        window.show_page(window.message_page(f"The demo could not be prepared. {describe_error(error)}"))

    task.succeeded.connect(ready)
    task.failed.connect(failed)
    return task


def run_gui(args: argparse.Namespace) -> int:
    """Start the app: one instance per vault; setup wizard for a new vault, else the lock screen."""
    from desktop_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    configure_application(app)
    demo_root: Path | None = None
    if getattr(args, "demo", False):
        demo_root = Path(tempfile.mkdtemp(prefix="waymark-demo-"))
        vault_dir = demo_root / "vault"
    else:
        given = getattr(args, "vault", None)
        vault_dir = Path(given).expanduser() if given else paths.default_vault_dir()
    lock = take_instance_lock(vault_dir)
    if lock is None:
        if demo_root is not None:
            shutil.rmtree(demo_root, ignore_errors=True)
        return 1
    try:
        window = MainWindow(args, vault_dir=vault_dir, start=demo_root is None)
        if demo_root is not None:
            prepare_demo(window)
        window.show()
        _log.info("window shown")
        code = app.exec()
        wait_for_all()
        window.deleteLater()
        return int(code)
    finally:
        lock.release()
        if demo_root is not None:
            shutil.rmtree(demo_root, ignore_errors=True)
