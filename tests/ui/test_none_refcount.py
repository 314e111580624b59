"""A long working day of Qt calls must not crash the app (PySide6 6.12 on Python 3.11 loses references to None)."""

from __future__ import annotations

import subprocess
import sys

CALLS = 200_000  # far more than the ~5,000 that aborted a bare process before the guard


def test_many_qt_calls_do_not_abort_the_app() -> None:
    script = (
        "import desktop_app.ui\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication(['waymark', '-platform', 'offscreen'])\n"
        "label = QLabel()\n"
        f"for _ in range({CALLS}): label.setText('')\n"
        "print('still running')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "still running"


def test_many_signals_carrying_true_or_false_do_not_abort_the_app() -> None:
    """Emitting a signal from Python loses a reference to the bool it carries ("deallocating True or False")."""
    script = (
        "import desktop_app.ui\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "class Sender(QObject):\n"
        "    done = Signal(bool)\n"
        "sender = Sender()\n"
        "sender.done.connect(lambda ok: None)\n"
        f"for number in range({CALLS}): sender.done.emit(number % 2 == 0)\n"
        "print('still running')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "still running"
