"""`waymark export referral | checklist | chronology`: a document as a PDF file (DESIGN §8).

Documents with personal data are written AES-256 encrypted with the password in ``--pdf-password-file``, or in the
clear only with ``--unencrypted``; either way the save is audited with the document id. The blank checklist holds
no personal data and needs no vault.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from desktop_app.commands._common import record_id
from desktop_app.commands.export_options import (
    export_from_vault,
    out_path,
    output_arguments,
    pdf_password,
    report_written,
    vault_arguments,
)
from desktop_app.errors import UserFacingError, quote

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession


def _child_id(text: str) -> int:
    try:
        return record_id(text, "child")
    except UserFacingError as error:
        raise argparse.ArgumentTypeError(error.sentence) from None


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export",
        allow_abbrev=False,
        help="write a document (referral summary, checklist, chronology) as a PDF file",
        description="Write a document as a PDF file. Documents about a child are encrypted (AES-256) with the "
        "password in --pdf-password-file unless --unencrypted is given; every export is recorded in the audit log.",
    )
    kinds = parser.add_subparsers(dest="document", metavar="DOCUMENT", required=True)

    referral = kinds.add_parser(
        "referral",
        allow_abbrev=False,
        help="the referral summary of one concern",
        description="The referral summary of one concern for the social worker or the Safeguarding Hub.",
    )
    vault_arguments(referral)
    referral.add_argument(
        "--concern", required=True, metavar="ID", help="the concern's number or reference (e.g. 42 or WM-2026-00042)"
    )
    output_arguments(referral, personal=True)
    referral.set_defaults(handler=run_referral)

    chronology = kinds.add_parser(
        "chronology",
        allow_abbrev=False,
        help="the chronology of one child",
        description="Every concern, screening, referral and amendment of one child, oldest first.",
    )
    vault_arguments(chronology)
    chronology.add_argument("--child", required=True, type=_child_id, metavar="ID", help="the child's Waymark number")
    output_arguments(chronology, personal=True)
    chronology.set_defaults(handler=run_chronology)

    checklist = kinds.add_parser(
        "checklist",
        allow_abbrev=False,
        help="the setting obligations checklist",
        description="The setting obligations checklist from forms/. --blank prints it "
        "empty, for the staff room or a governors' meeting; it needs no vault.",
    )
    checklist.add_argument("--blank", action="store_true", required=True, help="the blank checklist")
    checklist.add_argument("--setting", metavar="NAME", default="", help="the setting's name to print on each page")
    output_arguments(checklist, personal=False)
    checklist.set_defaults(handler=run_checklist)

    quick = kinds.add_parser(
        "quick-reference",
        allow_abbrev=False,
        help="the staff 'what to do' quick reference, one A4 page for the staff-room wall",
        description="The staff 'what to do' quick reference with the DSL, deputies, CE Lead and the local numbers, "
        "one A4 page. It holds no child's details, so it is written without encryption unless a password is given.",
    )
    vault_arguments(quick)
    output_arguments(quick, personal=False)
    quick.set_defaults(handler=run_quick_reference)

    from desktop_app.commands import export_audit

    export_audit.add_parsers(kinds, vault_arguments, output_arguments)
    from desktop_app.commands import drop_kit, export_sharing, transfer

    export_sharing.add_parser(kinds)
    transfer.add_export_parser(kinds)
    drop_kit.add_export_parser(kinds)


def run_referral(args: argparse.Namespace) -> int:
    from desktop_app.domain.documents import DocumentKind
    from desktop_app.services import casework, documents
    from desktop_app.services.setting import about

    def render(session: VaultSession) -> tuple[bytes, str, str]:
        made = documents.render_referral_summary(session, casework.concern_id_from(session, args.concern))
        gaps = about.missing_sentence(session.setting)  # said once the summary exists, not before a refusal
        if gaps:
            print(f"waymark: warning: {gaps}", file=sys.stderr)
        return made

    return export_from_vault(args, render, "Referral summary", DocumentKind.REFERRAL_SUMMARY)


def run_quick_reference(args: argparse.Namespace) -> int:
    from desktop_app.domain.documents import DocumentKind
    from desktop_app.services import documents

    args.unencrypted = args.unencrypted or not args.pdf_password_file  # no child's details: clear unless asked
    return export_from_vault(args, documents.render_quick_reference, "Quick reference", DocumentKind.QUICK_REFERENCE)


def run_chronology(args: argparse.Namespace) -> int:
    from desktop_app.domain.documents import DocumentKind
    from desktop_app.services import documents

    def render(session: VaultSession) -> tuple[bytes, str, str]:
        return documents.render_chronology(session, args.child)

    return export_from_vault(args, render, "Chronology", DocumentKind.CHRONOLOGY)


def run_checklist(args: argparse.Namespace) -> int:
    from desktop_app.domain.records import Setting
    from desktop_app.reports import encrypt_pdf
    from desktop_app.services import documents
    from desktop_app.vault import atomic

    password = pdf_password(args)
    path = out_path(args)
    if len(args.setting) > 200:
        raise UserFacingError(f"The setting's name {quote(args.setting)} is too long (at most 200 characters).")
    pdf, document_id, _title = documents.render_blank_checklist(Setting(name=args.setting.strip()))
    atomic.write_bytes(path, encrypt_pdf(pdf, password) if password is not None else pdf)
    return report_written("Blank obligations checklist", document_id, path, password)
