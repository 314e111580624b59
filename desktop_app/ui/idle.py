"""Lock the vault after a spell without keyboard or mouse input (DESIGN §5: 5 minutes by default, up to 15)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

MIN_MINUTES, MAX_MINUTES, DEFAULT_MINUTES = 1, 15, 5

# Events that mean someone is at the keyboard. Paint, timer and focus events do not count.
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.InputMethod,
    }
)


def clamp_minutes(minutes: int) -> int:
    return max(MIN_MINUTES, min(MAX_MINUTES, int(minutes)))


class IdleWatcher(QObject):
    """Watches all input to the application; emits ``idle`` once when nothing happened for the interval.

    ``start()`` when the vault unlocks, ``stop()`` when it locks. Tests shorten the wait with ``set_interval_ms``.
    """

    idle = Signal()

    def __init__(self, minutes: int = DEFAULT_MINUTES, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)
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
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        # Set here, not when built: the watcher is made before the lock screen is first shown, and the first use of
        # Qt's namespace of enums costs ~12 ms of start-up.
        from PySide6.QtCore import Qt

        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def poke(self) -> None:
        """Someone did something: start the wait again."""
        if self._timer.isActive():
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self.poke()
        return False

    def _timed_out(self) -> None:
        self.stop()
        self.idle.emit()
