"""Keys: the data key, key slots (Argon2id + AES-GCM), the recovery key, sealed intake (X25519). No database, no Qt.

The submodules load on first use: the app takes its single-instance lock (``vault.instance``) and shows the lock
screen before anything needs ``cryptography``, which costs start-up time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.vault.errors import (
    AlreadyRunning,
    DamagedKeySlots,
    DiskFull,
    FolderNotWritable,
    LastPassphraseSlot,
    RecoveryKeyTypo,
    SaveFailed,
    SealedItemDamaged,
    UnknownSlot,
    VaultError,
    WeakKeySettings,
    WrongPassphrase,
    WrongRecoveryKey,
)

if TYPE_CHECKING:
    from desktop_app.vault import atomic, datakey, instance, kdf, keyslots, passphrase, recovery, sealing
    from desktop_app.vault.datakey import hex_key_pragma, new_data_key

_SUBMODULES = frozenset(
    {
        "atomic",
        "datakey",
        "instance",
        "kdf",
        "keyslots",
        "leftovers",
        "outputs",
        "passphrase",
        "recovery",
        "restore_journal",
        "sealing",
        "witness",
    }
)
_FROM_DATAKEY = frozenset({"hex_key_pragma", "new_data_key"})


def __getattr__(name: str) -> Any:
    import importlib  # not at import: the lock screen's start loads this package for its instance lock

    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name in _FROM_DATAKEY:
        return getattr(importlib.import_module(f"{__name__}.datakey"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AlreadyRunning",
    "DamagedKeySlots",
    "DiskFull",
    "FolderNotWritable",
    "LastPassphraseSlot",
    "RecoveryKeyTypo",
    "SaveFailed",
    "SealedItemDamaged",
    "UnknownSlot",
    "VaultError",
    "WeakKeySettings",
    "WrongPassphrase",
    "WrongRecoveryKey",
    "atomic",
    "datakey",
    "hex_key_pragma",
    "instance",
    "kdf",
    "keyslots",
    "new_data_key",
    "passphrase",
    "recovery",
    "sealing",
]
