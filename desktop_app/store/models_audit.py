"""Tables of the annual audit (answers and sign-offs, append-only), the staff register and its training records."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.models import Base, ConcernEventRow, ConcernRow, ReferralRow, ScreeningRow
from desktop_app.store.types import IsoDate, UtcDateTime


class AuditYearRow(Base):
    """One academic year's audit. Its dates change until signing begins; answers and sign-offs are rows of their own."""

    __tablename__ = "audit_years"
    id: Mapped[int] = mapped_column(primary_key=True)
    year_start: Mapped[int] = mapped_column(unique=True)  # 2026 for "2026-27"
    obligations_version: Mapped[str] = mapped_column(Text)
    carried_from: Mapped[str] = mapped_column(String(16), default="")
    audit_date: Mapped[date | None] = mapped_column(IsoDate, nullable=True)
    next_review: Mapped[date | None] = mapped_column(IsoDate, nullable=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class AuditAnswerRow(Base):
    """One answer for one obligation in one year; the newest row counts, every earlier one is kept (append-only)."""

    __tablename__ = "audit_answers"
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit_years.id"))
    obligation_id: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[date | None] = mapped_column(IsoDate, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    carried: Mapped[bool] = mapped_column(default=False)
    written_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    __table_args__ = (Index(None, "audit_id", "obligation_id", "id"),)


class AuditSignOffRow(Base):
    """A signature on a year's audit: one per role, never changed (append-only)."""

    __tablename__ = "audit_signoffs"
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit_years.id"))
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    signed_on: Mapped[date] = mapped_column(IsoDate)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    __table_args__ = (Index(None, "audit_id", "role", unique=True),)


class StaffRow(Base):
    """A member of staff on the training register (adults who work at the setting; never a child)."""

    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    job_title: Mapped[str] = mapped_column(Text, default="")
    exploitation_role: Mapped[str] = mapped_column(String(16), default="")
    started_on: Mapped[date | None] = mapped_column(IsoDate, nullable=True)
    left_on: Mapped[date | None] = mapped_column(IsoDate, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    __table_args__ = (Index(None, "left_on"), Index(None, "exploitation_role"))


class TrainingRow(Base):
    """A course a member of staff completed (append-only: a mistake is put right by a further record)."""

    __tablename__ = "training_records"
    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    course_id: Mapped[str] = mapped_column(String(64))
    course_title: Mapped[str] = mapped_column(Text)
    completed_on: Mapped[date] = mapped_column(IsoDate)
    next_due: Mapped[date | None] = mapped_column(IsoDate, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    __table_args__ = (Index(None, "staff_id", "completed_on"), Index(None, "completed_on"))


class ConcernCategoryRow(Base):
    """Projection: each category ticked on each concern, with the concern's month (UTC), for the governors' counts.

    Filled by a trigger on ``concerns`` (made in the migration), so every way a concern arrives keeps it whole; it
    lets a year be counted from an index instead of decoding 100,000 concern bodies.
    """

    __tablename__ = "concern_categories"
    concern_id: Mapped[int] = mapped_column(ForeignKey("concerns.id"), primary_key=True)
    category_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    month: Mapped[str] = mapped_column(String(7))
    __table_args__ = (Index(None, "month", "category_id"),)


AUDIT_APPEND_ONLY_TABLES = ("audit_answers", "audit_signoffs", "training_records")

# The governors' report counts a year of records: these let it read one year, not ten.
Index("ix_concerns_submitted_at", ConcernRow.submitted_at)
Index("ix_screenings_completed_at_confirmed_level", ScreeningRow.completed_at, ScreeningRow.confirmed_level)  # 0014
Index("ix_referrals_contacted_at", ReferralRow.contacted_at)
Index("ix_concern_events_status_at", ConcernEventRow.status, ConcernEventRow.at)
