"""Keep a file with a concern, list, view, withdraw, and save a copy out: every step audited.

The bytes live only in the encrypted database. Viewing hands them to the screen in memory; the one file ever written
is the copy the DSL asks for, at the place they choose. Audit details carry ids, sizes and kinds, never a file name.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.definitions.attachments import AttachmentsDefinition, FileKind
from desktop_app.definitions.loader import attachments_definition
from desktop_app.domain.attachments import AttachmentInfo, size_text
from desktop_app.errors import UserFacingError
from desktop_app.services.vault import VaultSession
from desktop_app.vault import atomic
from desktop_app.vault.leftovers import OutputRegister
from desktop_app.vault.outputs import OutputKind, OutputRefused, check_output_path

Progress = Callable[..., None]
CHUNK = 1024 * 1024
MAX_DESCRIPTION = 300
IMAGE, PDF, TEXT = "image", "pdf", "text"


class AttachmentRefused(UserFacingError):
    """A file that cannot be kept (kind, size, content) or a request that cannot be met; nothing was saved."""


@dataclass(frozen=True, slots=True)
class OpenedFile:
    """A kept file's bytes, in memory, with how to show it (``IMAGE``, ``PDF`` or ``TEXT``; ``text`` for text)."""

    info: AttachmentInfo
    data: bytes
    shown_as: str
    text: str = ""


def file_filter(definition: AttachmentsDefinition | None = None) -> str:
    """The open-file dialog's filter: the kinds that may be kept."""
    definition = definition or attachments_definition()
    endings = " ".join(f"*{e}" for e in definition.allowed_endings())
    return f"Files Waymark can keep ({endings})"


def check_kind(file_name: str, head: bytes, definition: AttachmentsDefinition) -> FileKind:
    """The kind of ``file_name`` judged by its ending and its first bytes, or ``AttachmentRefused``."""
    kind = definition.kind_for_name(file_name)
    if kind is None:
        raise AttachmentRefused(f"{Path(file_name).name} was not added. {definition.kinds_sentence}")
    if kind.starts_with_hex and not kind.matches_start(head):
        name = Path(file_name)
        raise AttachmentRefused(
            f"{name.name} ends in {name.suffix} but is not really a {kind.name} (it may be "
            "another kind of file, renamed), so it was not added."
        )
    return kind


def _check_size(size: int, name: str, definition: AttachmentsDefinition) -> None:
    if size == 0:
        raise AttachmentRefused(f"{name} is empty, so it was not added.")
    if size > definition.max_bytes:
        raise AttachmentRefused(
            f"{name} is {size_text(size)}; Waymark keeps files of up to "
            f"{definition.max_megabytes} MB, so it was not added."
        )


def _decoded(data: bytes) -> str | None:
    if b"\x00" in data:
        return None
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _check_description(description: str) -> str:
    text = " ".join(description.split())
    if not text:
        raise AttachmentRefused(
            "Say in a few words what the file is (for example: email from the Hub about the "
            "strategy meeting), then add it again."
        )
    if len(text) > MAX_DESCRIPTION:
        raise AttachmentRefused(
            f"The description is {len(text)} characters long; keep it to {MAX_DESCRIPTION} "
            "(the file itself holds the detail)."
        )
    return text


def read_file(
    path: Path, definition: AttachmentsDefinition | None = None, progress: Progress | None = None
) -> tuple[bytes, FileKind]:
    """Read a chosen file into memory in pieces (``progress(done, total, text)``), checked before and after."""
    definition = definition or attachments_definition()
    name = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise AttachmentRefused(f"{name} is not a file; choose a file to add.")
        _check_size(size, name, definition)
        chunks: list[bytes] = []
        done = 0
        with open(path, "rb") as handle:
            check_kind(name, handle.read(16), definition)
            handle.seek(0)
            while chunk := handle.read(CHUNK):
                chunks.append(chunk)
                done += len(chunk)
                if done > definition.max_bytes:  # the file grew while it was read
                    _check_size(done, name, definition)
                if progress is not None:
                    progress(done, size, f"Reading {size_text(done)} of {size_text(size)}")
    except FileNotFoundError:
        raise AttachmentRefused(f"{name} could not be found; it may have been moved. Nothing was added.") from None
    except PermissionError:
        raise AttachmentRefused(f"Waymark is not allowed to read {name}; nothing was added.") from None
    except IsADirectoryError:
        raise AttachmentRefused(f"{name} is a folder; choose a file to add.") from None
    data = b"".join(chunks)
    return data, check_content(name, data, definition)


def check_content(file_name: str, data: bytes, definition: AttachmentsDefinition) -> FileKind:
    name = Path(file_name).name
    _check_size(len(data), name, definition)
    kind = check_kind(name, data[:16], definition)
    if kind.text and _decoded(data) is None:
        raise AttachmentRefused(f"{name} does not hold plain text, so it was not added.")
    return kind


def add_file(
    session: VaultSession, concern_id: int, path: Path, description: str, progress: Progress | None = None
) -> AttachmentInfo:
    """Read ``path`` and keep it with the concern; safe in a worker thread."""
    text = _check_description(description)
    data, _kind = read_file(Path(path), progress=progress)
    return add_bytes(session, concern_id, Path(path).name, data, text)


def add_bytes(session: VaultSession, concern_id: int, file_name: str, data: bytes, description: str) -> AttachmentInfo:
    """Keep ``data`` (already in memory) with the concern under ``file_name``; audited ``attachment.added``."""
    definition = attachments_definition()
    text = _check_description(description)
    kind = check_content(file_name, data, definition)
    actor = session.actor()
    with session.uow() as uow:
        info = uow.attachments.add(concern_id, Path(file_name).name, kind.media_type, data, text, actor)
        uow.audit.append(
            actor,
            "attachment.added",
            f"concern:{concern_id}",
            {"attachment": info.attachment_id, "kind": kind.id, "size": info.size},
        )
        uow.commit()
    return info


def files_of(session: VaultSession, concern_id: int, limit: int = 50, offset: int = 0) -> list[AttachmentInfo]:
    with session.uow() as uow:
        return uow.attachments.for_concern(concern_id, limit=limit, offset=offset)


def count_files(session: VaultSession, concern_id: int) -> int:
    with session.uow() as uow:
        return uow.attachments.count_for_concern(concern_id)


def shown_as(media_type: str) -> str:
    if media_type.startswith("image/"):
        return IMAGE
    if media_type == "application/pdf":
        return PDF
    return TEXT


def open_file(session: VaultSession, attachment_id: int) -> OpenedFile:
    """The file's bytes in memory for the screen (nothing written anywhere); audited ``attachment.viewed``."""
    actor = session.actor()
    with session.uow() as uow:
        info = uow.attachments.get(attachment_id)
        data = uow.attachments.content(attachment_id)
        uow.audit.append(actor, "attachment.viewed", f"concern:{info.concern_id}", {"attachment": attachment_id})
        uow.commit()
    how = shown_as(info.media_type)
    return OpenedFile(info=info, data=data, shown_as=how, text=(_decoded(data) or "") if how == TEXT else "")


def withdraw(session: VaultSession, attachment_id: int, reason: str) -> AttachmentInfo:
    """Mark a file as withdrawn (kept, shown as withdrawn, with why); audited ``attachment.withdrawn``."""
    why = " ".join(reason.split())
    if not why:
        raise AttachmentRefused("Say why the file is withdrawn (for example: attached to the wrong concern).")
    actor = session.actor()
    with session.uow() as uow:
        info = uow.attachments.withdraw(attachment_id, why, actor)
        uow.audit.append(actor, "attachment.withdrawn", f"concern:{info.concern_id}", {"attachment": attachment_id})
        uow.commit()
    return info


_COPY_KINDS = {
    "application/pdf": OutputKind.PDF,
    "image/png": OutputKind.PNG,
    "image/jpeg": OutputKind.JPEG,
    "text/plain": OutputKind.TEXT,
    "message/rfc822": OutputKind.EMAIL,
}


def check_copy_path(session: VaultSession, path: Path, media_type: str = "") -> Path:
    """Where a copy may be written: ``vault.outputs.check_output_path``, the check of every file the DSL chooses
    (never inside a vault folder, through a link, or over a file of another kind), its sentence as it is."""
    try:
        return check_output_path(path, _COPY_KINDS.get(media_type, OutputKind.TEXT))
    except OutputRefused as refused:
        raise AttachmentRefused(refused.sentence) from None


def save_copy(session: VaultSession, attachment_id: int, path: Path) -> Path:
    """Write the file, as it was added, to the place the DSL chose; audited ``attachment.saved`` with it."""
    actor = session.actor()
    with session.uow() as uow:
        info = uow.attachments.get(attachment_id)
        target = check_copy_path(session, path, info.media_type)
        data = uow.attachments.content(attachment_id)
        uow.audit.append(actor, "attachment.saved", f"concern:{info.concern_id}", {"attachment": attachment_id})
        atomic.write_bytes(target, data, register=OutputRegister(session.vault_dir))
        try:
            uow.commit()
        except BaseException:
            target.unlink(missing_ok=True)
            raise
    if os.name == "posix":
        target.chmod(0o600)
    return target
