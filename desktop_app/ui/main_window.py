"""The main window: a stack of screens (lock screen, setup, dashboard…), the menus and the zoom shortcuts."""

from __future__ import annotations

import argparse

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from desktop_app import APP_NAME, __version__, settings
from desktop_app.ui import app as ui_app
from desktop_app.ui import ask

ZOOM_STEP = 10


class MainWindow(QMainWindow):
    def __init__(self, args: argparse.Namespace | None = None) -> None:
        super().__init__()
        self.args = args
        self.setObjectName("main_window")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(ui_app.app_icon())
        self.resize(1100, 760)
        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self._build_menus()
        self.show_page(self._welcome_page())

    def show_page(self, page: QWidget) -> None:
        """Replace whatever is shown with ``page`` (the old page is deleted: no records linger in memory)."""
        old = self.pages.currentWidget()
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        if old is not None and old is not page:
            self.pages.removeWidget(old)
            old.deleteLater()
        page.setFocus()

    def _welcome_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("welcome_page")
        layout = QVBoxLayout(page)
        title = QLabel(f"<h1>{APP_NAME}</h1>", page)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addStretch(1)
        return page

    def _build_menus(self) -> None:
        view = self.menuBar().addMenu("&View")
        zoom_in = QAction("Make everything &larger", self)
        zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        zoom_in.triggered.connect(lambda: self.zoom_by(ZOOM_STEP))
        zoom_out = QAction("Make everything &smaller", self)
        zoom_out.setShortcut(QKeySequence("Ctrl+-"))
        zoom_out.triggered.connect(lambda: self.zoom_by(-ZOOM_STEP))
        zoom_reset = QAction("&Normal size", self)
        zoom_reset.setShortcut(QKeySequence("Ctrl+0"))
        zoom_reset.triggered.connect(lambda: self.set_zoom(100))
        for action in (zoom_in, zoom_out, zoom_reset):
            view.addAction(action)
            self.addAction(action)  # shortcuts work even when the menu bar is hidden
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction(f"&About {APP_NAME}", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def zoom_by(self, step: int) -> None:
        self.set_zoom(self.zoom_percent() + step)

    def zoom_percent(self) -> int:
        app = QApplication.instance()
        value = app.property("waymark_zoom") if app else None
        return int(value) if value else 100

    def set_zoom(self, percent: int) -> None:
        prefs = settings.load().with_zoom(percent)
        settings.save(prefs)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            ui_app.apply_zoom(app, prefs.zoom_percent)

    def _about(self) -> None:
        ask.current().inform(
            self,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\nRecords, screens and refers concerns about child exploitation. "
            "Works offline: nothing leaves this computer except what you print or save.",
        )
