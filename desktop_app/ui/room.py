"""Screens that hold their shape (issue 16): room kept for messages that come and go, and the first problem brought
into view.

A problem or strength message that appears pushes everything below it down, so the field or button under the pointer
moves just as the person reaches for it. ``keep_room`` gives such a label its lines from the start, shown or hidden;
``bring_into_view`` scrolls a refused form to the field to fix and its sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget

# The measure of a problem sentence: as long as the longest the checks commonly give (80 characters). Room for it is
# kept at the label's own width, so a sentence that wraps onto a second or third line in a narrow column (the
# screening decision beside its panel, any form at 150%) still moves nothing below it.
LONG_SENTENCE = "Write the danger statement: what you are worried will happen if nothing changes."


class _FollowFont(QObject):
    """Keeps a label's reserved height in step with its font (the zoom changes it) and, for a label given a
    ``measure``, with its width: as many lines as the measure sentence takes there."""

    def __init__(self, label: QLabel, lines: int, measure: str = "") -> None:
        super().__init__(label)
        self.label = label
        self.lines = lines
        self.measure = measure
        self._watched: QWidget | None = None
        self._watch_parent()
        self.apply(label)

    def reserved(self, label: QLabel) -> int:
        metrics = label.fontMetrics()
        height = metrics.lineSpacing() * self.lines
        holder = label.parentWidget()
        laid_out = holder is not None and holder.isVisible() and label.width() > 0
        if self.measure and laid_out:
            wrapped = metrics.boundingRect(
                QRect(0, 0, label.contentsRect().width(), 100_000), Qt.TextFlag.TextWordWrap, self.measure
            )
            # the wrapped sentence's own height, not a count of line spacings: a laid-out line can be a pixel
            # taller than the font's line spacing, and rounding two lines up to whole spacings kept a third empty
            height = max(height, wrapped.height())
        return height + 2

    def apply(self, label: QLabel) -> None:
        """The room kept, or the height of the sentence shown when that is more (it wraps at the new width)."""
        height = self.reserved(label)
        if self.measure and label.text() and not label.isHidden() and label.width() > 0:
            height = max(height, label.heightForWidth(label.width()))
        label.setMinimumHeight(height)

    def _watch_parent(self) -> None:
        """The label's width is set by its parent's layout, and a hidden label gets no resize events of its own:
        the parent's are watched instead."""
        parent = self.label.parentWidget()
        if parent is self._watched:
            return
        if self._watched is not None:
            self._watched.removeEventFilter(self)
        self._watched = parent
        if parent is not None and self.measure:
            parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.label and kind == QEvent.Type.ParentChange:
            self._watch_parent()
        restyled = watched is self.label and kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange)
        resized = watched is self._watched and kind in (QEvent.Type.Resize, QEvent.Type.Show)
        if restyled or resized:
            self.apply(self.label)
        return False


def keep_room(label: QLabel, lines: int = 1, measure: str = "") -> QLabel:
    """Reserve ``lines`` lines for ``label`` whether it is shown or hidden, so showing it moves nothing; given a
    ``measure`` sentence (``LONG_SENTENCE`` for problems), as many lines as that sentence takes at the label's width
    when that is more."""
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
    # the sentence at the top of its room, next to its field, not adrift in the middle of lines kept empty
    label.setAlignment((label.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask) | Qt.AlignmentFlag.AlignTop)
    label.installEventFilter(_FollowFont(label, lines, measure))
    return label


def say(label: QLabel, sentence: str, hide_when_empty: bool = True) -> None:
    """Show ``sentence`` in a label given room by ``keep_room`` (or hide it when empty), as tall as its text needs at
    its present width and never less than the room kept: one line says it without moving anything below."""
    label.setText(sentence)
    if hide_when_empty:
        label.setVisible(bool(sentence))
    follow = label.findChild(_FollowFont)
    reserved = follow.reserved(label) if follow is not None else label.fontMetrics().lineSpacing() + 2
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
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    scroller.ensureWidgetVisible(field, 8, 8)
    if sentence is not None and not sentence.isHidden():
        scroller.ensureWidgetVisible(sentence, 8, 8)
