"""The DSL's side of a drop folder: check each sealed file's key, move those for this vault into the inbox (where
they are imported like lock-screen concerns), and leave a notice so out-of-date kits are refused from then on."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.errors import UserFacingError
from desktop_app.services.dropkit.folder import write_notice
from desktop_app.services.dropkit.kit import key_id
from desktop_app.services.dropkit.record import key_id_of_item
from desktop_app.services.intake.import_items import (
    ExistingChild,
    NewChild,
    import_item,
    open_item,
    suggest_children,
)
from desktop_app.services.intake.sealing import STAFF_PREFIX, SUFFIX, inbox_of, item_id_of, open_file
from desktop_app.services.vault import VaultSession
from desktop_app.vault import atomic, sealing
from desktop_app.vault.errors import SealedItemDamaged

FOREIGN = (
    "was sealed with a drop kit from another vault, or from a key this vault never had, so it cannot be opened "
    "here; it was left in the folder."
)


@dataclass
class Collected:
    moved: list[str] = field(default_factory=list)  # item ids now in the inbox
    old_kit: int = 0  # of those, sealed with a kit for a retired key (opened; give staff a new kit)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file name, sentence)

    def summary(self) -> str:
        parts = [f"{len(self.moved)} sealed concern{'s' if len(self.moved) != 1 else ''} collected from the folder"]
        if self.old_kit:
            parts.append(f"{self.old_kit} made with an old drop kit: export a new kit for staff")
        parts += [f"{name}: {sentence}" for name, sentence in self.refused]
        return ". ".join(parts) + "."


def collect(session: VaultSession, folder: Path) -> Collected:
    """Move every sealed concern in ``folder`` that opens with this vault's keys into its inbox; audited."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserFacingError(f"The folder {folder} does not exist or cannot be reached (is the USB stick in?).")
    keys = session.intake_private_keys()
    ids = [key_id(sealing.public_from_private(k)) for k in keys]
    result = Collected()
    inbox = inbox_of(session.vault_dir)
    for path in sorted(folder.glob(f"{STAFF_PREFIX}*{SUFFIX}")):
        item_id = item_id_of(path)
        sealed_to = key_id_of_item(item_id)
        if sealed_to is not None and sealed_to not in ids:
            result.refused.append((path.name, f"This concern {FOREIGN}"))
            continue
        try:
            open_file(path, keys, session.vault_id)
        except (SealedItemDamaged, ValueError) as error:
            sentence = error.sentence if isinstance(error, UserFacingError) else "This sealed file is damaged."
            result.refused.append((path.name, sentence + " It was left in the folder."))
            continue
        target = inbox / path.name
        if not target.exists():
            inbox.mkdir(parents=True, exist_ok=True)
            atomic.write_bytes(target, path.read_bytes())
        path.unlink()
        result.moved.append(item_id)
        if sealed_to is not None and sealed_to != ids[0]:
            result.old_kit += 1
    with session.uow() as uow:
        uow.audit.append(
            session.actor(),
            "sealed.collected",
            "inbox",
            {"moved": len(result.moved), "old_kit": result.old_kit, "refused": len(result.refused)},
        )
        uow.commit()
    with contextlib.suppress(UserFacingError):  # a read-only folder: the concerns were still collected
        write_notice(folder, session.vault_id, keys)
    return result


def import_collected(session: VaultSession, item_ids: list[str]) -> list[str]:
    """Import collected items without asking (the command line): the one child on file with the same name and date
    of birth, else a new child. Returns the concerns' references."""
    references = []
    for item_id in item_ids:
        item = open_item(session, item_id)
        child = item.draft.child
        with session.uow() as uow:
            suggestions = suggest_children(uow, item.draft)
        same = [
            c
            for c in suggestions
            if child is not None
            and child.date_of_birth is not None
            and c.details.date_of_birth == child.date_of_birth
            and (c.details.first_name, c.details.last_name) == (child.first_name, child.last_name)
        ]
        choice = ExistingChild(same[0].child_id) if len(same) == 1 else NewChild()
        references.append(import_item(session, item_id, choice).reference)
    return references
