"""`waymark export sharing`: concerns, levels and missing episodes of the children named, over a period, for the
specialist exploitation service (named in forms/). An AES-256 PDF with the CSV inside it, or in the clear only with
--unencrypted (a .csv --out then writes the CSV alone); audited either way."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from desktop_app.errors import UserFacingError


def add_parser(kinds: Any) -> None:
    from desktop_app.commands.export_options import output_arguments, vault_arguments

    sharing: argparse.ArgumentParser = kinds.add_parser(
        "sharing",
        allow_abbrev=False,
        help="data shared with the specialist exploitation service",
        description="Concerns, levels of risk and missing episodes of the children given with --child, over the "
        "period --from to --to (both days included), for the specialist exploitation service named in forms/. "
        "Written as a PDF holding the same rows as a CSV attachment; --unencrypted with a .csv --out writes the CSV.",
    )
    vault_arguments(sharing)
    sharing.add_argument(
        "--child",
        required=True,
        type=int,
        action="append",
        metavar="ID",
        help="a child's Waymark number (repeat for each child)",
    )
    sharing.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help="first day of the period")
    sharing.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD", help="last day of the period")
    output_arguments(sharing, personal=True)
    sharing.set_defaults(handler=run_sharing)


def _day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserFacingError(f"The {what} '{text}' is not a date such as 2026-09-01.") from None


def run_sharing(args: argparse.Namespace) -> int:
    from desktop_app.commands._common import read_secret
    from desktop_app.commands.export_options import out_path, pdf_password
    from desktop_app.commands.init import vault_dir_from
    from desktop_app.services import vault as vault_service
    from desktop_app.services.child import sharing
    from desktop_app.vault.outputs import OutputKind

    start, end = _day(args.start, "first day"), _day(args.end, "last day")
    password = pdf_password(args)
    as_csv = str(args.out).lower().endswith(".csv")
    if password is not None and as_csv:
        raise UserFacingError("An encrypted export is a PDF with the CSV inside it: give an --out ending in .pdf.")
    path = out_path(args, OutputKind.CSV if as_csv else OutputKind.PDF)
    session = vault_service.unlock(vault_dir_from(args), read_secret(args.passphrase_file))
    try:
        export = sharing.build_export(session, args.child, start, end)
        sharing.save_export(session, export, path, password, unencrypted=password is None)
    finally:
        session.lock()
    how = "encrypted with AES-256" if password is not None else "WITHOUT encryption"
    print(
        f"Shared data for {len(export.children)} child{'ren' if len(export.children) != 1 else ''} "
        f"({export.event_count} entries) written to {path} ({how})."
    )
    return 0
