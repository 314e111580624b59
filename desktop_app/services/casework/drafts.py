"""Unfinished DSL work kept when the vault locks: a screening and its decision, a referral contact, a correction, a
closing. Nothing is lost to the auto-lock, and nothing is ever plaintext on disk.

Each piece of work is one file ``drafts/<kind>-<concern id>-<user>.sealed`` in the vault folder, sealed to the vault's
intake public key exactly like a staff member's draft (X25519 + AES-GCM, the vault id and draft id bound in). It is
written just before the keys are dropped and read back only with the private key inside the unlocked vault. One
draft per person, kind and concern: keeping it again replaces it.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.domain.enums import AnswerStatus, Basis, When
from desktop_app.domain.screening import Answer, ChildFacts, ConcernFacts
from desktop_app.log import Safe
from desktop_app.vault import atomic, sealing
from desktop_app.vault.errors import SealedItemDamaged

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)

DRAFTS_DIR = "drafts"
SUFFIX = ".sealed"
FORMAT = "waymark-dsl-work"
FORMAT_VERSION = 1
KINDS = {
    "screening": "Screening",
    "referral": "Referral contact",
    "correction": "Correction",
    "close": "Closing",
    "action": "Action",  # a new action on the concern (services.actions)
}


@dataclass(frozen=True, slots=True)
class WorkDraft:
    draft_id: str
    kind: str
    concern_id: int
    title: str  # "Screening of WM-2026-00042 — Tamsin Quillfeather"
    saved_at: datetime
    state: dict[str, Any]

    def describe(self) -> str:
        return f"{self.title} (kept at {self.saved_at.astimezone():%H:%M on %d %b %Y})"


def drafts_dir(vault_dir: Path) -> Path:
    return Path(vault_dir) / DRAFTS_DIR


def _user_tag(user_id: str) -> str:
    return hashlib.sha256(user_id.encode()).hexdigest()[:12]


def draft_id(kind: str, concern_id: int, user_id: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown kind of unfinished work {kind!r}")
    return f"{kind}-{int(concern_id)}-{_user_tag(user_id)}"


def _context(vault_id: str, item_id: str) -> bytes:
    return f"{FORMAT}|v{FORMAT_VERSION}|{vault_id}|{item_id}".encode()


def _public_key(vault_dir: Path) -> bytes:
    from desktop_app.services import vault as vault_service

    return vault_service.read_public_key(vault_dir)


def keep(
    session: VaultSession, kind: str, concern_id: int, title: str, state: Mapping[str, Any], now: datetime | None = None
) -> str:
    """Seal ``state`` (plain JSON values) as the signed-in person's unfinished ``kind`` of work on ``concern_id``."""
    item_id = draft_id(kind, concern_id, session.user.user_id)
    payload = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "draft_id": item_id,
        "kind": kind,
        "concern_id": int(concern_id),
        "user_id": session.user.user_id,
        "title": title,
        "saved_at": (now or datetime.now().astimezone()).isoformat(),
        "state": dict(state),
    }
    blob = sealing.seal(
        _public_key(session.vault_dir),
        json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        _context(session.vault_id, item_id),
    )
    folder = drafts_dir(session.vault_dir)
    folder.mkdir(parents=True, exist_ok=True)
    atomic.write_bytes(folder / f"{item_id}{SUFFIX}", blob)
    _log.info("unfinished work kept (%s)", Safe(kind))
    return item_id


def _open(path: Path, session: VaultSession) -> dict[str, Any]:
    blob = path.read_bytes()
    context = _context(session.vault_id, path.name.removesuffix(SUFFIX))
    for key in session.intake_private_keys():
        try:
            payload = json.loads(sealing.open_sealed(key, blob, context).decode("utf-8"))
        except SealedItemDamaged:
            continue
        if isinstance(payload, dict) and payload.get("format") == FORMAT:
            return payload
    raise SealedItemDamaged("This piece of unfinished work cannot be opened.")


def unfinished(session: VaultSession) -> list[WorkDraft]:
    """The signed-in person's kept work, oldest first; a file that no longer opens is left alone and skipped."""
    folder = drafts_dir(session.vault_dir)
    if not folder.is_dir():
        return []
    tag = _user_tag(session.user.user_id)
    found: list[WorkDraft] = []
    for path in sorted(folder.glob(f"*-{tag}{SUFFIX}")):
        try:
            p = _open(path, session)
            if p.get("user_id") != session.user.user_id:
                continue
            found.append(
                WorkDraft(
                    str(p["draft_id"]),
                    str(p["kind"]),
                    int(p["concern_id"]),
                    str(p["title"]),
                    datetime.fromisoformat(str(p["saved_at"])),
                    dict(p["state"]),
                )
            )
        except (SealedItemDamaged, ValueError, KeyError, TypeError, OSError) as error:
            _log.warning("unfinished work could not be opened: %s", Safe(type(error).__name__))
    found.sort(key=lambda d: d.saved_at)
    return found


def discard(session: VaultSession, item_id: str) -> None:
    """Forget kept work (it was resumed, finished or thrown away)."""
    (drafts_dir(session.vault_dir) / f"{item_id}{SUFFIX}").unlink(missing_ok=True)


def discard_for(session: VaultSession, kind: str, concern_id: int) -> None:
    discard(session, draft_id(kind, concern_id, session.user.user_id))


# --- a screening's answers and facts as plain JSON (the decision's fields are the window's own) --------------------


def answers_state(answers: Mapping[str, Answer]) -> dict[str, dict[str, str]]:
    return {
        item_id: {
            "status": a.status.value,
            "when": a.when.value if a.when else "",
            "basis": a.basis.value if a.basis else "",
            "note": a.note,
        }
        for item_id, a in answers.items()
    }


def answers_from_state(state: Mapping[str, Any]) -> dict[str, Answer]:
    out: dict[str, Answer] = {}
    for item_id, a in state.items():
        out[str(item_id)] = Answer(
            AnswerStatus(a["status"]),
            When(a["when"]) if a.get("when") else None,
            Basis(a["basis"]) if a.get("basis") else None,
            str(a.get("note", "")),
        )
    return out


def facts_state(child: ChildFacts, concern: ConcernFacts) -> dict[str, Any]:
    return {
        "age": child.age,
        "learning_disability": child.learning_disability,
        "has_social_worker": child.has_social_worker,
        "immediate_danger": concern.immediate_danger,
        "about_adult_working_with_children": concern.about_adult_working_with_children,
        "group_or_community": concern.group_or_community,
    }


def facts_from_state(state: Mapping[str, Any]) -> tuple[ChildFacts, ConcernFacts]:
    age = state.get("age")
    return (
        ChildFacts(
            age=int(age) if age is not None else None,
            learning_disability=bool(state.get("learning_disability")),
            has_social_worker=bool(state.get("has_social_worker")),
        ),
        ConcernFacts(
            immediate_danger=bool(state.get("immediate_danger")),
            about_adult_working_with_children=bool(state.get("about_adult_working_with_children")),
            group_or_community=bool(state.get("group_or_community")),
        ),
    )
