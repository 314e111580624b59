"""The command line skeleton: version, help, bad usage."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop_app import __version__
from desktop_app.cli import main


def test_version_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"Waymark {__version__}"


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["no-such-command"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_python_dash_m_works() -> None:
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--help"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0
    assert "passphrase" in result.stdout.lower()
