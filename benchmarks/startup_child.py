"""One start for ``startup.py``, run as a script: ``python startup_child.py bare|waymark VAULT``.

Kept apart from the measuring module so that a start loads nothing the measuring needs (``statistics`` and
``subprocess`` cost ~15 ms and would be paid by both kinds, flattening the ratio). Waymark starts as its console
script does: ``desktop_app.__main__`` (and so the command line) is imported before PySide6, then the probe below.
"""

import sys
import time

SHOWN = "benchmark-window-shown"

if sys.argv[1] == "waymark":
    import desktop_app.__main__  # noqa: F401  # the console script's own first import

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


def page_shown(app: QApplication) -> str:
    """The class of the page in the first window (``LockScreen`` when Waymark starts as it should)."""
    for window in app.topLevelWidgets():
        if window.isVisible():
            pages = [type(w).__name__ for w in window.findChildren(QWidget) if type(w).__name__ == "LockScreen"]
            return pages[0] if pages else type(window).__name__
    return "none"


def main(kind: str, vault_dir: str) -> int:
    app = QApplication([sys.argv[0]])
    probe = QTimer()
    probe.setInterval(1)

    def check() -> None:
        if any(window.isExposed() for window in QGuiApplication.topLevelWindows()):
            shown_at = time.time()
            probe.stop()
            print(f"{SHOWN} {shown_at:.6f} {page_shown(app)}", flush=True)
            QTimer.singleShot(0, app.quit)

    probe.timeout.connect(check)
    probe.start()
    if kind == "bare":
        window = QWidget()
        window.setWindowTitle("bare")
        window.show()
        return app.exec()
    from desktop_app.cli import main as waymark

    return waymark(["--vault", vault_dir])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
