"""The referral summary of a full concern at scale (issue 13): the demo concern with the most on it (a screening,
referrals with what was asked and consent, corrections), its child's file details, built from the scale vault to
PDF bytes as the concern view's button does. Target ≤ 500 ms: a DSL waits for it with a social worker on the phone."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import text

from desktop_app.services import documents
from desktop_app.services.vault.session import VaultSession

LIMIT_MS = 500.0

# The demo concern (never a bulk one) with a screening, the most referrals, then the most corrections of it and them.
_FULLEST = text(
    "SELECT c.id, "
    " (SELECT count(*) FROM referrals r WHERE r.concern_id = c.id) AS referrals, "
    " (SELECT count(*) FROM addenda a WHERE (a.object_kind = 'concern' AND a.object_id = c.id) "
    "   OR (a.object_kind = 'referral' AND a.object_id IN (SELECT r.id FROM referrals r WHERE r.concern_id = c.id))) "
    "   AS corrections, length(c.body) AS size "
    "FROM concerns c WHERE c.reference NOT LIKE 'WM-BENCH-%' "
    " AND EXISTS (SELECT 1 FROM screenings s WHERE s.concern_id = c.id) "
    "ORDER BY referrals DESC, corrections DESC, size DESC, c.id LIMIT 1"
)


def figures(
    session: VaultSession, repeat: int, timed_ms: Callable[[Callable[[], object], int], list[float]]
) -> dict[str, tuple[float, list[float]]]:
    """{what: (limit ms, times)} for ``figures.py``'s ``more_ms``."""
    with session.uow() as uow:
        row = uow.session.execute(_FULLEST).first()
    if row is None:
        raise SystemExit("the scale vault has no screened demo concern to print")
    concern_id, referrals, corrections = int(row[0]), int(row[1]), int(row[2])
    what = f"Referral summary PDF of a full concern ({referrals} referrals, {corrections} corrections, child file)"
    return {what: (LIMIT_MS, timed_ms(lambda: documents.render_referral_summary(session, concern_id), repeat))}
