"""The store's "could not be written" sentences and folder fsync (atomic writes go through ``vault.atomic``)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from desktop_app.errors import DiskFull, FolderNotWritable, SaveFailed


def disk_problem(error: OSError, what: str) -> SaveFailed:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFull(
            f"The disk is full, so the {what} could not be written. Nothing was lost: free some space and try again."
        )
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return FolderNotWritable(f"The folder is read-only, so the {what} could not be written. Nothing was lost.")
    return SaveFailed(f"The {what} could not be written ({error.strerror}). Nothing was lost.")


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
