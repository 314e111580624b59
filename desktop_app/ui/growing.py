"""A box to write in that is as tall as what is written in it: two lines when empty, growing a line at a time with
its text up to a limit, then scrolling. Short answers take little of a page; a longer one (carried over from the last
screening, or typed) is read whole without scrolling inside a box two lines tall."""

from __future__ import annotations

from math import ceil

from PySide6.QtCore import QEvent, QObject, QSizeF
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy


class _Grow(QObject):
    def __init__(self, edit: QPlainTextEdit, least: int, most: int) -> None:
        super().__init__(edit)
        self.edit = edit
        self.least = least
        self.most = most
        # the document says how many lines it takes whenever that changes: more text, or a new width (it rewraps)
        edit.document().documentLayout().documentSizeChanged.connect(self.fit)
        edit.installEventFilter(self)  # a new text size (the zoom) changes the height of a line
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
        return False

    def line_height(self) -> float:
        block = self.edit.document().firstBlock()
        lines = block.layout().lineCount() if block.layout() is not None else 0
        if lines:
            return self.edit.blockBoundingRect(block).height() / lines
        return float(self.edit.fontMetrics().height())

    def fit(self, _size: QSizeF | None = None) -> None:
        edit = self.edit
        lines = int(edit.document().documentLayout().documentSize().height())  # laid-out lines, wrapped ones too
        shown = min(max(lines, self.least), self.most)
        margins = edit.contentsMargins()
        # the document's margin above and below the lines, and the pixel the box's scrolling keeps below the last
        height = ceil(shown * self.line_height() + 2 * edit.document().documentMargin()) + 1
        edit.setFixedHeight(height + margins.top() + margins.bottom())


def grow_with_text(edit: QPlainTextEdit, least: int = 2, most: int = 8) -> QPlainTextEdit:
    """Keep ``edit`` as tall as its text at its present width and font: at least ``least`` lines, at most ``most``
    (then it scrolls)."""
    policy = edit.sizePolicy()
    policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
    edit.setSizePolicy(policy)
    _Grow(edit, least, most)
    return edit
