"""Building blocks for the concern wizard's pages: a labelled field with its hint and its problem sentence."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop_app.errors import FieldProblem
from desktop_app.services.concern.flow import Entry, Notice, Page, spec
from desktop_app.ui.labels import set_tone
from desktop_app.ui.room import LONG_SENTENCE, bring_into_view, keep_room, say

ERROR_TONE = "error"  # how each looks: resources/style.qss
HINT_TONE = "hint"


def plain(label: str) -> str:
    return label.replace("&", "")


class FieldSlot:
    """One field on a page: the widget and the label under it that says what is wrong."""

    def __init__(self, field_id: str, label: str, widget: QWidget, error: QLabel) -> None:
        self.field_id = field_id
        self.label = label
        self.widget = widget
        self.error = error

    def show_problem(self, sentence: str) -> None:
        if sentence == self.error.text() and self.error.isHidden() != bool(sentence):
            return  # unchanged: a screen reader is not told again
        say(self.error, sentence)  # in the line kept for it: nothing below moves
        self.widget.setAccessibleDescription(sentence)
        self.widget.setProperty("invalid", bool(sentence))


def line_edit(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def text_edit(name: str, lines: int = 4) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)  # Tab leaves the box: the page stays usable by keyboard alone
    line = edit.fontMetrics().lineSpacing()
    edit.setMinimumHeight(line * lines + 12)
    edit.setMaximumHeight(line * lines * 2 + 12)  # grows a little, then scrolls inside
    return edit


def combo(name: str, choices: Iterable[str], editable: bool = True) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.setEditable(editable)
    box.addItems(list(choices))
    if editable:
        box.setCurrentIndex(-1)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return box


class YesNo(QWidget):
    """Radio buttons answering one question; ``value`` is True, False or None (not answered, or "Don't know").

    With ``dont_know`` text a third button answers "Don't know", read as ``unknown``.
    """

    changed = Signal()

    def __init__(
        self, name: str, yes: str = "Yes", no: str = "No", dont_know: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.yes = QRadioButton(yes, self)
        self.no = QRadioButton(no, self)
        self.yes.setObjectName(f"{name}_yes")
        self.no.setObjectName(f"{name}_no")
        self.group = QButtonGroup(self)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.yes)
        layout.addWidget(self.no)
        self.dont_know: QRadioButton | None = None
        if dont_know:
            self.dont_know = QRadioButton(dont_know, self)
            self.dont_know.setObjectName(f"{name}_dont_know")
            self.group.addButton(self.dont_know)
            layout.addWidget(self.dont_know)
        layout.addStretch(1)
        self.setFocusProxy(self.yes)
        self.group.buttonToggled.connect(lambda *_: self.changed.emit())

    def _buttons(self) -> list[QRadioButton]:
        return [b for b in (self.yes, self.no, self.dont_know) if b is not None]

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        for button in self._buttons():
            button.setAccessibleName(f"{name}: {plain(button.text())}")

    def setAccessibleDescription(self, text: str) -> None:
        super().setAccessibleDescription(text)
        for button in self._buttons():
            button.setAccessibleDescription(text)

    @property
    def unknown(self) -> bool:
        return self.dont_know is not None and self.dont_know.isChecked()

    @property
    def value(self) -> bool | None:
        if self.yes.isChecked():
            return True
        if self.no.isChecked():
            return False
        return None

    def set_value(self, value: bool | None, unknown: bool = False) -> None:
        self.group.setExclusive(False)
        self.yes.setChecked(value is True)
        self.no.setChecked(value is False)
        if self.dont_know is not None:
            self.dont_know.setChecked(value is None and unknown)
        self.group.setExclusive(True)


class NoticeArea(QWidget):
    """The advice for this page (ring 999 now, LADO, police 101…), urgent ones first and loudest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notices")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[str, QLabel] = {}
        self._shown: list[Notice] = []
        self.setVisible(False)

    def show_notices(self, notices: list[Notice]) -> None:
        if notices == self._shown:
            return  # unchanged: no flicker, and a screen reader is not told the same thing again
        self._shown = list(notices)
        for label in self.labels.values():
            label.hide()
            label.setParent(None)
            label.deleteLater()
        self.labels = {}
        for notice in sorted(notices, key=lambda n: not n.urgent):
            label = QLabel(notice.text, self)
            label.setObjectName(f"notice_{notice.key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
            )
            label.setAccessibleName("Urgent" if notice.urgent else "Please note")
            label.setAccessibleDescription(notice.text)
            if notice.urgent:
                set_tone(label, "urgent-notice")
            else:
                set_tone(label, "notice")
            self._layout.addWidget(label)
            self.labels[notice.key] = label
        self.setVisible(bool(notices))


class FlowPage(QWizardPage):
    """A wizard page for one ``concern_flow.Page``: scrolls, shows notices on top and problems by each field."""

    edited = Signal()

    def __init__(self, page: Page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_id = page
        page_spec = spec(page)
        self.setObjectName(f"page_{page.value}")
        self.setTitle(page_spec.title)
        self.setSubTitle(page_spec.subtitle)
        self.slots: dict[str, FieldSlot] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.notices = NoticeArea(self)
        outer.addWidget(self.notices)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body = QWidget()
        self.body.setObjectName(f"body_{page.value}")
        self.form = QVBoxLayout(self.body)
        self.form.setSpacing(4)
        self.scroller.setWidget(self.body)
        outer.addWidget(self.scroller, 1)
        self.status = QLabel(self)
        self.status.setObjectName("save_status")
        self.status.setWordWrap(True)
        set_tone(self.status, HINT_TONE)
        self.status.setAccessibleName("Saving")
        outer.addWidget(self.status)

    def add_field(
        self,
        field_id: str,
        label: str,
        widget: QWidget,
        hint: str = "",
        layout: QVBoxLayout | None = None,
        required: bool = False,
    ) -> FieldSlot:
        """Label (with a keyboard mnemonic, buddied to the widget), an optional hint, the widget, its problem line."""
        target = layout if layout is not None else self.form
        title = QLabel(f"{label} (required)" if required else label)
        title.setObjectName(f"label_{widget.objectName()}")
        set_tone(title, "field-title")
        title.setBuddy(widget)
        title.setWordWrap(True)
        target.addWidget(title)
        name = plain(label)
        widget.setAccessibleName(name)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setObjectName(f"hint_{widget.objectName()}")
            hint_label.setWordWrap(True)
            set_tone(hint_label, HINT_TONE)
            target.addWidget(hint_label)
            widget.setToolTip(hint)
        target.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"problem_{widget.objectName()}")
        error.setWordWrap(True)
        set_tone(error, ERROR_TONE)
        error.setAccessibleName(f"Problem with {name}")
        error.setVisible(False)
        keep_room(error, measure=LONG_SENTENCE)
        target.addWidget(error)
        slot = FieldSlot(field_id, name, widget, error)
        self.slots[field_id] = slot
        return slot

    def load(self, entry: Entry) -> None:
        """Fill the widgets from ``entry`` (resuming a draft)."""

    def collect(self, entry: Entry) -> Entry:
        """``entry`` with this page's answers as now shown."""
        return entry

    def show_problems(self, problems: list[FieldProblem]) -> QWidget | None:
        """Put each sentence by its field; return the first bad widget so the wizard can move focus there."""
        by_field = {p.field: p.sentence for p in reversed(problems)}
        first: QWidget | None = None
        for field_id, slot in self.slots.items():
            slot.show_problem(by_field.get(field_id, ""))
            if field_id in by_field and first is None:
                first = slot.widget
        if first is not None:  # a long account's sentence is below the box: both brought into view
            slot = next(slot for slot in self.slots.values() if slot.widget is first)
            bring_into_view(self.scroller, first, slot.error)
        return first

    def clear_fixed(self, problems: list[FieldProblem]) -> None:
        """While the recorder types, take away sentences about fields that are now right (never add new ones)."""
        still = {p.field for p in problems}
        for field_id, slot in self.slots.items():
            if field_id not in still and not slot.error.isHidden():
                slot.show_problem("")

    def problem_text(self, field_id: str) -> str:
        slot = self.slots.get(field_id)
        return slot.error.text() if slot and not slot.error.isHidden() else ""

    def watch(self, *widgets: QWidget) -> None:
        """Report every edit of these widgets as ``edited`` (the wizard then saves a sealed draft soon)."""
        for widget in widgets:
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(self.edited)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self.edited)
            elif isinstance(widget, QComboBox):
                widget.currentTextChanged.connect(self.edited)
            elif isinstance(widget, QAbstractButton):
                widget.toggled.connect(self.edited)
            elif isinstance(widget, YesNo):
                widget.changed.connect(self.edited)
