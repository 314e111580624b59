"""Helpers shared by subcommands: reading secrets without argv, writing files atomically."""

from __future__ import annotations

import argparse
import sys

from desktop_app.errors import UserFacingError, quote

# The largest id SQLite stores (a signed 64-bit integer); a longer number is a mistake, never a record.
MAX_RECORD_ID = 2**63 - 1
_MAX_SECRET_FILE = 64 * 1024


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
            with open(path, "rb") as handle:
                raw = handle.read(_MAX_SECRET_FILE + 1)
        except OSError as error:
            raise UserFacingError(f"Could not read the {what} file {quote(path)}: {error.strerror}.") from None
        if len(raw) > _MAX_SECRET_FILE:
            raise UserFacingError(
                f"The {what} file {quote(path)} is far too large to hold a {what}; give the file "
                f"that holds only the {what} on its first line."
            )
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UserFacingError(
                f"The {what} file {quote(path)} is not UTF-8 text; save it as UTF-8 (plain text) and try again."
            ) from None
    else:
        if sys.stdin is None or sys.stdin.closed:
            raise UserFacingError(f"No {what} given: use --{what.replace(' ', '-')}-file or standard input.")
        if sys.stdin.isatty():  # typed at a terminal: never echoed on the screen (or into a terminal's scrollback)
            import getpass

            text = getpass.getpass(f"{what.capitalize()}: ")
        else:
            try:
                text = sys.stdin.readline(_MAX_SECRET_FILE)
            except UnicodeDecodeError:
                raise UserFacingError(f"The {what} given on standard input is not UTF-8 text.") from None
    secret = text.splitlines()[0] if text else ""
    if not secret:
        raise UserFacingError(f"The {what} is empty.")
    return secret


def record_id(text: str, what: str) -> int:
    """A record's number typed on the command line: digits only, within what the database can hold."""
    value = text.strip()
    if not value.isdigit() or not value.isascii() or len(value) > 19 or int(value) > MAX_RECORD_ID or int(value) < 1:
        raise UserFacingError(f"{quote(text)} is not a {what} number: give the number Waymark shows (1, 2, 3…).")
    return int(value)
