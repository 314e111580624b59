"""`waymark export transfer` and `waymark import-transfer`: a child's file to a new setting, and from an old one.

The transfer password is read from a file (never argv); give it to the receiving DSL by telephone.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.commands._common import add_passphrase_argument, read_secret
from desktop_app.commands.init import add_vault_argument, vault_dir_from


def add_export_parser(kinds: Any) -> None:
    """``export transfer`` (registered by commands/export.py under its own subcommands)."""
    parser: argparse.ArgumentParser = kinds.add_parser(
        "transfer",
        allow_abbrev=False,
        help="a child's file as an encrypted transfer package for a new setting",
        description="Write one child's file (records, amendments, chronology) as an encrypted transfer package, and "
        "log the transfer. The password (from --pdf-password-file) goes to the receiving DSL by telephone.",
    )
    add_vault_argument(parser)
    add_passphrase_argument(parser)
    parser.add_argument("--child", required=True, type=int, metavar="ID", help="the child's Waymark number")
    parser.add_argument("--out", required=True, metavar="FILE", help="the transfer file to write (.wmtransfer)")
    parser.add_argument(
        "--pdf-password-file",
        required=True,
        metavar="P",
        help="file holding the transfer password on its first line (at least 10 characters)",
    )
    parser.add_argument(
        "--pdf",
        metavar="FILE.pdf",
        help="also write the whole file as one PDF, encrypted with the same password, for a setting without Waymark",
    )
    parser.add_argument("--to-setting", required=True, metavar="NAME", help="the setting the child is moving to")
    parser.add_argument("--to-person", default="", metavar="NAME", help="the receiving DSL")
    parser.add_argument("--method", default="", metavar="TEXT", help="how the file is sent")
    parser.set_defaults(handler=run_export)


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "import-transfer",
        allow_abbrev=False,
        help="import a transfer package from another setting",
        description="Import a child's file sent by another setting. It is kept exactly as sent, against the child "
        "on file with the same name and date of birth, or a new child; nothing is imported if anything is wrong.",
    )
    add_vault_argument(parser)
    add_passphrase_argument(parser)
    parser.add_argument("--file", required=True, metavar="FILE", help="the transfer file (.wmtransfer)")
    parser.add_argument(
        "--password-file", required=True, metavar="P", help="file holding the transfer password on its first line"
    )
    parser.add_argument(
        "--child",
        type=int,
        metavar="ID",
        help="the child on file to add it to (default: the child with the same name and date of "
        "birth, else a new child)",
    )
    parser.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace) -> int:
    from desktop_app.services import vault as vault_service
    from desktop_app.services.transfer import send
    from desktop_app.vault.outputs import OutputKind, check_output_path

    password = read_secret(args.pdf_password_file, "pdf password")
    out = check_output_path(args.out, OutputKind.TRANSFER)
    pdf = check_output_path(args.pdf, OutputKind.PDF) if args.pdf else None
    details = send.TransferOut(args.to_setting, args.to_person, args.method, date.today())
    send.check_details(details)
    session = vault_service.unlock(vault_dir_from(args), read_secret(args.passphrase_file))
    try:
        sent = send.export_transfer(session, args.child, out, password, details, pdf_out=pdf)
    finally:
        session.lock()
    also = f" and {pdf}" if pdf else ""
    print(
        f"Transfer file for child {args.child} written to {out}{also} (encrypted). Give the password to the "
        f"receiving DSL by telephone; receipt is awaited (transfer {sent.entry.transfer_id})."
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    from desktop_app.services import vault as vault_service
    from desktop_app.services.intake.import_items import ExistingChild, NewChild
    from desktop_app.services.transfer import receive

    password = read_secret(args.password_file, "password")
    session = vault_service.unlock(vault_dir_from(args), read_secret(args.passphrase_file))
    try:
        choice: ExistingChild | NewChild
        if args.child is not None:
            choice = ExistingChild(args.child)
        else:
            incoming = receive.preview(session, Path(args.file), password)
            child = incoming.contents.child
            same = [
                c
                for c in incoming.suggestions
                if c.details.date_of_birth == child.date_of_birth
                and (c.details.first_name, c.details.last_name) == (child.first_name, child.last_name)
            ]
            choice = ExistingChild(same[0].child_id) if len(same) == 1 and child.date_of_birth else NewChild()
        kept = receive.import_transfer(session, Path(args.file), password, choice)
    finally:
        session.lock()
    added = "a new child" if isinstance(choice, NewChild) else "the child on file"
    print(f"Imported the file from {kept.from_setting} into child {kept.child_id}'s file ({added}).")
    return 0
