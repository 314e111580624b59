"""The dashboard's line about the audit: the year's audit due, its actions past due, staff training due."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from desktop_app.services.audit import dashboard as audit_dashboard
from desktop_app.ui.labels import note, set_tone

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession


class AuditBanner(QFrame):
    """One line (or a few) with a button to the Audit page; quiet when nothing is due."""

    def __init__(
        self,
        session: VaultSession,
        host: Any = None,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("audit_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.session = session
        self.host = host
        self._today = today
        row = QHBoxLayout(self)
        self.text = note("", self, "audit_reminders")
        row.addWidget(self.text, 1)
        self.button = QPushButton("Open the audit…", self)
        self.button.setObjectName("open_audit")
        self.button.setAccessibleName("Open the audit and training register")
        self.button.clicked.connect(self.open_audit)
        row.addWidget(self.button)
        self.page: Any = None

    def refresh(self) -> None:
        reminders = audit_dashboard.reminders(self.session, self._today())
        lines = reminders.lines()
        self.lines = lines
        if lines:
            items = "<br>".join(html.escape(line) for line in lines)
            self.text.setText(f"<b>Audit and training</b><br>{items}")
            set_tone(self, "alert")
        else:
            self.text.setText(f"Audit and training: nothing is due. The {reminders.year} audit is up to date.")
            set_tone(self, "")

    def open_audit(self) -> Any:
        navigate = getattr(self.host, "navigate", None)
        if callable(navigate):
            self.page = navigate("audit")
            return self.page
        from desktop_app.ui.audit import AuditPage

        self.page = AuditPage(self.session, host=self.host, today=self._today)
        if self.host is not None and hasattr(self.host, "show_page"):
            self.host.show_page(self.page)
        else:
            self.page.show()
        return self.page
