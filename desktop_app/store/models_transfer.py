"""Tables for records that move (transfers out and in, receipts) and records that end (holds, destructions).

Append-only (triggers in migration 0004): ``transfers``, ``transfer_receipts``, ``received_files``,
``retention_holds``, ``destructions``. ``transfer_awaiting`` and ``retention_hold_state`` are projections.
``destruction_open`` is empty except inside the one transaction that destroys a child's file: the append-only
triggers allow a DELETE only of rows belonging to the child named there (see docs/CONTRACTS.md, retention).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.models import Base
from desktop_app.store.types import IsoDate, UtcDateTime


class TransferRow(Base):
    """A child's file sent to another setting (``out``) or received from one (``in``)."""

    __tablename__ = "transfers"
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    direction: Mapped[str] = mapped_column(String(8))
    package_id: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_on: Mapped[date] = mapped_column(IsoDate)
    other_setting: Mapped[str] = mapped_column(Text)
    other_person: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(Text, default="")
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    __table_args__ = (Index(None, "direction", "package_id", unique=True),)


class TransferReceiptRow(Base):
    """The receiving setting confirmed it has the file: when, and who said so."""

    __tablename__ = "transfer_receipts"
    id: Mapped[int] = mapped_column(primary_key=True)
    transfer_id: Mapped[int] = mapped_column(ForeignKey("transfers.id"), unique=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    confirmed_on: Mapped[date] = mapped_column(IsoDate)
    confirmed_by: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class TransferAwaitingRow(Base):
    """Projection: transfers out whose receipt is not yet confirmed (the dashboard's list)."""

    __tablename__ = "transfer_awaiting"
    transfer_id: Mapped[int] = mapped_column(ForeignKey("transfers.id"), primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    sent_on: Mapped[date] = mapped_column(IsoDate, index=True)


class ReceivedFileRow(Base):
    """A file received from another setting, kept exactly as sent: the records JSON and their chronology PDF."""

    __tablename__ = "received_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    transfer_id: Mapped[int] = mapped_column(ForeignKey("transfers.id"))
    package_id: Mapped[str] = mapped_column(String(64), unique=True)
    from_setting: Mapped[str] = mapped_column(Text)
    made_at: Mapped[datetime] = mapped_column(UtcDateTime)
    records: Mapped[str] = mapped_column(Text)
    chronology_pdf: Mapped[bytes] = mapped_column(LargeBinary)
    records_pdf: Mapped[bytes] = mapped_column(LargeBinary)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime)


class RetentionHoldRow(Base):
    """A hold placed on (``placed``) or lifted from (``lifted``) a child's file; never edited."""

    __tablename__ = "retention_holds"
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    until: Mapped[date | None] = mapped_column(IsoDate, nullable=True)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class RetentionHoldStateRow(Base):
    """Projection: the hold in force on a child's file, if any (``until`` None: until lifted)."""

    __tablename__ = "retention_hold_state"
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), primary_key=True)
    hold_id: Mapped[int] = mapped_column(ForeignKey("retention_holds.id"))
    until: Mapped[date | None] = mapped_column(IsoDate, nullable=True)


class ChildBornRow(Base):
    """Projection kept by triggers on ``children``: each child's date of birth (or one estimated from the age given
    when first recorded), indexed, so the retention review list never decodes every child's details."""

    __tablename__ = "child_born"
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), primary_key=True)
    born_on: Mapped[date | None] = mapped_column(IsoDate, nullable=True, index=True)


class DestructionRow(Base):
    """That a child's file was destroyed, by whom, when and why: never what it held (no names, no text)."""

    __tablename__ = "destructions"
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int]  # no foreign key: the child's row is gone
    destroyed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    retention_date: Mapped[date | None] = mapped_column(IsoDate, nullable=True)
    reason: Mapped[str] = mapped_column(Text)
    records: Mapped[int]
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class DestructionOpenRow(Base):
    """Present only inside a destruction's transaction: the child whose rows the triggers let go."""

    __tablename__ = "destruction_open"
    child_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)


# Append-only tables of this module whose rows a destruction may remove (each has a child_id column).
CHILD_APPEND_ONLY = ("transfers", "transfer_receipts", "received_files", "retention_holds")
