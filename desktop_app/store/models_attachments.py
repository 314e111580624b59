"""Files kept with a concern and the concern's body map, inside the encrypted database (so in every backup too).

Append-only (triggers in migration ``0012_attachments``): ``attachments`` (what a file is: name, kind, size, hash,
who added it), ``attachment_contents`` (its bytes, in a table of their own so a list never reads them),
``attachment_withdrawals`` (a file withdrawn, with the reason) and ``body_maps`` (each saved version, newest counts).
All reach their child through the concern, so a destroyed file's attachments and body maps go with it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.models import Base
from desktop_app.store.types import UtcDateTime


class AttachmentRow(Base):
    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    concern_id: Mapped[int] = mapped_column(ForeignKey("concerns.id"), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class AttachmentContentRow(Base):
    __tablename__ = "attachment_contents"
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id"), primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class AttachmentWithdrawalRow(Base):
    __tablename__ = "attachment_withdrawals"
    id: Mapped[int] = mapped_column(primary_key=True)
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id"), unique=True)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class BodyMapRow(Base):
    __tablename__ = "body_maps"
    id: Mapped[int] = mapped_column(primary_key=True)
    concern_id: Mapped[int] = mapped_column(ForeignKey("concerns.id"))
    version: Mapped[int]
    marks: Mapped[str] = mapped_column(Text)  # JSON list of {side, x, y, note}
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    __table_args__ = (Index(None, "concern_id", "version", unique=True),)


ATTACHMENT_TABLES = ("attachments", "attachment_contents", "attachment_withdrawals", "body_maps")
