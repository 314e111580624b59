"""Start to lock screen against a bare PySide6 window, in the same run (issue 17: at most 1.3 times as long).

Each start is a new Python process on the offscreen platform, running ``startup_child.py`` as a script, which loads
nothing but PySide6 and, for Waymark, Waymark itself (the measuring module's own imports would be paid by both kinds
and flatten the ratio). The clock runs from just before the process is started to the moment its first top-level
window is exposed (shown), which the child reports with a wall-clock time; the app itself is not changed. The child
notices the exposure with a 1 ms timer that asks Qt whether any top-level window is exposed, the same probe for both
kinds. (An application-wide Python event filter, the obvious probe, is not neutral: PySide wraps every object and
event it sees, ~25 ms more for the app's many widgets than for one bare window.)
Both kinds run with their bytecode cached (a warm-up start writes it), as in the installed app.
Waymark starts as its console script does: ``desktop_app.__main__`` imported first, then ``desktop_app.cli.main`` on
the scale vault, so it shows the lock screen; the bare start makes a ``QApplication`` and shows one empty
``QWidget``. Starts alternate, bare then Waymark; the figure is the median of the pairs' ratios.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

CHILD = Path(__file__).with_name("startup_child.py")
SHOWN = "benchmark-window-shown"  # the line the child prints, as startup_child.SHOWN


def _one_start(kind: str, vault_dir: Path, pycache: Path) -> tuple[float, str]:
    # Bytecode cached as an installed app has it (PyInstaller ships .pyc), kept out of the source tree.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(pycache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.time()
    completed = subprocess.run(
        [sys.executable, str(CHILD), kind, str(vault_dir)],
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


def compare(vault_dir: Path, pairs: int) -> dict[str, Any]:
    """Milliseconds from process start to first window shown, for each kind, in alternating pairs.

    The ratio is the median of each pair's ratio (Waymark's start over the bare start just before it): a machine whose
    speed drifts with other work (a shared CI runner) slows both starts of a pair alike, where a ratio of the two
    kinds' medians would compare starts made at different moments."""
    times: dict[str, list[float]] = {"bare": [], "waymark": []}
    pages: set[str] = set()
    pycache = vault_dir.parent / "pycache"
    _one_start("bare", vault_dir, pycache)  # warm the OS file cache and write the bytecode
    _one_start("waymark", vault_dir, pycache)
    for _ in range(pairs):
        for kind in times:
            elapsed, page = _one_start(kind, vault_dir, pycache)
            times[kind].append(elapsed)
            if kind == "waymark":
                pages.add(page)
    return {
        "ms": times,
        "ratio": statistics.median(w / b for b, w in zip(times["bare"], times["waymark"], strict=True)),
        "waymark_page": sorted(pages),
    }


if __name__ == "__main__":
    print(compare(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 5))
