"""The labels every screen builds: a wrapped note, and wrapped plain text the reader can select and copy."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def note(text: str = "", parent: QWidget | None = None, name: str = "", style: str = "") -> QLabel:
    """A label whose text wraps. No Qt enum is touched: the lock screen builds these before its first show."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if style:
        label.setStyleSheet(style)
    return label


def plain_text(text: str = "", name: str = "", style: str = "") -> QLabel:
    """A wrapped label shown as plain text (never read as HTML) that can be selected and copied."""
    from PySide6.QtCore import Qt  # not at module level: importing Qt's namespace builds ~100 enums (~20 ms)

    label = note(text, name=name, style=style)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return label
