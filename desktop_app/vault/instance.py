"""One running Waymark per vault: an operating-system lock on ``waymark.lock`` in the vault folder.

The lock belongs to the open file, so it vanishes when the process ends, however it ends; a lock file left behind
by a crash never blocks the next start.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.vault.errors import AlreadyRunning, FolderNotWritable, SaveFailed

if TYPE_CHECKING:
    from types import TracebackType

LOCK_FILE = "waymark.lock"
STAGING_LOCK = "staging.lock"  # held by a running restore in its staging folder, so a start never sweeps it away


class VaultInstanceLock:
    def __init__(self, vault_dir: Path, name: str = LOCK_FILE) -> None:
        self.path = Path(vault_dir) / name
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock, or raise ``AlreadyRunning`` if another Waymark holds it. Taking it twice is harmless."""
        if self._fd is not None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            if exc.errno in {errno.EACCES, errno.EPERM, errno.EROFS}:
                raise FolderNotWritable(
                    f"Waymark cannot open its lock file in the vault folder {self.path.parent}: the folder is "
                    "read-only or not yours. Ask IT to check the folder's permissions."
                ) from exc
            raise
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            if exc.errno in {errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK}:
                raise AlreadyRunning() from None
            raise
        try:  # the process id is only a hint for IT staff; a full disk must not stop the lock being held
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n".encode())
        except OSError:
            pass
        self._fd = fd

    def release(self) -> None:
        """Let go of the lock (idempotent). The file stays: removing it could race with a starting instance."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> VaultInstanceLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        # flock belongs to the open file, so a second lock in the same process is refused too (unlike lockf).
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def in_use(staging: Path) -> bool:
    """True when a running restore holds ``staging``'s lock (a folder left by a killed one is free to remove)."""
    lock_file = Path(staging) / STAGING_LOCK
    if not lock_file.exists():
        return False
    lock = VaultInstanceLock(staging, STAGING_LOCK)
    try:
        lock.acquire()
    except (AlreadyRunning, OSError, SaveFailed):
        return True
    lock.release()
    return False
