"""``uow.transfers``: the transfer log (files sent and received, receipts) and files received kept as sent."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop_app.domain.records import Actor
from desktop_app.domain.transfer import ReceivedFile, TransferEntry
from desktop_app.errors import UserFacingError
from desktop_app.store.errors import RecordNotFound
from desktop_app.store.models import ChildRow
from desktop_app.store.models_transfer import ReceivedFileRow, TransferAwaitingRow, TransferReceiptRow, TransferRow
from desktop_app.store.repositories._common import actor_columns, actor_of
from desktop_app.store.types import utc_now

OUT, IN = "out", "in"


def _entry(row: TransferRow, receipt: TransferReceiptRow | None) -> TransferEntry:
    return TransferEntry(
        transfer_id=row.id,
        child_id=row.child_id,
        direction=row.direction,
        package_id=row.package_id,
        at=row.at,
        sent_on=row.sent_on,
        other_setting=row.other_setting,
        other_person=row.other_person,
        method=row.method,
        recorded_by=actor_of(row.actor_name, row.actor_role, row.actor_user_id),
        receipt_on=receipt.confirmed_on if receipt else None,
        receipt_by=receipt.confirmed_by if receipt else "",
    )


def _received(row: ReceivedFileRow) -> ReceivedFile:
    return ReceivedFile(
        received_id=row.id,
        child_id=row.child_id,
        transfer_id=row.transfer_id,
        package_id=row.package_id,
        from_setting=row.from_setting,
        made_at=row.made_at,
        imported_at=row.imported_at,
        records=row.records,
        chronology_pdf=row.chronology_pdf,
        records_pdf=row.records_pdf,
    )


class TransferRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        child_id: int,
        direction: str,
        package_id: str,
        sent_on: date,
        other_setting: str,
        other_person: str,
        method: str,
        actor: Actor,
    ) -> TransferEntry:
        if self._session.get(ChildRow, child_id) is None:
            raise RecordNotFound(f"There is no child with id {child_id} in this vault.")
        row = TransferRow(
            child_id=child_id,
            direction=direction,
            package_id=package_id,
            at=utc_now(),
            sent_on=sent_on,
            other_setting=other_setting,
            other_person=other_person,
            method=method,
            **actor_columns(actor),
        )
        self._session.add(row)
        self._session.flush()
        if direction == OUT:
            self._session.add(TransferAwaitingRow(transfer_id=row.id, child_id=child_id, sent_on=sent_on))
            self._session.flush()
        return _entry(row, None)

    def get(self, transfer_id: int) -> TransferEntry:
        row = self._session.get(TransferRow, transfer_id)
        if row is None:
            raise RecordNotFound(f"There is no transfer with id {transfer_id} in this vault.")
        return _entry(row, self._receipt(transfer_id))

    def _receipt(self, transfer_id: int) -> TransferReceiptRow | None:
        return self._session.scalar(select(TransferReceiptRow).where(TransferReceiptRow.transfer_id == transfer_id))

    def confirm_receipt(self, transfer_id: int, confirmed_on: date, confirmed_by: str, actor: Actor) -> TransferEntry:
        row = self._session.get(TransferRow, transfer_id)
        if row is None or row.direction != OUT:
            raise RecordNotFound(f"There is no transfer out with id {transfer_id} in this vault.")
        if self._receipt(transfer_id) is not None:
            raise UserFacingError("Receipt of this transfer was already confirmed; it was not recorded twice.")
        self._session.add(
            TransferReceiptRow(
                transfer_id=transfer_id,
                child_id=row.child_id,
                confirmed_on=confirmed_on,
                confirmed_by=confirmed_by,
                recorded_at=utc_now(),
                **actor_columns(actor),
            )
        )
        self._session.execute(delete(TransferAwaitingRow).where(TransferAwaitingRow.transfer_id == transfer_id))
        self._session.flush()
        return self.get(transfer_id)

    def for_child(self, child_id: int, limit: int = 200) -> list[TransferEntry]:
        """A child's transfer log, oldest first."""
        query = (
            select(TransferRow, TransferReceiptRow)
            .outerjoin(TransferReceiptRow, TransferReceiptRow.transfer_id == TransferRow.id)
            .where(TransferRow.child_id == child_id)
            .order_by(TransferRow.at, TransferRow.id)
            .limit(limit)
        )
        return [_entry(row, receipt) for row, receipt in self._session.execute(query)]

    def awaiting_receipt(
        self, sent_on_or_before: date | None = None, limit: int = 50, offset: int = 0
    ) -> list[TransferEntry]:
        """Transfers out not yet confirmed as received, oldest first (index-backed: ``transfer_awaiting``)."""
        query = (
            select(TransferRow)
            .join(TransferAwaitingRow, TransferAwaitingRow.transfer_id == TransferRow.id)
            .order_by(TransferAwaitingRow.sent_on, TransferAwaitingRow.transfer_id)
            .limit(limit)
            .offset(offset)
        )
        if sent_on_or_before is not None:
            query = query.where(TransferAwaitingRow.sent_on <= sent_on_or_before)
        return [_entry(row, None) for row in self._session.scalars(query)]

    def count_awaiting_receipt(self, sent_on_or_before: date | None = None) -> int:
        query = select(func.count()).select_from(TransferAwaitingRow)
        if sent_on_or_before is not None:
            query = query.where(TransferAwaitingRow.sent_on <= sent_on_or_before)
        return int(self._session.scalar(query) or 0)

    def keep_received(
        self,
        child_id: int,
        transfer_id: int,
        package_id: str,
        from_setting: str,
        made_at: datetime,
        records: str,
        chronology_pdf: bytes,
        records_pdf: bytes,
    ) -> ReceivedFile:
        row = ReceivedFileRow(
            child_id=child_id,
            transfer_id=transfer_id,
            package_id=package_id,
            from_setting=from_setting,
            made_at=made_at,
            records=records,
            chronology_pdf=chronology_pdf,
            records_pdf=records_pdf,
            imported_at=utc_now(),
        )
        self._session.add(row)
        self._session.flush()
        return _received(row)

    def received_by_package(self, package_id: str) -> ReceivedFile | None:
        row = self._session.scalar(select(ReceivedFileRow).where(ReceivedFileRow.package_id == package_id))
        return None if row is None else _received(row)

    def received_for_child(self, child_id: int) -> list[ReceivedFile]:
        rows = self._session.scalars(
            select(ReceivedFileRow).where(ReceivedFileRow.child_id == child_id).order_by(ReceivedFileRow.id)
        )
        return [_received(r) for r in rows]

    def received(self, received_id: int) -> ReceivedFile:
        row = self._session.get(ReceivedFileRow, received_id)
        if row is None:
            raise RecordNotFound(f"There is no received file with id {received_id} in this vault.")
        return _received(row)
