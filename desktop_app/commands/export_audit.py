"""`waymark export audit --year 2026-27` and `waymark export governors-report --year 2026-27` (DESIGN §11).

Same conventions as every export: the passphrase from a file or standard input, the PDF AES-256 encrypted with
``--pdf-password-file`` or in the clear only with ``--unencrypted``, and the save recorded in the audit log.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

Arguments = Callable[[argparse.ArgumentParser], None]
Outputs = Callable[[argparse.ArgumentParser, bool], None]


def add_parsers(kinds: Any, vault_arguments: Arguments, output_arguments: Outputs) -> None:
    audit = kinds.add_parser(
        "audit",
        allow_abbrev=False,
        help="the year's audit of the setting's duties",
        description="The annual audit of the setting's duties for one academic year (September to August): a summary "
        "and the action plan on page 1, every obligation's status, evidence and action, and the sign-off.",
    )
    vault_arguments(audit)
    audit.add_argument("--year", required=True, metavar="YYYY-YY", help="the academic year, e.g. 2026-27")
    output_arguments(audit, True)
    audit.set_defaults(handler=run_audit)

    report = kinds.add_parser(
        "governors-report",
        allow_abbrev=False,
        help="the governors' report for an academic year (counts only, no child named)",
        description="The governors' report for one academic year: counts of concerns, levels of risk, routes, "
        "referrals and missing episodes month by month, the audit's status and actions, and training figures. "
        "No child is named; counts from 1 to 4 are shown as 'fewer than 5'.",
    )
    vault_arguments(report)
    report.add_argument("--year", required=True, metavar="YYYY-YY", help="the academic year, e.g. 2026-27")
    output_arguments(report, True)
    report.set_defaults(handler=run_governors_report)


def run_audit(args: argparse.Namespace) -> int:
    from desktop_app.commands.export_options import export_from_vault
    from desktop_app.domain.audit import AcademicYear
    from desktop_app.domain.documents import DocumentKind
    from desktop_app.services.audit import documents

    year = AcademicYear.parse(args.year)  # a bad year is refused before the passphrase is used

    def render(session: VaultSession) -> tuple[bytes, str, str]:
        return documents.render_audit(session, year)

    return int(export_from_vault(args, render, f"Annual audit {year}", DocumentKind.CHECKLIST))


def run_governors_report(args: argparse.Namespace) -> int:
    from desktop_app.commands.export_options import export_from_vault
    from desktop_app.domain.audit import AcademicYear
    from desktop_app.domain.documents import DocumentKind
    from desktop_app.services.audit import documents

    year = AcademicYear.parse(args.year)

    def render(session: VaultSession) -> tuple[bytes, str, str]:
        return documents.render_governors_report(session, year)

    return int(export_from_vault(args, render, f"Governors' report {year}", DocumentKind.GOVERNORS_REPORT))
