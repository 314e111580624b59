"""Per-machine preferences, read before the lock screen shows: a missing or damaged file gives the defaults."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import settings
from desktop_app.settings import Preferences


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WAYMARK_HOME", str(tmp_path))
    return tmp_path


def _file(home: Path) -> Path:
    return home / "config" / settings.SETTINGS_FILE


def test_without_a_file_the_defaults_are_used(home: Path) -> None:
    assert settings.load() == Preferences()


def test_what_was_saved_is_read_back(home: Path) -> None:
    settings.save(Preferences().with_zoom(130)._replace(idle_lock_minutes=9))
    assert settings.load() == Preferences(zoom_percent=130, idle_lock_minutes=9)


@pytest.mark.parametrize("content", [b"not json at all", b"\xff\xfe\x00 not text", b"[1, 2]", b'"a string"'])
def test_a_damaged_file_gives_the_defaults(home: Path, content: bytes) -> None:
    _file(home).parent.mkdir(parents=True, exist_ok=True)
    _file(home).write_bytes(content)
    assert settings.load() == Preferences()


def test_reading_the_defaults_does_not_load_json(home: Path) -> None:
    """Most computers have no settings file; reading the defaults must not cost the JSON modules at start-up."""
    script = "import sys\nfrom desktop_app import settings\nsettings.load()\nprint('json' in sys.modules)\n"
    env = {"WAYMARK_HOME": str(home), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
