"""The frozen build's layout (packaging/waymark_layout.py, used by packaging/waymark.spec), checked without building.

A file the app reads at run time but the spec does not ship is a build that starts on the developer's machine and
fails on the school's laptop; these tests catch that in CI.
"""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import inspect
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
from alembic.script import ScriptDirectory

import desktop_app
from desktop_app import paths
from desktop_app.definitions import load_forms
from desktop_app.store import migrate

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "waymark.spec"

# Modules allowed to find files beside their own source; each such folder must be in DATA_FOLDERS.
MODULES_READING_BESIDE_THEMSELVES = {"desktop_app/paths.py", "desktop_app/store/migrate.py"}


def _load_layout() -> ModuleType:
    spec = importlib.util.spec_from_file_location("waymark_layout", PACKAGING / "waymark_layout.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


layout = _load_layout()


def _checkout_relative(path: Path) -> str:
    return path.resolve().relative_to(ROOT).as_posix()


def _install_folders_from_paths() -> set[str]:
    """Every folder paths.py's public functions point into the checkout (the others are user data folders)."""
    found = set()
    for name, function in inspect.getmembers(paths, inspect.isfunction):
        if name.startswith("_") or function.__module__ != paths.__name__:
            continue
        required = [
            p
            for p in inspect.signature(function).parameters.values()
            if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]
        if required:
            continue
        result = function()
        if isinstance(result, Path) and result.resolve().is_relative_to(ROOT):
            found.add(_checkout_relative(result))
    return found


@pytest.fixture
def checkout_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.delenv("WAYMARK_FORMS", raising=False)


def test_every_folder_the_app_reads_at_run_time_is_shipped_where_the_frozen_app_looks(checkout_paths: None) -> None:
    read_at_run_time = _install_folders_from_paths() | {_checkout_relative(migrate.MIGRATIONS_DIR)}
    assert read_at_run_time == {"forms", "resources", "desktop_app/store/migrations"}
    shipped = dict(layout.DATA_FOLDERS)
    for folder in read_at_run_time:
        # paths.py puts sys._MEIPASS where the checkout root was, and migrate.py finds its folder beside its own
        # module, which PyInstaller places at the same relative path under sys._MEIPASS: so each lands unchanged.
        assert shipped.get(folder) == folder, f"{folder} is read at run time but not shipped at _MEIPASS/{folder}"


def test_no_other_module_reads_files_beside_its_own_source() -> None:
    """A new module that finds data through __file__ or importlib.resources needs its folder added to the spec."""
    readers = set()
    for path in (ROOT / "desktop_app").rglob("*.py"):
        relative = _checkout_relative(path)
        if relative.startswith("desktop_app/store/migrations/"):
            continue
        text = path.read_text(encoding="utf-8")
        if "__file__" in text or "importlib.resources" in text or "importlib_resources" in text:
            readers.add(relative)
    assert readers == MODULES_READING_BESIDE_THEMSELVES, (
        "add the folder it reads to packaging/waymark_layout.DATA_FOLDERS, then to this test's list"
    )


def test_the_data_list_holds_every_file_of_each_folder_and_no_compiled_cache() -> None:
    listed = {(Path(destination) / Path(source).name).as_posix() for source, destination in layout.data_files()}
    for source, destination in layout.DATA_FOLDERS:
        for path in (ROOT / source).rglob("*"):
            relative = path.relative_to(ROOT / source)
            if path.is_file() and "__pycache__" not in relative.parts and path.suffix != ".pyc":
                assert f"{destination}/{relative.as_posix()}" in listed
    assert not [name for name in listed if "__pycache__" in name or name.endswith(".pyc")]
    for needed in (
        "resources/common-passwords.txt",
        "resources/style.qss",
        "resources/icons/waymark.svg",
        "resources/fonts/DejaVuSans.ttf",
        "resources/fonts/wqy-microhei.ttc",
        "desktop_app/store/migrations/env.py",
    ):
        assert needed in listed
    # Alembic reads the revisions as source files: every one must be shipped as .py.
    for revision in (ROOT / "desktop_app/store/migrations/versions").glob("*.py"):
        assert f"desktop_app/store/migrations/versions/{revision.name}" in listed


def _lay_out_like_the_spec(bundle: Path) -> None:
    for source, destination in layout.data_files():
        target = bundle / destination
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target / Path(source).name)


def test_paths_find_forms_and_resources_in_a_frozen_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "_internal"
    _lay_out_like_the_spec(bundle)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.delenv("WAYMARK_FORMS", raising=False)

    assert paths.resources_dir() == bundle / "resources"
    assert paths.forms_dir() == bundle / "forms"
    assert paths.resource("style.qss").is_file()
    assert paths.resource("icons", "waymark.svg").is_file()
    assert paths.resource("fonts", "DejaVuSans.ttf").is_file()
    assert paths.resource("common-passwords.txt").stat().st_size > 0
    forms = load_forms(paths.forms_dir())
    assert forms.screening(None).sections, "the bundled screening definition loads and has sections"


def test_alembic_finds_every_revision_in_a_frozen_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "_internal"
    _lay_out_like_the_spec(bundle)
    # Frozen, store/migrate.py's __file__ is _MEIPASS/desktop_app/store/migrate.pyc; MIGRATIONS_DIR is beside it.
    frozen_module = bundle / Path(migrate.__file__).resolve().relative_to(ROOT)
    frozen_migrations = frozen_module.parent / migrate.MIGRATIONS_DIR.name
    script = ScriptDirectory(str(frozen_migrations))
    assert script.get_current_head() == migrate.head()
    assert [r.revision for r in reversed(list(script.walk_revisions()))] == migrate.revisions()
    assert (frozen_migrations / "env.py").is_file()


def _qt_modules_imported_by_the_app() -> set[str]:
    found = set()
    for path in (ROOT / "desktop_app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            found.update(n.split(".")[1] for n in names if n.startswith("PySide6.Qt"))
    return found


def test_the_build_ships_every_qt_module_the_app_imports_and_excludes_none_of_them() -> None:
    imported = _qt_modules_imported_by_the_app()
    assert imported, "the scan found the app's Qt imports"
    assert imported <= set(layout.QT_MODULES_USED), "a newly used Qt module: add it to QT_MODULES_USED"
    assert not imported & set(layout.QT_MODULES_EXCLUDED)
    assert not set(layout.QT_MODULES_USED) & set(layout.QT_MODULES_EXCLUDED)
    assert {
        "PySide6.QtWebEngineCore",
        "PySide6.QtQml",
        "PySide6.QtQuick",
        "PySide6.QtMultimedia",
        "PySide6.QtNetwork",
    } <= set(layout.excludes())


def test_the_build_leaves_out_test_tools_and_the_qt_pieces_it_does_not_need() -> None:
    # The fast test-only key derivation is allowed only while pytest is loaded: a build without pytest never has it.
    assert {"pytest", "hypothesis", "pytestqt"} <= set(layout.excludes())
    assert not layout.keep_file("PySide6/Qt/translations/qtbase_de.qm")
    assert layout.keep_file("PySide6/Qt/lib/libQt6Core.so.6")
    assert layout.keep_file("resources/fonts/DejaVuSans.ttf")
    assert not layout.keep_plugin("/venv/PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert layout.keep_plugin("/venv/PySide6/Qt/plugins/platforms/libqxcb.so")
    assert layout.keep_plugin("C:\\venv\\PySide6\\plugins\\platforms\\qwindows.dll")
    assert layout.keep_plugin("/venv/PySide6/Qt/plugins/iconengines/libqsvgicon.so")


def test_the_spec_ships_the_version_the_icon_and_both_executables() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    assert "layout.data_files()" in spec and "layout.excludes()" in spec
    assert 'name="Waymark"' in spec and 'name="waymark-cli"' in spec
    assert (PACKAGING / "windows" / "waymark.ico").is_file()
    assert layout.project_version() == importlib.metadata.version("waymark") == desktop_app.__version__
    installer = (PACKAGING / "windows" / "waymark.iss").read_text(encoding="utf-8")
    assert "{autopf}\\Waymark" in installer and "PrivilegesRequired=admin" in installer
    assert "LOCALAPPDATA" in installer and "NOT been deleted" in installer
