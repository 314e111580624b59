"""Small pieces shared by the settings sections: a status line and a progress bar for background work."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class StatusArea(QWidget):
    """A progress bar (hidden when idle) above one sentence of status; ``state`` colours the sentence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(12)
        self.bar.hide()
        self.label = QLabel(self)
        self.label.setObjectName("status_message")
        self.label.setWordWrap(True)
        self.label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)

    @property
    def text(self) -> str:
        return self.label.text() if self.label.isVisible() or self.label.text() else ""

    def busy(self, text: str) -> None:
        self.bar.setRange(0, 0)
        self.bar.show()
        self.say(text)

    def progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if text:
            self.label.setText(text)

    def say(self, text: str, state: str = "") -> None:
        if state:
            self.bar.hide()
        self.label.setText(text)
        self.label.setProperty("state", state)
        self.label.setVisible(bool(text))
        restyle(self.label)

    def done(self, text: str) -> None:
        self.say(text, "good")

    def failed(self, text: str) -> None:
        self.say(text, "bad")
