"""The setting's phase of education: which year groups staff are offered (``forms/year_groups.toml``).

The shipped ``phase`` in forms is the default; the DSL chooses the setting's own in Settings > About the setting. It
is kept in the setting's record (``extra["phase"]``, no column of its own), audited, and copied in the clear to
``phase.public.json`` beside the vault so the staff wizard at the lock screen offers the same year groups. A phase is
not personal data. Reading never fails: a missing or unknown phase means the shipped one.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.definitions import Forms, load_forms
from desktop_app.errors import UserFacingError
from desktop_app.log import Safe
from desktop_app.vault import atomic

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)

KEY = "phase"
FILE_NAME = "phase.public.json"
MAX_BYTES = 4096


def choices(forms: Forms | None = None) -> tuple[tuple[str, str], ...]:
    """(id, title) of each phase, in the order of the forms file."""
    forms = forms or load_forms()
    return tuple((p.id, p.title) for p in forms.year_groups.phases)


def _known(phase: str | None, forms: Forms) -> str:
    return phase if phase in {p.id for p in forms.year_groups.phases} else forms.year_groups.phase


def current(session: VaultSession, forms: Forms | None = None) -> str:
    """The setting's phase: the DSL's choice, else the shipped default."""
    forms = forms or load_forms()
    with session.uow() as uow:
        chosen = uow.setting.get().extra.get(KEY)
    return _known(chosen, forms)


def year_groups(phase: str, forms: Forms | None = None) -> tuple[str, ...]:
    """The phase's own year groups, in order ("Nursery" … "Year 6"); "Not known" and the like are offered too."""
    forms = forms or load_forms()
    wanted = _known(phase, forms)
    return next(p.year_groups for p in forms.year_groups.phases if p.id == wanted)


def save(session: VaultSession, phase: str, forms: Forms | None = None) -> bool:
    """Make ``phase`` the setting's, audited in the same transaction; True when it changed. Publishes the clear copy."""
    forms = forms or load_forms()
    if phase not in {p.id for p in forms.year_groups.phases}:
        raise UserFacingError("That phase of education is not one Waymark knows; choose one from the list.")
    actor = session.actor()
    with session.uow() as uow:
        setting = uow.setting.get()
        before = _known(setting.extra.get(KEY), forms)
        if before == phase and setting.extra.get(KEY) == phase:
            return False
        uow.setting.update(replace(setting, extra={**setting.extra, KEY: phase}), actor)
        uow.audit.append(actor, "setting.phase_changed", "setting", {"from": before, "to": phase})
        uow.commit()
    publish(session, phase)
    return before != phase


def path_for(vault_dir: Path) -> Path:
    return Path(vault_dir) / FILE_NAME


def publish(session: VaultSession, phase: str | None = None) -> bool:
    """Write the clear copy the lock screen reads; False (logged, nothing personal) if it could not be written."""
    try:
        phase = phase or current(session)
        atomic.write_text(path_for(session.vault_dir), json.dumps({KEY: phase}) + "\n")
    except (UserFacingError, OSError) as error:
        _log.warning("public phase not written: %s", Safe(type(error).__name__))
        return False
    return True


def read(vault_dir: Path, forms: Forms | None = None) -> str:
    """The phase from the clear copy beside the vault, else the shipped default (for the lock screen)."""
    forms = forms or load_forms()
    path = path_for(vault_dir)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValueError("too big")
        data = json.loads(path.read_text(encoding="utf-8"))
        chosen = data.get(KEY) if isinstance(data, dict) else None
    except FileNotFoundError:
        chosen = None
    except (OSError, ValueError, UnicodeDecodeError) as error:
        _log.info("public phase ignored: %s", Safe(type(error).__name__))
        chosen = None
    return _known(chosen if isinstance(chosen, str) else None, forms)
