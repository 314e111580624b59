"""`waymark screen` end to end: JSON in, JSON out, bad input refused with exit 1 and one sentence."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_app import paths
from desktop_app.cli import main

CASE: dict[str, Any] = {
    "child": {"age": 15, "learning_disability": False, "has_social_worker": False},
    "concern": {"immediate_danger": True, "about_adult_working_with_children": False, "group_or_community": True},
    "answers": {
        "county_lines": {"status": "yes", "when": "current", "basis": "reported", "note": "Found in Doncaster"},
        "exchange_tangible": {"status": "yes", "when": "current", "basis": "disclosed", "note": ""},
        "in_care": {"status": "not_known"},
    },
}


def write(tmp_path: Path, data: Any, name: str = "answers.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def screen(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["screen", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_screen_prints_level_reasons_and_routes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = screen(capsys, "--answers", str(write(tmp_path, CASE)))
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["definition"]["id"] == "sheffield-exploitation-screening"
    assert result["definition"]["version"] == "1"
    assert len(result["definition"]["hash"]) == 64
    assert result["suggested_level"] == "high"
    assert [r["route"] for r in result["routes"]] == ["emergency_999", "safeguarding_hub", "police_101"]
    assert result["routes"][1]["phone"] == "0114 2734855"
    assert any("immediate danger" in reason for reason in result["reasons"])
    assert all(r["why"] for r in result["routes"])


def test_screen_with_a_named_definition(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(write(tmp_path, CASE))
    code, out, _ = screen(capsys, "--answers", path, "--definition", "sheffield-exploitation-screening")
    assert code == 0 and json.loads(out)["suggested_level"] == "high"
    code, _, err = screen(capsys, "--answers", path, "--definition", "leeds-screening")
    assert code == 1
    assert err.startswith("waymark: There is no screening definition 'leeds-screening'")


def test_screen_with_a_definition_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A local authority checks its own definition file before shipping it."""
    text = (paths.forms_dir() / "screening" / "sheffield-exploitation-screening.toml").read_text(encoding="utf-8")
    own = tmp_path / "own.toml"
    own.write_text(text.replace('id = "sheffield-exploitation-screening"', 'id = "own-screening"', 1), "utf-8")
    code, out, _ = screen(capsys, "--answers", str(write(tmp_path, CASE)), "--definition", str(own))
    assert code == 0 and json.loads(out)["definition"]["id"] == "own-screening"


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        ("{not json", "is not JSON: Expecting property name enclosed in double quotes (line 1, column 2)."),
        ({**CASE, "answers": {"wears_hoodie": {"status": "yes"}}}, "name an item 'wears_hoodie'"),
        ({**CASE, "answers": {"county_lines": {"status": "definitely"}}}, "it must be yes, no or not_known."),
        ({"answers": {}}, "The answers file has no 'child' object"),
        ({**CASE, "child": {"age": "15"}}, "'child.age' is \"15\""),
        ({**CASE, "child": {"age": 30}}, "age 30 is not a child's age"),
    ],
)
def test_bad_input_exits_1_with_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: Any, sentence: str
) -> None:
    code, out, err = screen(capsys, "--answers", str(write(tmp_path, content)))
    assert code == 1
    assert out == ""
    assert sentence in err
    assert err.count("\n") == 1 and err.startswith("waymark: ")


def test_missing_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = screen(capsys, "--answers", str(tmp_path / "nowhere.json"))
    assert code == 1 and "does not exist" in err


def test_answers_option_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["screen"])
    assert exit_info.value.code == 2
    assert "--answers" in capsys.readouterr().err


def test_screen_as_a_separate_process(tmp_path: Path) -> None:
    path = write(tmp_path, CASE)
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "screen", "--answers", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["routes"][0]["route"] == "emergency_999"
    bad = subprocess.run(
        [sys.executable, "-m", "desktop_app", "screen", "--answers", "-"],
        input="[]",
        capture_output=True,
        text=True,
        timeout=60,
        encoding="utf-8",
    )
    assert bad.returncode == 1
    assert bad.stderr.strip() == "waymark: The answers file must be a JSON object, not a list."
