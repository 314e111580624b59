"""Start to lock screen against a bare PySide6 window, in the same run (DESIGN §9: at most 1.5 times as long).

Each start is a new Python process on the offscreen platform. The clock runs from just before the process is
started to the moment its first top-level window is exposed (shown), which the child reports with a wall-clock time;
the app itself is not changed. The child notices the exposure with a 1 ms timer that asks Qt whether any top-level
window is exposed, the same probe for both kinds. (An application-wide Python event filter, the obvious probe, is
not neutral: PySide wraps every object and event it sees, ~25 ms more for the app's many widgets than for one bare
window.)
Both kinds run with their bytecode cached (a warm-up start writes it), as in the installed app.
Waymark starts through its real entry point (``desktop_app.cli.main``) on the scale vault, so it shows the lock
screen; the bare start makes a ``QApplication`` and shows one empty ``QWidget``. Runs alternate between the two.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

SHOWN = "benchmark-window-shown"


def _child(kind: str, vault_dir: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([sys.argv[0]])
    probe = QTimer()
    probe.setInterval(1)

    def check() -> None:
        if any(window.isExposed() for window in QGuiApplication.topLevelWindows()):
            shown_at = time.time()
            probe.stop()
            print(f"{SHOWN} {shown_at:.6f} {_page_shown(app)}", flush=True)
            QTimer.singleShot(0, app.quit)

    probe.timeout.connect(check)
    probe.start()
    if kind == "bare":
        window = QWidget()
        window.setWindowTitle("bare")
        window.show()
        return app.exec()
    from desktop_app.cli import main

    return main(["--vault", vault_dir])


def _page_shown(app: Any) -> str:
    """The class of the page in the first window (``LockScreen`` when Waymark starts as it should)."""
    for window in app.topLevelWidgets():
        if window.isVisible():
            pages = [type(w).__name__ for w in window.findChildren(object) if type(w).__name__ == "LockScreen"]
            return pages[0] if pages else type(window).__name__
    return "none"


def _one_start(kind: str, vault_dir: Path, pycache: Path) -> tuple[float, str]:
    # Bytecode cached as an installed app has it (PyInstaller ships .pyc), kept out of the source tree.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(pycache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.time()
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.startup", "--child", kind, str(vault_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    for line in completed.stdout.splitlines():
        if line.startswith(SHOWN):
            _tag, when, page = line.split(" ", 2)
            return (float(when) - started) * 1000, page
    raise RuntimeError(f"the {kind} start showed no window (exit {completed.returncode}): {completed.stderr[-2000:]}")


def compare(vault_dir: Path, repeat: int) -> dict[str, Any]:
    """Milliseconds from process start to first window shown, for each kind, alternating; and the ratio of medians."""
    times: dict[str, list[float]] = {"bare": [], "waymark": []}
    pages: set[str] = set()
    pycache = vault_dir.parent / "pycache"
    _one_start("bare", vault_dir, pycache)  # warm the OS file cache and write the bytecode
    _one_start("waymark", vault_dir, pycache)
    for _ in range(repeat):
        for kind in times:
            elapsed, page = _one_start(kind, vault_dir, pycache)
            times[kind].append(elapsed)
            if kind == "waymark":
                pages.add(page)
    return {
        "ms": times,
        "ratio": statistics.median(times["waymark"]) / statistics.median(times["bare"]),
        "waymark_page": sorted(pages),
    }


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        sys.exit(_child(sys.argv[2], sys.argv[3]))
    print(compare(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 5))
