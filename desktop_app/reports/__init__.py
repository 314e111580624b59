"""PDF documents built in memory with ReportLab from domain values (DESIGN §7). No Qt, no database session."""

from __future__ import annotations

from desktop_app.domain.documents import DocumentMeta
from desktop_app.reports.encryption import encrypt_pdf, is_encrypted
from desktop_app.reports.recovery import recovery_sheet_pdf

__all__ = [
    "DocumentMeta",
    "encrypt_pdf",
    "is_encrypted",
    "recovery_sheet_pdf",
]
