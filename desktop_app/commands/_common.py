"""Helpers shared by subcommands: reading secrets without argv, writing files atomically."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.errors import UserFacingError


def add_passphrase_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="F",
        help="file holding the passphrase on its first line ('-' or absent: read standard input)",
    )


def read_secret(path: str | None, what: str = "passphrase") -> str:
    """Read a secret from a file's first line, or from standard input; never from argv."""
    if path and path != "-":
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as error:
            raise UserFacingError(f"Could not read the {what} file {path}: {error.strerror}.") from None
    else:
        if sys.stdin is None or sys.stdin.closed:
            raise UserFacingError(f"No {what} given: use --{what.replace(' ', '-')}-file or standard input.")
        if sys.stdin.isatty():  # typed at a terminal: never echoed on the screen (or into a terminal's scrollback)
            import getpass

            text = getpass.getpass(f"{what.capitalize()}: ")
        else:
            text = sys.stdin.readline()
    secret = text.splitlines()[0] if text else ""
    if not secret:
        raise UserFacingError(f"The {what} is empty.")
    return secret
