"""Seal bytes to the vault's public key so that only an unlocked vault can read them (staff concerns, drafts).

A sealed blob is ``MAGIC | ephemeral public key (32) | nonce (12) | AES-256-GCM ciphertext``. The AES key is
HKDF-SHA256 of the X25519 shared secret, salted with both public keys and bound to the caller's ``context``
(for example the inbox item's purpose), which is also authenticated with the header.
"""

from __future__ import annotations

import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.vault.errors import SealedItemDamaged

MAGIC = b"WMS\x01"
KEY_SIZE = 32
NONCE_SIZE = 12
_HEADER_SIZE = len(MAGIC) + KEY_SIZE + NONCE_SIZE
_TAG_SIZE = 16
_INFO = b"waymark sealed v1|"


def new_keypair() -> tuple[bytes, bytes]:
    """A fresh X25519 key pair as raw (private, public) bytes."""
    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def public_from_private(private: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()


def seal(public: bytes, plaintext: bytes | bytearray, context: bytes) -> bytes:
    """Encrypt ``plaintext`` so that only the holder of the private key for ``public`` can read it."""
    recipient = X25519PublicKey.from_public_bytes(public)
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    key = _key(ephemeral.exchange(recipient), ephemeral_public, public, context)
    nonce = secrets.token_bytes(NONCE_SIZE)
    header = MAGIC + ephemeral_public + nonce
    return header + AESGCM(key).encrypt(nonce, plaintext, header + context)


def open_sealed(private: bytes, blob: bytes, context: bytes) -> bytes:
    """Decrypt a sealed blob; an altered, truncated or foreign blob raises ``SealedItemDamaged``."""
    if len(blob) < _HEADER_SIZE + _TAG_SIZE or not blob.startswith(MAGIC[:3]):
        raise SealedItemDamaged("This sealed item is damaged or was not made by Waymark, so it cannot be opened.")
    if blob[: len(MAGIC)] != MAGIC:
        raise SealedItemDamaged(
            "This sealed item was made by a newer version of Waymark. Update Waymark on this computer to open it."
        )
    header = blob[:_HEADER_SIZE]
    ephemeral_public = header[len(MAGIC) : len(MAGIC) + KEY_SIZE]
    nonce = header[len(MAGIC) + KEY_SIZE :]
    own = X25519PrivateKey.from_private_bytes(private)
    try:
        shared = own.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
        key = _key(shared, ephemeral_public, own.public_key().public_bytes_raw(), context)
        return AESGCM(key).decrypt(nonce, blob[_HEADER_SIZE:], header + context)
    except (InvalidTag, ValueError) as exc:
        raise SealedItemDamaged(
            "This sealed item has been altered or damaged, or it belongs to another vault, so it cannot be opened."
        ) from exc


def _key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes, context: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_SIZE,
        salt=ephemeral_public + recipient_public,
        info=_INFO + context,
    ).derive(shared)
