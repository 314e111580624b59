"""The setting's own agency phone numbers, kept in the clear beside the vault so the lock screen can show them.

Agencies' numbers (the Safeguarding Hub, LADO, police 101) are not personal data, and staff recording a concern from
the lock screen must see the numbers the setting really uses, not the shipped ones. ``contacts.public.json`` holds
only contact id → phone; it is rewritten whenever numbers are saved and after each unlock (from the database, which
stays the record). Reading never fails: a missing or malformed file means the shipped numbers.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.definitions import ContactsDefinition, Forms, load_forms
from desktop_app.errors import UserFacingError
from desktop_app.log import Safe
from desktop_app.vault import atomic

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)

FILE_NAME = "contacts.public.json"
MAX_PHONE = 300  # as long as the wizard lets a phone number be
MAX_BYTES = 64 * 1024  # far more than any contacts list; a bigger file is not ours


def path_for(vault_dir: Path) -> Path:
    return Path(vault_dir) / FILE_NAME


def write(vault_dir: Path, phones: Mapping[str, str]) -> None:
    """Replace the clear copy with ``phones`` (contact id → the setting's own number), atomically."""
    clean = {str(k): str(v).strip() for k, v in sorted(phones.items()) if str(v).strip()}
    atomic.write_text(path_for(vault_dir), json.dumps({"phones": clean}, ensure_ascii=False, indent=1) + "\n")


def publish(session: VaultSession) -> bool:
    """Rewrite the clear copy from the database's numbers; False (logged, nothing personal) if it could not be."""
    try:
        with session.uow() as uow:
            phones = dict(uow.contacts.overrides())
        write(session.vault_dir, phones)
    except (UserFacingError, OSError) as error:
        _log.warning("public contact numbers not written: %s", Safe(type(error).__name__))
        return False
    return True


def read(vault_dir: Path, known: frozenset[str] | None = None) -> dict[str, str]:
    """The setting's own numbers from the clear copy; {} when it is absent or not what this module writes."""
    path = path_for(vault_dir)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValueError("too big")
        data = json.loads(path.read_text(encoding="utf-8"))
        phones = data["phones"] if isinstance(data, dict) else None
        if not isinstance(phones, dict):
            raise ValueError("no phones")
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, UnicodeDecodeError) as error:
        _log.info("public contact numbers ignored: %s", Safe(type(error).__name__))
        return {}
    return {
        k: v.strip()
        for k, v in phones.items()
        if isinstance(k, str)
        and isinstance(v, str)
        and v.strip()
        and len(v) <= MAX_PHONE
        and (known is None or k in known)
    }


def contacts(vault_dir: Path, forms: Forms | None = None) -> ContactsDefinition:
    """The forms' contacts with the setting's own numbers from the clear copy (the shipped ones where it has none)."""
    definition = (forms or load_forms()).contacts
    return definition.with_phones(read(vault_dir, frozenset(c.id for c in definition.contacts)))


__all__ = ["FILE_NAME", "contacts", "path_for", "publish", "read", "write"]
