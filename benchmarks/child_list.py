"""The children list and its search at scale (issue 11): each figure one call of ``services.child.listing``, as the
Children page makes it (a page of 50), on the scale vault. Target ≤ 50 ms each (DESIGN §9's search figure); and
a child's chronology as the child file builds it, for the child with the most concerns (≤ 100 ms, issue 17)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from sqlalchemy import text

from desktop_app.domain.child_list import ChildFilter
from desktop_app.domain.enums import RiskLevel
from desktop_app.services.child.chronology import child_chronology
from desktop_app.services.child.listing import children_page
from desktop_app.services.vault.session import VaultSession

LIMIT_MS = 50.0
CHRONOLOGY_MS = 100.0  # issue 17: a child's chronology at full scale


def figures(
    session: VaultSession,
    today: date,
    words: list[str],
    repeat: int,
    timed_ms: Callable[[Callable[[], object], int], list[float]],
) -> dict[str, tuple[float, list[float]]]:
    """{what: (limit ms, times)} for ``figures.py``'s ``more_ms``."""
    with session.uow() as uow:
        total = uow.child_list.count()
    deep = max(0, (total // 2) // 50 * 50)
    name = _a_surname(session)
    wanted: dict[str, ChildFilter | tuple[ChildFilter, int]] = {
        "Children list: first page": ChildFilter(),
        f"Children list: a page {deep:,} children in": (ChildFilter(), deep),
        "Children list: search by a surname": ChildFilter(text=name),
        "Children list: search by a single letter": ChildFilter(text=name[:1]),
        "Children list: filter, high risk": ChildFilter(level=RiskLevel.HIGH),
        "Children list: filter, open concerns": ChildFilter(open_concerns=True),
        "Children list: filter, review due": ChildFilter(review_due_on=today),
        "Children list: filter, missing episodes": ChildFilter(missing_episodes=True),
    }
    out: dict[str, tuple[float, list[float]]] = {}
    for what, value in wanted.items():
        chosen, offset = value if isinstance(value, tuple) else (value, 0)
        out[what] = (LIMIT_MS, timed_ms(partial(children_page, session, chosen, offset), repeat))
    # One search per word of the bulk text, as the concerns' search figure does: a word of what concerns say.
    per_word = [t for word in words for t in timed_ms(partial(children_page, session, ChildFilter(text=word)), 1)]
    out["Children list: search by a word of a concern (one per word)"] = (LIMIT_MS, per_word)
    busiest, concerns = _busiest_child(session)
    out[f"A child's chronology (the child with the most concerns: {concerns})"] = (
        CHRONOLOGY_MS,
        timed_ms(partial(child_chronology, session, busiest), repeat),
    )
    return out


def _busiest_child(session: VaultSession) -> tuple[int, int]:
    """The child with the most concerns, and how many: their file is the longest chronology to build."""
    with session.uow() as uow:
        row = uow.session.execute(
            text("SELECT child_id, count(*) FROM concerns GROUP BY child_id ORDER BY 2 DESC, 1 LIMIT 1")
        ).one()
    return int(row[0]), int(row[1])


def _a_surname(session: VaultSession) -> str:
    any_child: Any = children_page(session, ChildFilter(), 0, 1).entries
    return str(any_child[0].details.last_name) if any_child else "Smith"
