"""Keys: the data key, key slots (Argon2id + AES-GCM), the recovery key, sealed intake (X25519). No database, no Qt."""

from desktop_app.vault import atomic, datakey, instance, kdf, keyslots, passphrase, recovery, sealing
from desktop_app.vault.datakey import hex_key_pragma, new_data_key
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
