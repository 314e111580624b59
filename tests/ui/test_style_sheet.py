"""How screens look lives in resources/style.qss: no inline style sheets in ui/, and every tone the code gives a widget
is one the sheet defines (a misspelt tone would silently look plain)."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import desktop_app
from desktop_app import paths

UI = Path(desktop_app.__file__).parent / "ui"
TONE_ARGUMENT = {"set_tone": 1, "note": 3, "plain_text": 2}  # where each helper takes its tone


def _trees(ui: Path) -> list[tuple[Path, ast.AST]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(ui.rglob("*.py"))]


def _called(node: ast.Call) -> str:
    return node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")


def inline_style_sheets(ui: Path = UI) -> list[str]:
    """Every setStyleSheet call but the one setting the application's sheet (ui/appearance.py)."""
    return [
        f"{path.relative_to(ui)}:{node.lineno}"
        for path, tree in _trees(ui)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and _called(node) == "setStyleSheet" and path.name != "appearance.py"
    ]


def _strings(node: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value}


def tones_in_code(ui: Path = UI) -> set[str]:
    """The tones given in set_tone / note / plain_text calls and the *_TONE constants they pass."""
    tones: set[str] = set()
    for _path, tree in _trees(ui):
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id.endswith("_TONE") for t in node.targets
            ):
                tones |= _strings(node.value)
            if isinstance(node, ast.Call) and _called(node) in TONE_ARGUMENT:
                position = TONE_ARGUMENT[_called(node)]
                given = [node.args[position]] if len(node.args) > position else []
                given += [k.value for k in node.keywords if k.arg == "tone"]
                for argument in given:
                    tones |= _strings(argument)
    return tones


def tones_in_sheet() -> set[str]:
    return set(re.findall(r'\[tone="([a-z-]+)"\]', paths.resource("style.qss").read_text(encoding="utf-8")))


def test_no_screen_sets_its_own_style_sheet() -> None:
    assert inline_style_sheets() == [], "give the widget a tone or an object name and style it in resources/style.qss"


def test_every_tone_the_screens_use_is_in_the_style_sheet() -> None:
    used = tones_in_code()
    assert {"problem", "hint", "muted", "alert", "verbatim", "urgent-notice", "bold-caution"} <= used
    assert sorted(used - tones_in_sheet()) == []


def test_a_planted_inline_style_and_an_unknown_tone_are_found(tmp_path: Path) -> None:
    copy = tmp_path / "ui"
    shutil.copytree(UI, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "planted.py").write_text(
        'def f(w):\n    w.setStyleSheet("color:red")\n    set_tone(w, "shouting")\n', encoding="utf-8"
    )
    assert inline_style_sheets(copy) == ["planted.py:2"]
    assert tones_in_code(copy) - tones_in_sheet() == {"shouting"}
