"""``uow.referrals``: who was contacted (never edited) and written confirmations (events)."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain.codec import from_jsonable, to_jsonable
from desktop_app.domain.enums import RouteId
from desktop_app.domain.records import Actor, ReferralEntry, ReferralRequest
from desktop_app.store.errors import RecordNotFound
from desktop_app.store.models import ConcernRow, ReferralEventRow, ReferralPendingRow, ReferralRow
from desktop_app.store.repositories._common import actor_columns, actor_of
from desktop_app.store.types import utc_now

CONFIRMATION_SENT = "confirmation_sent"


def _to_entry(row: ReferralRow, sent: date | None) -> ReferralEntry:
    return ReferralEntry(
        referral_id=row.id,
        concern_id=row.concern_id,
        route=RouteId(row.route),
        contacted_name=row.contacted_name,
        contacted_at=row.contacted_at,
        reference=row.reference,
        outcome=row.outcome,
        confirmation_due=row.confirmation_due,
        confirmation_sent=sent,
        recorded_by=actor_of(row.actor_name, row.actor_role, row.actor_user_id),
        recorded_at=row.recorded_at,
        request=from_jsonable(ReferralRequest, json.loads(row.request)) if row.request else None,
    )


class ReferralRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        concern_id: int,
        route: RouteId,
        contacted_name: str,
        contacted_at: datetime,
        reference: str,
        outcome: str,
        confirmation_due: date | None,
        actor: Actor,
        request: ReferralRequest | None = None,
    ) -> ReferralEntry:
        if self._session.get(ConcernRow, concern_id) is None:
            raise RecordNotFound(f"There is no concern with id {concern_id} in this vault.")
        row = ReferralRow(
            concern_id=concern_id,
            route=RouteId(route).value,
            contacted_name=contacted_name,
            contacted_at=contacted_at,
            reference=reference,
            outcome=outcome,
            confirmation_due=confirmation_due,
            recorded_at=utc_now(),
            request=json.dumps(to_jsonable(request), ensure_ascii=False) if request else None,
            **actor_columns(actor),
        )
        self._session.add(row)
        self._session.flush()
        if confirmation_due is not None:
            self._session.add(ReferralPendingRow(referral_id=row.id, confirmation_due=confirmation_due))
            self._session.flush()
        return _to_entry(row, None)

    def _sent(self, referral_id: int) -> date | None:
        return self._session.scalar(
            select(func.max(ReferralEventRow.sent)).where(
                ReferralEventRow.referral_id == referral_id, ReferralEventRow.kind == CONFIRMATION_SENT
            )
        )

    def get(self, referral_id: int) -> ReferralEntry:
        row = self._session.get(ReferralRow, referral_id)
        if row is None:
            raise RecordNotFound(f"There is no referral with id {referral_id} in this vault.")
        return _to_entry(row, self._sent(referral_id))

    def record_confirmation(self, referral_id: int, sent: date, actor: Actor) -> ReferralEntry:
        row = self._session.get(ReferralRow, referral_id)
        if row is None:
            raise RecordNotFound(f"There is no referral with id {referral_id} in this vault.")
        self._session.add(
            ReferralEventRow(
                referral_id=referral_id, kind=CONFIRMATION_SENT, sent=sent, at=utc_now(), **actor_columns(actor)
            )
        )
        pending = self._session.get(ReferralPendingRow, referral_id)
        if pending is not None:
            self._session.delete(pending)
        self._session.flush()
        return _to_entry(row, self._sent(referral_id))

    def confirmations(self, referral_id: int) -> list[tuple[date, datetime, Actor]]:
        """Written confirmations recorded for a referral, oldest first: (date sent, when recorded, who)."""
        return self.confirmations_for([referral_id])[referral_id]

    def for_concern(self, concern_id: int) -> list[ReferralEntry]:
        return self.for_concerns([concern_id])[concern_id]

    def for_concerns(self, concern_ids: Collection[int]) -> dict[int, list[ReferralEntry]]:
        """Each concern's referrals, oldest first, with their written confirmations (date sent, when recorded, who),
        in two queries whatever the number of concerns: ({concern: referrals}, {referral: confirmations})."""
        found: dict[int, list[ReferralEntry]] = {concern_id: [] for concern_id in concern_ids}
        if not found:  # nothing to look for: no query
            return found
        rows = list(
            self._session.scalars(
                select(ReferralRow).where(ReferralRow.concern_id.in_(list(found))).order_by(ReferralRow.id)
            )
        )
        sent = self.confirmations_for([row.id for row in rows])
        for row in rows:
            dates = [when for when, _at, _actor in sent[row.id]]
            found[row.concern_id].append(_to_entry(row, max(dates) if dates else None))
        return found

    def confirmations_for(self, referral_ids: Collection[int]) -> dict[int, list[tuple[date, datetime, Actor]]]:
        """``confirmations`` for many referrals in one query."""
        found: dict[int, list[tuple[date, datetime, Actor]]] = {referral_id: [] for referral_id in referral_ids}
        if not found:  # nothing to look for: no query
            return found
        rows = self._session.scalars(
            select(ReferralEventRow)
            .where(ReferralEventRow.referral_id.in_(list(found)), ReferralEventRow.kind == CONFIRMATION_SENT)
            .order_by(ReferralEventRow.id)
        )
        for r in rows:
            if r.sent:
                found[r.referral_id].append((r.sent, r.at, actor_of(r.actor_name, r.actor_role, r.actor_user_id)))
        return found

    def awaiting_confirmation(self, today: date, limit: int = 50) -> list[ReferralEntry]:
        """Referrals whose written confirmation is due on or before ``today`` and not yet sent, oldest due first."""
        rows = self._session.scalars(
            select(ReferralRow)
            .join(ReferralPendingRow)
            .where(ReferralPendingRow.confirmation_due <= today)
            .order_by(ReferralPendingRow.confirmation_due, ReferralPendingRow.referral_id)
            .limit(limit)
        )
        return [_to_entry(r, None) for r in rows]

    def count_awaiting_confirmation(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(ReferralPendingRow)) or 0)
