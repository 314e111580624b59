"""Password protection of saved documents: AES-256 with the PDF 2.0 security handler (revision 6)."""

from __future__ import annotations

import io

import pikepdf

from desktop_app.errors import UserFacingError

MIN_PASSWORD_LENGTH = 8


def encrypt_pdf(pdf: bytes, password: str) -> bytes:
    """The same document, readable only with ``password`` (AES-256, R6; metadata encrypted too)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserFacingError(f"The password for the PDF must have at least {MIN_PASSWORD_LENGTH} characters.")
    with pikepdf.open(io.BytesIO(pdf)) as document:
        out = io.BytesIO()
        document.save(
            out,
            encryption=pikepdf.Encryption(user=password, owner=password, R=6, aes=True, metadata=True),
        )
    return out.getvalue()


def is_encrypted(pdf: bytes) -> bool:
    try:
        with pikepdf.open(io.BytesIO(pdf)) as document:
            return bool(document.is_encrypted)
    except pikepdf.PasswordError:
        return True
