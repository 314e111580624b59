"""The notice a vault leaves in a drop folder, so a recorder with an out-of-date kit learns that the key changed.

``waymark-drop-folder.json`` names the vault and its current key id, and for each retired key an endorsement signed
with that retired key's signing key ("key X of vault V was replaced by key Y"). A recorder holding a kit for key X
can check that endorsement with the signer in its own kit, so nobody without the vault can make a kit look stale.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desktop_app.services.dropkit.kit import DropKit, KitRefused, canonical, key_id, signing_key
from desktop_app.vault import atomic, sealing

NOTICE = "waymark-drop-folder.json"
FORMAT = "waymark-drop-folder"


@dataclass(frozen=True, slots=True)
class FolderNotice:
    vault_id: str
    current_key_id: str
    replaced: dict[str, str]  # retired key id -> endorsement signature (hex)


def _endorsement(vault_id: str, old: str, new: str) -> bytes:
    return canonical({"vault_id": vault_id, "replaced_key_id": old, "by": new})


def write_notice(folder: Path, vault_id: str, private_keys: list[bytes]) -> None:
    """``private_keys``: the vault's intake keys, current first (as ``VaultSession.intake_private_keys``)."""
    current = key_id(sealing.public_from_private(private_keys[0]))
    replaced = {}
    for old in private_keys[1:]:
        old_id = key_id(sealing.public_from_private(old))
        replaced[old_id] = signing_key(old).sign(_endorsement(vault_id, old_id, current)).hex()
    notice = {"format": FORMAT, "vault_id": vault_id, "current_key_id": current, "replaced": replaced}
    atomic.write_text(Path(folder) / NOTICE, json.dumps(notice, indent=1, sort_keys=True))


def read_notice(folder: Path) -> FolderNotice | None:
    try:
        data = json.loads((Path(folder) / NOTICE).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        return FolderNotice(
            str(data["vault_id"]),
            str(data["current_key_id"]),
            {str(k): str(v) for k, v in dict(data.get("replaced", {})).items()},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no notice, or one that cannot be read: nothing learnt


def check_kit_for_folder(kit: DropKit, folder: Path) -> None:
    """Refuse to record with a kit that this folder's vault says (signed with the kit's own key) it replaced."""
    notice = read_notice(folder)
    if notice is None:
        return
    if notice.vault_id != kit.vault_id:
        raise KitRefused(
            "This folder collects concerns for a different Waymark vault than this drop kit's, so "
            "nothing was recorded. Choose the folder your Designated Safeguarding Lead gave you."
        )
    if notice.current_key_id == kit.key_id:
        return
    signature = notice.replaced.get(kit.key_id)
    if signature is None:
        return
    try:
        Ed25519PublicKey.from_public_bytes(kit.signer).verify(
            bytes.fromhex(signature), _endorsement(kit.vault_id, kit.key_id, notice.current_key_id)
        )
    except (InvalidSignature, ValueError):
        return  # not made by the vault: ignored
    raise KitRefused(
        "This drop kit is out of date: the Designated Safeguarding Lead has replaced the vault's key "
        "since it was made, so nothing was recorded. Ask the DSL for a new drop kit."
    )
