"""The recovery key's sheet, built once (setup, Settings and `waymark init` print the same PDF), and whether it is kept.

Whether the current key's sheet was kept is a flag in the setting's ``extra`` (written through ``uow.setting.update``,
which audits it): ``pending`` from the moment a key is made until its sheet is printed or saved (Settings) or setup is
finished, ``kept`` after. A vault whose flag is ``pending`` at unlock lost its key before it was kept: the DSL is asked
to make a new one. Vaults made before the flag existed have none and are taken as kept (``waymark init`` writes the
sheet before it returns).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.domain.documents import DocumentKind, DocumentMeta
from desktop_app.reports import recovery_sheet_pdf
from desktop_app.services import documents
from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)

FLAG = "recovery_sheet"
PENDING = "pending"
KEPT = "kept"


def sheet_id(vault_id: str) -> str:
    return f"RECOVERY-{vault_id[:8].upper()}"


def mark_sheet(session: VaultSession, state: str) -> None:
    """Record whether the current recovery key's sheet is kept (audited as ``setting.updated``)."""
    with session.uow() as uow:
        setting = uow.setting.get()
        if setting.extra.get(FLAG) != state:
            uow.setting.update(replace(setting, extra={**setting.extra, FLAG: state}), session.actor())
            uow.commit()


def sheet_pending(session: VaultSession) -> bool:
    """True when a recovery key was made but its sheet never kept (the app closed first): the key is lost."""
    try:
        return bool(session.setting.extra.get(FLAG) == PENDING)
    except Exception:
        _log.warning("could not read whether the recovery sheet was kept")
        return False


def sheet_pdf(session: VaultSession, recovery_key: str, created_at: datetime | None = None) -> bytes:
    """The recovery sheet of ``recovery_key`` (made at ``created_at``, default now) for this vault."""
    setting = session.setting
    now = datetime.now(UTC)
    meta = DocumentMeta(
        setting_name=setting.name,
        document_id=sheet_id(session.vault_id),
        audit_seq=session.audit_seq(),
        printed_at=now,
    )
    return bytes(recovery_sheet_pdf(setting, session.vault_id, recovery_key, created_at or now, meta))


def write_sheet(session: VaultSession, recovery_key: str, path: Path) -> Path:
    """Write the sheet to ``path`` as it is (it is to be printed, then deleted), audited with the file.

    ``SaveFailed`` (a ``UserFacingError``) when the file cannot be written; then no audit row is kept either.
    """
    pdf = sheet_pdf(session, recovery_key)
    return documents.save_pdf(
        session, pdf, path, None, sheet_id(session.vault_id), kind=DocumentKind.RECOVERY_SHEET, unencrypted=True
    )
