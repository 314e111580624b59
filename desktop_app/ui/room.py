"""Screens that hold their shape (issue 16): room kept for messages that come and go, and the first problem brought
into view.

A problem or strength message that appears pushes everything below it down, so the field or button under the pointer
moves just as the person reaches for it. ``keep_room`` gives such a label its lines from the start, shown or hidden;
``bring_into_view`` scrolls a refused form to the field to fix and its sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent


_FONT_CHANGES: list[QEvent.Type] = []


def _font_changes() -> list[QEvent.Type]:
    """The events after which a label's font may be new; made at first use, not at import: the lock screen loads this
    module before it is first shown, and the first touch of ``QEvent`` builds its enum of ~180 types (~2 ms)."""
    if not _FONT_CHANGES:
        from PySide6.QtCore import QEvent

        _FONT_CHANGES.extend((QEvent.Type.FontChange, QEvent.Type.StyleChange))
    return _FONT_CHANGES


class _FollowFont(QObject):
    """Keeps a label's reserved height in step with its font (the zoom changes it)."""

    def __init__(self, label: QLabel, lines: int) -> None:
        super().__init__(label)
        self.lines = lines
        self.apply(label)

    def apply(self, label: QLabel) -> None:
        label.setMinimumHeight(label.fontMetrics().lineSpacing() * self.lines + 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _font_changes() and isinstance(watched, QLabel):
            self.apply(watched)
        return False


def keep_room(label: QLabel, lines: int = 1) -> QLabel:
    """Reserve ``lines`` lines for ``label`` whether it is shown or hidden, so showing it moves nothing."""
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
    label.installEventFilter(_FollowFont(label, lines))
    return label


def say(label: QLabel, sentence: str, hide_when_empty: bool = True) -> None:
    """Show ``sentence`` in a label given room by ``keep_room`` (or hide it when empty), as tall as its text needs at
    its present width and never less than the room kept: one line says it without moving anything below."""
    label.setText(sentence)
    if hide_when_empty:
        label.setVisible(bool(sentence))
    follow = label.findChild(_FollowFont)
    reserved = label.fontMetrics().lineSpacing() * (follow.lines if follow is not None else 1) + 2
    laid_out = label.window().isVisible()  # before the first show its width is not yet its own
    needed = label.heightForWidth(label.width()) if sentence and laid_out and label.width() > 0 else 0
    label.setMinimumHeight(max(reserved, needed))
    if not hide_when_empty:  # always shown: exactly its height, or a layout may give a wrapped label two lines spare
        label.setMaximumHeight(max(reserved, needed))


def bring_into_view(scroller: QScrollArea, field: QWidget, sentence: QWidget | None = None) -> None:
    """Scroll so the field to fix and the sentence under it are in the viewport (laid out first: a sentence just
    shown has no place yet). A field taller than the viewport shows its end, where the sentence is."""
    content = scroller.widget()
    layout = content.layout() if content is not None else None
    if layout is not None:
        layout.activate()
    from PySide6.QtCore import QEvent

    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    scroller.ensureWidgetVisible(field, 8, 8)
    if sentence is not None and not sentence.isHidden():
        scroller.ensureWidgetVisible(sentence, 8, 8)
