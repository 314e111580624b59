"""`waymark demo-data --vault DIR --passphrase-file F --children N --concerns M [--seed S]`: fictional records.

Fills a vault (created first if the folder has none) with reproducible fictional children and concerns at every
stage, written through the same use cases the screens use.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop_app.commands._common import add_passphrase_argument, read_secret


def _positive(text: str) -> int:
    from desktop_app.errors import quote

    if not text.strip().isdigit() or len(text.strip()) > 9:
        raise argparse.ArgumentTypeError(f"{quote(text)} is not a whole number from 0 to 999,999,999")
    return int(text)


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "demo-data",
        allow_abbrev=False,
        help="fill a vault with reproducible fictional children and concerns (for trying Waymark out)",
        description="Add fictional children and concerns at every stage (waiting, screened at each level, referred, "
        "confirmed, closed, with corrections) to a vault. The same seed gives the same records (on the same day). Each "
        "concern's history is dated in the past, as it would have happened: waiting concerns are days old, most "
        "reviews lie ahead and a few are overdue, as are some written confirmations. If the folder has no vault yet, "
        "a demo vault is created with the passphrase given.",
    )
    parser.add_argument("--vault", required=True, metavar="DIR", help="the vault folder")
    add_passphrase_argument(parser)
    parser.add_argument("--children", required=True, type=_positive, metavar="N", help="how many children")
    parser.add_argument("--concerns", required=True, type=_positive, metavar="M", help="how many concerns")
    parser.add_argument("--seed", type=_positive, default=1, metavar="S", help="the same seed gives the same records")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop_app.errors import UserFacingError
    from desktop_app.services import demo
    from desktop_app.services import vault as vault_service

    if args.children < 1:
        raise UserFacingError("Ask for at least one child (--children 1 or more).")
    passphrase = read_secret(args.passphrase_file)
    vault_dir = Path(args.vault)
    if vault_service.vault_exists(vault_dir):
        session = vault_service.unlock(vault_dir, passphrase)
    else:
        created = vault_service.create_vault(vault_dir, demo.DEMO_SETTING, "Demo DSL", passphrase)
        session = created.session
        print(f"Created a demo vault in {vault_dir}. Its recovery key (fictional records only): {created.recovery_key}")
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if interactive:
            print(f"\r{done:,} of {total:,} concerns written", end="", file=sys.stderr, flush=True)

    try:
        summary = demo.fill_demo_data(
            session, children=args.children, concerns=args.concerns, seed=args.seed, progress=progress
        )
    finally:
        session.lock()
    if interactive:
        print(file=sys.stderr)
    stages = ", ".join(f"{count} {stage}" for stage, count in summary.by_stage.items())
    print(f"Added {summary.children} fictional children and {summary.concerns} concerns ({stages}).")
    return 0
