"""Names for screen readers and a way round by Tab: small helpers every screen uses the same way."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)


def spoken(label: str) -> str:
    """A label as a screen reader should say it: no mnemonic ampersand, no trailing colon."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":").strip()


def name_field(form: QFormLayout, holder: QWidget, widget: QWidget, label: str) -> None:
    """A field laid out inside ``holder`` (with its problem line): its row label names it and moves focus to it.

    QFormLayout makes the label a buddy of the holder, which cannot take focus and which a screen reader never
    reaches; the field itself must carry the name. Rows of several controls (radio buttons, tick boxes) keep the
    names on their own buttons.
    """
    row_label = form.labelForField(holder)
    if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
        if isinstance(row_label, QLabel):
            row_label.setBuddy(widget)
        if not widget.accessibleName():
            widget.setAccessibleName(spoken(label))


def first_place_to_type(fields: Sequence[QWidget]) -> QWidget | None:
    """Where a form's keyboard focus should start: its first box to write in, else its first field that takes
    the focus."""
    usable = [f for f in fields if f.isEnabled() and f.focusPolicy() != Qt.FocusPolicy.NoFocus]
    writable = (f for f in usable if isinstance(f, QPlainTextEdit | QLineEdit) and not f.isReadOnly())
    return next(writable, usable[0] if usable else None)


def buttons_last(form: QWidget, buttons: QWidget) -> None:
    """Tab goes through a form's fields, then to its buttons in the order they are seen (a dialog that makes its
    buttons before its fields would otherwise put them first). Call once the buttons are laid out."""
    last: QWidget | None = None
    widget = form.nextInFocusChain()
    while widget is not None and widget is not form:  # round the window's whole chain: the form's last field
        if form.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            last = widget
        widget = widget.nextInFocusChain()
    if last is None:
        return
    in_view = sorted(buttons.findChildren(QAbstractButton), key=lambda b: (b.y(), b.x()))
    for button in in_view:
        QWidget.setTabOrder(last, button)
        last = button


def when_edited(widget: QWidget, edited: Callable[..., object]) -> None:
    """Call ``edited`` each time the person changes the field's value (any kind of field)."""
    if isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(edited)
    elif isinstance(widget, QLineEdit):
        widget.textEdited.connect(edited)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(edited)
    elif isinstance(widget, QAbstractButton):
        widget.toggled.connect(edited)
    elif isinstance(widget, QDateTimeEdit):
        widget.dateTimeChanged.connect(edited)


def name_list(view: QAbstractItemView, name: str) -> None:
    """A list or table: give it a name, and let Tab leave it (arrow keys move between its rows and cells)."""
    view.setAccessibleName(name)
    view.setTabKeyNavigation(False)


class _ToggleLabel(QLabel):
    """The wrapping text of a tick box: clicking it ticks the box, as clicking a QCheckBox's own text does."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setBuddy(box)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.box.isEnabled():
            self.box.setFocus(Qt.FocusReason.MouseFocusReason)
            self.box.toggle()
        super().mouseReleaseEvent(event)


def wrapping_check_box(text: str) -> tuple[QCheckBox, QWidget]:
    """A tick box whose text wraps (a QCheckBox's own text never does, and at 150% zoom a long sign ran off the page).

    Returns the box (named ``text`` for screen readers) and the row to lay out.
    """
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    box = QCheckBox(row)
    box.setAccessibleName(text)
    label = _ToggleLabel(text, box)
    label.setParent(row)
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(label, 1)
    return box, row
