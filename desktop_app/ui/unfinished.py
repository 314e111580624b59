"""Unfinished DSL work and the vault lock: kept as sealed drafts just before the keys are dropped, offered back after
unlock (``services.casework.drafts`` does the sealing).

A window that holds unfinished work has a method ``keep_unfinished() -> bool``; the main window calls it on every
open window before locking. While that happens ``locking()`` is True, so a window closed by the lock does not ask
"lose your changes?" of someone who is not there.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.log import Safe

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)
_locking = False


def locking() -> bool:
    return _locking


@contextmanager
def closing_for_lock() -> Iterator[None]:
    global _locking
    previous, _locking = _locking, True
    try:
        yield
    finally:
        _locking = previous


def keep_all(host: QWidget) -> int:
    """Ask every open window with unfinished work to keep it; return how many did. Never stops the lock."""
    seen: set[int] = set()
    kept = 0
    candidates = [*host.findChildren(QWidget), *QApplication.topLevelWidgets()]
    for widget in candidates:
        keeper = getattr(widget, "keep_unfinished", None)
        if id(widget) in seen or not callable(keeper) or not widget.isVisible():
            continue
        seen.add(id(widget))
        try:
            kept += 1 if keeper() else 0
        except Exception as error:  # a draft that cannot be written must not keep the vault unlocked
            _log.warning("unfinished work not kept: %s", Safe(type(error).__name__))
    return kept


def offer(host: Any, session: VaultSession) -> list[QWidget]:
    """After unlock: offer each piece of kept work back; return the windows reopened."""
    from desktop_app.services.casework import drafts
    from desktop_app.ui import ask

    reopened: list[QWidget] = []
    for draft in drafts.unfinished(session):
        if ask.current().confirm(
            host,
            "Carry on where you left off?",
            f"Waymark locked while you were working on this, and kept it safely:\n\n{draft.describe()}\n\n"
            "Carry on with it now? If you choose Not now, it is kept and offered again next time you unlock.",
            "Carry on",
            "Not now",
        ):
            window = resume(host, session, draft)
            if window is not None:
                reopened.append(window)
    reopened += _offer_own_concern_drafts(host, session)
    return reopened


def _offer_own_concern_drafts(host: Any, session: VaultSession) -> list[QWidget]:
    """The DSL's own "Record a concern…" wizard, sealed as a draft when the vault locked: offered back the same way
    (the dashboard's import panel counts only staff concerns, so without this nothing would point to it)."""
    from desktop_app.services.intake import import_items
    from desktop_app.services.intake.sealing import DSL_PREFIX, own_drafts
    from desktop_app.ui import ask
    from desktop_app.ui.concern.launch import open_dsl_wizard

    if not own_drafts(session.vault_dir):  # counts files: no keys, no decryption when there are none
        return []
    reopened: list[QWidget] = []
    for item in import_items.list_pending(session):
        if item.problem or not item.item_id.startswith(DSL_PREFIX):
            continue
        if ask.current().confirm(
            host,
            "Carry on where you left off?",
            "Waymark locked while you were recording a concern, and kept it safely (sealed):\n\n"
            f"A new concern: {item.summary()}\n\n"
            "Carry on with it now? If you choose Not now, it is kept and offered again next time you unlock.",
            "Carry on",
            "Not now",
        ):
            reopened.append(open_dsl_wizard(host, session, resume=item))
    return reopened


def resume(host: Any, session: VaultSession, draft: Any) -> QWidget | None:
    """Reopen the window the work was in, with everything put back."""
    if draft.kind == "screening":
        from desktop_app.ui.screening import open_screening_wizard

        view = host.open_concern(draft.concern_id) if hasattr(host, "open_concern") else None
        parent = view.window() if view is not None else None
        wizard = open_screening_wizard(parent, session, draft.concern_id, resume=draft.state)
        if view is not None and hasattr(view, "_keep"):
            view._keep(wizard)
            wizard.completed.connect(view._record_changed)
        return wizard
    view = host.open_concern(draft.concern_id) if hasattr(host, "open_concern") else None
    if view is None:
        return None
    opener = {
        "referral": "record_referral",
        "correction": "add_correction",
        "close": "close_concern",
        "action": "add_action",
    }[draft.kind]
    dialog: Any = getattr(view, opener)()
    dialog.restore_fields(draft.state)
    return dialog
