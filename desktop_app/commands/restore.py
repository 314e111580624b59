"""`waymark restore --backup FILE --vault DIR --passphrase-file F`: checked first; the old vault folder is kept."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.commands._common import add_passphrase_argument, read_secret
from desktop_app.commands.init import add_vault_argument, vault_dir_from


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "restore",
        allow_abbrev=False,
        help="restore a vault from a backup file (the current folder is kept, renamed)",
        description="Check a backup completely with a passphrase of that backup, then put it in place. A vault "
        "already in the folder is never overwritten: it is kept beside it as <folder>.before-restore-<time>.",
    )
    parser.add_argument("--backup", required=True, metavar="FILE", help="the backup file (.wmbak)")
    add_vault_argument(parser)
    add_passphrase_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop_app.services import vault as vault_service

    vault_dir = vault_dir_from(args)
    kept = vault_service.restore(Path(args.backup).expanduser(), vault_dir, read_secret(args.passphrase_file))
    print(f"Vault restored in {vault_dir}.")
    if kept is not None:
        print(f"The vault that was there is kept in {kept}.")
    return 0
