"""The local guidance sheet on screen: each of its lists is data in forms/, shown with the setting's numbers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop_app.definitions import Forms, load_forms
from desktop_app.domain.contact_checks import format_phone
from desktop_app.services.vault.session import VaultSession

NO_NUMBER = "ask the DSL"


@dataclass(frozen=True, slots=True)
class HelpSection:
    """A heading, an optional paragraph, and the points under it (each one sentence or a short line)."""

    title: str
    intro: str
    points: tuple[str, ...]


def guidance_sheet(forms: Forms, phones: Mapping[str, str] | None = None) -> tuple[HelpSection, ...]:
    """What to do, who to ring, the kinds of exploitation, each list of signs, and the setting's duties, in that order.

    ``phones`` are the setting's own numbers (contact id -> phone) in place of the shipped ones.
    """
    own = forms.contacts.with_phones(dict(phones or {}))
    contacts = own.with_phones({c.id: format_phone(c.phone) for c in own.contacts})  # as people write them
    definition = forms.screening()
    sections = [
        HelpSection(forms.what_to_do.title, "", forms.what_to_do.texts(contacts, NO_NUMBER)),
        HelpSection(
            "Who to contact",
            "The numbers this setting uses (change them in Settings, Local contact numbers).",
            tuple(
                f"{c.title}: {format_phone(c.phone) if c.phone.strip() else NO_NUMBER}. {c.when_to_use}"
                for c in contacts.contacts
            ),
        ),
        HelpSection(
            "Kinds of exploitation",
            "",
            tuple(f"{c.title}: {c.description}" for c in forms.categories.categories),
        ),
    ]
    for section in definition.sections:
        sections.append(
            HelpSection(
                section.title,
                section.intro,
                tuple(f"{item.text} (a significant sign)" if item.significant else item.text for item in section.items),
            )
        )
    sections.append(
        HelpSection(
            "What every education setting should ensure",
            "",
            tuple(f"{o.title}: {o.description}" for o in forms.obligations.obligations),
        )
    )
    return tuple(sections)


def sheet_source(forms: Forms) -> str:
    return forms.screening().source


def guidance_for(session: VaultSession) -> tuple[HelpSection, ...]:
    """The guidance sheet with the numbers this setting saved in Settings."""
    with session.uow() as uow:
        phones = uow.contacts.overrides()
    return guidance_sheet(load_forms(), phones)
