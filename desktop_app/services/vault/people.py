"""People: who may unlock the vault. A DSL or deputy added with their own passphrase, or removed (with a re-key).

Each change builds the new key slots as a value and hands it to the session, which saves it before holding it: a
save that fails (a full disk) leaves the session and keyslots.json as they were, so trying again works.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from desktop_app.domain.enums import Role
from desktop_app.domain.records import User
from desktop_app.errors import UserFacingError
from desktop_app.services.vault.keys import check_passphrase
from desktop_app.services.vault.session import Progress, VaultSession
from desktop_app.vault import sealing


def users(session: VaultSession) -> list[User]:
    """The people who may unlock the vault now (the removed left out)."""
    with session.uow() as uow:
        return uow.users.active()


def add_user(session: VaultSession, name: str, role: Role, passphrase: str) -> User:
    """Give a DSL or deputy their own passphrase slot (key slots saved first, then the person recorded)."""
    if not name.strip():
        raise UserFacingError("The new user's name is needed.")
    check_passphrase(passphrase)
    role = Role(role)
    user_id = uuid.uuid4().hex
    slot = session.change_key_slots(
        lambda current, data_key: current.with_passphrase_slot(user_id, name, role.value, passphrase, data_key)[0]
    ).slot_for_user(user_id)
    assert slot is not None
    with session.uow() as uow:
        user = uow.users.add(user_id, name, role, slot_id=slot.slot_id)
        uow.audit.append(session.actor(), "user.added", user_id, {"role": role.value})
        uow.commit()
    return user


def remove_user(session: VaultSession, user_id: str, progress: Progress | None = None) -> Path:
    """Backup, delete the slot, re-key the database, re-wrap every remaining slot; returns the backup."""
    report = progress or (lambda _step, _of, _what: None)
    if user_id == session.user.user_id:
        raise UserFacingError("You cannot remove yourself; ask another DSL or deputy to do it.")
    with session.uow() as uow:
        uow.users.get(user_id)
    slot = session.key_slots.slot_for_user(user_id)
    report(0, 4, "Backing up the vault")
    backup = session.backup_before("removing-user")
    report(1, 4, "Removing the key")
    kept = session.key_slots if slot is None else session.key_slots.without_slot(slot.slot_id)
    # The removed person could have read the intake private key, so lock-screen concerns from now on are sealed to
    # a new key pair. The new private key is stored first (the old one kept, so items waiting still open); only then
    # is the new public key published: nothing is sealed to a key the vault does not hold.
    intake_private, intake_public = sealing.new_keypair()
    with session.uow() as uow:
        uow.setting.replace_intake_key(intake_private)
        uow.audit.append(session.actor(), "vault.intake_key_replaced", session.vault_id, {"user_removed": user_id})
        uow.commit()
    re_encrypting = "Re-encrypting the database with a new key"
    session.rekey(kept, intake_public, before_database=lambda: report(2, 4, re_encrypting))
    report(3, 4, "Recording the change")
    with session.uow() as uow:
        uow.users.mark_removed(user_id)
        uow.audit.append(session.actor(), "user.removed", user_id, {"rekeyed": True})
        uow.commit()
    report(4, 4, "Done")
    return backup
