"""Destroying a child's file: a DSL only, with a reason, never under a hold; audited (that it happened, not what it
held); then the database is compacted so the deleted text is gone from the file, the WAL and later backups."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop_app.domain.enums import Role
from desktop_app.domain.transfer import Destruction
from desktop_app.errors import FieldProblem, UserFacingError
from desktop_app.services.retention.dates import status_in
from desktop_app.services.vault import VaultSession
from desktop_app.services.vault.session import BACKUPS_DIR

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class Destroyed:
    destruction: Destruction
    backups_removed: int


def destroy_file(
    session: VaultSession, child_id: int, reason: str, today: date, progress: Progress | None = None
) -> Destroyed:
    report = progress or (lambda _s, _o, _w: None)
    if session.user.role is not Role.DSL:
        raise UserFacingError("Only the Designated Safeguarding Lead can destroy a child's file; a deputy cannot.")
    if not reason.strip():
        raise FieldProblem("reason", "Choose or type why this file is being destroyed.")
    actor = session.actor()
    report(0, 3, "Destroying the file")
    with session.uow() as uow:
        status = status_in(uow, child_id)
        if status.held_on(today):
            hold = status.hold
            assert hold is not None
            end = f"until {hold.until:%d/%m/%Y}" if hold.until else "until it is lifted"
            raise UserFacingError(
                f"This file is on hold {end} ({hold.reason}), so it was not destroyed. Lift the "
                "hold first if it no longer applies."
            )
        destruction = uow.retention.destroy(child_id, reason.strip(), status.retention_date, actor)
        # The audit keeps that a file was destroyed: ids and a count, never a name or any of the file's text.
        uow.audit.append(
            actor,
            "child.destroyed",
            f"child:{child_id}",
            {"destruction_id": destruction.destruction_id, "records": destruction.records},
        )
        uow.commit()
    report(1, 3, "Removing the deleted text from the vault's files")
    session.compact()
    report(2, 3, "Removing automatic backups that still hold the file")
    removed = _remove_older_backups(session)
    report(3, 3, "Done")
    return Destroyed(destruction, removed)


def _remove_older_backups(session: VaultSession) -> int:
    """The vault's own automatic backups (before a migration, before removing a user) were taken before the
    destruction and still hold the file: they are deleted. Backups the DSL saved elsewhere are theirs to destroy."""
    folder = Path(session.vault_dir) / BACKUPS_DIR
    backups = sorted(folder.glob("*.wmbak")) if folder.is_dir() else []
    for backup in backups:
        backup.unlink(missing_ok=True)
    if backups:
        with session.uow() as uow:
            uow.audit.append(
                session.actor(), "backup.deleted", "vault", {"count": len(backups), "after": "child.destroyed"}
            )
            uow.commit()
    return len(backups)
