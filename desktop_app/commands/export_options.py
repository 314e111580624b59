"""The options every `waymark export` kind shares: the vault and its passphrase, the PDF file and its protection."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.commands._common import add_passphrase_argument, read_secret
from desktop_app.commands.init import add_vault_argument, vault_dir_from
from desktop_app.errors import UserFacingError

if TYPE_CHECKING:
    from desktop_app.vault.outputs import OutputKind


def vault_arguments(parser: argparse.ArgumentParser) -> None:
    add_vault_argument(parser)
    add_passphrase_argument(parser)


def output_arguments(parser: argparse.ArgumentParser, personal: bool) -> None:
    parser.add_argument("--out", required=True, metavar="FILE", help="the PDF file to write")
    protection = parser.add_mutually_exclusive_group(required=personal)
    protection.add_argument(
        "--pdf-password-file",
        metavar="P",
        help="file holding the password for the PDF on its first line (at least 8 characters)",
    )
    protection.add_argument(
        "--unencrypted",
        action="store_true",
        help="write the PDF without encryption: anyone who gets the file can read it",
    )


def out_path(args: argparse.Namespace, kind: OutputKind | None = None) -> Path:
    """``--out`` checked: never inside a vault folder, through a link, over a file of another kind, or a folder."""
    from desktop_app.vault.outputs import OutputKind, check_output_path

    return check_output_path(args.out, kind or OutputKind.PDF)


def pdf_password(args: argparse.Namespace) -> str | None:
    from desktop_app.reports.encryption import MIN_PASSWORD_LENGTH

    if args.unencrypted or not args.pdf_password_file:
        return None
    password = read_secret(args.pdf_password_file, "pdf password")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserFacingError(f"The password for the PDF must have at least {MIN_PASSWORD_LENGTH} characters.")
    return password


def report_written(what: str, document_id: str, path: Path, password: str | None) -> int:
    how = "encrypted with AES-256" if password is not None else "WITHOUT encryption"
    print(f"{what} {document_id} written to {path} ({how}).")
    return 0


def export_from_vault(args: argparse.Namespace, render: Any, what: str, kind: str) -> int:
    """Unlock, render one document, save it (audited), lock; print where it went."""
    from desktop_app.services import documents
    from desktop_app.services import vault as vault_service

    password = pdf_password(args)  # read before unlocking: a missing password file should not cost an unlock
    path = out_path(args)
    session = vault_service.unlock(vault_dir_from(args), read_secret(args.passphrase_file))
    try:
        pdf, document_id, _title = render(session)
        documents.save_pdf(session, pdf, path, password, document_id, kind=kind, unencrypted=password is None)
    finally:
        session.lock()
    return report_written(what, document_id, path, password)
