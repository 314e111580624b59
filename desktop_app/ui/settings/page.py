"""Settings, only while unlocked: people, passphrase, recovery key, the setting, local numbers, auto-lock, backup."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.settings.about import AboutSection
from desktop_app.ui.settings.autolock import AutoLockSection
from desktop_app.ui.settings.backup import BackupSection
from desktop_app.ui.settings.contacts import ContactsSection
from desktop_app.ui.settings.new_recovery_key import RecoveryKeySection
from desktop_app.ui.settings.own_passphrase import PassphraseSection
from desktop_app.ui.settings.people import PeopleSection

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

SECTIONS = (
    ("people", "People who can unlock"),
    ("passphrase", "My passphrase"),
    ("recovery", "Recovery key"),
    ("about", "About the setting"),
    ("contacts", "Local contact numbers"),
    ("autolock", "Auto-lock"),
    ("backup", "Backup and checks"),
)


class _Navigation(QListWidget):
    """The list of sections, as wide as its longest entry at any zoom (no eliding, no horizontal scroll bar)."""

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(label) for _key, label in SECTIONS), default=0)
        extra = 2 * self.frameWidth() + 2 * self.spacing() + 3 * metrics.averageCharWidth()
        return QSize(widest + extra, super().sizeHint().height())


class SettingsPage(QWidget):
    def __init__(self, session: VaultSession, host: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_page")
        self.session = session
        self.host = host
        title = QLabel("Settings", self)
        title.setObjectName("title")
        back = QPushButton("Back to the dashboard", self)
        back.setObjectName("back_to_dashboard")
        back.clicked.connect(self._back)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(back)
        self.nav = _Navigation(self)
        self.nav.setObjectName("settings_nav")
        self.nav.setAccessibleName("Settings sections")
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.nav.setSpacing(4)
        self.stack = QStackedWidget(self)
        self.sections: dict[str, QWidget] = {
            "people": PeopleSection(session),
            "passphrase": PassphraseSection(session),
            "recovery": RecoveryKeySection(session),
            "about": AboutSection(session),
            "contacts": ContactsSection(session),
            "autolock": AutoLockSection(host),
            "backup": BackupSection(session, host),
        }
        for key, label in SECTIONS:
            self.nav.addItem(label)
            scroll = QScrollArea(self.stack)
            scroll.setWidgetResizable(True)
            scroll.setWidget(self.sections[key])
            self.stack.addWidget(scroll)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

    def show_section(self, key: str) -> QWidget:
        keys = [k for k, _ in SECTIONS]
        self.nav.setCurrentRow(keys.index(key))
        return self.sections[key]

    def current_section(self) -> str:
        return SECTIONS[self.nav.currentRow()][0]

    def _back(self) -> None:
        if self.host is not None:
            self.host.show_dashboard()
