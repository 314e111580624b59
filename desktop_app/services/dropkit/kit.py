"""The drop kit: what a computer without the vault needs to seal a concern for it, signed, with no secret in it.

A kit is JSON: ``{"format", "version", "body", "signature"}``. The body holds the vault id, its intake public key and
that key's id, the setting's name, DSL names and public numbers, and the forms' fingerprint. The signature is Ed25519
under a key derived from the vault's intake *private* key (HKDF), whose public half is in the body: the recorder can
check that nothing was altered after signing, and the vault — which can derive the same key — can check that a kit,
or a notice in a drop folder, really is its own.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.definitions import Forms, load_forms
from desktop_app.errors import UserFacingError
from desktop_app.services.vault import VaultSession
from desktop_app.vault import atomic, sealing
from desktop_app.vault.leftovers import OutputRegister
from desktop_app.vault.outputs import OutputKind, check_output_path

FORMAT = "waymark-drop-kit"
VERSION = 1
SUFFIX = ".wmdropkit"


class KitRefused(UserFacingError):
    """A drop kit that cannot be used: altered, damaged, too new, or for a key the vault no longer uses."""


def key_id(public_key: bytes) -> str:
    """A short, stable name for an intake public key (16 hex digits of its SHA-256)."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def signing_key(intake_private: bytes) -> Ed25519PrivateKey:
    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"waymark drop kit signing").derive(
        intake_private
    )
    return Ed25519PrivateKey.from_private_bytes(seed)


def signing_public(intake_private: bytes) -> bytes:
    return signing_key(intake_private).public_key().public_bytes_raw()


def canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def forms_fingerprint(forms: Forms | None = None) -> str:
    """One hash over every forms file's own hash: two computers with the same forms agree on it."""
    forms = forms or load_forms()
    hashes_ = sorted(
        [
            *(d.hash for d in forms.screenings.values()),
            forms.contacts.hash,
            forms.obligations.hash,
            forms.categories.hash,
            forms.what_to_do.hash,
        ]
    )
    return hashlib.sha256("|".join(hashes_).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class DropKit:
    vault_id: str
    public_key: bytes
    key_id: str
    setting_name: str
    dsl_names: tuple[str, ...]
    phones: dict[str, str]
    forms_hash: str
    made_at: datetime
    signer: bytes  # Ed25519 public key
    phase: str = ""  # the setting's phase of education (its year groups); "" in a kit made before it was carried


def make_kit(session: VaultSession) -> bytes:
    """The kit's bytes for the session's vault (current intake key)."""
    private = session.intake_private_key()
    public = sealing.public_from_private(private)
    with session.uow() as uow:
        setting = uow.setting.get()
        phones = dict(uow.contacts.overrides())
        names = [u.name for u in sorted(uow.users.active(), key=lambda u: (u.role.value != "dsl", u.name))]
        phase = str(setting.extra.get("phase", ""))
    body = {
        "vault_id": session.vault_id,
        "intake_public_key": public.hex(),
        "key_id": key_id(public),
        "setting_name": setting.name,
        "dsl_names": names,
        "phones": phones,
        "phase": phase,
        "forms_hash": forms_fingerprint(),
        "made_at": datetime.now(UTC).isoformat(),
        "signer": signing_public(private).hex(),
    }
    signature = signing_key(private).sign(canonical(body))
    kit = {"format": FORMAT, "version": VERSION, "body": body, "signature": signature.hex()}
    return json.dumps(kit, indent=1, ensure_ascii=False).encode("utf-8")


def export_kit(session: VaultSession, out: Path) -> DropKit:
    """Write the drop kit, audited (it holds no personal data, but the DSL should know where kits went)."""
    out = check_output_path(out, OutputKind.DROP_KIT)  # the command line's check, for the app's save dialog too
    data = make_kit(session)
    kit = parse_kit(data)
    with session.uow() as uow:
        uow.audit.append(session.actor(), "dropkit.exported", "vault", {"key_id": kit.key_id})
        atomic.write_bytes(out, data, register=OutputRegister(session.vault_dir))
        uow.commit()
    return kit


_ALTERED = (
    "This drop kit has been altered or damaged, so it cannot be used. Ask the Designated Safeguarding Lead "
    "for a new drop kit."
)


def parse_kit(data: bytes) -> DropKit:
    """Read a kit and check its signature; ``KitRefused`` with one sentence otherwise."""
    try:
        kit = json.loads(data.decode("utf-8"))
        if not isinstance(kit, dict) or kit.get("format") != FORMAT:
            raise KitRefused("This file is not a Waymark drop kit.")
        if int(kit.get("version", 0)) > VERSION:
            raise KitRefused(
                "This drop kit was made by a newer version of Waymark. Ask IT to update Waymark on this computer."
            )
        body = kit["body"]
        signer = bytes.fromhex(body["signer"])
        Ed25519PublicKey.from_public_bytes(signer).verify(bytes.fromhex(kit["signature"]), canonical(body))
        public = bytes.fromhex(body["intake_public_key"])
        if len(public) != sealing.KEY_SIZE or key_id(public) != body["key_id"]:
            raise KitRefused(_ALTERED)
        return DropKit(
            vault_id=str(body["vault_id"]),
            public_key=public,
            key_id=str(body["key_id"]),
            setting_name=str(body["setting_name"]),
            dsl_names=tuple(str(n) for n in body["dsl_names"]),
            phones={str(k): str(v) for k, v in dict(body["phones"]).items()},
            forms_hash=str(body["forms_hash"]),
            made_at=datetime.fromisoformat(body["made_at"]),
            signer=signer,
            phase=str(body.get("phase", "")),
        )
    except KitRefused:
        raise
    except (InvalidSignature, ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError):
        raise KitRefused(_ALTERED) from None


def read_kit(path: Path) -> DropKit:
    try:
        return parse_kit(Path(path).read_bytes())
    except FileNotFoundError:
        raise KitRefused(f"There is no drop kit at {path}.") from None
    except IsADirectoryError:
        raise KitRefused(f"{path} is a folder; choose the drop kit file itself.") from None
    except OSError as error:
        raise KitRefused(f"The drop kit {path} could not be read: {error.strerror}.") from None
