"""``uow.concerns``: submitted concerns (never edited), their status events, and full-text search."""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable
from datetime import datetime

from sqlalchemy import and_, case, func, literal_column, select, text
from sqlalchemy.orm import Session

from desktop_app.domain.enums import ConcernStatus
from desktop_app.domain.records import Actor, Concern, ConcernDraft
from desktop_app.errors import UserFacingError
from desktop_app.store.errors import RecordNotFound
from desktop_app.store.models import ChildRow, ConcernEventRow, ConcernRow, ConcernStateRow
from desktop_app.store.repositories._common import actor_columns, dump, load
from desktop_app.store.repositories.connections import record_from_draft
from desktop_app.store.types import as_utc, utc_now

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _to_concern(row: ConcernRow, status: str) -> Concern:  # status as stored
    return Concern(
        concern_id=row.id,
        reference=row.reference,
        child_id=row.child_id,
        draft=load(ConcernDraft, row.body),
        submitted_at=row.submitted_at,
        sealed=row.sealed,
        status=ConcernStatus(status),
    )


def fts_query(text_typed: str) -> str | None:
    """Each word typed becomes a quoted prefix term, so punctuation can never be read as FTS5 syntax."""
    tokens = _TOKEN.findall(text_typed)[:12]
    return " ".join(f'"{t}"*' for t in tokens) if tokens else None


class ConcernRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _next_reference(self, year: int) -> str:
        prefix = f"WM-{year}-"
        last = self._session.scalar(
            select(func.max(ConcernRow.reference)).where(
                ConcernRow.reference >= prefix, ConcernRow.reference < f"WM-{year}."
            )
        )
        number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
        return f"{prefix}{number:05d}"

    def add(
        self, child_id: int, draft: ConcernDraft, actor: Actor, sealed: bool, intake_reference: str | None = None
    ) -> Concern:
        if self._session.get(ChildRow, child_id) is None:
            raise RecordNotFound(f"There is no child with id {child_id} in this vault.")
        if intake_reference is not None and self.has_intake_reference(intake_reference):
            raise UserFacingError("This concern has already been imported; it was not added twice.")
        now = utc_now()
        submitted = as_utc(draft.recorded_at) if sealed and draft.recorded_at else now
        row = ConcernRow(
            reference=self._next_reference(now.year),
            intake_reference=intake_reference,
            child_id=child_id,
            submitted_at=submitted,
            sealed=sealed,
            body=dump(draft),
            recorded_by_name=draft.recorder_name or actor.name,
            recorded_by_role=draft.recorder_role or actor.role,
            recorded_by_user_id=actor.user_id,
        )
        self._session.add(row)
        self._session.flush()
        status = ConcernStatus.AWAITING_SCREENING.value
        self._session.add(
            ConcernStateRow(
                concern_id=row.id,
                status=status,
                submitted_at=submitted,
                immediate_danger=bool(draft.immediate_danger),
                sign_ids=json.dumps(list(draft.sign_ids)),
            )
        )
        self._session.add(
            ConcernEventRow(concern_id=row.id, status=status, at=now, note="submitted", **actor_columns(actor))
        )
        self._session.execute(
            text(
                "INSERT INTO concern_text(rowid, account, childs_words, location, others) "
                "VALUES (:id, :account, :words, :location, :others)"
            ),
            {
                "id": row.id,
                "account": draft.account,
                "words": draft.childs_words,
                "location": draft.location,
                "others": " ".join(
                    [
                        draft.others_present,
                        draft.action_taken,
                        *(a.name_or_nickname for a in draft.adults),
                        *(p.name for p in draft.places),
                        *(c.name for c in draft.other_children),
                    ]
                ),
            },
        )
        record_from_draft(self._session, row.id, child_id, draft, actor)
        self._session.flush()
        return _to_concern(row, status)

    def has_intake_reference(self, intake_reference: str) -> bool:
        """True when a sealed item with this intake reference was already imported."""
        return self.by_intake_reference(intake_reference) is not None

    def by_intake_reference(self, intake_reference: str) -> Concern | None:
        """The concern an earlier import of this sealed item made, if any."""
        concern_id = self._session.scalar(select(ConcernRow.id).where(ConcernRow.intake_reference == intake_reference))
        return None if concern_id is None else self.get(concern_id)

    def _status(self, concern_id: int) -> str:  # as stored
        state = self._session.get(ConcernStateRow, concern_id)
        return state.status if state else ConcernStatus.AWAITING_SCREENING.value

    def status(self, concern_id: int) -> ConcernStatus:
        """The concern's current status, without decoding its body."""
        state = self._session.get(ConcernStateRow, concern_id)
        if state is None:
            raise RecordNotFound(f"There is no concern with id {concern_id} in this vault.")
        return ConcernStatus(state.status)

    def child_id_of(self, concern_id: int) -> int:
        """Whose concern it is, without decoding its body."""
        child_id = self._session.scalar(select(ConcernRow.child_id).where(ConcernRow.id == concern_id))
        if child_id is None:
            raise RecordNotFound(f"There is no concern with id {concern_id} in this vault.")
        return int(child_id)

    def child_ids_of(self, concern_ids: Iterable[int]) -> dict[int, int]:
        """Whose concerns they are (concern id to child id), for one page of a list, in one query."""
        wanted = sorted(set(concern_ids))
        if not wanted:
            return {}
        rows = self._session.execute(select(ConcernRow.id, ConcernRow.child_id).where(ConcernRow.id.in_(wanted)))
        return {int(concern_id): int(child_id) for concern_id, child_id in rows}

    def get(self, concern_id: int) -> Concern:
        row = self._session.get(ConcernRow, concern_id)
        if row is None:
            raise RecordNotFound(f"There is no concern with id {concern_id} in this vault.")
        return _to_concern(row, self._status(concern_id))

    def by_reference(self, reference: str) -> Concern:
        row = self._session.scalar(select(ConcernRow).where(ConcernRow.reference == reference.strip().upper()))
        if row is None:
            raise RecordNotFound(f"There is no concern with reference {reference} in this vault.")
        return _to_concern(row, self._status(row.id))

    def _with_status(self, query: object) -> list[Concern]:
        return [_to_concern(row, status) for row, status in self._session.execute(query)]  # type: ignore[call-overload]

    def list_for_child(self, child_id: int, limit: int = 1000) -> list[Concern]:
        query = (
            select(ConcernRow, ConcernStateRow.status)
            .join(ConcernStateRow)
            .where(ConcernRow.child_id == child_id)
            .order_by(ConcernRow.submitted_at, ConcernRow.id)
            .limit(limit)
        )
        return self._with_status(query)

    def count_for_child(self, child_id: int) -> int:
        """How many concerns a child has (the child_id index, no bodies decoded)."""
        return int(
            self._session.scalar(select(func.count()).select_from(ConcernRow).where(ConcernRow.child_id == child_id))
            or 0
        )

    def awaiting_screening(self, limit: int = 50, significant: Collection[str] = ()) -> list[Concern]:
        """Concerns not yet screened, most urgent first: immediate danger, then any of the ``significant`` signs
        ticked (screening item ids), then the rest; oldest first within each. The order comes from the status index
        alone (it carries the danger flag and the signs), so only the concerns returned have their bodies read."""
        state = ConcernStateRow
        ids = sorted(set(significant))
        signs = (
            and_(  # most waiting concerns have no sign ticked: their empty list is not unpacked
                state.sign_ids != "[]",
                select(literal_column("1"))
                .select_from(func.json_each(state.sign_ids))
                .where(literal_column("json_each.value").in_(ids))
                .exists(),
            )
            if ids
            else literal_column("0") == 1
        )
        urgency = case((state.immediate_danger, 2), (signs, 1), else_=0)
        wanted = list(
            self._session.scalars(
                select(state.concern_id)
                .where(state.status == ConcernStatus.AWAITING_SCREENING.value)
                .order_by(urgency.desc(), state.submitted_at, state.concern_id)
                .limit(limit)
            )
        )
        found = {
            concern.concern_id: concern
            for concern in self._with_status(
                select(ConcernRow, state.status).join(state).where(ConcernRow.id.in_(wanted))
            )
        }
        return [found[concern_id] for concern_id in wanted]

    def count_with_status(self, status: ConcernStatus | str) -> int:
        return int(
            self._session.scalar(
                select(func.count()).select_from(ConcernStateRow).where(ConcernStateRow.status == str(status))
            )
            or 0
        )

    def set_status(self, concern_id: int, status: ConcernStatus | str, actor: Actor, note: str = "") -> None:
        value = ConcernStatus(status).value
        state = self._session.get(ConcernStateRow, concern_id)
        if state is None:
            raise RecordNotFound(f"There is no concern with id {concern_id} in this vault.")
        state.status = value
        self._session.add(
            ConcernEventRow(concern_id=concern_id, status=value, at=utc_now(), note=note, **actor_columns(actor))
        )
        self._session.flush()

    def events(self, concern_id: int) -> list[tuple[ConcernStatus, datetime, Actor, str]]:
        """Status moves of a concern, oldest first: (status, when, who, note)."""
        return self.events_for([concern_id])[concern_id]

    def events_for(self, concern_ids: Collection[int]) -> dict[int, list[tuple[ConcernStatus, datetime, Actor, str]]]:
        """``events`` for many concerns in one query."""
        found: dict[int, list[tuple[ConcernStatus, datetime, Actor, str]]] = {cid: [] for cid in concern_ids}
        if not found:  # nothing to look for: no query
            return found
        rows = self._session.scalars(
            select(ConcernEventRow).where(ConcernEventRow.concern_id.in_(list(found))).order_by(ConcernEventRow.id)
        )
        for r in rows:
            found[r.concern_id].append(
                (ConcernStatus(r.status), r.at, Actor(r.actor_name, r.actor_role, r.actor_user_id), r.note)
            )
        return found

    def search(self, text_typed: str, limit: int = 50) -> list[Concern]:
        """Concerns whose account, child's words, location or people named match every word typed, newest first.

        Newest first rather than by relevance: the index answers it without ranking every match (3 ms instead of
        80 ms at 100,000 concerns when a word is common), and a DSL looks for recent events first.
        """
        query = fts_query(text_typed)
        if query is None:
            return []
        ids = [
            int(r[0])
            for r in self._session.execute(
                text("SELECT rowid FROM concern_text WHERE concern_text MATCH :q ORDER BY rowid DESC LIMIT :limit"),
                {"q": query, "limit": limit},
            )
        ]
        if not ids:
            return []
        rows = {
            row.id: (row, status)
            for row, status in self._session.execute(
                select(ConcernRow, ConcernStateRow.status).join(ConcernStateRow).where(ConcernRow.id.in_(ids))
            )
        }
        return [_to_concern(*rows[i]) for i in ids if i in rows]
