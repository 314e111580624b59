"""`waymark verify --vault DIR --passphrase-file F`: exit 0 when the vault is sound, 1 with a report when not."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.commands._common import add_passphrase_argument, read_secret
from desktop_app.commands.init import add_vault_argument, vault_dir_from


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "verify",
        allow_abbrev=False,
        help="check the vault's encryption, structure and audit trail",
        description="Check every encrypted page, the database structure, the whole audit trail and its anchor. "
        "Exit 0 when all is sound, 1 when a problem is found (the report says which).",
    )
    add_vault_argument(parser)
    add_passphrase_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop_app.services import vault as vault_service

    report = vault_service.verify(vault_dir_from(args), read_secret(args.passphrase_file))
    print(report.text())
    return 0 if report.ok else 1
