"""Read a SQLCipher 4 file page by page with the raw data key, to look for text left in free or stale pages.

SQLCipher 4 with a raw 256-bit key: each 4096-byte page is AES-256-CBC over its first 4016 bytes (page 1 starts after
its 16-byte salt), with the 16-byte IV stored right after the ciphertext (then a 64-byte HMAC). A WAL file is a
32-byte header and frames of a 24-byte header plus one such page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80


def _decrypt(page: bytes, key: bytes, first: bool) -> bytes:
    start = 16 if first else 0
    body = page[start : PAGE - RESERVE]
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def database_pages(path: Path, key: bytes) -> Iterator[bytes]:
    data = Path(path).read_bytes()
    for number, offset in enumerate(range(0, len(data) - PAGE + 1, PAGE)):
        yield _decrypt(data[offset : offset + PAGE], key, first=number == 0)


def wal_pages(path: Path, key: bytes) -> Iterator[bytes]:
    data = Path(path).read_bytes() if Path(path).exists() else b""
    offset = 32
    while offset + 24 + PAGE <= len(data):
        page_number = int.from_bytes(data[offset : offset + 4], "big")
        yield _decrypt(data[offset + 24 : offset + 24 + PAGE], key, first=page_number == 1)
        offset += 24 + PAGE


def plaintext_holds(path: Path, key: bytes, word: str) -> bool:
    """True when any decrypted page of ``path`` (a database, or a WAL when its name ends in -wal) holds ``word``."""
    needle = word.encode("utf-8")
    pages = wal_pages(path, key) if str(path).endswith("-wal") else database_pages(path, key)
    return any(needle in page for page in pages)
