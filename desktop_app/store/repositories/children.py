"""``uow.children``: children's details, amended as new versions (the old ones kept)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop_app.domain.identifiers import normal_upn
from desktop_app.domain.records import Actor, Child, ChildDetails
from desktop_app.store.errors import RecordNotFound
from desktop_app.store.models import ChildNameWordRow, ChildRow, ChildVersionRow
from desktop_app.store.repositories._common import PREFIX_END, actor_columns, actor_of, dump, fold, load, name_words
from desktop_app.store.types import utc_now


@dataclass(frozen=True, slots=True)
class ChildVersion:
    child_id: int
    version: int
    details: ChildDetails
    written_at: datetime
    author: Actor
    reason: str


def _to_child(row: ChildRow) -> Child:
    return Child(child_id=row.id, details=load(ChildDetails, row.body), created_at=row.created_at)


class ChildRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, details: ChildDetails, actor: Actor) -> Child:
        now = utc_now()
        first, last = details.sort_names
        row = ChildRow(
            first_fold=fold(first),
            last_fold=fold(last),
            known_fold=fold(details.known_as),
            version=1,
            body=dump(details),
            created_at=now,
            upn=normal_upn(details.upn) or None,
        )
        self._session.add(row)
        self._session.flush()
        self._session.add(
            ChildVersionRow(
                child_id=row.id,
                version=1,
                body=row.body,
                written_at=now,
                reason="first recorded",
                **actor_columns(actor),
            )
        )
        self._index_names(row.id, details)
        self._session.flush()
        return _to_child(row)

    def _index_names(self, child_id: int, details: ChildDetails) -> None:
        self._session.execute(delete(ChildNameWordRow).where(ChildNameWordRow.child_id == child_id))
        words = name_words(*details.all_names)
        self._session.add_all(ChildNameWordRow(word=w, child_id=child_id) for w in sorted(words))

    def _row(self, child_id: int) -> ChildRow:
        row = self._session.get(ChildRow, child_id)
        if row is None:
            raise RecordNotFound(f"There is no child with id {child_id} in this vault.")
        return row

    def get(self, child_id: int) -> Child:
        return _to_child(self._row(child_id))

    def get_many(self, child_ids: Iterable[int]) -> dict[int, Child]:
        """The children of one page of a list, in one query; ids not on file are left out."""
        wanted = sorted(set(child_ids))
        if not wanted:
            return {}
        rows = self._session.scalars(select(ChildRow).where(ChildRow.id.in_(wanted)))
        return {row.id: _to_child(row) for row in rows}

    def exists(self, child_id: int) -> bool:
        return self._session.get(ChildRow, child_id) is not None

    def amend(self, child_id: int, details: ChildDetails, actor: Actor, reason: str) -> Child:
        row = self._row(child_id)
        row.version += 1
        row.body = dump(details)
        first, last = details.sort_names
        row.first_fold, row.last_fold = fold(first), fold(last)
        row.known_fold = fold(details.known_as)
        row.upn = normal_upn(details.upn) or None
        self._session.add(
            ChildVersionRow(
                child_id=row.id,
                version=row.version,
                body=row.body,
                written_at=utc_now(),
                reason=reason,
                **actor_columns(actor),
            )
        )
        self._index_names(row.id, details)
        self._session.flush()
        return _to_child(row)

    def versions(self, child_id: int) -> list[ChildVersion]:
        rows = self._session.scalars(
            select(ChildVersionRow).where(ChildVersionRow.child_id == child_id).order_by(ChildVersionRow.version)
        )
        return [
            ChildVersion(
                child_id=r.child_id,
                version=r.version,
                details=load(ChildDetails, r.body),
                written_at=r.written_at,
                author=actor_of(r.actor_name, r.actor_role, r.actor_user_id),
                reason=r.reason,
            )
            for r in rows
        ]

    def search(self, text: str, limit: int = 50) -> list[Child]:
        """Children with a name word starting with each word typed (any order, case or accents); index-backed."""
        words = sorted(name_words(text), key=len, reverse=True)[:4]
        if not words:
            return []
        query = select(ChildRow)
        for word in words:
            matching = select(ChildNameWordRow.child_id).where(
                ChildNameWordRow.word >= word, ChildNameWordRow.word < word + PREFIX_END
            )
            query = query.where(ChildRow.id.in_(matching))
        query = query.order_by(ChildRow.last_fold, ChildRow.first_fold, ChildRow.id).limit(limit)
        return [_to_child(r) for r in self._session.scalars(query)]

    def by_upn(self, upns: list[str]) -> dict[str, int]:
        """Child ids of the given unique pupil numbers (as stored: no spaces, upper case), for the MIS import."""
        found: dict[str, int] = {}
        for start in range(0, len(upns), 500):
            chunk = upns[start : start + 500]
            found.update(
                (u, i)
                for u, i in self._session.execute(select(ChildRow.upn, ChildRow.id).where(ChildRow.upn.in_(chunk)))
                if u
            )
        return found

    def without_upn(self, limit: int = 50_000) -> list[Child]:
        """Children with no unique pupil number (recorded from a concern), for the MIS import to match by name."""
        query = select(ChildRow).where(ChildRow.upn.is_(None)).order_by(ChildRow.id).limit(limit)
        return [_to_child(r) for r in self._session.scalars(query)]

    def recent(self, limit: int = 50) -> list[Child]:
        query = select(ChildRow).order_by(ChildRow.id.desc()).limit(limit)
        return [_to_child(r) for r in self._session.scalars(query)]
