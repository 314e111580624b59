"""One check for every file a user asks Waymark to write (``--out``, the recovery sheet, the save dialogs).

A DSL or a script must never be able to overwrite the vault itself, follow a planted symbolic link, or replace a file
of another kind: such a path is refused with one sentence before anything is written.
"""

from __future__ import annotations

import enum
import os
from pathlib import Path

from desktop_app.errors import UserFacingError, quote

# The files that make a folder a vault (or part of one): a path inside such a folder is never an output.
VAULT_MARKERS = (
    "keyslots.json",
    "keyslots.json.bak",
    "keyslots.recovery.json",
    "waymark.db",
    "audit.anchor",
    "waymark.lock",
)
SYSTEM_FOLDERS = ("/proc", "/sys", "/dev")
_MAX_NAME = 255


class OutputKind(enum.StrEnum):
    PDF = "PDF"
    BACKUP = "Waymark backup"
    TRANSFER = "Waymark transfer"
    DROP_KIT = "Waymark drop kit"
    CSV = "CSV"
    PNG = "PNG picture"
    JPEG = "JPEG photo"
    TEXT = "plain text"
    EMAIL = "saved email"


# How an existing file of each kind begins: only such a file (or an empty one) is replaced. A CSV, plain text or a
# saved email has no signature: it is any text that begins as none of the others does.
_MAGIC: dict[OutputKind, tuple[bytes, ...]] = {
    OutputKind.PDF: (b"%PDF",),
    OutputKind.BACKUP: (b"PK\x03\x04", b"PK\x05\x06"),
    OutputKind.TRANSFER: (b"WAYMARK-TRANSFER",),
    OutputKind.DROP_KIT: (b"{",),  # JSON
    OutputKind.PNG: (b"\x89PNG\r\n\x1a\n",),
    OutputKind.JPEG: (b"\xff\xd8\xff",),
}
_TEXT_KINDS = (OutputKind.CSV, OutputKind.TEXT, OutputKind.EMAIL)
_NOT_TEXT = (b"SQLite format 3", *(magic for signatures in _MAGIC.values() for magic in signatures if magic != b"{"))


class OutputRefused(UserFacingError):
    """A path given for a file to write that Waymark will not write to; nothing was written."""


def inside_vault(folder: Path) -> Path | None:
    """The vault folder that ``folder`` is (or is inside), if any."""
    for candidate in (folder, *folder.parents):
        if any(os.path.lexists(candidate / marker) for marker in VAULT_MARKERS):
            return candidate
    return None


def check_output_path(path: Path | str, kind: OutputKind, make_folder: bool = False) -> Path:
    """The absolute path to write ``kind`` to, or ``OutputRefused`` with the reason; nothing is written here.

    ``make_folder``: a missing folder is made (0700) once the nearest existing one passes the same checks.
    """
    given = Path(path).expanduser()
    shown = quote(given)
    if not given.name or given.name in (".", "..") or len(given.name) > _MAX_NAME:
        raise OutputRefused(f"{shown} is not a file name Waymark can write; give the name of the {kind} file.")
    existing = given.parent
    while make_folder and not os.path.lexists(existing) and existing != existing.parent:
        existing = existing.parent
    try:
        folder = existing.resolve(strict=True)
    except (OSError, RuntimeError):
        raise OutputRefused(f"The folder for {shown} does not exist; choose a folder that does.") from None
    if not folder.is_dir():
        raise OutputRefused(f"The folder for {shown} is not a folder; choose a folder that exists.")
    if any(folder == Path(system) or Path(system) in folder.parents for system in SYSTEM_FOLDERS if os.name == "posix"):
        raise OutputRefused(f"{shown} is in a system folder, not a place for files; choose a folder of your own.")
    vault = inside_vault(folder)
    if vault is not None:
        raise OutputRefused(
            f"{shown} is inside the vault folder {quote(vault)}; writing there could destroy the "
            f"vault. Choose a folder outside it."
        )
    if existing != given.parent:
        from desktop_app.filemodes import private_dir

        try:
            folder = private_dir(given.parent).resolve(strict=True)
        except OSError as error:
            raise OutputRefused(
                f"The folder for {shown} could not be made ({error.strerror}); choose a folder that exists."
            ) from None
    target = folder / given.name
    if target.is_symlink():
        raise OutputRefused(
            f"{shown} is a symbolic link; Waymark does not write through links. Choose a plain file name."
        )
    if target.exists():
        if not target.is_file():
            raise OutputRefused(
                f"{shown} already exists and is not a file (a folder or a device); choose another name."
            )
        if not _is_kind(target, kind):
            raise OutputRefused(
                f"{shown} already exists and is not a {kind} file, so it was not replaced; choose another name."
            )
    return target


def _is_kind(target: Path, kind: OutputKind) -> bool:
    try:
        with open(target, "rb") as handle:
            head = handle.read(64)
    except OSError:
        return False
    if not head:
        return True
    if kind in _TEXT_KINDS:
        return b"\0" not in head and not head.startswith(_NOT_TEXT)
    return head.startswith(_MAGIC[kind])
