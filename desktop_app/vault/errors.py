"""The vault's errors a user can act on, each with one clear sentence."""

from __future__ import annotations

# The one family of "could not be written" errors (store, vault and services alike) lives in desktop_app.errors.
from desktop_app.errors import DiskFull as DiskFull
from desktop_app.errors import FolderNotWritable as FolderNotWritable
from desktop_app.errors import SaveFailed as SaveFailed
from desktop_app.errors import UserFacingError


class VaultError(UserFacingError):
    """Something about the vault's keys or files that the DSL or IT staff can act on."""


class WrongPassphrase(VaultError):
    def __init__(self, sentence: str | None = None) -> None:
        super().__init__(
            sentence
            or "That passphrase does not open this vault. Check Caps Lock and the keyboard language, then try again."
        )


class WrongRecoveryKey(VaultError):
    def __init__(self, sentence: str | None = None) -> None:
        super().__init__(
            sentence
            or "That recovery key does not open this vault. Check that the recovery sheet is the one for this vault."
        )


class RecoveryKeyTypo(VaultError):
    """The recovery key as typed cannot be right: a character is wrong, missing or extra."""


class DamagedKeySlots(VaultError):
    """keyslots.json is missing, edited or corrupted."""


class WeakKeySettings(DamagedKeySlots):
    """A key slot asks for weaker key stretching than Waymark allows."""


class LastPassphraseSlot(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "The only person who can unlock this vault cannot be removed. Add another DSL or deputy first."
        )


class UnknownSlot(VaultError):
    def __init__(self) -> None:
        super().__init__("That person has no key to this vault, so there is nothing to remove or change.")


class SealedItemDamaged(VaultError):
    """A sealed staff concern or draft that cannot be opened: altered, truncated, or sealed for another vault."""


class AlreadyRunning(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "Waymark is already open on this computer for this vault. Switch to the open window "
            "(look in the taskbar), or close it before starting Waymark again."
        )
