"""Demo fiction for records that move and end: a file sent to another school still awaiting receipt, and a former
pupil's file past its retention date (their 25th birthday has passed). Fictional people only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from desktop_app.domain.records import Actor, ChildDetails
from desktop_app.services.transfer.log import receipt_due
from desktop_app.store.clock import frozen_clock
from desktop_app.store.repositories.transfer import OUT

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

FORMER_PUPIL = ChildDetails(
    first_name="Lorcan", last_name="Whitlow-Hayes", year_group="Year 11 (left 2017)", gender="Boy"
)


def add_former_pupil(session: VaultSession, actor: Actor, today: date, before: datetime) -> int:
    """A child who left long ago, born over 25 years before ``today``; written at ``before`` (earlier than any
    other demo moment, so the audit trail stays in time order)."""
    born = date(today.year - 26, 2, 11)
    with frozen_clock(before), session.uow() as uow:
        child = uow.children.add(replace(FORMER_PUPIL, date_of_birth=born), actor)
        uow.audit.append(actor, "child.added", f"child:{child.child_id}", {"demo": True})
        uow.commit()
    return int(child.child_id)


def add_transfer_awaiting_receipt(
    session: VaultSession, actor: Actor, child_id: int, today: date, at: datetime
) -> None:
    """A file sent to another school some school days ago, its receipt not yet confirmed (so it shows as overdue)."""
    sent_on = today - timedelta(days=8)
    while receipt_due(sent_on) >= today:
        sent_on -= timedelta(days=1)
    with frozen_clock(at), session.uow() as uow:
        entry = uow.transfers.add(
            child_id,
            OUT,
            f"demo-{child_id}-{sent_on:%Y%m%d}",
            sent_on,
            "Northfield Academy",
            "Dev Oyelaran-Price",
            "Secure email to the receiving DSL",
            actor,
        )
        uow.audit.append(actor, "transfer.sent", f"child:{child_id}", {"transfer_id": entry.transfer_id, "demo": True})
        uow.commit()
