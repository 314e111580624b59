"""`waymark import-sealed --from FOLDER`: collect concerns sealed with a drop kit, and import them into the vault."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.commands._common import add_passphrase_argument, read_secret
from desktop_app.commands.init import add_vault_argument, vault_dir_from


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "import-sealed",
        allow_abbrev=False,
        help="import concerns sealed with a drop kit from a folder",
        description="Collect every concern sealed for this vault in FOLDER and import it: against the child on file "
        "with the same name and date of birth, else as a new child. Files for another vault are left where they are.",
    )
    add_vault_argument(parser)
    add_passphrase_argument(parser)
    parser.add_argument("--from", dest="folder", required=True, metavar="FOLDER", help="the drop folder")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop_app.services import vault as vault_service
    from desktop_app.services.dropkit import collect

    session = vault_service.unlock(vault_dir_from(args), read_secret(args.passphrase_file))
    try:
        collected = collect.collect(session, Path(args.folder))
        references = collect.import_collected(session, collected.moved)
    finally:
        session.lock()
    print(collected.summary())
    if references:
        print("Imported: " + ", ".join(references) + ".")
    return 1 if collected.refused else 0
