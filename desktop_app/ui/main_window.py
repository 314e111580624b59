"""The main window: a stack of screens (lock screen, setup, dashboard…), the menus, the zoom shortcuts, auto-lock.

Only one screen exists at a time: ``show_page`` deletes the one it replaces, so locking leaves no record text in
any widget. ``session`` is the unlocked ``VaultSession`` or None.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME, __version__, paths, settings
from desktop_app.ui import workers
from desktop_app.ui.appearance import apply_zoom
from desktop_app.ui.geometry import fit_to_screen, zoom_percent
from desktop_app.ui.workers import describe_error, wait_for_all

if TYPE_CHECKING:
    from PySide6.QtGui import (
        QAction,  # with QKeySequence, built when the menus are filled: just after the first paint
        QCloseEvent,  # QEvent's enum of ~180 types is built at its first touch: not at start
    )

    from desktop_app.services.vault.session import VaultSession
    from desktop_app.ui.idle import IdleWatcher

_log = logging.getLogger(__name__)
ZOOM_STEP = 10
LOCK_RETRY_MS = 250
NAV_PROPERTY = "waymark_nav"  # navigation.NAV_PROPERTY (not imported before the lock screen): a page's side bar entry


# The files that make a folder a vault: its key slots (CONTRACTS: store + services.vault; a database alone is an
# unfinished set-up). Checked here without importing the service, which pulls in SQLAlchemy: start-up shows the
# lock screen first and loads the store in the background.
_KEY_SLOT_FILES = ("keyslots.json", "keyslots.json.bak", "keyslots.recovery.json")


def vault_exists(vault_dir: Path) -> bool:
    """Same answer as ``services.vault.vault_exists`` (a test holds them together), without its import cost."""
    folder = Path(vault_dir)
    return any((folder / name).exists() for name in _KEY_SLOT_FILES)


class MainWindow(QMainWindow):
    locked = Signal()
    unlocked = Signal(object)

    def __init__(
        self,
        args: argparse.Namespace | None = None,
        *,
        vault_dir: Path | None = None,
        demo_passphrase: str | None = None,
        start: bool = True,
        menus_after_first_paint: bool = False,
    ) -> None:
        """``menus_after_first_paint``: the start (``ui.app``) shows the menu bar's titles at once and fills the menus
        with ``complete_menus`` just after the first paint (Qt's action and key-sequence types cost ~3 ms to make)."""
        super().__init__()
        self.args = args
        if vault_dir is None:
            given = getattr(args, "vault", None) if args is not None else None
            vault_dir = Path(given) if given else paths.default_vault_dir()
        self.vault_dir = Path(vault_dir)
        self.demo_passphrase = demo_passphrase
        self._session: VaultSession | None = None
        self._lock_waiting = False
        self._in_setup = False
        self.setObjectName("main_window")
        self.setWindowTitle(APP_NAME)
        fit_to_screen(self, 1100, 760, zoomed=False)
        body = QWidget(self)
        self._body = QHBoxLayout(body)
        self._body.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(body)
        self._body.addWidget(self.pages, 1)
        self.side_bar: Any = None  # built at the first unlock (start-up shows the lock screen without it)
        self.instance_lock: Any = None  # the app's own lock on the vault folder (``ui.app``), when it holds one
        self.setCentralWidget(body)
        self._idle: IdleWatcher | None = None  # built when first used (the first unlock), not before the lock screen
        self.countdown: Any = None  # the notice before an idle lock, built the first time it is needed
        self._nav_actions: list[QAction] = []
        self._session_actions: tuple[QAction, ...] = ()
        self._menus_filled = False
        self._vault_menu = self.menuBar().addMenu("&Vault")
        self._view_menu = self.menuBar().addMenu("&View")
        self.help_menu = self.menuBar().addMenu("&Help")  # "Go to Help" (F1) joins it at the first unlock
        if not menus_after_first_paint:
            self.complete_menus()
        if start:
            self.show_start_page()
        else:
            self.show_page(self.message_page(APP_NAME))

    # ----- screens -----------------------------------------------------------------------------------------------

    @property
    def idle(self) -> IdleWatcher:
        """The auto-lock watcher; its minutes are read from the settings at each unlock."""
        if self._idle is None:
            from desktop_app.ui.idle import IdleWatcher

            self._idle = IdleWatcher(parent=self)
            self._idle.idle.connect(self.lock)
            self._idle.countdown.connect(self._show_countdown)
            self._idle.countdown_cleared.connect(self._hide_countdown)
        return self._idle

    @property
    def session(self) -> Any:
        """The unlocked ``VaultSession``, or None while locked."""
        return self._session

    def show_page(self, page: QWidget) -> None:
        """Replace whatever is shown with ``page`` (the old page is deleted: no records linger in memory)."""
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        for index in reversed(range(self.pages.count())):
            other = self.pages.widget(index)
            if other is not None and other is not page:
                self.pages.removeWidget(other)
                other.hide()
                other.deleteLater()
        key = page.property(NAV_PROPERTY)
        if self.side_bar is not None:
            self.side_bar.mark(str(key) if key else "")  # the entry of the page shown, or none: never the last one
        page.setFocus()

    def current_page(self) -> QWidget | None:
        return self.pages.currentWidget()

    def message_page(self, text: str, busy: bool = False) -> QWidget:
        from PySide6.QtCore import Qt  # not at module level: Qt's namespace of enums costs ~12 ms the first time

        page = QWidget()
        page.setObjectName("message_page")
        layout = QVBoxLayout(page)
        label = QLabel(text, page)
        label.setObjectName("title")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        layout.addWidget(label)
        if busy:
            from PySide6.QtWidgets import QProgressBar

            bar = QProgressBar(page)
            bar.setRange(0, 0)
            bar.setTextVisible(False)
            bar.setMaximumWidth(400)
            layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        return page

    def show_start_page(self) -> None:
        """The lock screen when the vault exists, otherwise the first-run setup wizard."""
        try:
            exists = vault_exists(self.vault_dir)
        except Exception as error:  # an unreadable folder: say so rather than offer to set up over it
            _log.warning("could not look for a vault")
            self.show_page(self.message_page(describe_error(error)))
            return
        if exists:
            self.show_lock_screen()
        else:
            self.show_setup()

    def show_lock_screen(self) -> None:
        from desktop_app.ui.lock_screen import LockScreen

        # made inside the page stack, where it stays: moving it in later passes the style down its widgets again
        screen = LockScreen(self.vault_dir, demo_passphrase=self.demo_passphrase, parent=self.pages)
        screen.unlocked.connect(self._on_unlocked)
        self.show_page(screen)
        screen.passphrase.setFocus()

    def show_setup(self) -> None:
        from desktop_app.ui.appearance import complete_appearance
        from desktop_app.ui.setup_wizard import SetupWizard

        complete_appearance()  # the start applies only the lock screen's part of the style sheet

        wizard = SetupWizard(self.vault_dir)
        wizard.vault_created.connect(self._on_created)
        wizard.completed.connect(self._on_setup_completed)
        self.show_page(wizard)

    def show_dashboard(self) -> None:
        if self._session is None:
            self.show_lock_screen()
            return
        self.navigate("dashboard")

    def show_settings(self, section: str | None = None) -> None:
        if self._session is None:
            return
        page: Any = self.navigate("settings")
        if section and page is not None:
            page.show_section(section)

    # ----- the side bar and search (ui.navigation) --------------------------------------------------------------

    def navigate(self, key: str) -> QWidget | None:
        """Show a side bar destination's page (built afresh); None while locked or when that page is not built."""
        from desktop_app.ui import navigation

        if self._session is None or self._in_setup:
            return None
        factory = navigation.factory(key)
        if factory is None:
            return None
        page = factory(self._session, self)
        page.setProperty(NAV_PROPERTY, key)
        self.show_page(page)
        return page

    def _build_side_bar(self) -> None:
        from desktop_app.ui import navigation
        from desktop_app.ui.side_bar import SideBar

        self.complete_menus()  # "Go to Help" joins the Help menu
        if self.side_bar is None:
            self.side_bar = SideBar(self.centralWidget())
            self.side_bar.navigate.connect(self.navigate)
            self.side_bar.search.connect(self.show_search)
            self.side_bar.to_results.connect(self._focus_results)
            self._body.insertWidget(0, self.side_bar)
            for entry in navigation.DESTINATIONS:
                if entry.shortcut and entry.key != "settings":  # Settings keeps its menu action's Ctrl+,
                    self._nav_actions.append(
                        self._action(
                            f"Go to {entry.title}",
                            lambda k=entry.key: self.navigate(k),
                            entry.shortcut,
                            f"go_{entry.key}",
                        )
                    )
                    if entry.key == "help":
                        self.help_menu.insertAction(self.help_menu.actions()[0], self._nav_actions[-1])
        self.side_bar.reload()

    def focus_search(self) -> None:
        """Ctrl+F: the cursor to the search box, its text selected to type over."""
        if self.side_bar is not None and self.side_bar.isVisible():
            self.side_bar.search_box.setFocus()
            self.side_bar.search_box.selectAll()

    def show_search(self, text: str) -> QWidget | None:
        """Results for ``text`` (the search page is reused while it is shown), the first row ready for Enter."""
        if self._session is None:
            return None
        from desktop_app.ui.search import SearchPage

        page = self.current_page()
        if isinstance(page, SearchPage):
            page.search(text)
        else:
            page = SearchPage(self._session, self, text)
            self.show_page(page)
        if self.side_bar is not None and self.side_bar.search_box.text() != text:
            self.side_bar.search_box.setText(text)
        page.focus_results()
        return page

    def _focus_results(self) -> None:
        from desktop_app.ui.search import SearchPage

        page = self.current_page()
        if isinstance(page, SearchPage):
            page.focus_results()
        elif self.side_bar is not None and self.side_bar.search_box.text().strip():
            self.show_search(self.side_bar.search_box.text())

    def open_concern(self, concern_id: int) -> QWidget | None:
        if self._session is None:
            return None
        from desktop_app.ui.concern_view import ConcernView

        view = ConcernView(self._session, concern_id, host=self)
        self.show_page(view)
        return view

    def open_child(self, child_id: int) -> QWidget | None:
        """The child's file when that page exists (``navigation.OPENERS``), else the child's concerns listed."""
        if self._session is None:
            return None
        from desktop_app.ui import navigation

        opener = navigation.opener("child")
        if opener is not None:
            page = opener(self._session, self, child_id)
            if page is not None and page is not self.current_page():
                self.show_page(page)
            return page
        from desktop_app.ui.search import SearchPage

        page = SearchPage(self._session, self)
        self.show_page(page)
        page.show_child(child_id)
        return page

    # ----- locking -----------------------------------------------------------------------------------------------

    def _on_created(self, session: VaultSession) -> None:
        """The setup wizard made the vault: hold the session so closing locks it.

        Menus stay off and auto-lock waits until setup is finished: leaving the wizard now would lose the only chance
        to keep the recovery key.
        """
        self._session = session
        self._in_setup = True
        self._update_actions()

    def _on_setup_completed(self, session: VaultSession) -> None:
        self._in_setup = False
        self._on_unlocked(session)

    def _on_unlocked(self, session: VaultSession) -> None:
        from desktop_app.ui.fonts import load_bundled_fonts

        load_bundled_fonts()  # the PDFs' fonts in the window too (names in Chinese); after the lock screen, once
        self._session = session
        self._build_side_bar()
        self._update_actions()
        self.idle.set_minutes(settings.load().idle_lock_minutes)
        self.idle.start()
        self.unlocked.emit(session)
        self.show_dashboard()
        QTimer.singleShot(0, self._offer_unfinished_work)
        warnings = [str(w) for w in session.warnings]
        if warnings:  # e.g. the key slot file was restored from its previous copy
            from desktop_app.ui import ask

            ask.current().warn(self, "Please check the vault", "\n\n".join(warnings))

    def lock(self) -> None:
        """Close every window showing records, drop the keys and show the lock screen.

        A re-key or backup still running is never cut off: the lock happens as soon as it has finished.
        """
        if self._session is not None and workers.busy():
            self.idle.stop()
            if not self._lock_waiting:
                self._lock_waiting = True
                QTimer.singleShot(LOCK_RETRY_MS, self._lock_when_free)
            return
        self.idle.stop()
        from desktop_app.ui import unfinished

        with unfinished.closing_for_lock():
            if self._session is not None:
                unfinished.keep_all(self)  # sealed before the keys go: nothing typed is lost
            self._close_record_windows()
        session, self._session = self._session, None
        if session is not None:
            try:
                session.lock()
            except Exception:
                _log.exception("locking the session failed")
        self._update_actions()
        self.setWindowTitle(APP_NAME)
        if session is not None or not isinstance(self.current_page(), _lock_screen_type()):
            self.show_lock_screen()
        if session is not None:
            self.locked.emit()

    def _show_countdown(self, seconds: int) -> None:
        from desktop_app.ui.idle import CountdownNotice

        if self.countdown is None:
            self.countdown = CountdownNotice()
        self.countdown.show_seconds(seconds, QApplication.activeWindow() or self)

    def _hide_countdown(self) -> None:
        if self.countdown is not None:
            self.countdown.hide()

    def _offer_unfinished_work(self) -> None:
        if self._session is None or self._in_setup:
            return
        from desktop_app.ui import unfinished

        try:
            self.resumed_windows = unfinished.offer(self, self._session)
        except Exception:
            _log.exception("offering unfinished work failed")

    def _lock_when_free(self) -> None:
        self._lock_waiting = False
        self.lock()

    def _close_record_windows(self) -> None:
        from desktop_app.ui.record_windows import RECORDS_PROPERTY

        for widget in self.findChildren(QWidget):
            if widget.isWindow() and not isinstance(widget, QMenu):
                widget.close()
                widget.deleteLater()
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.property(RECORDS_PROPERTY):
                widget.close()
                widget.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        wait_for_all()  # a re-key or backup in flight finishes before the keys are dropped
        self.idle.stop()
        if self.countdown is not None:
            self.countdown.close()
            self.countdown.deleteLater()
            self.countdown = None
        from desktop_app.ui import unfinished

        with unfinished.closing_for_lock():
            if self._session is not None and not self._in_setup:
                unfinished.keep_all(self)
            self._close_record_windows()
        if self._session is not None:
            session, self._session = self._session, None
            try:
                session.lock()
            except Exception:
                _log.exception("locking the session at close failed")
        page = self.current_page()
        if page is not None:
            self.pages.removeWidget(page)
            page.deleteLater()
        super().closeEvent(event)

    # ----- menus -------------------------------------------------------------------------------------------------

    def _action(self, text: str, slot: Any, shortcut: str | None = None, name: str = "") -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        if shortcut:
            # setShortcuts, not setShortcut: resolving setShortcut's overloads builds Qt's namespace of enums (~12 ms
            # of start-up); the two are the same for one key sequence.
            action.setShortcuts([QKeySequence(shortcut)])
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def complete_menus(self) -> None:
        """Fill the menus and give their shortcuts (once; the window's own start calls it after the first paint)."""
        if self._menus_filled:
            return
        self._menus_filled = True
        self._fill_menus()
        self._update_actions()

    def _fill_menus(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        vault = self._vault_menu
        self.dashboard_action = self._action("&Dashboard", self.show_dashboard, "Ctrl+D", "dashboard_action")
        self.settings_action = self._action("&Settings…", self.show_settings, "Ctrl+,", "settings_action")
        self.users_action = self._action("&People who can unlock…", lambda: self.show_settings("people"))
        self.passphrase_action = self._action(
            "Change my &passphrase…", lambda: self.show_settings("passphrase"), None, "passphrase_action"
        )
        self.backup_action = self._action("&Back up now…", self.backup_now, None, "backup_action")
        self.verify_action = self._action("Check the vault for &damage…", self.verify_now, None, "verify_action")
        self.lock_action = self._action("&Lock now", self.lock, "Ctrl+L", "lock_action")
        self.search_action = self._action("&Search…", self.focus_search, "Ctrl+F", "search_action")
        quit_action = self._action("&Quit", self.close, "Ctrl+Q", "quit_action")
        for action in (self.dashboard_action, self.settings_action, self.users_action, self.passphrase_action):
            vault.addAction(action)
        vault.addSeparator()
        vault.addAction(self.backup_action)
        vault.addAction(self.verify_action)
        vault.addSeparator()
        vault.addAction(self.search_action)
        vault.addAction(self.lock_action)
        vault.addAction(quit_action)
        self._session_actions = (
            self.dashboard_action,
            self.settings_action,
            self.users_action,
            self.passphrase_action,
            self.backup_action,
            self.verify_action,
            self.lock_action,
            self.search_action,
        )

        view = self._view_menu
        zoom_in = QAction("Make everything &larger", self)
        zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        zoom_in.triggered.connect(lambda: self.zoom_by(ZOOM_STEP))
        zoom_out = QAction("Make everything &smaller", self)
        zoom_out.setShortcuts([QKeySequence("Ctrl+-")])
        zoom_out.triggered.connect(lambda: self.zoom_by(-ZOOM_STEP))
        zoom_reset = QAction("&Normal size", self)
        zoom_reset.setShortcuts([QKeySequence("Ctrl+0")])
        zoom_reset.triggered.connect(lambda: self.set_zoom(100))
        for action in (zoom_in, zoom_out, zoom_reset):
            view.addAction(action)
            self.addAction(action)
        help_menu = self.help_menu
        about = QAction(f"&About {APP_NAME}", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _update_actions(self) -> None:
        if not self._menus_filled:
            self.complete_menus()  # which comes back here
            return
        unlocked = self._session is not None and not self._in_setup
        for action in (*self._session_actions, *self._nav_actions):
            action.setEnabled(unlocked)
        if self.side_bar is not None:
            self.side_bar.setVisible(unlocked)
            if not unlocked:
                self.side_bar.search_box.clear()
        if unlocked and self._session is not None:
            name = self._session.setting.name
            self.setWindowTitle(f"{APP_NAME} — {name}" if name else APP_NAME)

    def backup_now(self) -> None:
        if self._session is not None:
            from desktop_app.ui.settings.backup import backup_now

            backup_now(self, self._session)

    def verify_now(self) -> None:
        if self._session is not None:
            from desktop_app.ui.settings.backup import verify_now

            verify_now(self, self._session)

    # ----- zoom --------------------------------------------------------------------------------------------------

    def zoom_by(self, step: int) -> None:
        self.set_zoom(zoom_percent() + step)

    def set_zoom(self, percent: int) -> None:
        prefs = settings.load().with_zoom(percent)
        settings.save(prefs)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_zoom(app, prefs.zoom_percent)

    def _about(self) -> None:
        from desktop_app.ui import ask

        ask.current().inform(
            self,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\nRecords, screens and refers concerns about child exploitation. "
            "Works offline: nothing leaves this computer except what you print or save.",
        )


def _lock_screen_type() -> type:
    from desktop_app.ui.lock_screen import LockScreen

    return LockScreen
