"""Lock the vault after a spell without keyboard or mouse input (DESIGN §5: 5 minutes by default, up to 15)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

MIN_MINUTES, MAX_MINUTES, DEFAULT_MINUTES = 1, 15, 5
WARNING_MS = 60_000  # the countdown shown before the lock; a quarter of the wait when the wait is shorter (tests)

_input_events: frozenset[QEvent.Type] = frozenset()


def input_events() -> frozenset[QEvent.Type]:
    """Events that mean someone is at the keyboard. Paint, timer and focus events do not count.

    Made at the first use, not at import: the watcher is built before the lock screen is first shown, and the first
    touch of ``QEvent`` builds its enum of ~180 event types (~2 ms of start-up)."""
    global _input_events
    if not _input_events:
        from PySide6.QtCore import QEvent

        kind = QEvent.Type
        _input_events = frozenset(
            {
                kind.KeyPress,
                kind.KeyRelease,
                kind.MouseButtonPress,
                kind.MouseButtonRelease,
                kind.MouseButtonDblClick,
                kind.MouseMove,
                kind.Wheel,
                kind.TouchBegin,
                kind.TouchUpdate,
                kind.InputMethod,
            }
        )
    return _input_events


def clamp_minutes(minutes: int) -> int:
    return max(MIN_MINUTES, min(MAX_MINUTES, int(minutes)))


class IdleWatcher(QObject):
    """Watches all input to the application; emits ``idle`` once when nothing happened for the interval.

    Before that, ``countdown(seconds_left)`` every second of the last minute (so the window can warn), and
    ``countdown_cleared`` when someone does something in time. ``start()`` when the vault unlocks, ``stop()`` when it
    locks. Tests shorten the wait with ``set_interval_ms``.
    """

    idle = Signal()
    countdown = Signal(int)
    countdown_cleared = Signal()

    def __init__(self, minutes: int = DEFAULT_MINUTES, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)
        self._warn = QTimer(self)
        self._warn.setSingleShot(True)
        self._warn.timeout.connect(self._warn_started)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count)
        self.warning = False
        self._installed = False
        self.set_minutes(minutes)

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(clamp_minutes(minutes) * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        """Change the wait; a running watch restarts with the new value (test hook for short intervals)."""
        self._timer.setInterval(max(1, int(ms)))
        warn = min(WARNING_MS, self._timer.interval() // 4)
        self._warn.setInterval(max(1, self._timer.interval() - warn))
        self._tick.setInterval(min(1000, max(1, warn // 3)))
        if self._timer.isActive():
            self._restart()

    def seconds_left(self) -> int:
        return max(0, -(-self._timer.remainingTime() // 1000)) if self._timer.isActive() else 0

    def _restart(self) -> None:
        self._timer.start()
        self._warn.start()
        if self.warning:
            self.warning = False
            self._tick.stop()
            self.countdown_cleared.emit()

    def _warn_started(self) -> None:
        self.warning = True
        self._tick.start()
        self._count()

    def _count(self) -> None:
        if self.warning and self._timer.isActive():
            self.countdown.emit(self.seconds_left())

    def start(self) -> None:
        # Set here, not when built: the watcher is made before the lock screen is first shown, and the first use of
        # Qt's namespace of enums costs ~12 ms of start-up.
        from PySide6.QtCore import Qt

        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._restart()

    def stop(self) -> None:
        self._timer.stop()
        self._warn.stop()
        self._tick.stop()
        if self.warning:
            self.warning = False
            self.countdown_cleared.emit()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def poke(self) -> None:
        """Someone did something: start the wait again."""
        if self._timer.isActive():
            self._restart()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in input_events():
            self.poke()
        return False

    def _timed_out(self) -> None:
        self.stop()
        self.idle.emit()


class CountdownNotice(QWidget):
    """The warning before an idle lock: a small window on top of whatever is open, never taking the keyboard."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLabel, QVBoxLayout

        super().__init__(
            None,
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus,
        )
        self.setObjectName("lock_countdown")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        self.label = QLabel(self)
        self.label.setObjectName("lock_countdown_text")
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.setAccessibleName("Waymark is about to lock")

    def show_seconds(self, seconds: int, over: QWidget | None) -> None:
        unit = "second" if seconds == 1 else "seconds"
        self.label.setText(
            f"<b>Waymark will lock in {seconds} {unit}</b> because nothing has been typed or clicked.<br>"
            "Move the mouse or press a key to keep working. Anything unfinished is kept safely and offered back "
            "when you unlock."
        )
        self.setAccessibleDescription(self.label.text())
        self.setFixedWidth(self.fontMetrics().averageCharWidth() * 60)
        self.adjustSize()
        if over is not None:
            frame = over.frameGeometry()
            self.move(frame.center().x() - self.width() // 2, frame.top() + 40)
        if not self.isVisible():
            self.show()
