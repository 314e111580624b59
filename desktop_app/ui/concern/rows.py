"""Others involved: other children (with a role each), adults of concern and places, as rows added by keyboard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGroupBox, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.enums import ChildRole
from desktop_app.services.concern import flow
from desktop_app.services.concern.flow import AdultRow, ChildRow, Entry, Page, PlaceRow
from desktop_app.ui.concern.fields import FlowPage, combo, line_edit, text_edit

CHOOSE_ROLE = "Choose a role…"


@dataclass(frozen=True)
class Part:
    key: str  # the row field part (name, role, details…) and the dataclass attribute
    label: str
    kind: str = "line"  # line | text | role
    hint: str = ""


@dataclass(frozen=True)
class RowKind:
    key: str  # children | adults | places
    noun: str  # "child", "adult", "place"
    title: str
    add_label: str
    parts: tuple[Part, ...]
    make: Callable[..., Any]


KINDS = (
    RowKind("children", "child", "Other children", "Add a &child", (
        Part("name", "Name"),
        Part("role", "Role", "role", "Possible victim, possible perpetrator, witness or other. Only as you saw it."),
        Part("details", "What you know about them", "text"),
    ), ChildRow),
    RowKind("adults", "adult", "Adults of concern", "Add an &adult", (
        Part("name_or_nickname", "Name or nickname"),
        Part("description", "Description", "text", "What they look like, age, anything that would identify them."),
        Part("vehicle", "Vehicle", hint="Make, colour, any part of the number plate."),
        Part("phone", "Phone number"),
    ), AdultRow),
    RowKind("places", "place", "Places", "Add a &place", (
        Part("name", "Where", hint="An address, a landmark, a shop, or an online place (say which app)."),
        Part("details", "What happens there", "text"),
    ), PlaceRow),
)  # fmt: skip

_FIELD_PART = {"name_or_nickname": "name"}  # the flow reports an adult's name problem as ".name"


class RowList(QWidget):
    """One kind of row: a titled box of rows, each with its own Remove button, and an Add button."""

    def __init__(self, page: FlowPage, kind: RowKind) -> None:
        super().__init__(page)
        self.page = page
        self.kind = kind
        self.setObjectName(f"rows_{kind.key}")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.rows: list[tuple[QGroupBox, dict[str, QWidget]]] = []
        self.add_button = QPushButton(kind.add_label)
        self.add_button.setObjectName(f"add_{kind.noun}")
        self.add_button.setAccessibleName(f"Add {'an' if kind.noun[0] in 'aeiou' else 'a'} {kind.noun}")
        self.add_button.clicked.connect(lambda *_: self.add_row())
        self.layout_.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def add_row(self, values: Any = None, focus: bool = True) -> None:
        index = len(self.rows)
        frame = QGroupBox(f"{self.kind.noun.capitalize()} {index + 1}", self)
        frame.setObjectName(f"{self.kind.key}_{index}")
        box = QVBoxLayout(frame)
        widgets: dict[str, QWidget] = {}
        for part in self.kind.parts:
            name = f"{self.kind.key}_{index}_{part.key}"
            widget: QWidget
            if part.kind == "role":
                widget = combo(name, [CHOOSE_ROLE] + [r.label for r in ChildRole], editable=False)
            elif part.kind == "text":
                widget = text_edit(name, 2)
            else:
                widget = line_edit(name)
            field_id = flow.row_field(self.kind.key, index, _FIELD_PART.get(part.key, part.key))
            slot = self.page.add_field(field_id, f"{part.label} ({self.kind.noun} {index + 1})", widget, part.hint, box)
            slot.widget.setAccessibleName(f"{part.label} of {self.kind.noun} {index + 1}")
            widgets[part.key] = widget
            self.page.watch(widget)
        remove = QPushButton(f"Remove {self.kind.noun} {index + 1}", frame)
        remove.setObjectName(f"remove_{self.kind.key}_{index}")
        remove.setAccessibleName(f"Remove {self.kind.noun} {index + 1}")
        remove.clicked.connect(lambda *_, i=index: self.remove_row(i))
        box.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.insertWidget(self.layout_.count() - 1, frame)
        self.rows.append((frame, widgets))
        if values is not None:
            self._fill(widgets, values)
        if focus:
            first = widgets[self.kind.parts[0].key]
            first.setFocus()
            self.page.scroller.ensureWidgetVisible(remove)
        self.page.edited.emit()

    def remove_row(self, index: int) -> None:
        values = self.values()
        del values[index]
        self.set_values(values)
        target = self.rows[min(index, len(self.rows) - 1)][1] if self.rows else None
        if target:
            target[self.kind.parts[0].key].setFocus()
        else:
            self.add_button.setFocus()
        self.page.edited.emit()

    def set_values(self, values: list[Any]) -> None:
        for frame, _ in self.rows:
            for field_id in [f for f in self.page.slots if f.startswith(f"others.{self.kind.key}.")]:
                del self.page.slots[field_id]
            frame.hide()
            frame.setParent(None)
            frame.deleteLater()
        self.rows = []
        for value in values:
            self.add_row(value, focus=False)

    def _fill(self, widgets: dict[str, QWidget], values: Any) -> None:
        for part in self.kind.parts:
            value = getattr(values, part.key)
            widget = widgets[part.key]
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(list(ChildRole).index(value) + 1 if value else 0)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            elif isinstance(widget, QLineEdit):
                widget.setText(value)

    def values(self) -> list[Any]:
        out = []
        for _, widgets in self.rows:
            kwargs: dict[str, Any] = {}
            for part in self.kind.parts:
                widget = widgets[part.key]
                if isinstance(widget, QComboBox):
                    index = widget.currentIndex()
                    kwargs[part.key] = list(ChildRole)[index - 1] if index > 0 else None
                elif isinstance(widget, QPlainTextEdit):
                    kwargs[part.key] = widget.toPlainText()
                elif isinstance(widget, QLineEdit):
                    kwargs[part.key] = widget.text()
            out.append(self.kind.make(**kwargs))
        return out


class OthersPage(FlowPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Page.OTHERS, parent)
        self.lists: dict[str, RowList] = {}
        for kind in KINDS:
            frame = QGroupBox(kind.title)
            frame.setObjectName(f"group_{kind.key}")
            box = QVBoxLayout(frame)
            rows = RowList(self, kind)
            box.addWidget(rows)
            self.lists[kind.key] = rows
            self.form.addWidget(frame)
        self.form.addStretch(1)

    def load(self, entry: Entry) -> None:
        self.lists["children"].set_values(list(entry.other_children))
        self.lists["adults"].set_values(list(entry.adults))
        self.lists["places"].set_values(list(entry.places))

    def collect(self, entry: Entry) -> Entry:
        return replace(
            entry,
            other_children=tuple(self.lists["children"].values()),
            adults=tuple(self.lists["adults"].values()),
            places=tuple(self.lists["places"].values()),
        )
