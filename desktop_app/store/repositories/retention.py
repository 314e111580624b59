"""``uow.retention``: holds on files, the review list of files past their retention date, and destruction.

Destruction is the one path by which rows of append-only tables are deleted. Inside the caller's transaction it names
the child in ``destruction_open`` (the append-only DELETE triggers allow a row only when its child is named there),
deletes every row that belongs to the child (found through the foreign keys, so tables added later are included),
purges the child's words from the full-text index, writes the ``destructions`` row, and empties ``destruction_open``
again. If anything refuses, the whole transaction rolls back and nothing is destroyed.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from desktop_app.domain.records import Actor, ChildDetails
from desktop_app.domain.transfer import Destruction, Hold, PastRetention
from desktop_app.store.errors import RecordNotFound
from desktop_app.store.models import ChildRow
from desktop_app.store.models_transfer import (
    ChildBornRow,
    DestructionOpenRow,
    DestructionRow,
    RetentionHoldRow,
    RetentionHoldStateRow,
)
from desktop_app.store.repositories._common import actor_columns, actor_of, load
from desktop_app.store.types import utc_now

PLACED, LIFTED = "placed", "lifted"


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def retention_date(born: date, years: int) -> date:
    """The day a file may be destroyed: the child's birthday ``years`` on (1 March for a 29 February birthday)."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return date(born.year + years, 3, 1)


class RetentionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def born_on(self, child_id: int) -> date | None:
        row = self._session.get(ChildBornRow, child_id)
        return None if row is None else row.born_on

    def hold(self, child_id: int) -> Hold | None:
        state = self._session.get(RetentionHoldStateRow, child_id)
        if state is None:
            return None
        row = self._session.get(RetentionHoldRow, state.hold_id)
        assert row is not None
        return Hold(
            hold_id=row.id,
            child_id=row.child_id,
            until=row.until,
            reason=row.reason,
            placed_at=row.at,
            placed_by=actor_of(row.actor_name, row.actor_role, row.actor_user_id),
        )

    def place_hold(self, child_id: int, until: date | None, reason: str, actor: Actor) -> Hold:
        if self._session.get(ChildRow, child_id) is None:
            raise RecordNotFound(f"There is no child with id {child_id} in this vault.")
        row = RetentionHoldRow(
            child_id=child_id, kind=PLACED, until=until, reason=reason, at=utc_now(), **actor_columns(actor)
        )
        self._session.add(row)
        self._session.flush()
        self._session.merge(RetentionHoldStateRow(child_id=child_id, hold_id=row.id, until=until))
        self._session.flush()
        hold = self.hold(child_id)
        assert hold is not None
        return hold

    def lift_hold(self, child_id: int, reason: str, actor: Actor) -> None:
        if self._session.get(RetentionHoldStateRow, child_id) is None:
            raise RecordNotFound("This child's file has no hold to lift.")
        self._session.add(
            RetentionHoldRow(
                child_id=child_id, kind=LIFTED, until=None, reason=reason, at=utc_now(), **actor_columns(actor)
            )
        )
        self._session.execute(delete(RetentionHoldStateRow).where(RetentionHoldStateRow.child_id == child_id))
        self._session.flush()

    def _past(self, today: date, years: int):  # type: ignore[no-untyped-def]
        """Children born on or before ``today`` less ``years``, without a hold that runs past today."""
        cutoff = _years_before(today, years)
        return (
            select(ChildBornRow.child_id, ChildBornRow.born_on, RetentionHoldStateRow.until)
            .outerjoin(RetentionHoldStateRow, RetentionHoldStateRow.child_id == ChildBornRow.child_id)
            .where(ChildBornRow.born_on.is_not(None), ChildBornRow.born_on < cutoff)
            .where((RetentionHoldStateRow.child_id.is_(None)) | (RetentionHoldStateRow.until < today))
        )

    def past_retention(self, today: date, years: int, limit: int = 50, offset: int = 0) -> list[PastRetention]:
        """Files whose retention date has passed and that no hold keeps, longest past first."""
        query = self._past(today, years).order_by(ChildBornRow.born_on, ChildBornRow.child_id)
        rows = list(self._session.execute(query.limit(limit).offset(offset)))
        bodies = {
            r.id: r.body
            for r in self._session.scalars(select(ChildRow).where(ChildRow.id.in_([row[0] for row in rows])))
        }
        found = []
        for child_id, born, until in rows:
            name = load(ChildDetails, bodies[child_id]).display_name if child_id in bodies else ""
            retention = retention_date(born, years)
            found.append(
                PastRetention(
                    child_id=child_id,
                    born_on=born,
                    name=name,
                    hold_until=until,
                    retention_date=max(retention, until or retention),
                )
            )
        return found

    def count_past_retention(self, today: date, years: int) -> int:
        return int(self._session.scalar(select(func.count()).select_from(self._past(today, years).subquery())) or 0)

    def destructions(self, limit: int = 50, offset: int = 0) -> list[Destruction]:
        rows = self._session.scalars(
            select(DestructionRow).order_by(DestructionRow.id.desc()).limit(limit).offset(offset)
        )
        return [
            Destruction(
                destruction_id=r.id,
                child_id=r.child_id,
                destroyed_at=r.destroyed_at,
                retention_date=r.retention_date,
                reason=r.reason,
                records=r.records,
                destroyed_by=actor_of(r.actor_name, r.actor_role, r.actor_user_id),
            )
            for r in rows
        ]

    def destroy(self, child_id: int, reason: str, retention_date: date | None, actor: Actor) -> Destruction:
        """Delete every row of the child's file (see the module docstring); the caller audits and commits."""
        if self._session.get(ChildRow, child_id) is None:
            raise RecordNotFound(f"There is no child with id {child_id} in this vault.")
        session = self._session
        session.flush()
        session.add(DestructionOpenRow(child_id=child_id))
        session.flush()
        params = {"child": child_id}
        # Addenda and the full-text index name their record without a foreign key: they go first, while the
        # records they point at still say whose they are.
        removed = self._delete_addenda(params)
        session.execute(
            text("DELETE FROM concern_text WHERE rowid IN (SELECT id FROM concerns WHERE child_id = :child)"), params
        )
        shared = self._shared_records(params)
        # Another child's concern that named this child keeps its text; only its link to the destroyed file goes.
        session.execute(
            text(
                "UPDATE concern_children SET child_id = NULL WHERE child_id = :child AND concern_id NOT IN "
                "(SELECT id FROM concerns WHERE child_id = :child)"
            ),
            params,
        )
        removed += self._delete_tree("children", '"id" = :child', params)
        removed += self._delete_orphans(shared)
        # Merge the index's segments, so the deleted words leave the index itself, not only its lists of live rows.
        session.execute(text("INSERT INTO concern_text(concern_text) VALUES ('optimize')"))
        row = DestructionRow(
            child_id=child_id,
            destroyed_at=utc_now(),
            retention_date=retention_date,
            reason=reason,
            records=removed,
            **actor_columns(actor),
        )
        session.add(row)
        session.execute(delete(DestructionOpenRow).where(DestructionOpenRow.child_id == child_id))
        session.flush()
        destruction_id = row.id
        session.expunge_all()  # rows deleted by SQL must not linger in the identity map
        return Destruction(
            destruction_id=destruction_id,
            child_id=child_id,
            destroyed_at=row.destroyed_at,
            retention_date=retention_date,
            reason=reason,
            records=removed,
            destroyed_by=actor,
        )

    def _shared_records(self, params: dict[str, int]) -> dict[str, list[int]]:
        """Adults and places named in this child's concerns (shared records: kept while another concern names them)."""
        return {
            "adults": [
                int(r[0])
                for r in self._session.execute(
                    text("SELECT adult_id FROM concern_adults WHERE child_id = :child"), params
                )
            ],
            "places": [
                int(r[0])
                for r in self._session.execute(
                    text("SELECT place_id FROM concern_places WHERE child_id = :child"), params
                )
            ],
        }

    def _delete_orphans(self, shared: dict[str, list[int]]) -> int:
        removed = 0
        for table, link, column in (("adults", "concern_adults", "adult_id"), ("places", "concern_places", "place_id")):
            for record_id in shared[table]:
                result = self._session.execute(
                    text(
                        f"DELETE FROM {table} WHERE id = :id AND NOT EXISTS "  # noqa: S608  (names fixed above)
                        f"(SELECT 1 FROM {link} WHERE {column} = :id)"
                    ),
                    {"id": record_id},
                )
                removed += int(getattr(result, "rowcount", 0) or 0)
        return removed

    def _delete_addenda(self, params: dict[str, int]) -> int:
        result = self._session.execute(
            text(
                "DELETE FROM addenda WHERE (object_kind = 'child' AND object_id = :child) "
                "OR (object_kind = 'concern' AND object_id IN (SELECT id FROM concerns WHERE child_id = :child)) "
                "OR (object_kind = 'screening' AND object_id IN (SELECT id FROM screenings WHERE child_id = :child)) "
                "OR (object_kind = 'referral' AND object_id IN (SELECT r.id FROM referrals r JOIN concerns c "
                "ON c.id = r.concern_id WHERE c.child_id = :child))"
            ),
            params,
        )
        return int(getattr(result, "rowcount", 0) or 0)

    def _dependents(self, table: str) -> list[tuple[str, str, str]]:
        """(table, its column, the referenced column of ``table``) for every foreign key pointing at ``table``."""
        names = [
            str(r[0])
            for r in self._session.execute(
                text(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                    "AND sql NOT LIKE 'CREATE VIRTUAL%'"
                )
            )
        ]
        found = []
        for name in names:
            query = text('SELECT "table", "from", "to" FROM pragma_foreign_key_list(:t)')
            for row in self._session.execute(query, {"t": name}):
                if row[0] == table and name != table:
                    found.append((name, str(row[1]), str(row[2] or "id")))
        return found

    def _delete_tree(self, table: str, where: str, params: dict[str, int]) -> int:
        removed = 0
        for dependent, column, referenced in self._dependents(table):
            removed += self._delete_tree(
                dependent,
                f'"{column}" IN (SELECT "{referenced}" FROM "{table}" WHERE {where})',  # noqa: S608
                params,
            )
        # Table and column names come from the schema itself (sqlite_master, foreign keys), never from input.
        result = self._session.execute(text(f'DELETE FROM "{table}" WHERE {where}'), params)  # noqa: S608
        return removed + int(getattr(result, "rowcount", 0) or 0)
