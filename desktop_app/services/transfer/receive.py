"""Transfer in: open a package from another setting, match it to a child on file or add the child, keep the
sender's records exactly as sent, log it as received from that setting, audited — all in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop_app.domain.records import Child, ConcernDraft
from desktop_app.domain.transfer import ReceivedFile
from desktop_app.errors import UserFacingError
from desktop_app.services.intake.import_items import ChildChoice, ExistingChild, NewChild, suggest_children
from desktop_app.services.transfer.contents import PackageContents, read_zip
from desktop_app.services.vault import VaultSession
from desktop_app.store.repositories.transfer import IN
from desktop_app.vault import package as locked

_MAX_FILE = 1024 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class IncomingTransfer:
    """An opened package, before it is imported: what it holds and the children on file it may be about."""

    contents: PackageContents
    suggestions: tuple[Child, ...]
    already_imported: bool

    @property
    def summary(self) -> str:
        counts = self.contents.counts()
        child = self.contents.child
        born = f", born {child.date_of_birth:%d/%m/%Y}" if child.date_of_birth else ""
        return (
            f"{child.display_name}{born}: {counts['concerns']} concerns, {counts['screenings']} screenings, "
            f"{counts['referrals']} referrals and {counts['addenda']} amendments from {self.contents.from_setting}"
            f", made on {self.contents.made_at:%d/%m/%Y}."
        )


def open_package(path: Path, password: str) -> PackageContents:
    """Read and unlock a transfer file; every problem is one sentence and nothing is changed."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > _MAX_FILE:
            raise UserFacingError("This file is far larger than any transfer file, so it was not opened.")
        blob = path.read_bytes()
    except FileNotFoundError:
        raise UserFacingError(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise UserFacingError(f"{path} is a folder; choose the transfer file itself.") from None
    except OSError as error:
        raise UserFacingError(f"The file {path} could not be read: {error.strerror}.") from None
    return read_zip(locked.unlock(blob, password))


def preview(session: VaultSession, path: Path, password: str) -> IncomingTransfer:
    contents = open_package(path, password)
    with session.uow() as uow:
        suggestions = suggest_children(uow, ConcernDraft(child=contents.child))
        already = uow.transfers.received_by_package(contents.package_id) is not None
    return IncomingTransfer(contents, suggestions, already)


def _already(received: ReceivedFile) -> UserFacingError:
    return UserFacingError(
        f"This transfer file was already imported on {received.imported_at:%d/%m/%Y}, into child "
        f"{received.child_id}'s file; it was not imported twice."
    )


def import_transfer(
    session: VaultSession, path: Path, password: str, choice: ChildChoice, received_on: date | None = None
) -> ReceivedFile:
    """Keep the sender's file against the chosen (or a new) child; one transaction, audited."""
    contents = open_package(path, password)
    actor = session.actor()
    with session.uow() as uow:
        earlier = uow.transfers.received_by_package(contents.package_id)
        if earlier is not None:
            raise _already(earlier)
        if isinstance(choice, NewChild):
            child = uow.children.add(choice.details or contents.child, actor)
            uow.audit.append(actor, "child.added", f"child:{child.child_id}", {"from_transfer": True})
            child_id = child.child_id
        else:
            assert isinstance(choice, ExistingChild)
            child_id = uow.children.get(choice.child_id).child_id
        entry = uow.transfers.add(
            child_id,
            IN,
            contents.package_id,
            contents.made_at.date(),
            contents.from_setting,
            contents.from_dsl,
            "",
            actor,
        )
        kept = uow.transfers.keep_received(
            child_id,
            entry.transfer_id,
            contents.package_id,
            contents.from_setting,
            contents.made_at,
            contents.records_json,
            contents.chronology_pdf,
            contents.records_pdf,
        )
        counts = contents.counts()
        uow.audit.append(
            actor,
            "transfer.received",
            f"child:{child_id}",
            {
                "transfer_id": entry.transfer_id,
                "package_id": contents.package_id,
                "new_child": isinstance(choice, NewChild),
                **counts,
            },
        )
        uow.commit()
    del received_on
    return kept
