"""What follows an unlock from the lock screen: the public copy of the setting's numbers refreshed from the database,
and, when the recovery key's sheet was never kept, the offer to make a new key.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop_app.ui import ask

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)


def publish_contacts(session: VaultSession) -> None:
    """Refresh the clear copy of the setting's agency numbers from the database (the staff wizard reads it)."""
    try:
        from desktop_app.services.vault import public_contacts

        public_contacts.publish(session)
        from desktop_app.services.setting import phase

        phase.publish(session)  # and the year groups staff are offered
    except Exception:
        _log.warning("could not refresh the public contact numbers")


def unlock_and_publish(unlock: Callable[[Path, str], VaultSession], vault_dir: Path, secret: str) -> VaultSession:
    """Worker: unlock, then refresh the numbers staff see on the lock screen."""
    session = unlock(vault_dir, secret)
    publish_contacts(session)
    return session


def sheet_was_kept(session: VaultSession) -> None:
    try:
        from desktop_app.services.vault.recovery_sheet import KEPT, mark_sheet, sheet_pending

        if sheet_pending(session):
            mark_sheet(session, KEPT)
    except Exception:
        _log.warning("could not record that the recovery key is held")


def offer_new_recovery_key(window: QWidget, session: VaultSession) -> None:
    """After unlock: if the recovery key's sheet was never kept (the app closed first), ask to make a new key."""
    from desktop_app.services.vault.recovery_sheet import sheet_pending

    if not sheet_pending(session):
        return
    if ask.current().confirm(
        window,
        "Make a new recovery key",
        "The recovery sheet of this vault was never printed or saved: Waymark was closed before it was kept. "
        "Without it, nobody can open the records if every passphrase is forgotten. Make a new recovery key now "
        "and print or save its sheet?",
        "Make a new key now",
        "Later",
    ):
        show_settings = getattr(window, "show_settings", None)
        if show_settings is None:
            return
        show_settings("recovery")
        page = window.current_page() if hasattr(window, "current_page") else None
        section = getattr(page, "sections", {}).get("recovery")
        if section is not None:
            section.make_new_key(confirmed=True)
