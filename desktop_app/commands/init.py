"""`waymark init --vault DIR --setting NAME --user NAME --passphrase-file F --recovery-sheet OUT.pdf`.

The referrer's details a social worker calls back (optional, and none of them secret): ``--dsl-role``,
``--dsl-phone``, ``--dsl-email``, ``--address``, ``--setting-phone``. Checked before anything is created.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from desktop_app.commands._common import add_passphrase_argument, read_secret


def add_vault_argument(parser: argparse.ArgumentParser) -> None:
    """``--vault DIR`` after the command (``waymark --vault DIR COMMAND`` works too); default: the usual vault."""
    parser.add_argument(
        "--vault", metavar="DIR", default=argparse.SUPPRESS, help="the vault folder (default: Waymark's usual one)"
    )


def vault_dir_from(args: argparse.Namespace) -> Path:
    from desktop_app import paths

    given = getattr(args, "vault", None)
    return Path(given).expanduser() if given else paths.default_vault_dir()


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "init",
        allow_abbrev=False,
        help="set up a new vault with its first DSL and write the recovery sheet",
        description="Create a new encrypted vault, its first Designated Safeguarding Lead and a recovery key. The "
        "recovery sheet (PDF) holds the key: print it, keep it in the safe, then delete the file.",
    )
    add_vault_argument(parser)
    parser.add_argument("--setting", required=True, metavar="NAME", help="the school's or college's name")
    parser.add_argument("--user", required=True, metavar="NAME", help="the first DSL's name")
    details = parser.add_argument_group("who a social worker calls back (printed on referral summaries)")
    details.add_argument(
        "--dsl-role",
        default="",
        metavar="ROLE",
        help="the DSL's role as it should print, e.g. 'Designated Safeguarding Lead'",
    )
    details.add_argument("--dsl-phone", default="", metavar="NUMBER", help="the DSL's direct telephone")
    details.add_argument("--dsl-email", default="", metavar="ADDRESS", help="the DSL's email address")
    details.add_argument(
        "--address",
        default="",
        metavar="TEXT",
        help="the setting's postal address (lines separated by commas or new lines)",
    )
    details.add_argument("--setting-phone", default="", metavar="NUMBER", help="the setting's main telephone")
    add_passphrase_argument(parser)
    parser.add_argument("--recovery-sheet", required=True, metavar="OUT.pdf", help="where to write the recovery sheet")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop_app.domain.records import Setting
    from desktop_app.errors import UserFacingError, quote
    from desktop_app.services import vault as vault_service
    from desktop_app.services.setting import about
    from desktop_app.services.vault.recovery_sheet import write_sheet
    from desktop_app.vault.outputs import OutputKind, OutputRefused, check_output_path

    vault_dir = vault_dir_from(args)
    try:
        sheet = check_output_path(args.recovery_sheet, OutputKind.PDF)
    except OutputRefused as refused:
        raise UserFacingError(f"{refused.sentence} Nothing was set up.") from None
    vault_root = vault_dir.expanduser().resolve()
    if sheet.parent == vault_root or vault_root in sheet.parents:
        raise UserFacingError("The recovery sheet must be written outside the vault folder; nothing was set up.")
    if not os.access(sheet.parent, os.W_OK):
        raise UserFacingError(f"The recovery sheet cannot be written in {quote(sheet.parent)}; nothing was set up.")
    setting = about.apply(
        Setting(name=args.setting),
        about.AboutSetting(
            name=args.setting,
            address=args.address.replace(", ", "\n"),
            phone=args.setting_phone,
            dsl_name=args.user,
            dsl_role=args.dsl_role,
            dsl_phone=args.dsl_phone,
            dsl_email=args.dsl_email,
        ),
    )
    passphrase = read_secret(args.passphrase_file)
    created = vault_service.create_vault(vault_dir, setting, args.user, passphrase)
    session = created.session
    try:
        try:
            write_sheet(session, created.recovery_key, sheet)
        except UserFacingError as error:
            print(
                f"waymark: {error.sentence} The vault was created; write this recovery key down now and keep it "
                f"in the safe: {created.recovery_key}",
                file=sys.stderr,
            )
            return 1
    finally:
        session.lock()
    print(
        f"Vault created in {vault_dir}. Recovery sheet written to {sheet}: print it, keep it in the safe, "
        "then delete the file."
    )
    gaps = about.missing_sentence(setting)
    if gaps:
        print(f"waymark: note: {gaps}", file=sys.stderr)
    return 0
