"""`waymark backup --vault DIR --passphrase-file F --out FILE`: one encrypted backup file, written atomically."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.commands._common import add_passphrase_argument, read_secret
from desktop_app.commands.init import add_vault_argument, vault_dir_from


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "backup",
        allow_abbrev=False,
        help="write one encrypted backup file of the vault",
        description="Write the encrypted database, key slots, audit anchor and sealed inbox items to one file. "
        "The file is as well protected as the vault: it opens only with a passphrase or the recovery key.",
    )
    add_vault_argument(parser)
    add_passphrase_argument(parser)
    parser.add_argument("--out", required=True, metavar="FILE", help="the backup file to write (.wmbak)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop_app.services import vault as vault_service
    from desktop_app.vault.outputs import OutputKind, check_output_path

    # Before the unlock: a bad path costs no passphrase. A missing folder is made, as before.
    out = check_output_path(Path(args.out), OutputKind.BACKUP, make_folder=True)
    session = vault_service.unlock(vault_dir_from(args), read_secret(args.passphrase_file))
    try:
        path = session.backup(out)
    finally:
        session.lock()
    print(f"Backup written to {path}.")
    return 0
