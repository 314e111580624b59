"""One search over the vault: children by name (index of name words), concerns by full text (FTS5), each a row a
list can show, with the child's date of birth or year group beside the name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from desktop_app.domain.enums import ConcernStatus
from desktop_app.domain.naming import name_with_detail
from desktop_app.domain.records import Child, Concern
from desktop_app.services.vault.session import VaultSession

MAX_SNIPPET = 90
STATUS_WORDS = {
    ConcernStatus.AWAITING_SCREENING.value: "awaiting screening",
    ConcernStatus.SCREENED.value: "screened",
    ConcernStatus.REFERRED.value: "referred",
    ConcernStatus.CLOSED.value: "closed",
}


@dataclass(frozen=True, slots=True)
class Hit:
    kind: Literal["child", "concern"]
    child_id: int
    concern_id: int | None
    title: str  # "Amira Khan (born 03 Feb 2012, Year 9)" or "WM-2026-00042 — Amira Khan (…)"
    detail: str  # what matched: the start of the account, or "3 concerns on file"
    when: datetime | None


def snippet(text: str, limit: int = MAX_SNIPPET) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _child_hit(child: Child, concerns: int) -> Hit:
    detail = f"{concerns} concern{'s' if concerns != 1 else ''} on file"
    return Hit("child", child.child_id, None, name_with_detail(child.details), detail, child.created_at)


def _concern_hit(concern: Concern, name: str) -> Hit:
    status = STATUS_WORDS.get(concern.status, concern.status)
    return Hit(
        "concern",
        concern.child_id,
        concern.concern_id,
        f"{concern.reference} — {name}",
        f"{status}: {snippet(concern.draft.account)}",
        concern.submitted_at,
    )


def find(session: VaultSession, text: str, limit: int = 50) -> list[Hit]:
    """Children whose name matches first (a DSL usually types a name), then concerns whose text matches, newest
    first. Each side is bounded by ``limit``."""
    if not text.strip():
        return []
    with session.uow() as uow:
        children: list[Child] = uow.children.search(text, limit)
        hits = [_child_hit(c, uow.concerns.count_for_child(c.child_id)) for c in children]
        names: dict[int, str] = {}
        for concern in uow.concerns.search(text, limit):
            if concern.child_id not in names:
                names[concern.child_id] = name_with_detail(uow.children.get(concern.child_id).details)
            hits.append(_concern_hit(concern, names[concern.child_id]))
        return hits


def concerns_of_child(session: VaultSession, child_id: int, limit: int = 200) -> list[Hit]:
    """A child's concerns, newest first, as search rows (what a child found by search opens to)."""
    with session.uow() as uow:
        name = name_with_detail(uow.children.get(child_id).details)
        concerns: list[Concern] = uow.concerns.list_for_child(child_id, limit)
        return [_concern_hit(c, name) for c in reversed(concerns)]
