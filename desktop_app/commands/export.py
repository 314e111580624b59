"""`waymark export referral | checklist | chronology`: a document as a PDF file (DESIGN §8).

Documents with personal data are written AES-256 encrypted with the password in ``--pdf-password-file``, or in the
clear only with ``--unencrypted``; either way the save is audited with the document id. The blank checklist holds
no personal data and needs no vault.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from desktop_app.commands._common import add_passphrase_argument, read_secret, record_id
from desktop_app.commands.init import add_vault_argument, vault_dir_from
from desktop_app.errors import UserFacingError, quote


def _child_id(text: str) -> int:
    try:
        return record_id(text, "child")
    except UserFacingError as error:
        raise argparse.ArgumentTypeError(error.sentence) from None


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export", allow_abbrev=False,
        help="write a document (referral summary, checklist, chronology) as a PDF file",
        description="Write a document as a PDF file. Documents about a child are encrypted (AES-256) with the "
        "password in --pdf-password-file unless --unencrypted is given; every export is recorded in the audit log.",
    )
    kinds = parser.add_subparsers(dest="document", metavar="DOCUMENT", required=True)

    referral = kinds.add_parser(
        "referral", allow_abbrev=False,
        help="the referral summary of one concern",
        description="The referral summary of one concern for the social worker or the Safeguarding Hub.",
    )
    _vault_arguments(referral)
    referral.add_argument(
        "--concern", required=True, metavar="ID", help="the concern's number or reference (e.g. 42 or WM-2026-00042)"
    )
    _output_arguments(referral, personal=True)
    referral.set_defaults(handler=run_referral)

    chronology = kinds.add_parser(
        "chronology", allow_abbrev=False,
        help="the chronology of one child",
        description="Every concern, screening, referral and amendment of one child, oldest first.",
    )
    _vault_arguments(chronology)
    chronology.add_argument("--child", required=True, type=_child_id, metavar="ID", help="the child's Waymark number")
    _output_arguments(chronology, personal=True)
    chronology.set_defaults(handler=run_chronology)

    checklist = kinds.add_parser(
        "checklist", allow_abbrev=False,
        help="the setting obligations checklist",
        description="The setting obligations checklist from forms/. --blank prints it "
        "empty, for the staff room or a governors' meeting; it needs no vault.",
    )
    checklist.add_argument("--blank", action="store_true", required=True, help="the blank checklist")
    checklist.add_argument("--setting", metavar="NAME", default="", help="the setting's name to print on each page")
    _output_arguments(checklist, personal=False)
    checklist.set_defaults(handler=run_checklist)

    from desktop_app.commands import export_audit

    export_audit.add_parsers(kinds, _vault_arguments, _output_arguments)
    from desktop_app.commands import export_sharing

    export_sharing.add_parser(kinds)


def _vault_arguments(parser: argparse.ArgumentParser) -> None:
    add_vault_argument(parser)
    add_passphrase_argument(parser)


def _output_arguments(parser: argparse.ArgumentParser, personal: bool) -> None:
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


def _out_path(args: argparse.Namespace) -> Path:
    from desktop_app.vault.outputs import OutputKind, check_output_path

    return check_output_path(args.out, OutputKind.PDF)


def _pdf_password(args: argparse.Namespace) -> str | None:
    from desktop_app.reports.encryption import MIN_PASSWORD_LENGTH

    if args.unencrypted or not args.pdf_password_file:
        return None
    password = read_secret(args.pdf_password_file, "pdf password")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserFacingError(f"The password for the PDF must have at least {MIN_PASSWORD_LENGTH} characters.")
    return password


def _report(what: str, document_id: str, path: Path, password: str | None) -> int:
    how = "encrypted with AES-256" if password is not None else "WITHOUT encryption"
    print(f"{what} {document_id} written to {path} ({how}).")
    return 0


def _export_from_vault(args: argparse.Namespace, render: Any, what: str, kind: str) -> int:
    from desktop_app.services import documents
    from desktop_app.services import vault as vault_service
    password = _pdf_password(args)  # read before unlocking: a missing password file should not cost an unlock
    path = _out_path(args)
    session = vault_service.unlock(vault_dir_from(args), read_secret(args.passphrase_file))
    try:
        pdf, document_id, _title = render(session)
        documents.save_pdf(session, pdf, path, password, document_id, kind=kind, unencrypted=password is None)
    finally:
        session.lock()
    return _report(what, document_id, path, password)


def run_referral(args: argparse.Namespace) -> int:
    from desktop_app.domain.documents import DocumentKind
    from desktop_app.services import documents
    def render(session: Any) -> tuple[bytes, str, str]:
        return documents.render_referral_summary(session, _concern_id(session, args.concern))

    return _export_from_vault(args, render, "Referral summary", DocumentKind.REFERRAL_SUMMARY)


def _concern_id(session: Any, given: str) -> int:
    text = given.strip()
    if text.isdigit():
        return record_id(text, "concern")
    if len(text) > 40 or not re.fullmatch(r"[A-Za-z]+-\d{4}-\d+", text):
        raise UserFacingError(f"{quote(given)} is not a concern number or reference such as WM-2026-00042.")
    with session.uow() as uow:
        return int(uow.concerns.by_reference(text).concern_id)  # RecordNotFound says which reference is missing


def run_chronology(args: argparse.Namespace) -> int:
    from desktop_app.domain.documents import DocumentKind
    from desktop_app.services import documents
    def render(session: Any) -> tuple[bytes, str, str]:
        return documents.render_chronology(session, args.child)

    return _export_from_vault(args, render, "Chronology", DocumentKind.CHRONOLOGY)


def run_checklist(args: argparse.Namespace) -> int:
    from desktop_app.domain.records import Setting
    from desktop_app.reports import encrypt_pdf
    from desktop_app.services import documents
    from desktop_app.vault import atomic

    password = _pdf_password(args)
    path = _out_path(args)
    if len(args.setting) > 200:
        raise UserFacingError(f"The setting's name {quote(args.setting)} is too long (at most 200 characters).")
    pdf, document_id, _title = documents.render_blank_checklist(Setting(name=args.setting.strip()))
    atomic.write_bytes(path, encrypt_pdf(pdf, password) if password is not None else pdf)
    return _report("Blank obligations checklist", document_id, path, password)
