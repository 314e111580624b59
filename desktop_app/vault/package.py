"""A password-protected container for a transfer package: Argon2id + AES-256-GCM over bytes built in memory.

Layout (all integers big-endian)::

    MAGIC (16)  "WAYMARK-TRANSFER"
    version (2) FORMAT_VERSION
    memory_kib (4) | iterations (2) | lanes (1) | salt (16)     Argon2id, as in key slots (never below the floor)
    check (16)  HKDF(key, "check"): tells a wrong password apart from an altered file
    nonce (12)
    length (8)  of the ciphertext, so a file cut short is named as such
    ciphertext  AES-256-GCM(HKDF(key, "data"), nonce, payload, associated data = every byte above)

The payload never touches the disk in the clear: the caller builds it in memory and writes only this container.
"""

from __future__ import annotations

import hmac
import secrets
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.errors import UserFacingError
from desktop_app.vault import kdf

MAGIC = b"WAYMARK-TRANSFER"
FORMAT_VERSION = 1
_FIXED = struct.Struct(">16sHIHB16s16s12sQ")
HEADER_SIZE = _FIXED.size
MIN_PASSWORD_LENGTH = 10


class PackageRefused(UserFacingError):
    """A transfer file that cannot be opened: wrong password, damaged, cut short, edited, too new or not ours."""


def _subkey(key: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"waymark transfer|" + purpose).derive(key)


def check_password(password: str) -> None:
    if len(password.strip()) < MIN_PASSWORD_LENGTH:
        raise PackageRefused(f"The transfer password must have at least {MIN_PASSWORD_LENGTH} characters.")


def lock(payload: bytes, password: str, params: kdf.KdfParams | None = None) -> bytes:
    """Encrypt ``payload`` under ``password``; the result is safe to write anywhere."""
    check_password(password)
    params = params or kdf.floor_params()
    key = kdf.derive(password, params)
    nonce = secrets.token_bytes(12)
    check = _subkey(key, b"check")[:16]
    length = len(payload) + 16
    header = _FIXED.pack(
        MAGIC, FORMAT_VERSION, params.memory_kib, params.iterations, params.lanes, params.salt, check, nonce, length
    )
    return header + AESGCM(_subkey(key, b"data")).encrypt(nonce, payload, header)


def unlock(blob: bytes, password: str) -> bytes:
    """The payload of a container, or ``PackageRefused`` with the sentence that says what is wrong."""
    if len(blob) < len(MAGIC) + 2 or not blob.startswith(MAGIC):
        raise PackageRefused("This file is not a Waymark transfer file, so nothing was imported.")
    (version,) = struct.unpack(">H", blob[len(MAGIC) : len(MAGIC) + 2])
    if version > FORMAT_VERSION:
        raise PackageRefused(
            "This transfer file was made by a newer version of Waymark. Update Waymark on this "
            "computer, then import it again; nothing was imported."
        )
    if version != FORMAT_VERSION or len(blob) < HEADER_SIZE:
        raise PackageRefused(
            "This transfer file is cut short or damaged, so nothing was imported. Ask the sending "
            "setting for the file again."
        )
    _magic, _v, memory, iterations, lanes, salt, check, nonce, length = _FIXED.unpack(blob[:HEADER_SIZE])
    body = blob[HEADER_SIZE:]
    if len(body) < length:
        raise PackageRefused(
            "This transfer file is cut short (it was not copied completely), so nothing was "
            "imported. Ask the sending setting for the file again."
        )
    if len(body) > length:
        raise PackageRefused(
            "This transfer file has been altered (it has extra data at its end), so nothing was "
            "imported. Ask the sending setting for the file again."
        )
    try:
        key = kdf.derive(password, kdf.KdfParams(memory, iterations, lanes, salt))
    except UserFacingError:
        raise PackageRefused(
            "This transfer file has been altered (its protection settings are not Waymark's), so nothing was imported."
        ) from None
    if not hmac.compare_digest(_subkey(key, b"check")[:16], check):
        raise PackageRefused(
            "That password does not open this transfer file. Check it with the DSL who sent it; nothing was imported."
        )
    try:
        return AESGCM(_subkey(key, b"data")).decrypt(nonce, body, blob[:HEADER_SIZE])
    except InvalidTag:
        raise PackageRefused(
            "This transfer file has been altered or damaged since it was made, so nothing was "
            "imported. Ask the sending setting for the file again."
        ) from None
