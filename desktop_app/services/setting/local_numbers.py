"""The setting's local contact numbers (the guidance sheet's routes): checked, written as people write them, audited.

A number that is not a telephone number ("not a number!!") is refused with one sentence naming the contact, and
nothing of the batch is saved: a route is never printed with a number nobody can dial.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.domain.contact_checks import format_phone, phone_problem
from desktop_app.errors import FieldProblem, InvalidInput
from desktop_app.services.vault import public_contacts
from desktop_app.services.vault.session import VaultSession

MAX_PHONE = public_contacts.MAX_PHONE


def problem(phone: str) -> str | None:
    """One sentence when ``phone`` cannot be a route's number; None when it can (empty: the shipped number)."""
    if len(phone) > MAX_PHONE:
        return f"That telephone number is too long: keep it under {MAX_PHONE} characters."
    return phone_problem(phone)


def problems(changes: Mapping[str, str]) -> list[FieldProblem]:
    """Each refused number by its contact id (the field)."""
    found = []
    for contact_id, phone in changes.items():
        sentence = problem(phone)
        if sentence:
            found.append(FieldProblem(contact_id, sentence))
    return found


def stored_numbers(session: VaultSession) -> dict[str, str]:
    """The numbers this setting changed from the guidance sheet's, by contact id."""
    with session.uow() as uow:
        return dict(uow.contacts.overrides())


def save_local_numbers(session: VaultSession, changes: Mapping[str, str]) -> dict[str, str]:
    """Store changed numbers in one transaction (each audited ``contact.phone_set``); return them as stored.

    Raises ``InvalidInput`` (nothing saved) when any number is refused. An empty number goes back to the one on the
    guidance sheet. The lock screen's clear copy of the numbers is rewritten after.
    """
    found = problems(changes)
    if found:
        raise InvalidInput(found)
    stored = {contact_id: format_phone(phone) for contact_id, phone in changes.items()}
    if stored:
        actor = session.actor()
        with session.uow() as uow:
            for contact_id, phone in stored.items():
                uow.contacts.set_phone(contact_id, phone, actor)
            uow.commit()
    public_contacts.publish(session)  # agencies' numbers, not personal data: staff see them before unlock
    return stored
