"""Typed tables. Record bodies are JSON of the domain dataclasses; beside them, indexed columns for every list.

Append-only tables (concerns, their events, screenings, referrals, their events, addenda, child versions, audit) are
guarded by triggers created in the migrations. Small ``*_state`` tables are projections kept for fast dashboards.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, ForeignKey, Index, LargeBinary, MetaData, String, Text, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop_app.store.types import IsoDate, UtcDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SettingRow(Base):
    """The one row describing the setting, and the vault's own secrets (only ever inside the encrypted file)."""

    __tablename__ = "setting"
    id: Mapped[int] = mapped_column(primary_key=True)
    vault_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(Text)
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    dsl_name: Mapped[str] = mapped_column(Text, default="")
    dsl_phone: Mapped[str] = mapped_column(Text, default="")
    dsl_email: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[str] = mapped_column(Text, default="{}")
    intake_private_key: Mapped[bytes] = mapped_column(LargeBinary)
    # Earlier intake private keys, 32 bytes each, newest first: sealed items written before a new key pair still open.
    retired_intake_keys: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    audit_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class UserRow(Base):
    __tablename__ = "users"
    user_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(32))
    slot_id: Mapped[str] = mapped_column(String(64), default="")
    slot_secret: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    removed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class ContactOverrideRow(Base):
    __tablename__ = "contact_overrides"
    contact_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    phone: Mapped[str] = mapped_column(Text)


class ChildRow(Base):
    """The current version of a child's details; every version is kept in ``child_versions``."""

    __tablename__ = "children"
    id: Mapped[int] = mapped_column(primary_key=True)
    first_fold: Mapped[str] = mapped_column(Text, index=True)
    last_fold: Mapped[str] = mapped_column(Text, index=True)
    known_fold: Mapped[str] = mapped_column(Text, index=True)
    version: Mapped[int] = mapped_column(default=1)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    upn: Mapped[str | None] = mapped_column(String(16), index=True, nullable=True)  # matched by the MIS import
    __table_args__ = (Index("ix_children_name_order", "last_fold", "first_fold", "id"),)


class ChildNameWordRow(Base):
    """Projection: every word of each child's names, folded, for prefix search on any part of a name."""

    __tablename__ = "child_name_words"
    word: Mapped[str] = mapped_column(Text, primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), primary_key=True, index=True)


class ChildVersionRow(Base):
    __tablename__ = "child_versions"
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"))
    version: Mapped[int]
    body: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index(None, "child_id", "version", unique=True),)


class ConcernRow(Base):
    __tablename__ = "concerns"
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    intake_reference: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sealed: Mapped[bool]
    body: Mapped[str] = mapped_column(Text)
    recorded_by_name: Mapped[str] = mapped_column(Text)
    recorded_by_role: Mapped[str] = mapped_column(Text)
    recorded_by_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class ConcernStateRow(Base):
    """Projection: each concern's current status, for the dashboard lists."""

    __tablename__ = "concern_state"
    concern_id: Mapped[int] = mapped_column(ForeignKey("concerns.id"), primary_key=True)
    status: Mapped[str] = mapped_column(String(32))
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # What the awaiting list orders by, copied from the body when the concern is recorded (0013_awaiting_order), so
    # the index alone finds the most urgent: no concern's body is read to order the list.
    immediate_danger: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    sign_ids: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")  # JSON list of screening item ids
    __table_args__ = (Index(None, "status", "submitted_at", "concern_id", "immediate_danger", "sign_ids"),)


class ConcernEventRow(Base):
    __tablename__ = "concern_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    concern_id: Mapped[int] = mapped_column(ForeignKey("concerns.id"), index=True)
    status: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class ScreeningRow(Base):
    __tablename__ = "screenings"
    id: Mapped[int] = mapped_column(primary_key=True)
    concern_id: Mapped[int] = mapped_column(ForeignKey("concerns.id"), index=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    definition_id: Mapped[str] = mapped_column(Text)
    definition_version: Mapped[str] = mapped_column(Text)
    definition_hash: Mapped[str] = mapped_column(String(64))
    suggested_level: Mapped[str] = mapped_column(String(32))
    confirmed_level: Mapped[str] = mapped_column(String(32))
    review_date: Mapped[date] = mapped_column(IsoDate, index=True)
    completed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    body: Mapped[str] = mapped_column(Text)


class ChildRiskRow(Base):
    """Projection: each screened child's latest screening, its level and review date."""

    __tablename__ = "child_risk"
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), primary_key=True)
    screening_id: Mapped[int] = mapped_column(ForeignKey("screenings.id"))
    level: Mapped[str] = mapped_column(String(32))
    review_date: Mapped[date] = mapped_column(IsoDate)
    __table_args__ = (Index(None, "level", "review_date"), Index(None, "review_date"))


class ReferralRow(Base):
    __tablename__ = "referrals"
    id: Mapped[int] = mapped_column(primary_key=True)
    concern_id: Mapped[int] = mapped_column(ForeignKey("concerns.id"), index=True)
    route: Mapped[str] = mapped_column(String(32))
    contacted_name: Mapped[str] = mapped_column(Text)
    contacted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reference: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    confirmation_due: Mapped[date | None] = mapped_column(IsoDate, nullable=True)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # What the school asked for and consent, as JSON (domain.records.ReferralRequest); NULL before revision 0011
    request: Mapped[str | None] = mapped_column(Text, nullable=True)


class ReferralEventRow(Base):
    __tablename__ = "referral_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    sent: Mapped[date | None] = mapped_column(IsoDate, nullable=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class ReferralPendingRow(Base):
    """Projection: referrals whose written confirmation has not been sent."""

    __tablename__ = "referral_pending"
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"), primary_key=True)
    confirmation_due: Mapped[date] = mapped_column(IsoDate, index=True)


class AddendumRow(Base):
    __tablename__ = "addenda"
    id: Mapped[int] = mapped_column(primary_key=True)
    object_kind: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[int]
    written_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    reason: Mapped[str] = mapped_column(Text)
    change: Mapped[str] = mapped_column(Text)
    __table_args__ = (Index(None, "object_kind", "object_id"),)


class AuditRow(Base):
    """One link of the audit chain; ``mac`` covers the canonical row and ``prev_mac``."""

    __tablename__ = "audit"
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    action: Mapped[str] = mapped_column(String(64))
    object_ref: Mapped[str] = mapped_column(Text)
    details: Mapped[str] = mapped_column(Text)
    details_hash: Mapped[str] = mapped_column(String(64))
    prev_mac: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64))
    __table_args__ = (Index(None, "at"), Index(None, "action", "seq"))


APPEND_ONLY_TABLES = (
    "audit",
    "concerns",
    "concern_events",
    "screenings",
    "referrals",
    "referral_events",
    "addenda",
    "child_versions",
)
FTS_TABLE = "concern_text"

from desktop_app.store import models_actions as _models_actions  # noqa: E402,F401  (a concern's actions)
from desktop_app.store import models_attachments as _models_attachments  # noqa: E402,F401  (attachments, body maps)
from desktop_app.store import models_audit as _models_audit  # noqa: E402,F401  - the annual audit's tables
from desktop_app.store import models_connections as _models_connections  # noqa: E402,F401
from desktop_app.store import models_transfer as _models_transfer  # noqa: E402,F401  (transfer and retention tables)
