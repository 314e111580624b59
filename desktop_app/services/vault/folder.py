"""The vault folder itself: whether a vault is there, the errors about the folder, and stamps for kept copies.

Every vault module may import this one; it imports none of them, so the vault use cases form no import cycle.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desktop_app.domain.wording import plural
from desktop_app.errors import UserFacingError
from desktop_app.vault import restore_journal
from desktop_app.vault.keyslots import FILE_NAME as KEYSLOTS_FILE
from desktop_app.vault.keyslots import RECOVERY_COPY_NAME


class NoVault(UserFacingError):
    """There is no vault in the folder given."""


class VaultExists(UserFacingError):
    """A vault is already in the folder given; it is never overwritten."""


class UnlockDelayed(UserFacingError):
    """Too many wrong passphrases in a row: wait before trying again."""

    def __init__(self, seconds: float) -> None:
        wait = max(1, round(seconds))
        super().__init__(f"Too many wrong passphrases in a row. Wait {plural(wait, 'second')}, then try again.")
        self.seconds = seconds


def vault_exists(vault_dir: Path) -> bool:
    """True when the folder holds a vault's key slots (a database alone is an unfinished set-up, kept aside)."""
    vault_dir = Path(vault_dir)
    if not vault_dir.exists() and restore_journal.journal_path(vault_dir).exists():
        restore_journal.finish(vault_dir)  # killed between a restore's renames: the vault folder is put back first
    return any((vault_dir / name).exists() for name in (KEYSLOTS_FILE, KEYSLOTS_FILE + ".bak", RECOVERY_COPY_NAME))


def require_vault(vault_dir: Path) -> None:
    if not vault_exists(vault_dir):
        raise NoVault(f"There is no Waymark vault in {vault_dir}. Check the folder, or set up a new vault.")


def file_stamp() -> str:
    """The moment, UTC to the second, for naming a kept copy or a backup."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
