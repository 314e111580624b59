"""The transfer log: a child's transfers, receipts confirmed, and transfers whose receipt is overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.definitions import load_forms
from desktop_app.domain.transfer import ReceivedFile, TransferEntry
from desktop_app.errors import FieldProblem
from desktop_app.services.transfer.school_days import add_school_days
from desktop_app.services.vault import VaultSession


@dataclass(frozen=True, slots=True)
class OverdueReceipt:
    entry: TransferEntry
    due: date
    child_name: str


def receipt_due(sent_on: date, school_days: int | None = None) -> date:
    days = school_days if school_days is not None else load_forms().records.receipt_school_days
    return add_school_days(sent_on, days)


def child_name(session: VaultSession, child_id: int) -> str:
    with session.uow() as uow:
        return uow.children.get(child_id).details.display_name


def transfer_log(session: VaultSession, child_id: int) -> list[TransferEntry]:
    with session.uow() as uow:
        return uow.transfers.for_child(child_id)


def received_files(session: VaultSession, child_id: int) -> list[ReceivedFile]:
    with session.uow() as uow:
        return uow.transfers.received_for_child(child_id)


def confirm_receipt(session: VaultSession, transfer_id: int, confirmed_on: date, confirmed_by: str) -> TransferEntry:
    """Record that the receiving setting confirmed it has the file (who told you, and when)."""
    if not confirmed_by.strip():
        raise FieldProblem("confirmed_by", "Type who confirmed receipt (their name and setting).")
    if confirmed_on > date.today():
        raise FieldProblem("confirmed_on", "The day receipt was confirmed cannot be in the future.")
    actor = session.actor()
    with session.uow() as uow:
        sent = uow.transfers.get(transfer_id)
        if confirmed_on < sent.sent_on:
            raise FieldProblem("confirmed_on", "Receipt cannot be confirmed before the day the file was sent.")
        entry = uow.transfers.confirm_receipt(transfer_id, confirmed_on, confirmed_by.strip(), actor)
        uow.audit.append(actor, "transfer.receipt_confirmed", f"child:{entry.child_id}", {"transfer_id": transfer_id})
        uow.commit()
    return entry


@dataclass(frozen=True, slots=True)
class AwaitingReceipt:
    entry: TransferEntry
    due: date
    child_name: str
    overdue: bool


def awaiting_receipt(session: VaultSession, today: date, limit: int = 50, offset: int = 0) -> list[AwaitingReceipt]:
    """Transfers out not yet confirmed as received, oldest first (paged), each with its due day and child's name."""
    days = load_forms().records.receipt_school_days
    with session.uow() as uow:
        found = []
        for entry in uow.transfers.awaiting_receipt(limit=limit, offset=offset):
            due = add_school_days(entry.sent_on, days)
            found.append(
                AwaitingReceipt(entry, due, uow.children.get(entry.child_id).details.display_name, today > due)
            )
        return found


def overdue_receipts(session: VaultSession, today: date, limit: int = 50) -> list[OverdueReceipt]:
    """Transfers out with no receipt confirmed after the school days in forms/records.toml, oldest first."""
    days = load_forms().records.receipt_school_days
    # n school days always span at least n calendar days, so older transfers are all the index needs to read.
    with session.uow() as uow:
        candidates = uow.transfers.awaiting_receipt(sent_on_or_before=today - timedelta(days=days), limit=limit * 4)
        found = []
        for entry in candidates:
            due = add_school_days(entry.sent_on, days)
            if today > due:
                found.append(OverdueReceipt(entry, due, uow.children.get(entry.child_id).details.display_name))
    return found[:limit]
