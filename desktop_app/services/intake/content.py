"""What the concern wizard shows from forms/: the quick-pick signs, the numbers to ring, the DSL to tell."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.definitions import Forms, SectionKind, load_forms
from desktop_app.domain.enums import RouteId
from desktop_app.errors import UserFacingError
from desktop_app.services.concern.notices import RouteContact
from desktop_app.services.intake.sealing import read_identity
from desktop_app.services.vault import public_contacts

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession


@dataclass(frozen=True, slots=True)
class SignChoice:
    item_id: str
    text: str
    help: str
    significant: bool = False


@dataclass(frozen=True, slots=True)
class SignGroup:
    title: str
    intro: str
    items: tuple[SignChoice, ...]


@dataclass(frozen=True, slots=True)
class QuickContact:
    title: str
    phone: str
    when_to_use: str


@dataclass(frozen=True, slots=True)
class CategoryChoice:
    """A kind of concern (forms/categories.toml) the recorder may tick."""

    category_id: str
    title: str
    description: str


@dataclass(frozen=True, slots=True)
class WizardContent:
    sign_groups: tuple[SignGroup, ...]
    route_contacts: Mapping[RouteId, RouteContact]
    quick_contacts: tuple[QuickContact, ...]
    dsl_names: tuple[str, ...] = ()
    categories: tuple[CategoryChoice, ...] = ()
    year_groups: tuple[str, ...] = ()  # the setting's phase's year groups (forms/year_groups.toml)

    def sign_texts(self) -> dict[str, str]:
        return {item.item_id: item.text for group in self.sign_groups for item in group.items}

    def category_titles(self) -> dict[str, str]:
        return {c.category_id: c.title for c in self.categories}

    @property
    def dsl_label(self) -> str:
        if not self.dsl_names:
            return "your Designated Safeguarding Lead (DSL), or a deputy"
        return f"{self.dsl_names[0]}, your Designated Safeguarding Lead (DSL)" + (
            f" — or {', '.join(self.dsl_names[1:])}" if len(self.dsl_names) > 1 else ""
        )


_QUICK_PICK_KINDS = (SectionKind.WARNING_SIGNS, SectionKind.VULNERABILITIES)


def wizard_content(
    forms: Forms | None = None,
    phones: Mapping[str, str] | None = None,
    dsl_names: tuple[str, ...] = (),
    phase: str | None = None,
) -> WizardContent:
    """Warning signs then vulnerabilities from the default screening tool, and the contacts with local numbers."""
    forms = forms or load_forms()
    definition = forms.screening()
    groups = tuple(
        SignGroup(
            section.title, section.intro, tuple(SignChoice(i.id, i.text, i.help, i.significant) for i in section.items)
        )
        for kind in _QUICK_PICK_KINDS
        for section in definition.sections
        if section.kind is kind
    )
    contacts = forms.contacts.with_phones(dict(phones or {}))
    routes = {c.route: RouteContact(c.title, c.phone, c.when_to_use) for c in contacts.contacts if c.route is not None}
    quick = tuple(QuickContact(c.title, c.phone, c.when_to_use) for c in contacts.contacts if c.phone)
    kinds = tuple(CategoryChoice(c.id, c.title, c.description) for c in forms.categories.categories)
    return WizardContent(groups, routes, quick, dsl_names, kinds, forms.year_groups.offered(phase))


def staff_content(vault_dir: Path, forms: Forms | None = None) -> WizardContent:
    """For the lock screen: the setting's numbers from their clear copy (else the shipped ones), DSL names from key
    slots."""
    try:
        names = read_identity(vault_dir).dsl_names
    except UserFacingError:
        names = ()
    forms = forms or load_forms()
    phones = public_contacts.read(vault_dir, frozenset(c.id for c in forms.contacts.contacts))
    from desktop_app.services.setting import phase

    return wizard_content(forms, phones=phones, dsl_names=names, phase=phase.read(vault_dir, forms))


def dsl_content(session: VaultSession, forms: Forms | None = None) -> WizardContent:
    with session.uow() as uow:
        phones = dict(uow.contacts.overrides())
        setting = uow.setting.get()
    names = (setting.dsl_name,) if getattr(setting, "dsl_name", "") else ()
    return wizard_content(forms, phones=phones, dsl_names=names, phase=setting.extra.get("phase"))
