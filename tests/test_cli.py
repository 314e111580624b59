"""The command line skeleton: version, help, bad usage."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "passphrase" in result.stdout.lower()


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--demo"],
        ["--debug", "--vault", "/tmp/v"],
        ["--vault=/tmp/v", "--debug"],
        ["--vault", "screen"],
        ["--vault", ""],
    ],
)
def test_starting_the_window_reads_the_same_options_without_the_commands(argv: list[str]) -> None:
    """A plain start skips argparse (start-up time) but reads its options exactly as the full parser does."""
    from desktop_app.cli import build_parser, window_options

    assert window_options(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["verify"],
        ["--help"],
        ["--version"],
        ["--vault"],
        ["--vault", "--demo"],
        ["--vault", "x", "init"],
        ["--dem"],
        ["--vault", "x", "extra"],
    ],
)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    from desktop_app.cli import only_starts_the_window

    assert not only_starts_the_window(argv)


def test_a_plain_start_imports_no_command_module(tmp_path: Path) -> None:
    code = (
        "import sys; from desktop_app.ui import app; app.run_gui = lambda args: print(args.vault, args.command) or 0; "
        "from desktop_app.cli import main; code = main(['--vault', 'somewhere', '--debug']); "
        "print(sorted(m for m in sys.modules if m.startswith('desktop_app.commands.'))); sys.exit(code)"
    )
    env = {**os.environ, "WAYMARK_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["somewhere None", "[]"]


def test_the_log_file_is_moved_aside_when_full_keeping_five_old_ones(tmp_path: Path) -> None:
    """The log the command line and the window write (``log.configure``) never grows past its limit."""
    import logging

    from desktop_app import log

    path = log.configure(log_dir=tmp_path)
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_waymark", False))
    assert isinstance(handler, log.RotatingLogFile)
    assert (handler.max_bytes, handler.backups) == (1_000_000, 5)
    handler.max_bytes = 2_000  # the same code, reached sooner
    probe = logging.getLogger("desktop_app.test_rotation")
    try:
        for number in range(400):
            probe.info("line %s of the rotation test, padded to a steady length ............", number)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["waymark.log", *(f"waymark.log.{n}" for n in range(1, 6))]
    assert all((tmp_path / name).stat().st_size < 2_000 for name in names)
    newest, previous = path.read_text(encoding="utf-8"), (tmp_path / "waymark.log.1").read_text(encoding="utf-8")
    assert "line 399 " in newest and "line 399 " not in previous
    assert int(previous.rsplit("line ", 1)[1].split()[0]) + 1 == int(newest.split("line ", 1)[1].split()[0])


def test_an_error_escaping_the_window_is_logged_without_its_message_not_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop_app import log, paths
    from desktop_app.ui import app

    marker = "Tamsin Quillfeather said ZOË-7f3a"

    def fails(_args: object) -> int:
        raise ValueError(f"could not show {marker}")

    monkeypatch.setattr(app, "run_gui", fails)
    assert main([]) == 1
    err = capsys.readouterr().err
    assert marker not in err and "Traceback" not in err and "something went wrong" in err
    text = (paths.log_dir() / log.LOG_FILE_NAME).read_text(encoding="utf-8")
    assert marker not in text and "ValueError (message withheld)" in text
