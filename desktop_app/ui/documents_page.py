"""The Documents page (side bar): every document Waymark makes, each a button to preview, print or save it."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop_app.domain.documents import DocumentKind
from desktop_app.errors import UserFacingError
from desktop_app.ui import ask
from desktop_app.ui.labels import note

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)


class DocumentsPage(QWidget):
    """Quick reference, blank checklist, and where the other documents are made (a concern, a child, Settings)."""

    def __init__(self, session: VaultSession, host: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documents_page")
        self.session = session
        self.host = host
        self.windows: list[QWidget] = []
        title = QLabel("Documents", self)
        title.setObjectName("title")
        outer = QVBoxLayout(self)
        outer.addWidget(title)
        # the entries scroll: at 150% on a laptop their sentences need more height than the window has
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)
        self.quick_button = self._entry(
            layout,
            "Staff quick reference",
            "One A4 page for the staff-room wall: what to do about a concern, who to tell and the local numbers.",
            "Quick reference (print or save)…",
            "quick_reference",
            self.quick_reference,
        )
        self.checklist_button = self._entry(
            layout,
            "Obligations checklist (blank)",
            "The setting's duties from the guidance, blank, for a governors' meeting or to fill in by hand.",
            "Blank checklist (print or save)…",
            "blank_checklist",
            self.blank_checklist,
        )
        self.recovery_button = self._entry(
            layout,
            "Recovery sheet",
            "The recovery key can only be printed when it is made. If the sheet is lost, make a new key in "
            "Settings: the old key stops working and a new sheet is printed.",
            "Go to Settings, Recovery key",
            "recovery_sheet",
            self.recovery_sheet,
        )
        self.audit_button = self._entry(
            layout,
            "Annual audit and governors' report",
            "The year's audit of the setting's duties, signed off, and the governors' report of the year's numbers "
            "(no child named) are made on the Audit page.",
            "Go to the Audit page",
            "to_audit",
            self.to_audit,
        )
        self._entry(
            layout,
            "Referral summary and chronology",
            "These are about one child: open the concern (referral summary) or the child's file (chronology) "
            "from the dashboard or Children.",
            "",
            "",
            None,
        )
        layout.addStretch(1)

    def _entry(
        self, layout: QVBoxLayout, heading: str, text: str, button_text: str, name: str, slot: Any
    ) -> QPushButton | None:
        box = QGroupBox(heading, self)
        column = QVBoxLayout(box)
        column.addWidget(note(text, box))
        button = None
        if button_text:
            button = QPushButton(button_text, box)
            button.setObjectName(name)
            button.clicked.connect(slot)
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(box)
        return button

    def _show(self, render: Any, kind: DocumentKind, suggested: str) -> Any:
        from desktop_app.services import documents
        from desktop_app.ui.documents import DocumentDialog
        from desktop_app.ui.record_windows import RECORDS_PROPERTY

        try:
            pdf, document_id, title = render()
        except UserFacingError as error:
            ask.current().warn(self, kind.label, error.sentence)
            return None
        on_print, on_save = documents.actions(self.session, pdf, document_id, kind)
        dialog = DocumentDialog(self.window(), title, pdf, on_print, on_save, suggested_name=suggested)
        dialog.setProperty(RECORDS_PROPERTY, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.windows.append(dialog)
        dialog.open()
        return dialog

    def quick_reference(self) -> Any:
        from desktop_app.services import documents

        return self._show(
            lambda: documents.render_quick_reference(self.session), DocumentKind.QUICK_REFERENCE, "Quick reference.pdf"
        )

    def blank_checklist(self) -> Any:
        from desktop_app.services import documents

        return self._show(
            lambda: documents.render_blank_checklist(self.session.setting),
            DocumentKind.CHECKLIST,
            "Obligations checklist (blank).pdf",
        )

    def to_audit(self) -> None:
        if self.host is not None and hasattr(self.host, "navigate"):
            self.host.navigate("audit")

    def recovery_sheet(self) -> None:
        if self.host is not None and hasattr(self.host, "show_settings"):
            self.host.show_settings("recovery")
