"""The Details section of a child's file: what is recorded, grouped as a social worker's form asks, and every
earlier version with who changed it, when and why."""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.services.child import details as details_service
from desktop_app.ui.labels import note

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession


def details_html(groups: tuple[Any, ...]) -> str:
    if not groups:
        return "<p>Only the name is recorded.</p>"
    parts = []
    for group in groups:
        parts.append(f"<h3>{html.escape(group.title)}</h3><table cellpadding='3'>")
        for label, value in group.rows:
            text = html.escape(value).replace("\n", "<br>")
            parts.append(f"<tr><td valign='top'><b>{html.escape(label)}</b></td><td>{text}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


def history_html(versions: list[details_service.DetailsVersion]) -> str:
    parts = ["<h3>Changes to these details, newest first</h3>"]
    for v in reversed(versions):
        changed = f" Changed: {html.escape(', '.join(v.changed))}." if v.changed else ""
        parts.append(
            f"<p><b>{v.written_at.astimezone():%d %b %Y %H:%M}</b>, {html.escape(v.author)}: "
            f"{html.escape(v.reason)}.{changed}</p>"
        )
    return "".join(parts)


class DetailsSection(QWidget):
    def __init__(self, session: VaultSession, child_id: int, host: Any = None) -> None:
        super().__init__()
        self.setObjectName("section_details")
        self.session = session
        self.child_id = child_id
        self.file = host
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(
            note(
                "Details are never overwritten: a change is saved as a new version with your reason, "
                "and the earlier versions stay below.",
                self,
            ),
            1,
        )
        self.change_button = QPushButton("Change details…", self)
        self.change_button.setObjectName("change_details")
        self.change_button.clicked.connect(self.change_details)
        row.addWidget(self.change_button)
        layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.view = QTextBrowser(splitter)
        self.view.setObjectName("child_details")
        self.view.setAccessibleName("The child's details")
        self.view.setTabChangesFocus(True)
        self.history = QTextBrowser(splitter)
        self.history.setObjectName("details_history")
        self.history.setAccessibleName("Changes to the child's details")
        self.history.setTabChangesFocus(True)
        splitter.addWidget(self.view)
        splitter.addWidget(self.history)
        splitter.setSizes([420, 140])
        layout.addWidget(splitter, 1)
        self.refresh()

    def refresh(self) -> None:
        summary = details_service.child_summary(self.session, self.child_id, date.today())
        self.details = summary.child.details
        self.view.setHtml(details_html(details_service.detail_groups(self.details, date.today())))
        self.history.setHtml(history_html(details_service.history(self.session, self.child_id)))

    def change_details(self) -> Any:
        from desktop_app.ui.child.details_dialog import DetailsDialog

        dialog = DetailsDialog(self.window(), self.session, self.child_id, self.details)
        dialog.open()
        self.dialog = dialog
        return dialog
