"""Keys: a person's own passphrase (changed, or set after the recovery key was used) and a new recovery key.

Each builds the new key slots as a value and hands it to the session, which saves it before holding it: a save
that fails (a full disk) leaves the session and keyslots.json as they were, and nothing is audited.
"""

from __future__ import annotations

from desktop_app.errors import UserFacingError
from desktop_app.services.vault.session import VaultSession
from desktop_app.vault import passphrase as passphrase_rules
from desktop_app.vault import recovery as recovery_keys
from desktop_app.vault.keyslots import KeySlotFile


class PassphraseRefused(UserFacingError):
    """The new passphrase does not meet the rules (DESIGN §5)."""


def check_passphrase(passphrase: str, avoid: tuple[str, ...] = ()) -> None:
    problems = passphrase_rules.problems(passphrase, avoid)
    if problems:
        raise PassphraseRefused(" ".join(problems))


def change_passphrase(session: VaultSession, old: str, new: str) -> None:
    """Change the signed-in person's passphrase; the old one must be given again."""
    user_id = session.user.user_id
    if session.key_slots.slot_for_user(user_id) is None:
        raise UserFacingError("You have no passphrase for this vault yet; set one first.")
    session.key_slots.open_with_passphrase(old, user_id)
    _set_passphrase(session, new, "user.passphrase_changed")


def set_own_passphrase(session: VaultSession, new: str) -> None:
    """After unlocking with the recovery key: a new passphrase for the signed-in person."""
    _set_passphrase(session, new, "user.passphrase_set")
    session.needs_new_passphrase = False


def _set_passphrase(session: VaultSession, new: str, action: str) -> None:
    check_passphrase(new)
    user = session.user

    def with_new_passphrase(slots: KeySlotFile, data_key: bytearray) -> KeySlotFile:
        slot = slots.slot_for_user(user.user_id)
        if slot is None:  # lost with keyslots.json: the recovery copy holds the recovery slot alone
            return slots.with_passphrase_slot(user.user_id, user.name, user.role.value, new, data_key)[0]
        return slots.with_passphrase(slot.slot_id, new, data_key)[0]

    session.change_key_slots(with_new_passphrase)
    with session.uow() as uow:
        uow.audit.append(session.actor(), action, user.user_id)
        uow.commit()


def replace_recovery_key(session: VaultSession) -> str:
    """A new recovery key (the old one stops working); show it once and print a new recovery sheet."""
    text = recovery_keys.new_recovery_key()
    key = recovery_keys.parse(text)
    session.change_key_slots(lambda slots, data_key: slots.with_recovery_slot(key, data_key)[0])
    with session.uow() as uow:
        uow.audit.append(session.actor(), "vault.recovery_key_replaced", session.vault_id)
        uow.commit()
    return text
