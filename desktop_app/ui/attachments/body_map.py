"""The concern's "Body map" tab (the saved map and its numbered notes) and the editor that saves a new version.

Marks are placed by clicking the outline, or without a mouse by choosing a place from the list (forms/
attachments.toml) and pressing "Add a mark at this place". Every mark needs a short note; the list beside the picture
is the way a keyboard or screen-reader user reads, chooses and removes marks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.attachments import BodyMap, BodyMark, BodySide
from desktop_app.errors import UserFacingError
from desktop_app.services.attachments import body_map
from desktop_app.ui import ask
from desktop_app.ui.a11y import name_list
from desktop_app.ui.attachments.canvas import BodyMapCanvas
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.labels import set_tone
from desktop_app.ui.record_windows import mark_shows_records

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

PROBLEM_TONE = "late"  # resources/style.qss


def wrapping(notes: QListWidget) -> QListWidget:
    """A list whose long notes wrap onto more lines instead of running off to the right."""
    notes.setWordWrap(True)
    notes.setTextElideMode(Qt.TextElideMode.ElideNone)
    notes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    notes.setResizeMode(QListView.ResizeMode.Adjust)
    notes.setUniformItemSizes(False)
    return notes


def mark_line(number: int, mark: BodyMark) -> str:
    return f"{number}. {mark.side.label}: {mark.note or '(no note yet)'}"


def saved_line(saved: BodyMap | None) -> str:
    if saved is None:
        return "No body map has been drawn for this concern."
    count = len(saved.marks)
    return (
        f"Version {saved.version}, saved by {saved.recorded_by.name} on "
        f"{saved.recorded_at.astimezone():%d %b %Y at %H:%M}: {count} mark{'s' if count != 1 else ''}. "
        "Earlier versions are kept."
    )


class BodyMapEditor(QDialog):
    """Place, note and remove marks; "Save the body map" adds a new version. Emits ``saved(BodyMap)``."""

    saved = Signal(object)

    def __init__(self, parent: QWidget | None, session: VaultSession, concern_id: int, current: BodyMap | None) -> None:
        super().__init__(parent)
        self.session = session
        self.concern_id = concern_id
        self.original = list(current.marks) if current else []
        self.marks: list[BodyMark] = list(self.original)
        self.setObjectName("body_map_editor")
        mark_shows_records(self)
        self.setWindowTitle("Body map: where injuries were seen")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Click the outline where an injury was seen, or choose a place from the list and add a mark "
            "there. Give each mark a short note, for example: bruise, left forearm, about 3 cm. Left "
            "and right are the child's own.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QHBoxLayout()
        self.canvas = BodyMapCanvas(self, editable=True)
        self.canvas.placed.connect(self.place)
        body.addWidget(self.canvas, 3)
        side = QVBoxLayout()
        self.list = wrapping(QListWidget(self))
        self.list.setObjectName("marks")
        name_list(self.list, "Marks on the body map")
        self.list.currentRowChanged.connect(self._chosen)
        side.addWidget(QLabel("Marks:", self))
        side.addWidget(self.list, 1)
        note_label = QLabel("Note for the chosen mark:", self)
        side.addWidget(note_label)
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        self.note.setAccessibleName("Note for the chosen mark")
        self.note.setMaxLength(body_map.MAX_NOTE)
        self.note.setPlaceholderText("bruise, left forearm, about 3 cm")
        self.note.textEdited.connect(self._note_edited)
        note_label.setBuddy(self.note)
        side.addWidget(self.note)
        self.remove_button = QPushButton("Remove the chosen mark", self)
        self.remove_button.setObjectName("remove_mark")
        self.remove_button.clicked.connect(self.remove_chosen)
        side.addWidget(self.remove_button)
        place_label = QLabel("Or add a mark at a place on the body:", self)
        side.addWidget(place_label)
        self.region = QComboBox(self)
        self.region.setObjectName("region")
        self.region.setAccessibleName("Place on the body")
        for region in body_map.regions():
            self.region.addItem(f"{region.title} ({BodySide(region.side).label.lower()})", region.id)
        place_label.setBuddy(self.region)
        side.addWidget(self.region)
        self.region_button = QPushButton("Add a mark at this place", self)
        self.region_button.setObjectName("add_at_region")
        self.region_button.clicked.connect(self.add_at_region)
        side.addWidget(self.region_button)
        body.addLayout(side, 2)
        layout.addLayout(body, 1)
        self.problem = QLabel(" ", self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        set_tone(self.problem, PROBLEM_TONE)
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton("Save the body map", self)
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self._refresh(0 if self.marks else -1)
        fit_to_screen(self, 860, 640)

    # --- marks --------------------------------------------------------------------------------------------------
    def _refresh(self, chosen: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for number, mark in enumerate(self.marks, 1):
            self.list.addItem(mark_line(number, mark))
        self.list.blockSignals(False)
        if 0 <= chosen < len(self.marks):
            self.list.setCurrentRow(chosen)
        self._chosen(self.list.currentRow())

    def _chosen(self, row: int) -> None:
        has = 0 <= row < len(self.marks)
        self.note.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.note.setText(self.marks[row].note if has else "")
        self.canvas.set_marks(self.marks, row)

    def _note_edited(self, text: str) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.marks):
            old = self.marks[row]
            self.marks[row] = BodyMark(old.side, old.x, old.y, text)
            item = self.list.item(row)
            if item is not None:
                item.setText(mark_line(row + 1, self.marks[row]))

    def place(self, side: str, x: float, y: float, note: str = "") -> int:
        """Add a mark; the note box takes the cursor so the DSL says what was seen. Returns the mark's number."""
        self.marks.append(BodyMark(BodySide(side), x, y, note))
        self._refresh(len(self.marks) - 1)
        self.problem.setText(
            f"Mark {len(self.marks)} placed on the {BodySide(side).label.lower()}. Type what was seen in the note box."
        )
        set_tone(self.problem, "")
        self.note.setFocus()
        self.note.end(False)
        return len(self.marks)

    def add_at_region(self) -> int:
        region = next(r for r in body_map.regions() if r.id == self.region.currentData())
        return self.place(region.side, region.x, region.y, f"{region.title}: ")

    def remove_chosen(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.marks):
            del self.marks[row]
            self._refresh(min(row, len(self.marks) - 1))
            self.problem.setText(f"Mark {row + 1} removed; the marks after it are numbered again.")
            set_tone(self.problem, "")
            (self.list if self.marks else self.region).setFocus()

    # --- saving -------------------------------------------------------------------------------------------------
    def changed(self) -> bool:
        return self.marks != self.original

    def save(self) -> BodyMap | None:
        try:
            saved = body_map.save_body_map(self.session, self.concern_id, self.marks)
        except UserFacingError as error:
            problems = getattr(error, "problems", None)
            self.problem.setText(problems[0].sentence if problems else error.sentence)
            set_tone(self.problem, PROBLEM_TONE)
            field = problems[0].field if problems else ""
            if field.startswith("mark_"):
                self.list.setCurrentRow(int(field.removeprefix("mark_")) - 1)
                self.note.setFocus()
            return None
        self.original = list(self.marks)
        self.saved.emit(saved)
        self.accept()
        return saved

    def reject(self) -> None:
        if self.changed() and not ask.current().confirm(
            self,
            "Leave the body map",
            "The marks you changed are not saved. Leave without saving them?",
            "Leave without saving",
            "Keep drawing",
        ):
            return
        super().reject()


class BodyMapSection(QWidget):
    """The saved body map, read-only, with its numbered notes and a button to draw or change it."""

    changed = Signal()

    def __init__(self, session: VaultSession, concern_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.concern_id = concern_id
        self.current: BodyMap | None = None
        self.windows: list[QWidget] = []
        self.setObjectName("body_map_section")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.canvas = BodyMapCanvas(self)
        self.canvas.setMinimumSize(150, 150)
        layout.addWidget(self.canvas, 2)
        side = QVBoxLayout()
        self.summary = QLabel(self)
        self.summary.setObjectName("body_map_summary")
        self.summary.setWordWrap(True)
        side.addWidget(self.summary)
        self.notes = wrapping(QListWidget(self))
        self.notes.setObjectName("body_map_notes")
        name_list(self.notes, "Numbered notes of the body map")
        side.addWidget(self.notes, 1)
        row = QHBoxLayout()
        self.edit_button = QPushButton("Draw on the body map…", self)
        self.edit_button.setObjectName("edit_body_map")
        self.edit_button.clicked.connect(self.edit)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        side.addLayout(row)
        layout.addLayout(side, 3)
        self.reload()

    def title(self) -> str:
        count = len(self.current.marks) if self.current else 0
        return f"Body map ({count} mark{'s' if count != 1 else ''})" if self.current else "Body map"

    def reload(self) -> None:
        self.current = body_map.current(self.session, self.concern_id)
        marks = list(self.current.marks) if self.current else []
        self.canvas.set_marks(marks)
        self.notes.clear()
        for number, mark in enumerate(marks, 1):
            self.notes.addItem(mark_line(number, mark))
        self.summary.setText(saved_line(self.current))
        self.edit_button.setText("Change the body map…" if self.current else "Draw on the body map…")

    def edit(self) -> BodyMapEditor:
        editor = BodyMapEditor(self.window(), self.session, self.concern_id, self.current)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        editor.saved.connect(self._saved)
        self.windows.append(editor)
        editor.open()
        return editor

    def _saved(self, *_args: object) -> None:
        self.reload()
        self.changed.emit()
