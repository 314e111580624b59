"""The child's chronology entries for transfers: each file sent (and its receipt) and each file received."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.definitions import Forms
from desktop_app.domain.documents import ChronologyEvent
from desktop_app.domain.records import Child
from desktop_app.store.uow import UnitOfWork

TRANSFER = "Transfer"  # the chronology's kind (services.child.chronology.TRANSFER)


def transfer_events(uow: UnitOfWork, child: Child, forms: Forms) -> Iterable[ChronologyEvent]:
    del forms
    for entry in uow.transfers.for_child(child.child_id):
        by = f"{entry.recorded_by.name} ({entry.recorded_by.role_label})"
        if entry.direction == "in":
            yield ChronologyEvent(
                entry.at,
                TRANSFER,
                f"Child protection file received from {entry.other_setting}, kept as sent.",
                recorded_by=by,
            )
            continue
        to = f"{entry.other_person}, {entry.other_setting}" if entry.other_person else entry.other_setting
        how = f" ({entry.method})" if entry.method else ""
        outcome = (
            f"Receipt confirmed on {entry.receipt_on:%d/%m/%Y} by {entry.receipt_by}."
            if entry.confirmed
            else "Receipt not yet confirmed."
        )
        yield ChronologyEvent(
            entry.at, TRANSFER, f"Child protection file sent to {to}{how}.", outcome=outcome, recorded_by=by
        )
