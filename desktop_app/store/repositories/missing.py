"""``uow.missing``: missing episodes, and the counts the dashboard, the screening and the children list ask for."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from desktop_app.domain.connections import MissingEpisode
from desktop_app.domain.records import Actor
from desktop_app.store.errors import RecordNotFound
from desktop_app.store.models_connections import MissingEpisodeRow
from desktop_app.store.repositories._common import actor_columns
from desktop_app.store.types import utc_now

EPISODE_FIELDS = (
    "went_missing_at",
    "returned_at",
    "where_found",
    "out_of_area",
    "police_told",
    "police_reference",
    "interview_offered",
    "interview_held_at",
    "notes",
)


def _episode(row: MissingEpisodeRow) -> MissingEpisode:
    return MissingEpisode(
        episode_id=row.id,
        child_id=row.child_id,
        went_missing_at=row.went_missing_at,
        returned_at=row.returned_at,
        where_found=row.where_found,
        out_of_area=row.out_of_area,
        police_told=row.police_told,
        police_reference=row.police_reference,
        interview_offered=row.interview_offered,
        interview_held_at=row.interview_held_at,
        notes=row.notes,
        recorded_at=row.recorded_at,
        recorded_by=row.actor_name,
    )


class MissingEpisodeRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, child_id: int, values: dict[str, object], actor: Actor) -> MissingEpisode:
        """``values`` holds every one of ``EPISODE_FIELDS`` (the service checks them first)."""
        row = MissingEpisodeRow(
            child_id=child_id, recorded_at=utc_now(), **actor_columns(actor), **{k: values[k] for k in EPISODE_FIELDS}
        )
        self._session.add(row)
        self._session.flush()
        return _episode(row)

    def update(self, episode_id: int, values: dict[str, object]) -> MissingEpisode:
        """Only with an addendum beside it (the service writes both)."""
        row = self._session.get(MissingEpisodeRow, episode_id)
        if row is None:
            raise RecordNotFound(f"There is no missing episode with id {episode_id} in this vault.")
        for key in EPISODE_FIELDS:
            setattr(row, key, values[key])
        self._session.flush()
        return _episode(row)

    def get(self, episode_id: int) -> MissingEpisode:
        row = self._session.get(MissingEpisodeRow, episode_id)
        if row is None:
            raise RecordNotFound(f"There is no missing episode with id {episode_id} in this vault.")
        return _episode(row)

    def for_child(
        self, child_id: int, limit: int = 500, since: datetime | None = None, until: datetime | None = None
    ) -> list[MissingEpisode]:
        """A child's episodes, newest first (optionally those that started in [since, until))."""
        query = select(MissingEpisodeRow).where(MissingEpisodeRow.child_id == child_id)
        if since is not None:
            query = query.where(MissingEpisodeRow.went_missing_at >= since)
        if until is not None:
            query = query.where(MissingEpisodeRow.went_missing_at < until)
        rows = self._session.scalars(
            query.order_by(MissingEpisodeRow.went_missing_at.desc(), MissingEpisodeRow.id.desc()).limit(limit)
        )
        return [_episode(r) for r in rows]

    def count_for_child(self, child_id: int, since: datetime) -> int:
        return int(
            self._session.scalar(
                select(func.count())
                .select_from(MissingEpisodeRow)
                .where(MissingEpisodeRow.child_id == child_id, MissingEpisodeRow.went_missing_at >= since)
            )
            or 0
        )

    def repeated(
        self, since: datetime, at_least: int, limit: int = 50, offset: int = 0
    ) -> list[tuple[int, int, datetime]]:
        """Children with at least ``at_least`` episodes starting since ``since``: (child id, count, latest start),
        most episodes first. Uses the (went_missing_at, child_id) index: only the period's rows are read."""
        count = func.count().label("episodes")
        latest = func.max(MissingEpisodeRow.went_missing_at).label("latest")
        rows = self._session.execute(
            select(MissingEpisodeRow.child_id, count, latest)
            .where(MissingEpisodeRow.went_missing_at >= since)
            .group_by(MissingEpisodeRow.child_id)
            .having(count >= at_least)
            .order_by(count.desc(), latest.desc(), MissingEpisodeRow.child_id)
            .limit(limit)
            .offset(offset)
        ).all()
        return [(int(child_id), int(n), _as_datetime(at)) for child_id, n, at in rows]

    def count_repeated(self, since: datetime, at_least: int) -> int:
        inner = (
            select(MissingEpisodeRow.child_id)
            .where(MissingEpisodeRow.went_missing_at >= since)
            .group_by(MissingEpisodeRow.child_id)
            .having(func.count() >= at_least)
        ).subquery()
        return int(self._session.scalar(select(func.count()).select_from(inner)) or 0)

    def children_with_episodes(self, since: datetime | None = None) -> Select[int]:
        """A subquery of child ids with any episode (since ``since``): the children list's "missing episodes"
        filter joins it (``child_id IN (...)``)."""
        query = select(MissingEpisodeRow.child_id).distinct()
        if since is not None:
            query = query.where(MissingEpisodeRow.went_missing_at >= since)
        return query

    def child_ids_with_episodes(self, since: datetime | None = None, limit: int = 50, offset: int = 0) -> list[int]:
        query = self.children_with_episodes(since).order_by(MissingEpisodeRow.child_id).limit(limit).offset(offset)
        return [int(i) for i in self._session.scalars(query)]


def _as_datetime(value: object) -> datetime:
    from desktop_app.store.types import UtcDateTime

    if isinstance(value, datetime):
        return value
    result = UtcDateTime().process_result_value(value, None)  # type: ignore[arg-type]
    assert result is not None
    return result
