"""Read a SQLCipher 4 file page by page with the raw data key, to look for text left in free or stale pages.

SQLCipher 4 with a raw 256-bit key: each 4096-byte page is AES-256-CBC over all but its reserved tail (page 1 starts
after its 16-byte salt); the tail is the 16-byte IV then the page's HMAC, 32 bytes for HMAC-SHA256 (vaults made now)
or 64 for HMAC-SHA512 (vaults made before). Which one is found by decrypting page 1 and checking its SQLite header,
so a page decrypted with the wrong tail is never searched (it would be noise, and "not found" would prove nothing).
A WAL file is a 32-byte header and frames of a 24-byte header plus one such page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVES = (48, 80)  # IV + HMAC-SHA256, IV + HMAC-SHA512


def _decrypt(page: bytes, key: bytes, first: bool, reserve: int) -> bytes:
    start = 16 if first else 0
    body = page[start : PAGE - reserve]
    iv = page[PAGE - reserve : PAGE - reserve + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def reserve_of(page_one: bytes, key: bytes) -> int:
    """SQLCipher's tail on every page, from page 1: decrypted with the right one, its SQLite header is well formed
    (page size 4096, then the payload fractions 64, 32, 32 that SQLite requires; random bytes match ~1 in 2^40)."""
    for reserve in RESERVES:
        header = _decrypt(page_one, key, first=True, reserve=reserve)  # the SQLite header from its byte 16 on
        if header[0:2] == PAGE.to_bytes(2, "big") and header[5:8] == bytes([64, 32, 32]):
            return reserve
    raise AssertionError("page 1 does not decrypt to a SQLite header with this key")


def database_pages(path: Path, key: bytes) -> Iterator[bytes]:
    data = Path(path).read_bytes()
    reserve = reserve_of(data[:PAGE], key) if len(data) >= PAGE else RESERVES[0]
    for number, offset in enumerate(range(0, len(data) - PAGE + 1, PAGE)):
        yield _decrypt(data[offset : offset + PAGE], key, first=number == 0, reserve=reserve)


def wal_pages(path: Path, key: bytes) -> Iterator[bytes]:
    """The pages of a WAL; its database (the same name without "-wal") tells the reserved tail."""
    data = Path(path).read_bytes() if Path(path).exists() else b""
    database = Path(str(path).removesuffix("-wal"))
    page_one = database.read_bytes()[:PAGE] if database.exists() else b""
    frames = range(32, len(data) - 24 - PAGE + 1, 24 + PAGE)
    if len(page_one) < PAGE:  # not yet written back to the database: page 1 is in the log
        page_one = next(
            (data[f + 24 : f + 24 + PAGE] for f in frames if int.from_bytes(data[f : f + 4], "big") == 1), b""
        )
    if len(page_one) < PAGE:
        return
    reserve = reserve_of(page_one, key)
    offset = 32
    while offset + 24 + PAGE <= len(data):
        page_number = int.from_bytes(data[offset : offset + 4], "big")
        yield _decrypt(data[offset + 24 : offset + 24 + PAGE], key, first=page_number == 1, reserve=reserve)
        offset += 24 + PAGE


def file_pages(path: Path, key: bytes) -> Iterator[bytes]:
    """The decrypted pages of a database, or of a WAL when its name ends in -wal. A ``-shm`` file (the WAL's index:
    page numbers and checksums, never encrypted, never page content) is given whole, as it is."""
    if str(path).endswith("-shm"):
        yield Path(path).read_bytes()
    elif str(path).endswith("-wal"):
        yield from wal_pages(path, key)
    else:
        yield from database_pages(path, key)


def plaintext_holds(path: Path, key: bytes, word: str) -> bool:
    """True when any decrypted page of ``path`` (see ``file_pages``) holds ``word``."""
    needle = word.encode("utf-8")
    return any(needle in page for page in file_pages(path, key))
