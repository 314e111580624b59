"""Write a file so that a crash, a full disk or a power cut leaves either the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from desktop_app.vault.errors import DiskFull, FolderNotWritable

BACKUP_SUFFIX = ".bak"
_DISK_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS}
_NOT_ALLOWED = {errno.EACCES, errno.EPERM}


def backup_path(path: Path) -> Path:
    """Where the previous copy of ``path`` is kept: ``<name>.bak`` beside it."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def write_text(path: Path | str, text: str, keep_previous: bool = False) -> None:
    """Write UTF-8 text atomically (see ``write_bytes``)."""
    write_bytes(path, text.encode("utf-8"), keep_previous=keep_previous)


def write_bytes(path: Path | str, data: bytes, keep_previous: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically; with keep_previous the old content is first kept as ``<name>.bak``.

    On a full disk or a folder that cannot be written, raise a ``SaveFailed`` sentence; the original is untouched.
    """
    target = Path(path)
    try:
        if keep_previous and target.exists():
            _replace_with(backup_path(target), lambda fd: _copy_into(target, fd))
        _replace_with(target, lambda fd: _write_all(fd, data))
    except OSError as exc:
        raise _as_user_error(exc, target) from exc


def _replace_with(target: Path, fill: Callable[[int], None]) -> None:
    fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        try:
            fill(fd)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(target.parent)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _copy_into(source: Path, fd: int) -> None:
    with open(source, "rb") as src, os.fdopen(os.dup(fd), "wb") as dst:
        shutil.copyfileobj(src, dst)
        dst.flush()


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable. Windows has no directory handles to sync; NTFS journals the rename."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _as_user_error(exc: OSError, target: Path) -> Exception:
    if exc.errno in _DISK_FULL:
        return DiskFull(
            f"The disk is full: {target.name} could not be saved in {target.parent}, and nothing was changed. "
            "Free some space on the disk, then try again."
        )
    if exc.errno in _READ_ONLY:
        return FolderNotWritable(
            f"The folder {target.parent} is read-only, so {target.name} could not be saved; nothing was changed. "
            "Ask IT to make the folder writable, then try again."
        )
    if exc.errno in _NOT_ALLOWED:
        return FolderNotWritable(
            f"Waymark is not allowed to write {target.name} in the folder {target.parent}; nothing was changed. "
            "Check the folder's permissions (or close any program that has the file open), then try again."
        )
    return exc
