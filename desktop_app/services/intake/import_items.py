"""The DSL's side of sealed intake: open and list what waits in the inbox, import it against a child, file the DSL's
own concern. Every step that changes the vault is audited.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.domain.codec import from_jsonable
from desktop_app.domain.enums import AddendumTarget
from desktop_app.domain.records import Actor, Child, ChildDetails, Concern, ConcernDraft
from desktop_app.errors import FieldProblem, UserFacingError
from desktop_app.log import Safe
from desktop_app.services import casework
from desktop_app.services.concern.pages import Mode
from desktop_app.services.intake.sealing import (
    DSL_PREFIX,
    SUFFIX,
    Kind,
    SealedIntake,
    inbox_of,
    item_id_of,
    open_file,
    read_identity,
    sealed_files,
    vault_id_of,
)
from desktop_app.vault.errors import SealedItemDamaged

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession
    from desktop_app.store.uow import UnitOfWork

_log = logging.getLogger(__name__)


class ItemGone(UserFacingError):
    def __init__(self) -> None:
        super().__init__("That sealed concern is no longer waiting: it may have been imported already.")


@dataclass(frozen=True, slots=True)
class PendingItem:
    item_id: str
    origin: Mode
    submitted: bool
    reference: str
    saved_at: datetime | None
    draft: ConcernDraft
    unparsed: Mapping[str, str]
    problem: str = ""  # set when the file cannot be opened; the DSL is told, the file is kept
    suggestions: tuple[Child, ...] = ()

    @property
    def status(self) -> str:
        if self.problem:
            return "Cannot be opened"
        if self.submitted:
            return "Sent by the recorder"
        return "Unfinished — the recorder did not submit it"

    @property
    def child_label(self) -> str:
        child = self.draft.child
        return child.display_name if child and child.display_name else "Child not named"

    def summary(self) -> str:
        if self.problem:
            return self.problem
        draft = self.draft
        parts = [self.child_label]
        if draft.child and draft.child.year_group:
            parts.append(draft.child.year_group)
        if draft.happened_at:
            parts.append(f"happened {draft.happened_at:%d/%m/%Y %H:%M}")
        if draft.recorder_name:
            role = f" ({draft.recorder_role})" if draft.recorder_role else ""
            parts.append(f"recorded by {draft.recorder_name}{role}")
        if draft.immediate_danger:
            parts.append("said to be in immediate danger")
        return " — ".join(parts)


@dataclass(frozen=True, slots=True)
class NewChild:
    """Import for a child not yet on file; ``details`` None means as the recorder gave them."""

    details: ChildDetails | None = None


@dataclass(frozen=True, slots=True)
class ExistingChild:
    child_id: int


ChildChoice = NewChild | ExistingChild


def _to_item(path: Path, payload: dict[str, Any]) -> PendingItem:
    saved = payload.get("saved_at")
    return PendingItem(
        item_id=item_id_of(path),
        origin=Mode(payload.get("origin", Mode.STAFF.value)),
        submitted=payload.get("kind") == Kind.SUBMITTED,
        reference=str(payload.get("reference", "")),
        saved_at=datetime.fromisoformat(saved) if saved else None,
        draft=from_jsonable(ConcernDraft, payload.get("draft", {})),
        unparsed={str(k): str(v) for k, v in dict(payload.get("unparsed", {})).items()},
    )


def suggest_children(uow: UnitOfWork, draft: ConcernDraft, limit: int = 5) -> tuple[Child, ...]:
    """Children on file who may be this one: same name or known-as; those with the same date of birth first."""
    child = draft.child
    if child is None:
        return ()
    found: dict[int, Child] = {}
    for text in (f"{child.first_name} {child.last_name}".strip(), child.known_as, child.last_name):
        if text.strip():
            for match in uow.children.search(text, limit=limit * 2):
                found.setdefault(match.child_id, match)
    dob = child.date_of_birth

    def rank(c: Child) -> tuple[int, int, str]:
        same_dob = dob is not None and c.details.date_of_birth == dob
        same_name = (c.details.first_name.casefold(), c.details.last_name.casefold()) == (
            child.first_name.casefold(),
            child.last_name.casefold(),
        )
        return (0 if same_dob else 1, 0 if same_name else 1, c.details.display_name)

    return tuple(sorted(found.values(), key=rank)[:limit])


def list_pending(session: VaultSession, *, include_own_drafts: bool = True) -> list[PendingItem]:
    """Every sealed item in the inbox, opened, oldest first, each with the children on file it may be about."""
    inbox = inbox_of(session.vault_dir)
    vault_id = vault_id_of(session.vault_dir)
    private = session.intake_private_keys()
    items: list[PendingItem] = []
    for path in sealed_files(inbox):
        if path.name.startswith(DSL_PREFIX) and not include_own_drafts:
            continue
        try:
            items.append(_to_item(path, open_file(path, private, vault_id)))
        except (SealedItemDamaged, ValueError, KeyError, TypeError) as exc:
            _log.warning("sealed item could not be opened: %s", Safe(type(exc).__name__))
            sentence = exc.sentence if isinstance(exc, UserFacingError) else "This sealed item is damaged."
            items.append(
                PendingItem(item_id_of(path), Mode.STAFF, False, "", None, ConcernDraft(), {}, problem=sentence)
            )
    if items:
        with session.uow() as uow:
            items = [replace(i, suggestions=suggest_children(uow, i.draft)) if not i.problem else i for i in items]
    return items


def open_item(session: VaultSession, item_id: str) -> PendingItem:
    path = inbox_of(session.vault_dir) / f"{item_id}{SUFFIX}"
    if not path.exists():
        raise ItemGone()
    return _to_item(path, open_file(path, session.intake_private_keys(), vault_id_of(session.vault_dir)))


UNFINISHED_NOTE = "Imported from an unfinished draft: the recorder did not submit it, nor confirm it was accurate."


def import_item(session: VaultSession, item_id: str, choice: ChildChoice) -> Concern:
    """File a sealed concern against the chosen child, then delete the sealed file; both steps are audited."""
    item = open_item(session, item_id)
    actor = session.actor()
    details = (choice.details or item.draft.child) if isinstance(choice, NewChild) else None
    if isinstance(choice, NewChild) and (details is None or not (details.first_name or details.last_name)):
        raise FieldProblem("child", "The recorder did not name the child. Choose a child on file, or type the name.")
    with session.uow() as uow:
        earlier = _imported_before(uow, item)
    if earlier is not None:
        # Imported before, but the app stopped before the sealed copy was deleted: finish that step now.
        return _delete_sealed(session, item, earlier, actor, already_imported=True)
    with session.uow() as uow:
        if details is not None:
            child_id = _add_child(uow, details, actor)
        else:
            assert isinstance(choice, ExistingChild)
            child_id = uow.children.get(choice.child_id).child_id
        concern: Concern = uow.concerns.add(child_id, item.draft, actor, sealed=True, intake_reference=item.reference)
        uow.audit.append(
            actor,
            "concern.imported",
            f"concern:{concern.concern_id}",
            {
                "intake_reference": item.reference,
                "submitted": item.submitted,
                "new_child": isinstance(choice, NewChild),
            },
        )
        if not item.submitted:
            casework.write_addendum(uow, AddendumTarget.CONCERN, concern.concern_id, UNFINISHED_NOTE, "", actor)
        uow.commit()
    _log.info("sealed concern imported (submitted=%s)", item.submitted)
    return _delete_sealed(session, item, concern, actor)


def _imported_before(uow: UnitOfWork, item: PendingItem) -> Concern | None:
    """The concern an earlier import of this item made, if the app stopped before the sealed copy was deleted."""
    concern: Concern | None = uow.concerns.by_intake_reference(item.reference)
    return concern


def _delete_sealed(
    session: VaultSession, item: PendingItem, concern: Concern, actor: Actor, already_imported: bool = False
) -> Concern:
    (inbox_of(session.vault_dir) / f"{item.item_id}{SUFFIX}").unlink(missing_ok=True)
    details: dict[str, object] = {"intake_reference": item.reference}
    if already_imported:
        details["already_imported"] = True
    with session.uow() as uow:
        uow.audit.append(actor, "sealed.deleted", f"concern:{concern.concern_id}", details)
        uow.commit()
    return concern


def _add_child(uow: UnitOfWork, details: ChildDetails, actor: Actor) -> int:
    child: Child = uow.children.add(details, actor)
    uow.audit.append(actor, "child.added", f"child:{child.child_id}", {})
    return child.child_id


def submit_in_app(session: VaultSession, draft: ConcernDraft, writer: SealedIntake | None = None) -> Concern:
    """The DSL's own concern: stored straight in the vault, audited; its sealed draft (if any) then removed."""
    actor = session.actor()
    with session.uow() as uow:
        if draft.existing_child_id is not None:
            child_id = uow.children.get(draft.existing_child_id).child_id
        elif draft.child is not None:
            child_id = _add_child(uow, draft.child, actor)
        else:
            raise FieldProblem("child", "Choose a child on file, or type the child's name.")
        concern: Concern = uow.concerns.add(child_id, draft, actor, sealed=False)
        uow.audit.append(actor, "concern.submitted", f"concern:{concern.concern_id}", {"reference": concern.reference})
        uow.commit()
    if writer is not None:
        writer.submitted = True
        writer.path.unlink(missing_ok=True)
    return concern


def discard_own_draft(session: VaultSession, item_id: str) -> None:
    """Delete one of the DSL's own unfinished drafts (never a staff member's concern, which must be imported)."""
    if not item_id.startswith(DSL_PREFIX):
        raise UserFacingError("Only your own unfinished drafts can be deleted; a staff concern must be imported.")
    (inbox_of(session.vault_dir) / f"{item_id}{SUFFIX}").unlink(missing_ok=True)
    with session.uow() as uow:
        uow.audit.append(session.actor(), "sealed.deleted", item_id, {"own_draft": True})
        uow.commit()


def writer_for_session(session: VaultSession, resume: PendingItem | None = None) -> SealedIntake:
    """A sealed-draft writer for the DSL's own concern; ``resume`` continues an earlier draft in the same file."""
    identity = read_identity(session.vault_dir)
    return SealedIntake(
        inbox_of(session.vault_dir),
        public_key=identity.public_key,
        vault_id=identity.vault_id,
        origin=Mode.DSL,
        item_id=resume.item_id if resume else None,
        reference=resume.reference if resume else None,
    )


def child_label(child: Child) -> str:
    """How a child on file is shown in a pick list: name, date of birth or age, year group."""
    details = child.details
    born = f"born {details.date_of_birth:%d/%m/%Y}" if details.date_of_birth else ""
    age = f"age {details.age_years}" if not born and details.age_years is not None else ""
    return ", ".join(p for p in (details.display_name, born or age, details.year_group) if p)


def search_children(session: VaultSession, text: str, limit: int = 20) -> list[tuple[int, str]]:
    """Children on file matching ``text`` (name or known-as), as (child id, label) for a pick list."""
    if len(text.strip()) < 2:
        return []
    with session.uow() as uow:
        return [(c.child_id, child_label(c)) for c in uow.children.search(text.strip(), limit=limit)]
