"""PDF documents built in memory with ReportLab from domain values (DESIGN §7). No Qt, no database session."""

from __future__ import annotations

from desktop_app.domain.documents import DocumentMeta
from desktop_app.reports.checklist import checklist_pdf
from desktop_app.reports.chronology import chronology_pdf
from desktop_app.reports.encryption import encrypt_pdf, is_encrypted
from desktop_app.reports.quick_reference import quick_reference_pdf
from desktop_app.reports.recovery import recovery_sheet_pdf
from desktop_app.reports.referral import referral_summary_pdf

__all__ = [
    "DocumentMeta",
    "checklist_pdf",
    "chronology_pdf",
    "encrypt_pdf",
    "is_encrypted",
    "quick_reference_pdf",
    "recovery_sheet_pdf",
    "referral_summary_pdf",
]
