"""``uow.child_list``: the children list, one page at a time, in name order, searched and filtered by index."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, case, exists, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from desktop_app.domain.child_list import ChildFilter, ChildListEntry
from desktop_app.domain.enums import ConcernStatus, RiskLevel
from desktop_app.domain.records import ChildDetails
from desktop_app.store.models import ChildNameWordRow, ChildRiskRow, ChildRow, ConcernRow, ConcernStateRow
from desktop_app.store.models_connections import MissingEpisodeRow
from desktop_app.store.repositories._common import PREFIX_END, load

CLOSED = ConcernStatus.CLOSED.value
TEXT_CAP = 2000  # concerns whose words are searched, newest first


class ChildListRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def page(
        self,
        wanted: ChildFilter,
        name_words: list[str],
        text_query: str | None,
        offset: int,
        limit: int,
        text_cap: int = TEXT_CAP,
    ) -> tuple[list[ChildListEntry], bool]:
        """Children matching ``wanted``, by last then first name, ``limit`` rows from ``offset``; and whether the
        concerns' text matched more than ``text_cap`` concerns (then only the newest ``text_cap`` were used).

        ``name_words`` are folded words each a prefix of some name of the child; ``text_query`` an FTS5 query over
        the concerns' text (None: names only). With either, a child matches by name or by a concern.
        """
        query = select(ChildRow.id, ChildRow.body, ChildRiskRow.level, ChildRiskRow.review_date).outerjoin(
            ChildRiskRow, ChildRiskRow.child_id == ChildRow.id
        )
        by_name = self._by_name(name_words)
        capped = False
        if by_name is not None or text_query is not None:
            # "id + 0", not "id": the matches are checked while the name-order index is walked, so the first page
            # stops at its fiftieth match, instead of every match (3,700 children for one letter) being read and
            # sorted by name (24 ms -> under 1 ms at 20,000 children).
            key = ChildRow.id + 0
            found = []
            if by_name is not None:
                found.append(key.in_(by_name))
            if text_query is not None:
                by_text, capped = self._by_concern_text(text_query, text_cap)
                found.append(key.in_(by_text))
            query = query.where(or_(*found))
        query = self._filtered(query, wanted)
        query = query.order_by(ChildRow.last_fold, ChildRow.first_fold, ChildRow.id).offset(offset).limit(limit)
        rows = self._session.execute(query).all()
        ids = [r.id for r in rows]
        counts = self._concern_counts(ids)
        named = (
            set(ids)
            if by_name is None or text_query is None  # no search, or names only: every child listed was found by name
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
        ], capped

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

    def _by_concern_text(self, fts: str, cap: int) -> tuple[list[int], bool]:
        """The children of the newest ``cap`` concerns matching ``fts``, and whether more matched.

        Newest first with a cap, as the concerns' own search does: a word in most concerns would otherwise make
        every one of 100,000 concerns a candidate (100 ms), where the newest few thousand answer in a few ms.
        """
        matching = (
            text("SELECT rowid FROM concern_text WHERE concern_text MATCH :fts ORDER BY rowid DESC LIMIT :cap")
            .bindparams(fts=fts, cap=cap + 1)
            .columns(literal_column("rowid"))
        )
        pairs = self._session.execute(
            select(ConcernRow.id, ConcernRow.child_id).where(ConcernRow.id.in_(matching)).order_by(ConcernRow.id.desc())
        ).all()
        return sorted({child_id for _, child_id in pairs[:cap]}), len(pairs) > cap

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
        if wanted.missing_episodes:
            query = query.where(exists().where(MissingEpisodeRow.child_id == ChildRow.id))
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
    # max() over a typed column comes back as the stored text ("…T…Z"); fromisoformat is far quicker than strptime.
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")).astimezone(UTC)
