"""Issue 15, item 9: after lock, no copy of the data key stays reachable in the process.

Before the fix the session and the database each held the data key as ``bytes`` (immutable, never overwritten), and
the engine's connect listener kept a third copy (``key = bytes(key)``) in its closure; ``lock()`` only dropped the
session's reference, so the key stayed reachable from the engine and the Database as long as anything referred to
them (here: a unit of work a screen kept across the lock), and was left in freed memory in any case. SQLCipher's
``cipher_memory_security`` was off.

Now the session holds the one copy in a ``bytearray`` that the database and the engine share by reference, and
``lock()`` overwrites it with zeros; SQLCipher wipes its own buffers (``cipher_memory_security = ON``).

What this test covers, honestly: every object the garbage collector tracks, and every ``bytes``/``bytearray``/``str``
such an object refers to (``bytes`` and ``str`` are not tracked themselves, so they are found through their
holders), is searched for the key, raw or as hex (the ``PRAGMA key`` text). It cannot see memory already freed:
``bytes`` that were made and dropped along the way (the AES-GCM output that unwraps the key, the hex PRAGMA text)
are released but not overwritten by CPython; those are short-lived and no longer reachable, and that is what is
claimed here, not that no byte of the key is left anywhere in the process's memory. The audit key (derived from the
data key) is a separate secret and is not covered.
"""

from __future__ import annotations

import gc
import hashlib
import re
import tempfile
from pathlib import Path

from desktop_app.services import vault as vault_service
from tests.fixtures_vault import PASSPHRASE, make_vault, record_concern

_HEX64 = re.compile(r"[0-9a-fA-F]{64}")


def _reachable_copies(fingerprint: bytes) -> list[str]:
    """Where a value whose SHA-256 is ``fingerprint`` (32 raw bytes, or 64 hex characters anywhere in a string) is."""
    found: list[str] = []
    seen: set[int] = set()

    def look(value: object, holder: object) -> None:
        if id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, bytes | bytearray):
            data = bytes(value)
            if len(data) == 32 and hashlib.sha256(data).digest() == fingerprint:
                found.append(f"{type(value).__name__} held by {type(holder).__name__}")
        elif isinstance(value, str) and len(value) >= 64:
            for start in range(len(value) - 63):  # every 64-character window of hex digits, overlapping
                match = _HEX64.match(value, start)
                if match and hashlib.sha256(bytes.fromhex(match.group())).digest() == fingerprint:
                    found.append(f"hex text held by {type(holder).__name__}")
                    return

    gc.collect()
    for holder in gc.get_objects():
        look(holder, holder)
        for value in gc.get_referents(holder):
            look(value, holder)
    return found


def test_no_copy_of_the_data_key_is_reachable_after_lock(tmp_path: Path) -> None:
    created = make_vault(tmp_path / "vault")
    created.session.lock()
    session = vault_service.unlock(tmp_path / "vault", PASSPHRASE)
    record_concern(session)
    session.backup(tmp_path / "copy.wmbak")
    assert session.verify().ok
    fingerprint = hashlib.sha256(session.data_key_for_checks()).digest()  # the copy made here is dropped at once
    # A screen that kept a unit of work (or anything else that reaches the engine) across the lock: before the fix
    # the engine's connect listener still held the key as bytes, so it was reachable from here after lock().
    kept_by_a_screen = session.uow()
    assert _reachable_copies(fingerprint), "the search must find the key while the vault is open"
    session.lock()
    assert _reachable_copies(fingerprint) == []
    assert kept_by_a_screen is not None


def test_sqlcipher_wipes_its_own_memory() -> None:
    from desktop_app.store.engine import connect_raw

    with tempfile.TemporaryDirectory() as folder:
        connection = connect_raw(Path(folder) / "x.db", bytes(range(32)))
        try:
            assert connection.execute("PRAGMA cipher_memory_security").fetchone()[0] in (1, "1")
        finally:
            connection.close()
