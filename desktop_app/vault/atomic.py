"""Write a file so that a crash, a full disk or a power cut leaves either the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from desktop_app.errors import quote
from desktop_app.filemodes import PRIVATE_FILE
from desktop_app.vault.errors import DiskFull, FolderNotWritable, SaveFailed

BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"
# O_EXCL refuses a name that exists, a planted symbolic link included; O_NOFOLLOW says so twice where it exists.
_EXCLUSIVE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
Register = Callable[[Path, bool], None]  # (temp path, True when created / False when gone): see vault.leftovers
_DISK_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS}
_NOT_ALLOWED = {errno.EACCES, errno.EPERM}


def backup_path(path: Path) -> Path:
    """Where the previous copy of ``path`` is kept: ``<name>.bak`` beside it."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def temp_name_for(target: Path) -> Path:
    """A fresh, unguessable staging name beside ``target``: ``.<name>.<16 hex>.tmp`` (see ``is_temp_name``)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(8)}{TEMP_SUFFIX}")


def is_temp_name(name: str) -> bool:
    """True for a name ``temp_name_for`` makes: what a killed write leaves behind."""
    stem = name.removesuffix(TEMP_SUFFIX)
    token = stem.rsplit(".", 1)[-1]
    return (
        name.startswith(".")
        and name.endswith(TEMP_SUFFIX)
        and len(token) == 16
        and all(c in "0123456789abcdef" for c in token)
    )


def write_text(
    path: Path | str,
    text: str,
    keep_previous: bool = False,
    register: Register | None = None,
    *,
    sync_folder: bool = True,
) -> None:
    """Write UTF-8 text atomically (see ``write_bytes``)."""
    write_bytes(path, text.encode("utf-8"), keep_previous=keep_previous, register=register, sync_folder=sync_folder)


def write_bytes(
    path: Path | str,
    data: bytes,
    keep_previous: bool = False,
    register: Register | None = None,
    *,
    sync_folder: bool = True,
) -> None:
    """Replace ``path`` with ``data`` atomically; with keep_previous the old content is first kept as ``<name>.bak``.

    On a full disk or a folder that cannot be written, raise a ``SaveFailed`` sentence; the original is untouched.
    ``register`` is told the staging file's name before it exists and after it is gone, so that a write killed
    half-way outside the vault folder is cleaned up at the next start.

    ``sync_folder=False`` leaves out the folder's sync that makes the rename itself survive a power cut (~0.3 ms):
    only for a file where a power cut that brings back the previous whole copy does no harm (the audit anchor and the
    record on this computer, which may lag behind the database; they are rewritten at every save). The new content
    is still synced before the rename, so the name never points at half a file.
    """
    target = Path(path)
    try:
        if keep_previous and target.exists():
            _replace_with(backup_path(target), lambda handle: _copy_into(target, handle), register)
        _replace_with(target, lambda handle: handle.write(data), register, sync_folder=sync_folder)
    except OSError as exc:
        raise _as_user_error(exc, target) from exc


def write_with(path: Path | str, fill: Callable[[BinaryIO], object], register: Register | None = None) -> None:
    """Replace ``path`` with what ``fill`` writes into a fresh staging file (seekable: a zip can be built in it)."""
    target = Path(path)
    try:
        _replace_with(target, fill, register)
    except OSError as exc:
        raise _as_user_error(exc, target) from exc


def _replace_with(
    target: Path, fill: Callable[[BinaryIO], object], register: Register | None = None, *, sync_folder: bool = True
) -> None:
    temp = temp_name_for(target)
    if register is not None:
        register(temp, True)
    try:
        fd = os.open(temp, _EXCLUSIVE, PRIVATE_FILE)
        try:
            with os.fdopen(fd, "wb") as handle:
                fill(handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        if sync_folder:
            _fsync_folder(target.parent)
    finally:
        if register is not None:
            with contextlib.suppress(OSError, SaveFailed):
                register(temp, False)


def _copy_into(source: Path, handle: BinaryIO) -> None:
    with open(source, "rb") as src:
        shutil.copyfileobj(src, handle)


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
    if exc.errno == errno.EISDIR or (exc.errno in (errno.EEXIST, errno.ENOTEMPTY) and target.is_dir()):
        return FolderNotWritable(
            f"{quote(target.name)} in {quote(target.parent)} is a folder where Waymark keeps a file, so it could not "
            "be saved; nothing was changed. Move that folder away (ask IT), then try again."
        )
    if exc.errno == errno.ELOOP:
        return FolderNotWritable(
            f"{quote(target.name)} in {quote(target.parent)} is a symbolic link; Waymark does not write through "
            "links, and nothing was changed."
        )
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
