"""Secrets for the command line: from a file or standard input, and never echoed when typed at a terminal."""

from __future__ import annotations

import io

import pytest

from desktop_app.commands._common import read_secret


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_passphrase_typed_at_a_terminal_is_read_without_echo(monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass

    asked: list[str] = []
    monkeypatch.setattr("sys.stdin", Terminal("echoed if read from here\n"))
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": asked.append(prompt) or "typed without echo")
    assert read_secret(None) == "typed without echo"
    assert asked == ["Passphrase: "]


def test_a_passphrase_piped_in_is_read_from_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("plum orchard lantern by the canal\nnext line\n"))
    assert read_secret("-") == "plum orchard lantern by the canal"


@pytest.mark.parametrize(
    "command",
    [
        ["export", "referral", "--concern", "1", "--out", "x.pdf", "--unencrypted"],
        ["export", "chronology", "--child", "1", "--out", "x.pdf", "--unencrypted"],
        ["demo-data", "--vault", "v", "--children", "1", "--concerns", "1"],
        ["verify"],
        ["backup", "--out", "x.wmbak"],
    ],
)
def test_no_command_takes_a_passphrase_on_its_command_line_even_abbreviated(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """``--passphrase S`` must be bad usage (exit 2), not taken as ``--passphrase-file`` and S read as a file name."""
    from desktop_app.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--passphrase", "plum orchard lantern by the canal"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err
