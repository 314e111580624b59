"""What goes into the frozen build and where it goes; read by ``waymark.spec`` and by ``tests/test_packaging.py``.

Plain Python with no PyInstaller import, so the test can check the layout in CI without building anything.
Destinations are relative to ``sys._MEIPASS`` (the ``_internal`` folder beside the executables in a onedir build),
which is where ``desktop_app.paths`` and ``desktop_app.store.migrate`` look when frozen.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (folder in the checkout, folder under sys._MEIPASS). The app reads all three from disk at run time: forms and
# resources through paths.py; the migrations because Alembic loads env.py and each revision as a source file.
DATA_FOLDERS: tuple[tuple[str, str], ...] = (
    ("forms", "forms"),
    ("resources", "resources"),
    ("desktop_app/store/migrations", "desktop_app/store/migrations"),
)
_SKIPPED_DIRS = frozenset({"__pycache__"})
_SKIPPED_SUFFIXES = frozenset({".pyc", ".pyo"})

MIGRATIONS = "desktop_app/store/migrations"

# The Qt modules the app uses (QtSvg: the window icon is an SVG, drawn by the svg icon-engine and image plugins).
QT_MODULES_USED: tuple[str, ...] = (
    "QtCore",
    "QtGui",
    "QtWidgets",
    "QtPrintSupport",
    "QtPdf",
    "QtPdfWidgets",
    "QtSvg",
)
# Everything else PySide6 ships, kept out so the build stays small (and QtNetwork's Python module out, because
# Waymark has no network code; libQt6Network itself stays, as QtPdf links it).
QT_MODULES_EXCLUDED: tuple[str, ...] = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtCharts",
    "QtConcurrent",
    "QtDataVisualization",
    "QtDBus",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLabsStyleKit",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetwork",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdfQuick",
    "QtPositioning",
    "QtQml",
    "QtQmlFeatures",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
)
# Other bindings and tools that could be picked up from the build machine's environment, never used at run time.
OTHER_EXCLUDES: tuple[str, ...] = (
    "tkinter",
    "_tkinter",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "IPython",
    "matplotlib",
    "numpy",
    "pytest",
    "hypothesis",
    "pytestqt",
    "pypdf",
    "mypy",
    "ruff",
    "PyInstaller",
)

# Qt's own translations are left out: the app is English only. Matched against each collected file's destination.
DROPPED_QT_FILES: tuple[str, ...] = ("/translations/",)


# Qt plugins (folder/file name start) that QtGui's hook would collect and Waymark never loads: the GTK theme (it links
# GTK, which a bundle cannot carry safely), and the platforms for embedded boards and remote screens with their
# input and EGL plugins. Kept: xcb, wayland, offscreen and minimal on Linux; windows and direct2d on Windows.
DROPPED_QT_PLUGINS: tuple[str, ...] = (
    "platformthemes/libqgtk3",
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqvnc",
    "platforms/libqvkkhrdisplay",
    "platforms/libqminimalegl",
    "egldeviceintegrations/",
    "generic/",
)


def project_version(root: Path = ROOT) -> str:
    """The version as written once in desktop_app/__init__.py (pyproject.toml reads it from there too)."""
    text = (root / "desktop_app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if match is None:
        raise ValueError("packaging: desktop_app/__init__.py has no __version__ line")
    return match.group(1)


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """Every data file as PyInstaller's ``(source file, destination folder)``, compiled caches left out."""
    result: list[tuple[str, str]] = []
    for source, destination in DATA_FOLDERS:
        base = root / source
        if not base.is_dir():
            raise FileNotFoundError(f"packaging: {base} is missing")
        for path in sorted(base.rglob("*")):
            relative = path.relative_to(base)
            if not path.is_file() or _SKIPPED_DIRS.intersection(relative.parts) or path.suffix in _SKIPPED_SUFFIXES:
                continue
            result.append((str(path), str(Path(destination, *relative.parts[:-1]))))
    return result


def migration_imports(root: Path = ROOT) -> list[str]:
    """Names the migration sources import (modules, or a module's attributes: filter with ``is_module``).

    The migrations are read from disk at run time, so PyInstaller's analysis cannot see what they import.
    """
    names: set[str] = set()
    for path in sorted((root / MIGRATIONS).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return sorted(n for n in names if n.split(".")[0] != "__future__")


def is_module(name: str) -> bool:
    """True when ``name`` is an importable module (build time only: it imports the parent packages)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def excludes() -> list[str]:
    return [f"PySide6.{name}" for name in QT_MODULES_EXCLUDED] + list(OTHER_EXCLUDES)


def keep_plugin(source: str) -> bool:
    """False for a Qt plugin in DROPPED_QT_PLUGINS (``source`` is its path on the build machine)."""
    normalised = source.replace("\\", "/")
    return not any(f"/plugins/{part}" in normalised for part in DROPPED_QT_PLUGINS)


def keep_file(destination: str) -> bool:
    """False for Qt files the build leaves out (see DROPPED_QT_FILES)."""
    normalised = "/" + destination.replace("\\", "/")
    if not normalised.startswith("/PySide6/"):
        return True
    return not any(part in normalised for part in DROPPED_QT_FILES)
