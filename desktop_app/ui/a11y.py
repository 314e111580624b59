"""Names for screen readers and a way round by Tab: small helpers every screen uses the same way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFormLayout, QLabel, QWidget


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


def name_list(view: QAbstractItemView, name: str) -> None:
    """A list or table: give it a name, and let Tab leave it (arrow keys move between its rows and cells)."""
    view.setAccessibleName(name)
    view.setTabKeyNavigation(False)
