"""Recording on a computer without the vault: the staff wizard's sealed writer, aimed at a drop folder by a kit."""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any

from desktop_app.definitions import load_forms
from desktop_app.domain.codec import from_jsonable
from desktop_app.domain.records import ConcernDraft
from desktop_app.errors import UserFacingError
from desktop_app.services.concern.pages import Mode
from desktop_app.services.dropkit.folder import check_kit_for_folder
from desktop_app.services.dropkit.kit import DropKit, KitRefused, forms_fingerprint, read_kit
from desktop_app.services.intake.content import WizardContent, wizard_content
from desktop_app.services.intake.sealing import STAFF_PREFIX, SealedIntake


def item_id_for(kit: DropKit) -> str:
    """``concern-k<key id>-<random>``: the key id travels in the name, and the seal binds the name."""
    return f"{STAFF_PREFIX}k{kit.key_id}-{secrets.token_hex(10)}"


def key_id_of_item(item_id: str) -> str | None:
    rest = item_id.removeprefix(STAFF_PREFIX)
    if rest.startswith("k") and "-" in rest:
        return rest[1:].split("-", 1)[0]
    return None


def open_kit(kit_path: Path, folder: Path) -> DropKit:
    """The kit, checked against this computer's forms and the folder's notice; one sentence if it cannot be used."""
    kit = read_kit(Path(kit_path))
    folder = Path(folder)
    if not folder.is_dir():
        raise UserFacingError(f"The folder {folder} does not exist; choose the folder your DSL gave you.")
    if kit.forms_hash != forms_fingerprint():
        raise KitRefused(
            "This computer's Waymark has different forms from the DSL's (another version), so "
            "nothing was recorded. Ask IT to install the same version of Waymark here."
        )
    check_kit_for_folder(kit, folder)
    return kit


def writer_for(kit: DropKit, folder: Path) -> SealedIntake:
    return SealedIntake(
        Path(folder), public_key=kit.public_key, vault_id=kit.vault_id, origin=Mode.STAFF, item_id=item_id_for(kit)
    )


def content_for(kit: DropKit) -> WizardContent:
    return wizard_content(load_forms(), phones=kit.phones, dsl_names=kit.dsl_names, phase=kit.phase or None)


def draft_from_json(data: Any) -> ConcernDraft:
    """A concern given as JSON (the fields of ``ConcernDraft``); the essentials must be there."""
    if not isinstance(data, dict):
        raise UserFacingError("The concern file must hold one JSON object with the concern's fields.")
    try:
        draft = from_jsonable(ConcernDraft, data)
    except (KeyError, ValueError, TypeError) as error:
        raise UserFacingError(f"The concern file has a field Waymark cannot read ({type(error).__name__}).") from None
    if draft.child is None or not (draft.child.first_name or draft.child.last_name):
        raise UserFacingError("The concern file must name the child (child.first_name, child.last_name).")
    if not draft.account.strip():
        raise UserFacingError("The concern file must say what was seen or heard (account).")
    if not draft.recorder_name.strip():
        raise UserFacingError("The concern file must say who is recording it (recorder_name).")
    return draft


def record_from_file(kit_path: Path, folder: Path, concern_file: Path) -> str:
    """Seal the concern in ``concern_file`` into ``folder`` for the kit's vault; returns the reference to quote."""
    kit = open_kit(kit_path, folder)
    try:
        data = json.loads(Path(concern_file).read_text(encoding="utf-8"))
    except OSError as error:
        raise UserFacingError(f"The concern file {concern_file} could not be read: {error.strerror}.") from None
    except ValueError:
        raise UserFacingError(f"The concern file {concern_file} is not JSON.") from None
    draft = draft_from_json(data)
    return writer_for(kit, folder).submit(draft)
