"""Open the concern wizard from the lock screen (staff, sealed) or from inside the app (DSL, unlocked vault)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop_app.errors import UserFacingError
from desktop_app.services.concern import flow
from desktop_app.services.concern.flow import Mode
from desktop_app.services.intake import content as intake_content
from desktop_app.services.intake import import_items as intake_import
from desktop_app.services.intake import sealing as intake_sealing
from desktop_app.ui import ask
from desktop_app.ui.concern.wizard import ConcernWizard

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession


def open_staff_wizard(parent: QWidget | None, vault_dir: Path | str) -> ConcernWizard | None:
    """The staff wizard: no account; every draft and the concern are sealed to the vault's public key.

    Returns None (after saying why) when this vault cannot take sealed concerns, e.g. its key file is damaged.
    """
    try:
        writer = intake_sealing.SealedIntake.for_vault(Path(vault_dir))
        content = intake_content.staff_content(Path(vault_dir))
    except UserFacingError as problem:
        ask.current().warn(
            parent,
            "A concern cannot be recorded here right now",
            f"{problem.sentence}\n\nTell your Designated Safeguarding Lead about your concern in person now.",
        )
        return None
    wizard = ConcernWizard(
        parent,
        mode=Mode.STAFF,
        content=content,
        writer=writer,
        submit=lambda draft, raw: writer.submit(draft, raw),
    )
    wizard.open()
    return wizard


def open_dsl_wizard(
    parent: QWidget | None, session: VaultSession, resume: intake_import.PendingItem | None = None
) -> ConcernWizard:
    """The DSL's wizard: pick a child on file or add one; drafts sealed (resumable), the concern stored and audited."""
    writer = intake_import.writer_for_session(session, resume)
    wizard = ConcernWizard(
        parent,
        mode=Mode.DSL,
        content=intake_content.dsl_content(session),
        writer=writer,
        submit=lambda draft, raw: intake_import.submit_in_app(session, draft, writer).reference,
        search=lambda text: intake_import.search_children(session, text),
        entry=flow.from_draft(resume.draft, resume.unparsed) if resume else None,
    )
    wizard.open()
    return wizard
