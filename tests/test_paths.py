"""Waymark's own folders are the ones platformdirs names, without importing it on the start path (issue 17)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest
from platformdirs.macos import MacOS

from desktop_app import paths

SETTINGS = {"appname": "Waymark", "appauthor": False, "roaming": False}
XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")


def _ours() -> tuple[str, str, str]:
    return str(paths.data_dir()), str(paths.config_dir()), str(paths.log_dir())


@pytest.mark.parametrize(
    "xdg",
    [
        {},
        {"XDG_DATA_HOME": "/srv/data", "XDG_CONFIG_HOME": "/srv/config", "XDG_STATE_HOME": "/srv/state"},
        {"XDG_DATA_HOME": "relative/ignored", "XDG_CONFIG_HOME": "", "XDG_STATE_HOME": " /leading-space"},
    ],
    ids=["defaults", "absolute XDG folders", "relative or empty XDG folders ignored"],
)
def test_the_folders_are_those_platformdirs_names(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, xdg: dict[str, str]
) -> None:
    monkeypatch.delenv("WAYMARK_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in XDG:
        monkeypatch.delenv(name, raising=False)
    for name, value in xdg.items():
        monkeypatch.setenv(name, value)
    theirs = platformdirs.PlatformDirs(**SETTINGS)  # type: ignore[arg-type]
    assert _ours() == (theirs.user_data_dir, theirs.user_config_dir, theirs.user_log_dir)


def test_on_macos_the_folders_are_those_platformdirs_names(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("WAYMARK_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in XDG:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "darwin")
    theirs = MacOS(**SETTINGS)  # type: ignore[arg-type]
    assert _ours() == (theirs.user_data_dir, theirs.user_config_dir, theirs.user_log_dir)
    assert paths.log_dir() == tmp_path / "Library" / "Logs" / "Waymark"


def test_on_windows_the_folders_are_in_local_app_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WAYMARK_HOME", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", "/Users/dsl/AppData/Local")
    local = Path("/Users/dsl/AppData/Local/Waymark")
    assert (paths.data_dir(), paths.config_dir(), paths.log_dir()) == (local, local, local / "Logs")


def test_waymark_home_overrides_every_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WAYMARK_HOME", str(tmp_path))
    assert _ours() == (str(tmp_path / "data"), str(tmp_path / "config"), str(tmp_path / "logs"))


def test_platformdirs_is_not_imported_to_find_the_folders() -> None:
    code = "import sys; from desktop_app import paths; paths.log_dir(); print('platformdirs' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
