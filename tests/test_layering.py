"""The import contract holds for the whole tree, and fails on a planted bad import (in a copy, never in the tree)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import desktop_app
from tests import layering

SOURCE = Path(desktop_app.__file__).parent

# Cycles that exist today and are being broken (issue 10); the list may only shrink.
KNOWN_CYCLES: list[list[str]] = [
    # the child file's entry points (ui/child/__init__) and the pages that navigate back through them
    ["desktop_app.ui.child", "desktop_app.ui.child.children", "desktop_app.ui.child.file"],
]


def test_every_top_level_package_has_a_place_in_the_layers() -> None:
    assert layering.unplaced(SOURCE) == []


def test_no_import_goes_against_the_layers() -> None:
    assert layering.layer_breaks(SOURCE) == []


def test_no_modules_import_each_other() -> None:
    found = layering.cycles(layering.import_graph(SOURCE))
    assert [cycle for cycle in found if cycle not in KNOWN_CYCLES] == [], (
        "modules that import each other: import a thing from the module that defines it, move what both need into a "
        "module of its own, or pass a callback (see docs/CONTRACTS.md, Seams)"
    )
    assert [cycle for cycle in KNOWN_CYCLES if cycle not in found] == [], "a known cycle is gone: drop it from the list"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of desktop_app/ to plant bad imports in."""
    target = tmp_path / "desktop_app"
    shutil.copytree(SOURCE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def _plant(source: Path, module: str, line: str) -> None:
    path = source.joinpath(*module.split(".")).with_suffix(".py")
    if not path.exists():
        path = path.with_suffix("") / "__init__.py"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n\ndef _planted() -> None:\n    " + line + "\n", encoding="utf-8")


def _new_breaks(source: Path) -> list[str]:
    before = set(layering.layer_breaks(SOURCE))
    return [problem for problem in layering.layer_breaks(source) if problem not in before]


@pytest.mark.parametrize(
    ("module", "line", "why"),
    [
        ("domain.enums", "from desktop_app.services import casework", "domain is below services"),
        ("store.uow", "from desktop_app.ui import ask", "store is below ui"),
        ("errors", "from desktop_app.domain import enums", " is below domain"),
        ("screening.engine", "from PySide6 import QtWidgets", "PySide6 belongs in ui only"),
        ("services.documents", "import sqlalchemy", "sqlalchemy belongs in store only"),
        ("ui.labels", "from desktop_app.store import uow", "ui never imports store"),
        ("commands.export", "from desktop_app.ui import ask", "commands and ui are independent"),
    ],
)
def test_a_planted_import_against_the_layers_is_named(copy: Path, module: str, line: str, why: str) -> None:
    _plant(copy, module, line)
    [problem] = _new_breaks(copy)
    assert problem.startswith(f"desktop_app.{module}:") and problem.endswith(why)


def test_a_planted_cycle_is_found(copy: Path) -> None:
    before = layering.cycles(layering.import_graph(copy))
    (copy / "domain" / "alpha.py").write_text("from desktop_app.domain import beta\n", encoding="utf-8")
    (copy / "domain" / "beta.py").write_text("from desktop_app.domain.gamma import X\n", encoding="utf-8")
    (copy / "domain" / "gamma.py").write_text(
        "import typing\nif typing.TYPE_CHECKING:\n    from desktop_app.domain.alpha import Y\n", encoding="utf-8"
    )
    after = layering.cycles(layering.import_graph(copy))
    assert [cycle for cycle in after if cycle not in before] == [
        ["desktop_app.domain.alpha", "desktop_app.domain.beta", "desktop_app.domain.gamma"]
    ]


def test_tables_registered_by_store_models_are_not_a_cycle_but_anything_more_is(copy: Path) -> None:
    before = layering.cycles(layering.import_graph(copy))
    (copy / "store" / "models_thing.py").write_text("from desktop_app.store.models import Base\n", encoding="utf-8")
    _plant(copy, "store.models", "from desktop_app.store import models_thing")
    assert layering.cycles(layering.import_graph(copy)) == before
    _plant(copy, "store.models_thing", "from desktop_app.store import uow")
    _plant(copy, "store.uow", "from desktop_app.store import models_thing")
    assert [cycle for cycle in layering.cycles(layering.import_graph(copy)) if cycle not in before] == [
        ["desktop_app.store.models_thing", "desktop_app.store.uow"]
    ]


def test_a_new_top_level_package_must_be_given_a_layer(copy: Path) -> None:
    (copy / "audit").mkdir()
    (copy / "audit" / "__init__.py").write_text("", encoding="utf-8")
    assert layering.unplaced(copy) == ["audit"]


def test_relative_imports_are_read_as_the_module_they_name(copy: Path) -> None:
    _plant(copy, "vault.kdf", "from ..services import vault")
    [problem] = _new_breaks(copy)
    assert "imports desktop_app.services.vault" in problem and problem.endswith("vault is below services")


# Where a unit of work, repository or session parameter must be typed against the real class.
TYPED_SEAMS = ("services", "commands", "ui")


def test_no_unit_of_work_repository_or_session_parameter_is_typed_any() -> None:
    assert layering.loose_seams(SOURCE, TYPED_SEAMS) == []


def test_a_planted_loose_seam_is_named(copy: Path) -> None:
    (copy / "services" / "planted.py").write_text(
        "from typing import Any, Protocol\n\n\nclass Session(Protocol):\n    pass\n\n\n"
        "def count(uow: Any, limit: int) -> int:\n    return limit\n\n\n"
        "def show(session, repository: object) -> None:\n    pass\n",
        encoding="utf-8",
    )
    assert layering.loose_seams(copy, TYPED_SEAMS) == [
        "desktop_app.services.planted:4 defines a Protocol stand-in Session",
        "desktop_app.services.planted:8 count(uow: Any)",
        "desktop_app.services.planted:12 show(session: untyped)",
        "desktop_app.services.planted:12 show(repository: object)",
    ]


def test_a_planted_loose_session_in_ui_is_named(copy: Path) -> None:
    (copy / "ui" / "planted.py").write_text(
        "from typing import Any\n\n\nclass Page:\n"
        "    def __init__(self, session: Any, host: Any = None) -> None:\n"
        "        self._session: Any | None = session\n\n\n"
        "def backup_now(host: Any, _session: object) -> None:\n    pass\n",
        encoding="utf-8",
    )
    assert sorted(layering.loose_seams(copy, TYPED_SEAMS)) == [
        "desktop_app.ui.planted:5 __init__(session: Any)",
        "desktop_app.ui.planted:6 self._session: Any | None",
        "desktop_app.ui.planted:9 backup_now(_session: object)",
    ]
