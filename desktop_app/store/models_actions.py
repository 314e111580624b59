"""Tables of a concern's actions: each action and each change to it are rows never edited; ``action_state`` is the
projection of where each action stands now (owner, due date, done), kept in the same transaction as the events.

Append-only (triggers in migration ``0010_actions``): ``concern_actions``, ``action_events``; their DELETE triggers let
a row go only while its child is named in ``destruction_open`` (see docs/CONTRACTS.md, "How a file is destroyed").
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.models import Base
from desktop_app.store.types import IsoDate, UtcDateTime


class ConcernActionRow(Base):
    """An action agreed on a concern: what is to be done (the owner and due date are in its events)."""

    __tablename__ = "concern_actions"
    id: Mapped[int] = mapped_column(primary_key=True)
    concern_id: Mapped[int] = mapped_column(ForeignKey("concerns.id"), index=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class ActionEventRow(Base):
    """One step of an action: added, given to someone else, due date changed, completed (with its outcome)."""

    __tablename__ = "action_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("concern_actions.id"), index=True)
    change: Mapped[str] = mapped_column(String(16))
    owner_staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    owner_name: Mapped[str] = mapped_column(Text)
    owner_job_title: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[date] = mapped_column(IsoDate)
    reason: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[date | None] = mapped_column(IsoDate, nullable=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class ActionStateRow(Base):
    """Projection: each action as it stands after its newest event (the dashboard's due and overdue list)."""

    __tablename__ = "action_state"
    action_id: Mapped[int] = mapped_column(ForeignKey("concern_actions.id"), primary_key=True)
    concern_id: Mapped[int] = mapped_column(ForeignKey("concerns.id"), index=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("action_events.id"))
    is_open: Mapped[bool]
    due: Mapped[date] = mapped_column(IsoDate)
    __table_args__ = (Index(None, "is_open", "due", "action_id"),)


ACTION_APPEND_ONLY_TABLES = ("concern_actions", "action_events")
