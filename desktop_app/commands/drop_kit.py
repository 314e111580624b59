"""`waymark export drop-kit` and `waymark record --drop-kit KIT --to FOLDER`: recording on a computer without the vault.

With ``--concern FILE.json`` the concern is sealed from the file (IT staff, tests); without it the staff wizard opens.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.commands._common import add_passphrase_argument, read_secret
from desktop_app.commands.init import add_vault_argument, vault_dir_from
from desktop_app.errors import UserFacingError


def add_export_parser(kinds: Any) -> None:
    parser: argparse.ArgumentParser = kinds.add_parser(
        "drop-kit",
        allow_abbrev=False,
        help="a drop kit, so staff can record concerns on other computers",
        description="Write a drop kit: the vault's public intake key, the setting's name and public numbers and the "
        "forms' fingerprint, signed. It holds no secret and no personal data.",
    )
    add_vault_argument(parser)
    add_passphrase_argument(parser)
    parser.add_argument("--out", required=True, metavar="KIT", help="the drop kit file to write (.wmdropkit)")
    parser.set_defaults(handler=run_export)


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "record",
        allow_abbrev=False,
        help="record a concern on a computer without the vault, with a drop kit",
        description="Record a concern with a drop kit and seal it into a folder the DSL collects from (a USB stick "
        "or a shared folder). Without --concern the staff wizard opens.",
    )
    parser.add_argument("--drop-kit", required=True, metavar="KIT", help="the drop kit from the DSL")
    parser.add_argument("--to", required=True, metavar="FOLDER", help="the folder to write the sealed concern into")
    parser.add_argument("--concern", metavar="FILE.json", help="the concern as JSON (the fields of a concern)")
    parser.set_defaults(handler=run_record)


def run_export(args: argparse.Namespace) -> int:
    from desktop_app.services import vault as vault_service
    from desktop_app.services.dropkit import kit
    from desktop_app.vault.outputs import OutputKind, check_output_path

    out = check_output_path(args.out, OutputKind.DROP_KIT)
    session = vault_service.unlock(vault_dir_from(args), read_secret(args.passphrase_file))
    try:
        made = kit.export_kit(session, out)
    finally:
        session.lock()
    print(f"Drop kit for {made.setting_name} written to {out} (key {made.key_id}). It holds no secret.")
    return 0


def run_record(args: argparse.Namespace) -> int:
    from desktop_app.services.dropkit import record

    if args.concern is None:  # cli opens the recorder's window instead of calling this
        raise UserFacingError("Give --concern FILE, or leave it out to record in a window.")
    reference = record.record_from_file(Path(args.drop_kit), Path(args.to), Path(args.concern))
    print(
        f"Concern sealed into {args.to}. Its reference is {reference}: give it to the DSL. Nobody on this "
        "computer can read it back."
    )
    return 0
