"""``uow.child_list``: the children list, one page at a time, in name order, searched and filtered by index."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, case, exists, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from desktop_app.domain.child_list import ChildFilter, ChildListEntry
from desktop_app.domain.enums import ConcernStatus, RiskLevel
from desktop_app.domain.records import ChildDetails
from desktop_app.store.models import ChildNameWordRow, ChildRiskRow, ChildRow, ConcernRow, ConcernStateRow
from desktop_app.store.repositories._common import PREFIX_END, load
from desktop_app.store.types import UTC_FORMAT

CLOSED = ConcernStatus.CLOSED.value


class ChildListRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def page(
        self, wanted: ChildFilter, name_words: list[str], text_query: str | None, offset: int, limit: int
    ) -> list[ChildListEntry]:
        """Children matching ``wanted``, by last then first name; ``limit`` rows from ``offset``.

        ``name_words`` are folded words each a prefix of some name of the child; ``text_query`` an FTS5 query over
        the concerns' text (None: names only). With either, a child matches by name or by a concern.
        """
        query = select(ChildRow.id, ChildRow.body, ChildRiskRow.level, ChildRiskRow.review_date).outerjoin(
            ChildRiskRow, ChildRiskRow.child_id == ChildRow.id
        )
        by_name = self._by_name(name_words)
        if by_name is not None or text_query is not None:
            found = []
            if by_name is not None:
                found.append(ChildRow.id.in_(by_name))
            if text_query is not None:
                found.append(ChildRow.id.in_(self._by_concern_text(text_query)))
            query = query.where(or_(*found))
        query = self._filtered(query, wanted)
        query = query.order_by(ChildRow.last_fold, ChildRow.first_fold, ChildRow.id).offset(offset).limit(limit)
        rows = self._session.execute(query).all()
        ids = [r.id for r in rows]
        counts = self._concern_counts(ids)
        named = (
            set(ids)
            if by_name is None
            else set(self._session.scalars(select(ChildRow.id).where(ChildRow.id.in_(ids), ChildRow.id.in_(by_name))))
        )
        return [
            ChildListEntry(
                child_id=r.id,
                details=load(ChildDetails, r.body),
                level=RiskLevel(r.level) if r.level else None,
                review_date=r.review_date,
                open_concerns=counts.get(r.id, (0, None))[0],
                last_concern_at=counts.get(r.id, (0, None))[1],
                found_by_name=r.id in named,
            )
            for r in rows
        ]

    def _by_name(self, words: list[str]) -> Select[Any] | None:
        if not words:
            return None
        query = select(ChildRow.id)
        for word in words:
            query = query.where(
                ChildRow.id.in_(
                    select(ChildNameWordRow.child_id).where(
                        ChildNameWordRow.word >= word, ChildNameWordRow.word < word + PREFIX_END
                    )
                )
            )
        return query

    def _by_concern_text(self, fts: str) -> Select[Any]:
        matching = text("SELECT rowid FROM concern_text WHERE concern_text MATCH :fts").bindparams(fts=fts)
        return select(ConcernRow.child_id).where(ConcernRow.id.in_(matching.columns(literal_column("rowid"))))

    def _filtered(self, query: Any, wanted: ChildFilter) -> Any:
        if wanted.not_screened:
            query = query.where(ChildRiskRow.child_id.is_(None))
        elif wanted.level is not None:
            query = query.where(ChildRiskRow.level == wanted.level.value)
        if wanted.review_due_on is not None:
            query = query.where(ChildRiskRow.review_date <= wanted.review_due_on)
        if wanted.open_concerns:
            query = query.where(
                exists().where(
                    ConcernRow.child_id == ChildRow.id,
                    ConcernStateRow.concern_id == ConcernRow.id,
                    ConcernStateRow.status != CLOSED,
                )
            )
        for extra in LIST_FILTERS:
            query = extra(query, wanted)
        return query

    def _concern_counts(self, ids: list[int]) -> dict[int, tuple[int, datetime | None]]:
        if not ids:
            return {}
        query = (
            select(
                ConcernRow.child_id,
                func.sum(case((ConcernStateRow.status != CLOSED, 1), else_=0)),
                func.max(ConcernRow.submitted_at),
            )
            .join(ConcernStateRow, ConcernStateRow.concern_id == ConcernRow.id)
            .where(ConcernRow.child_id.in_(ids))
            .group_by(ConcernRow.child_id)
        )
        result: dict[int, tuple[int, datetime | None]] = {}
        for child_id, open_count, last in self._session.execute(query):
            result[child_id] = (int(open_count or 0), _as_datetime(last))
        return result

    def count(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(ChildRow)) or 0)


def _as_datetime(value: object) -> datetime | None:
    # max() over a typed column comes back as the stored text.
    if value is None or isinstance(value, datetime):
        return value
    return datetime.strptime(str(value), UTC_FORMAT).replace(tzinfo=UTC)


ListFilter = Callable[[Any, ChildFilter], Any]  # (select of children, the filter) -> narrower select
LIST_FILTERS: list[ListFilter] = []
"""More filters, each ``(query, ChildFilter) -> query``: the connections room appends its missing-episodes filter."""
