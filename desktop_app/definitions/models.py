"""Typed, validated definitions read from the files in forms/ (frozen pydantic models, unknown keys refused)."""

from __future__ import annotations

import enum
import itertools
import string
from collections.abc import Iterator, Mapping
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictInt,
    StringConstraints,
    field_validator,
    model_validator,
)

from desktop_app.domain.enums import RiskLevel, RouteId

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# Flags the screening engine acts on; an unknown flag is a typo in a form file.
KNOWN_FLAGS = frozenset(
    {"trafficking", "immediate_danger", "staff", "county_lines", "online", "group", "learning_disability"}
)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


class SectionKind(enum.StrEnum):
    VULNERABILITIES = "vulnerabilities"
    WARNING_SIGNS = "warning_signs"
    EXCHANGE = "exchange"
    CONTEXT = "context"
    PROTECTIVE = "protective"


class Item(_Frozen):
    id: Id
    text: Text
    help: Text
    significant: StrictBool = False
    flags: frozenset[str] = frozenset()

    @field_validator("flags")
    @classmethod
    def _known_flags(cls, flags: frozenset[str]) -> frozenset[str]:
        unknown = sorted(flags - KNOWN_FLAGS)
        if unknown:
            raise ValueError(f"unknown flag {unknown[0]!r} (known flags: {', '.join(sorted(KNOWN_FLAGS))})")
        return flags


class Section(_Frozen):
    id: Id
    title: Text
    kind: SectionKind
    intro: str = ""
    items: tuple[Item, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _protective_items_are_plain(self) -> Section:
        if self.kind is SectionKind.PROTECTIVE:
            for item in self.items:
                if item.significant or item.flags:
                    raise ValueError(f"protective factor {item.id!r} cannot be significant or carry flags")
        return self


class Points(_Frozen):
    """Points for a 'yes': current (last three months) or only earlier; earlier never scores more."""

    current: StrictInt = Field(ge=0)
    earlier: StrictInt = Field(ge=0)

    @model_validator(mode="after")
    def _earlier_not_more(self) -> Points:
        if self.earlier > self.current:
            raise ValueError("earlier points must not be more than current points")
        return self


class Scoring(_Frozen):
    explanation: Text
    vulnerabilities: Points
    warning_signs: Points
    significant: Points
    exchange: Points
    context: Points

    def points_for(self, kind: SectionKind, significant: bool) -> Points | None:
        """The points a 'yes' scores; None for protective factors, which are never scored."""
        if kind is SectionKind.PROTECTIVE:
            return None
        if significant:
            return self.significant
        return {
            SectionKind.VULNERABILITIES: self.vulnerabilities,
            SectionKind.WARNING_SIGNS: self.warning_signs,
            SectionKind.EXCHANGE: self.exchange,
            SectionKind.CONTEXT: self.context,
        }[kind]


class Band(_Frozen):
    level: RiskLevel
    min_score: StrictInt = Field(ge=0)
    review_days: StrictInt = Field(ge=1, le=366)
    meaning: Text


class _Document(_Frozen):
    """Fields every forms file has. ``hash`` is the sha256 of the file's bytes, set by the loader."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    version: Annotated[str, StringConstraints(pattern=r"^[0-9]+(\.[0-9]+)*$")]
    title: Text
    source: Text
    hash: str = ""


def _first_duplicate(ids: list[str]) -> str | None:
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            return value
        seen.add(value)
    return None


class ScreeningDefinition(_Document):
    default: StrictBool = False
    scoring: Scoring
    bands: tuple[Band, ...]
    sections: tuple[Section, ...] = Field(min_length=1)
    _index: dict[str, tuple[Section, Item]] = PrivateAttr(default_factory=dict)

    @field_validator("bands")
    @classmethod
    def _bands_ordered(cls, bands: tuple[Band, ...]) -> tuple[Band, ...]:
        levels = [band.level for band in bands]
        if levels != list(RiskLevel):
            names = ", ".join(level.value for level in RiskLevel)
            raise ValueError(f"there must be one band for each level, in the order {names}")
        if bands[0].min_score != 0:
            raise ValueError("the first band (no_apparent_risk) must start at min_score 0")
        for lower, higher in itertools.pairwise(bands):
            if higher.min_score <= lower.min_score:
                raise ValueError(
                    f"band {higher.level.value!r} must start above band {lower.level.value!r} "
                    f"(min_score {higher.min_score} is not more than {lower.min_score})"
                )
        return bands

    @field_validator("sections")
    @classmethod
    def _unique_ids(cls, sections: tuple[Section, ...]) -> tuple[Section, ...]:
        section_dup = _first_duplicate([section.id for section in sections])
        if section_dup:
            raise ValueError(f"the section id {section_dup!r} is used more than once")
        item_dup = _first_duplicate([item.id for section in sections for item in section.items])
        if item_dup:
            raise ValueError(f"the item id {item_dup!r} is used more than once")
        if not any(section.kind is SectionKind.WARNING_SIGNS for section in sections):
            raise ValueError("there must be a section of kind 'warning_signs'")
        return sections

    def model_post_init(self, context: object, /) -> None:
        self._index = {item.id: (section, item) for section in self.sections for item in section.items}

    def items(self) -> Iterator[tuple[Section, Item]]:
        """Every item with its section, in the order of the form."""
        for section in self.sections:
            for item in section.items:
                yield section, item

    def item(self, item_id: str) -> Item:
        """The item with this id; KeyError if the definition has none."""
        return self._index[item_id][1]

    def section_of(self, item_id: str) -> Section:
        return self._index[item_id][0]

    def has_item(self, item_id: str) -> bool:
        return item_id in self._index

    def band(self, level: RiskLevel) -> Band:
        return next(band for band in self.bands if band.level is level)


class Contact(_Frozen):
    id: Id
    route: RouteId | None = None
    title: Text
    phone: str = ""
    when_to_use: Text
    notes: str = ""
    reached_through: tuple[str, ...] = ()  # ids of the contacts through which this service is reached
    # What the screening advises when it suggests this route; the social worker's advice_low_risk is for low risk.
    advice: str = ""
    advice_low_risk: str = ""
    written_confirmation: StrictBool = False  # a referral by this route is followed by written confirmation

    @field_validator("advice", "advice_low_risk")
    @classmethod
    def _known_placeholders(cls, text: str) -> str:
        for _literal, name, _spec, _conversion in string.Formatter().parse(text):
            if name is not None and name not in ADVICE_PLACEHOLDERS:
                raise ValueError(f"advice may say {{level}} or {{review}}, not {{{name}}}")
        return text.strip()

    def advice_text(self, level_label: str, review: str, low_risk: bool = False) -> str:
        """The advice with the level and review interval put in."""
        text = self.advice_low_risk if low_risk and self.advice_low_risk else self.advice
        return text.format(level=level_label, review=review)


ADVICE_PLACEHOLDERS = frozenset({"level", "review"})


class ContactsDefinition(_Document):
    contacts: tuple[Contact, ...] = Field(min_length=1)

    @field_validator("contacts")
    @classmethod
    def _valid_contacts(cls, contacts: tuple[Contact, ...]) -> tuple[Contact, ...]:
        ids = [contact.id for contact in contacts]
        duplicate = _first_duplicate(ids)
        if duplicate:
            raise ValueError(f"the contact id {duplicate!r} is used more than once")
        routes = [contact.route for contact in contacts if contact.route is not None]
        duplicate_route = _first_duplicate([str(route) for route in routes])
        if duplicate_route:
            raise ValueError(f"the route {duplicate_route!r} has more than one contact")
        missing = [route.value for route in RouteId if route not in routes]
        if missing:
            raise ValueError(f"the route {missing[0]!r} has no contact")
        silent = [contact.id for contact in contacts if contact.route is not None and not contact.advice]
        if silent:
            raise ValueError(f"the route contact {silent[0]!r} has no advice")
        if not any(c.advice_low_risk for c in contacts if c.route is RouteId.SOCIAL_WORKER):
            raise ValueError("the social worker's contact has no advice_low_risk")
        for contact in contacts:
            for other in contact.reached_through:
                if other not in ids:
                    raise ValueError(f"contact {contact.id!r} is reached through {other!r}, which is not a contact")
        return contacts

    def for_route(self, route: RouteId) -> Contact | None:
        return next((contact for contact in self.contacts if contact.route == route), None)

    def expects_confirmation(self, route: RouteId) -> bool:
        """Whether a referral by this route is followed by written confirmation."""
        contact = self.for_route(route)
        return contact is not None and contact.written_confirmation

    def contact(self, contact_id: str) -> Contact | None:
        return next((contact for contact in self.contacts if contact.id == contact_id), None)

    def with_phones(self, phones: Mapping[str, str]) -> ContactsDefinition:
        """A copy with the setting's own numbers (contact id -> phone) in place of the shipped ones."""
        if not phones:
            return self
        updated = tuple(
            contact.model_copy(update={"phone": phones[contact.id]}) if contact.id in phones else contact
            for contact in self.contacts
        )
        return self.model_copy(update={"contacts": updated})


class Obligation(_Frozen):
    id: Id
    title: Text
    description: Text
    evidence: Text
    source: Text


class ObligationsDefinition(_Document):
    obligations: tuple[Obligation, ...] = Field(min_length=1)

    @field_validator("obligations")
    @classmethod
    def _unique(cls, obligations: tuple[Obligation, ...]) -> tuple[Obligation, ...]:
        duplicate = _first_duplicate([obligation.id for obligation in obligations])
        if duplicate:
            raise ValueError(f"the obligation id {duplicate!r} is used more than once")
        return obligations


class Category(_Frozen):
    id: Id
    title: Text
    description: Text


class CategoriesDefinition(_Document):
    categories: tuple[Category, ...] = Field(min_length=1)

    @field_validator("categories")
    @classmethod
    def _unique(cls, categories: tuple[Category, ...]) -> tuple[Category, ...]:
        duplicate = _first_duplicate([category.id for category in categories])
        if duplicate:
            raise ValueError(f"the category id {duplicate!r} is used more than once")
        return categories

    def category(self, category_id: str) -> Category | None:
        return next((category for category in self.categories if category.id == category_id), None)


NUMBER = "{number}"  # where a step's text shows the local number of its route


class Step(_Frozen):
    """One 'what to do' step; with a route, its text shows that route's local number where it says {number}."""

    id: Id
    text: Text
    route: RouteId | None = None

    @model_validator(mode="after")
    def _number_only_with_a_route(self) -> Step:
        if self.route is not None and NUMBER not in self.text:
            raise ValueError(f"step {self.id!r} has route {self.route.value!r} but no {NUMBER} in its text to show it")
        if self.route is None and NUMBER in self.text:
            raise ValueError(f"step {self.id!r} has {NUMBER} in its text but no route to take the number from")
        return self

    def with_number(self, contacts: ContactsDefinition, missing: str) -> str:
        """The text with the route's local number in place of {number} (``missing`` when no number is known)."""
        if self.route is None:
            return self.text
        contact = contacts.for_route(self.route)
        phone = contact.phone.strip() if contact is not None else ""
        return self.text.replace(NUMBER, phone or missing)


class WhatToDoDefinition(_Document):
    """The staff 'what to do' steps, in the order to follow them."""

    steps: tuple[Step, ...] = Field(min_length=1)

    @field_validator("steps")
    @classmethod
    def _unique(cls, steps: tuple[Step, ...]) -> tuple[Step, ...]:
        duplicate = _first_duplicate([step.id for step in steps])
        if duplicate:
            raise ValueError(f"the step id {duplicate!r} is used more than once")
        return steps

    def texts(self, contacts: ContactsDefinition, missing: str = "ask the DSL") -> tuple[str, ...]:
        """Every step's text with its local number, in order."""
        return tuple(step.with_number(contacts, missing) for step in self.steps)


class RecordsDefinition(_Document):
    """forms/records.toml: how long files are kept, when a transfer's receipt is due, how files are sent."""

    retention_years_after_birth: Annotated[int, Field(ge=1, le=120)]
    receipt_school_days: Annotated[int, Field(ge=1, le=60)]
    transfer_methods: tuple[Text, ...] = Field(min_length=1)
    destruction_reasons: tuple[Text, ...] = Field(min_length=1)
