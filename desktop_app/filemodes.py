"""Every file Waymark writes is readable by its user only (0600), every folder it makes 0700.

Two layers: ``restrict_process()`` sets the umask once at start (so files made by SQLite, zipfile or a library are
private too), and the helpers below set the mode explicitly where Waymark makes a file or folder itself, so a caller
that never went through the entry point (a test, an embedding script) still gets private files. On Windows the modes
mean little; the user's profile folder (``%LOCALAPPDATA%``) carries the protecting ACLs.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
PROCESS_UMASK = 0o077


def restrict_process() -> int:
    """Make files and folders created from now on private to the user; returns the previous umask."""
    return os.umask(PROCESS_UMASK)


def private_dir(folder: Path, parents: bool = True) -> Path:
    """Make ``folder`` (and missing parents) if needed, and make it 0700 (the ones Waymark made; never a parent it
    did not make, such as the user's home)."""
    folder = Path(folder)
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    folder.mkdir(parents=parents, exist_ok=True)
    for made in [folder, *missing]:
        make_private(made)
    return folder


def make_private(path: Path) -> None:
    """chmod 0600 (file) or 0700 (folder); a symlink is never followed, a failure (another owner, FAT) ignored."""
    with contextlib.suppress(OSError, NotImplementedError):
        if os.path.islink(path):
            return
        os.chmod(path, PRIVATE_DIR if os.path.isdir(path) else PRIVATE_FILE)


def make_tree_private(root: Path) -> None:
    """Every file and folder under ``root`` (a restored or newly made vault folder), and ``root`` itself."""
    make_private(root)
    for folder, dirs, files in os.walk(root):
        for name in (*dirs, *files):
            make_private(Path(folder) / name)
