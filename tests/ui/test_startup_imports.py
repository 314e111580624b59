"""What loads before the lock screen is first shown (issue 17: start to lock screen ≤ 1.3× a bare window).

The start path runs in a fresh ``python -X importtime`` process; every import Python reports before the first window is
exposed is checked against what the lock screen may need. The same harness, given a module to plant on the start path,
shows that the check fails when something heavy creeps in.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.ui.test_lock_screen import MadeVault, make_vault

# Libraries the lock screen does not need: the ORM and its driver, PDFs, validation, key derivation; platformdirs
# (``desktop_app.paths`` names the same folders itself, a fifth of Waymark's own start-up time saved).
HEAVY_LIBRARIES = frozenset(
    {
        "platformdirs",
        "sqlalchemy",
        "sqlcipher3",
        "alembic",
        "reportlab",
        "pikepdf",
        "pypdf",
        "pydantic",
        "cryptography",
        "argon2",
        "holidays",
        "phonenumbers",
        "email_validator",
    }
)
# Light, but not needed for the first paint: each costs its own import and, after PySide6, a read of its source by
# PySide's import hook. Hashing (and the random numbers of temporary file names) are for the wait after wrong
# passphrases, read from the vault's record on this computer just after the first paint; the None guard of
# ``ui._none_refcount`` needs only ctypes' C core (``_ctypes``), not the package; and JSON is read only when a settings
# file exists (these starts have none, as on most computers).
NOT_BEFORE_FIRST_PAINT = frozenset({"hashlib", "hmac", "secrets", "ctypes", "json"})
# The lock screen's own use cases, loaded before its first show; today it needs none (it reads two small files itself).
LOCK_SCREEN_SERVICES: frozenset[str] = frozenset()
SHOWN = "waymark-first-show"

_HARNESS = f"""
import desktop_app.__main__  # the console script's first import, before PySide6
import desktop_app.ui  # where the real start first loads PySide6 (run_gui's module is in this package)
import enum, sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

built = []
_create = enum.EnumType._create_
def _spy(cls, class_name, names=None, *args, **kwargs):
    built.append(class_name)
    if class_name == "Type" and any(pair[0] == "MouseButtonPress" for pair in names or ()):
        built.append("QEvent.Type")
    return _create(cls, class_name, names, *args, **kwargs)
enum.EnumType._create_ = _spy

late_reads = []  # modules whose source PySide's import hook read on the start path
_feature = sys.modules["shibokensupport.feature"]
_uses_pyside = _feature._mod_uses_pyside
def _read(module):
    late_reads.append(getattr(module, "__name__", "?"))
    return _uses_pyside(module)
_feature._mod_uses_pyside = _read

app = QApplication([sys.argv[0]])
probe = QTimer()
probe.setInterval(1)
def check():
    if any(window.isExposed() for window in QGuiApplication.topLevelWindows()):
        probe.stop()
        pages = [type(w).__name__ for w in app.allWidgets() if type(w).__name__ == "LockScreen"]
        qt_namespace = "built" if "GlobalColor" in built else "-"
        event_types = "built" if "QEvent.Type" in built else "-"
        print("{SHOWN}", ",".join(pages) or "-", qt_namespace, event_types, ",".join(late_reads) or "-",
              file=sys.stderr, flush=True)
        QTimer.singleShot(0, app.quit)
probe.timeout.connect(check)
probe.start()
if len(sys.argv) > 2:  # a planted import on the start path, to show the check can fail
    planted = sys.argv[2]
    if planted == "Qt":
        from PySide6.QtCore import Qt
    elif planted == "QEvent":
        from PySide6.QtCore import QEvent
    elif planted == "import hook":  # PySide's hook put back after the screens' package took it out
        import builtins
        builtins.__import__ = builtins.__feature_import__
    else:
        __import__(planted)  # the import statement's path: importlib.import_module is not timed by -X importtime
from desktop_app.cli import main
sys.exit(main(["--vault", sys.argv[1]]))
"""


@dataclass
class StartReport:
    pages: str  # the lock screen's class name when it was shown
    qt_namespace: str  # "built" when Qt's namespace of enums was built before the first show
    event_types: str  # "built" when QEvent's enum of ~180 event types was built before the first show
    source_reads: list[str]  # modules whose source PySide's import hook read on the start path
    before: list[str]  # modules imported before the first show


def start_path_report(vault_folder: Path, home: Path, planted: str | None = None) -> StartReport:
    """What one real start did before its window was first shown."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WAYMARK_HOME": str(home)}
    args = [sys.executable, "-X", "importtime", "-c", _HARNESS, str(vault_folder), *([planted] if planted else [])]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, check=False)
    before: list[str] = []
    for line in done.stderr.splitlines():
        if line.startswith(SHOWN):
            _tag, pages, qt_namespace, event_types, reads = line.split(" ")
            return StartReport(pages, qt_namespace, event_types, [] if reads == "-" else reads.split(","), before)
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":  # the header line
                before.append(name)
    raise AssertionError(f"no window was shown (exit {done.returncode}): {done.stderr[-2000:]}")


# Our own packages the lock screen does not need: the ORM models and engine, use cases, documents, forms, commands, the
# settings screens (the lock screen's passphrase field is in ``ui.labels``), the auto-lock (built at the first unlock);
# and the wait after wrong passphrases (``vault.passphrase`` and the record on this computer it reads), read after the
# first paint.
_TOO_EARLY_PREFIXES = (
    "desktop_app.store",
    "desktop_app.reports",
    "desktop_app.definitions",
    "desktop_app.commands",
    "desktop_app.ui.settings",
    "desktop_app.ui.idle",
    "desktop_app.vault.passphrase",
    "desktop_app.vault.witness",
)


def too_early(modules: list[str]) -> list[str]:
    """The modules of ``modules`` that must not load before the lock screen is shown."""
    found = {
        name
        for name in modules
        if name.split(".")[0] in HEAVY_LIBRARIES | NOT_BEFORE_FIRST_PAINT
        or name.startswith(_TOO_EARLY_PREFIXES)
        or (name.startswith("desktop_app.services.") and name not in LOCK_SCREEN_SERVICES)
    }
    return sorted(found)


@pytest.fixture
def vault(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> MadeVault:
    return make_vault(tmp_path / "vault", tmp_path_factory.mktemp("templates"))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def test_the_lock_screen_is_shown_before_anything_heavy_is_imported(vault, home) -> None:
    report = start_path_report(vault.folder, home)
    assert report.pages == "LockScreen"
    assert "desktop_app.ui.lock_screen" in report.before, "the report reads the start path's imports"
    assert too_early(report.before) == [], (
        f"imported before the lock screen was first shown: {too_early(report.before)}"
    )
    assert report.qt_namespace == "-", "Qt's namespace of ~100 enums was built before the first show (import Qt lazily)"
    assert report.event_types == "-", "QEvent's ~180 event types were built before the first show (import it lazily)"
    assert report.source_reads == [], f"PySide's import hook read the source of {report.source_reads}"


@pytest.mark.parametrize(
    "planted",
    [
        "platformdirs",
        "sqlalchemy",
        "reportlab",
        "pikepdf",
        "desktop_app.store.models",
        "desktop_app.services.casework",
        "desktop_app.vault.witness",
        "hashlib",
    ],
)
def test_the_check_fails_on_a_planted_heavy_import(vault, home, planted: str) -> None:
    report = start_path_report(vault.folder, home, planted)
    assert report.pages == "LockScreen"
    flagged = too_early(report.before)
    assert any(name == planted or name.startswith(planted + ".") for name in flagged), flagged


def test_the_check_fails_when_qt_enums_are_built_before_the_first_show(vault, home) -> None:
    assert start_path_report(vault.folder, home, "Qt").qt_namespace == "built"


def test_the_check_fails_when_event_types_are_built_before_the_first_show(vault, home) -> None:
    assert start_path_report(vault.folder, home, "QEvent").event_types == "built"


def test_the_check_fails_when_pysides_import_hook_reads_the_screens_sources(vault, home) -> None:
    reads = start_path_report(vault.folder, home, "import hook").source_reads
    assert "desktop_app.ui.lock_screen" in reads and "desktop_app.ui.main_window" in reads, reads


def test_no_module_selects_a_pyside_feature() -> None:
    """Waymark takes PySide's ``__feature__`` import hook out (``desktop_app.ui``): no module may rely on it."""
    root = Path(__file__).resolve().parents[2]
    users = [
        str(path.relative_to(root))
        for folder in ("desktop_app", "tests", "benchmarks")
        for path in (root / folder).rglob("*.py")
        if re.search(r"^\s*(from __feature__ import|import __feature__)", path.read_text(encoding="utf-8"), re.M)
    ]
    assert users == []
