"""Tables of contextual safeguarding: children linked through a concern, adults of concern, places, and missing
episodes. Links and episodes are never deleted (triggers); corrections are addenda beside an updated current row."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.models import Base
from desktop_app.store.types import UtcDateTime


class AdultRow(Base):
    """An adult of concern, a record of their own; several concerns (and so several children) may name them."""

    __tablename__ = "adults"
    id: Mapped[int] = mapped_column(primary_key=True)
    name_fold: Mapped[str] = mapped_column(Text, index=True)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    vehicle: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PlaceRow(Base):
    __tablename__ = "places"
    id: Mapped[int] = mapped_column(primary_key=True)
    name_fold: Mapped[str] = mapped_column(Text, index=True)
    name: Mapped[str] = mapped_column(Text)
    details: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ConcernChildRow(Base):
    """Another child named in a concern with their own role; ``child_id`` when that child is on file."""

    __tablename__ = "concern_children"
    id: Mapped[int] = mapped_column(primary_key=True)
    concern_id: Mapped[int] = mapped_column(ForeignKey("concerns.id"), index=True)
    child_id: Mapped[int | None] = mapped_column(ForeignKey("children.id"), nullable=True, index=True)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(32))
    details: Mapped[str] = mapped_column(Text, default="")
    linked_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class ConcernAdultRow(Base):
    """An adult named in a concern; ``child_id`` (the concern's child) lets "children linked to this adult" use
    an index alone."""

    __tablename__ = "concern_adults"
    concern_id: Mapped[int] = mapped_column(ForeignKey("concerns.id"), primary_key=True)
    adult_id: Mapped[int] = mapped_column(ForeignKey("adults.id"), primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"))
    __table_args__ = (Index(None, "adult_id", "child_id"), Index(None, "child_id", "adult_id"))


class ConcernPlaceRow(Base):
    __tablename__ = "concern_places"
    concern_id: Mapped[int] = mapped_column(ForeignKey("concerns.id"), primary_key=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id"), primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"))
    __table_args__ = (Index(None, "place_id", "child_id"), Index(None, "child_id", "place_id"))


class MissingEpisodeRow(Base):
    __tablename__ = "missing_episodes"
    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"))
    went_missing_at: Mapped[datetime] = mapped_column(UtcDateTime)
    returned_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    where_found: Mapped[str] = mapped_column(Text, default="")
    out_of_area: Mapped[bool] = mapped_column(default=False)
    police_told: Mapped[bool] = mapped_column(default=False)
    police_reference: Mapped[str] = mapped_column(Text, default="")
    interview_offered: Mapped[bool] = mapped_column(default=False)
    interview_held_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_name: Mapped[str] = mapped_column(Text)
    actor_role: Mapped[str] = mapped_column(Text)
    actor_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    __table_args__ = (Index(None, "child_id", "went_missing_at"), Index(None, "went_missing_at", "child_id"))


# Rows never deleted; their corrections are addenda (the current row is updated beside the addendum).
NO_DELETE_TABLES = ("concern_children", "concern_adults", "concern_places", "missing_episodes", "adults", "places")
