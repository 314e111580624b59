"""The child file's Connections section: a list in words (the accessible equivalent) beside a drawn diagram, and
the actions — link another child to a concern, correct a linked child's role, correct an adult or a place."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.connections import (
    AdultConnection,
    AdultRecord,
    ChildConnections,
    ChildLink,
    LinkedChild,
    PlaceConnection,
    PlaceRecord,
)
from desktop_app.services.child import connections
from desktop_app.ui.a11y import name_list
from desktop_app.ui.connections.diagram import ConnectionsDiagram
from desktop_app.ui.labels import note
from desktop_app.ui.models import record_events

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

ROLE = Qt.ItemDataRole.UserRole


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else ('ren' if word == 'child' else 's')}"


class ConnectionsSection(QWidget):
    """``open_child(child_id)`` asks the host to open another child's file."""

    open_child = Signal(int)

    def __init__(self, session: VaultSession, child_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connections_section")
        self.session = session
        self.child_id = child_id
        self.windows: list[QWidget] = []
        layout = QVBoxLayout(self)
        self.summary = note("", self, "connections_summary")
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.list = QTreeWidget(split)
        self.list.setObjectName("connections_list")
        self.list.setHeaderLabels(["Connection", "Through"])
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        name_list(self.list, "Connections in words")
        self.list.itemActivated.connect(self._activated)
        self.list.currentItemChanged.connect(self._sync_buttons)
        self.diagram = ConnectionsDiagram(split)
        self.diagram.child_chosen.connect(self.open_child)
        split.addWidget(self.list)
        split.addWidget(self.diagram)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 6)
        split.setSizes([500, 600])
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        # Two rows: the three buttons side by side were wider than a laptop's page at 150%, and pushed the window off
        # the screen (the side bar was squeezed to make room, narrower on every child's page).
        buttons, selected = QHBoxLayout(), QHBoxLayout()
        self.link_button = self._button("Link another child to a concern…", "link_child", self.link_child, buttons)
        self.correct_button = self._button(
            "Correct the selected entry…", "correct_selected", self.correct_selected, selected
        )
        self.open_button = self._button("Open the selected child's file", "open_selected", self.open_selected, selected)
        for row in (buttons, selected):
            row.addStretch(1)
            layout.addLayout(row)
        record_events().changed.connect(self._changed)
        self.refresh()

    def _button(self, text: str, name: str, slot: Callable[[], object], row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # --- loading ----------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        found = connections.connections_of(self.session, self.child_id)
        self.connections = found
        self._fill_list(found)
        self.diagram.show_connections(found)
        self._sync_buttons()

    def _changed(self, *_args: object) -> None:
        if not self.session.is_locked:
            self.refresh()

    def _fill_list(self, found: ChildConnections) -> None:
        self.list.clear()
        if found.is_empty:
            self.summary.setText(
                f"No other child, adult of concern or place is linked to {found.child_name} yet. "
                f"They appear here when a concern names them, or when you link a child below."
            )
            return
        children = len(found.named_in_own_concerns) + len(found.named_in_others_concerns)
        self.summary.setText(
            f"{found.child_name}: {_plural(children, 'child')} linked, "
            f"{_plural(len(found.adults), 'adult')} of concern, {_plural(len(found.places), 'place')}. "
            f"Each child's role is their own in that concern."
        )
        self._group(
            "Children named in concerns about " + found.child_name,
            [
                (
                    f"{link.linked_name} — {link.role.label.lower()}"
                    + ("" if link.linked_child_id is not None else " (not matched to a child on file)"),
                    link.concern_reference,
                    link,
                )
                for link in found.named_in_own_concerns
            ],
        )
        self._group(
            f"Concerns about other children that name {found.child_name}",
            [
                (
                    f"{link.subject_name} — the concern names {found.child_name} as {link.role.label.lower()}",
                    link.concern_reference,
                    link,
                )
                for link in found.named_in_others_concerns
            ],
        )
        groups: tuple[tuple[str, tuple[AdultConnection | PlaceConnection, ...]], ...] = (
            ("Adults of concern", found.adults),
            ("Places", found.places),
        )
        for title, items in groups:
            if not items:
                continue
            group = QTreeWidgetItem(self.list, [f"{title} ({len(items)})", ""])
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for item in items:
                record = item.adult if isinstance(item, AdultConnection) else item.place
                extra = record.description if isinstance(record, AdultRecord) else record.details
                text = record.name + (f" — {extra}" if extra.strip() else "")
                row = QTreeWidgetItem(group, [text, ", ".join(item.concern_references)])
                row.setData(0, ROLE, record)
                row.setToolTip(0, text)
                if not item.children:
                    QTreeWidgetItem(row, ["No other child on file is linked to them", ""])
                for other in item.children:
                    linked = QTreeWidgetItem(row, [f"Also linked: {other.name}", ""])
                    linked.setData(0, ROLE, other)
                if item.more:
                    QTreeWidgetItem(row, [f"…and {item.more} more children linked to them", ""])
        self.list.expandAll()

    def _group(self, title: str, rows: list[tuple[str, str, object]]) -> None:
        if not rows:
            return
        group = QTreeWidgetItem(self.list, [f"{title} ({len(rows)})", ""])
        group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        for text, through, value in rows:
            item = QTreeWidgetItem(group, [text, through])
            item.setData(0, ROLE, value)
            item.setToolTip(0, text)

    # --- actions ----------------------------------------------------------------------------------------------------
    def selected(self) -> object:
        item = self.list.currentItem()
        return None if item is None else item.data(0, ROLE)

    def _sync_buttons(self, *_args: object) -> None:
        value = self.selected()
        self.correct_button.setEnabled(isinstance(value, ChildLink | AdultRecord | PlaceRecord))
        self.open_button.setEnabled(self._child_of(value) is not None)

    def _child_of(self, value: object) -> int | None:
        if isinstance(value, LinkedChild):
            return value.child_id
        if isinstance(value, ChildLink):
            if value.subject_child_id != self.child_id:
                return value.subject_child_id
            return value.linked_child_id
        return None

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        child = self._child_of(item.data(0, ROLE))
        if child is not None:
            self.open_child.emit(child)

    def open_selected(self) -> None:
        child = self._child_of(self.selected())
        if child is not None:
            self.open_child.emit(child)

    def link_child(self) -> Any:
        from desktop_app.ui.connections.dialogs import LinkChildDialog

        return self._show(LinkChildDialog(self.window(), self.session, self.child_id))

    def correct_selected(self) -> Any:
        from desktop_app.ui.connections.dialogs import CorrectRecordDialog, CorrectRoleDialog

        value = self.selected()
        if isinstance(value, ChildLink):
            return self._show(CorrectRoleDialog(self.window(), self.session, value))
        if isinstance(value, AdultRecord | PlaceRecord):
            return self._show(CorrectRecordDialog(self.window(), self.session, value))
        return None

    def _show(self, dialog: QWidget) -> QWidget:
        self.windows.append(dialog)
        dialog.show()
        return dialog


def connections_section(session: VaultSession, child_id: int, host: Any) -> ConnectionsSection:
    """The child file's Connections tab; a linked child's node or row opens that child's file."""
    from desktop_app.ui.child import open_child

    section = ConnectionsSection(session, child_id)
    main = getattr(host, "host", None)  # the main window behind the child's file, when there is one
    section.open_child.connect(lambda other: open_child(main, session, other))
    return section
