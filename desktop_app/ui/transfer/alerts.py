"""The dashboard's line about records that move and end: receipts overdue after 5 school days, files past their
retention date. Hidden when there is nothing to say; its button opens the Transfers & retention page."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.services.retention import dates
from desktop_app.services.transfer import log
from desktop_app.ui.labels import set_tone

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession


class RecordsAlert(QFrame):
    def __init__(self, session: VaultSession, host: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("records_alert")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.session, self.host = session, host
        row = QHBoxLayout(self)
        self.label = QLabel(self)
        self.label.setObjectName("records_alert_text")
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.open_button = QPushButton("Open transfers and retention", self)
        self.open_button.setObjectName("open_transfers")
        self.open_button.clicked.connect(self.open_page)
        row.addWidget(self.open_button)

    def refresh(self, today: date) -> None:
        overdue = log.overdue_receipts(self.session, today, limit=100)
        past = dates.count_past(self.session, today)
        parts = []
        if overdue:
            names = ", ".join(o.child_name for o in overdue[:3]) + ("…" if len(overdue) > 3 else "")
            parts.append(
                f"<b>{len(overdue)} transferred file{'s have' if len(overdue) != 1 else ' has'} no receipt "
                f"after 5 school days</b> ({names}): ring the new setting's DSL."
            )
        if past:
            parts.append(
                f"<b>{past} file{'s are' if past != 1 else ' is'} past the retention date</b>: review "
                "and keep or destroy."
            )
        self.label.setText(" ".join(parts))
        set_tone(self, "overdue" if overdue else "")
        self.setVisible(bool(parts))

    def open_page(self) -> Any:
        navigate = getattr(self.host, "navigate", None)
        if callable(navigate):
            return navigate("transfers")
        from desktop_app.ui.transfer.page import TransfersPage

        page = TransfersPage(self.session, self.host)
        if self.host is not None and hasattr(self.host, "show_page"):
            self.host.show_page(page)
        return page
