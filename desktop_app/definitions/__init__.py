"""The versioned data in forms/ (screening tool, contacts, obligations, categories, staff steps), validated."""

from desktop_app.definitions.loader import FormError, Forms, clear_cache, load_file, load_forms
from desktop_app.definitions.missing import MissingEpisodesDefinition
from desktop_app.definitions.models import (
    Band,
    CategoriesDefinition,
    Category,
    Contact,
    ContactsDefinition,
    Item,
    Obligation,
    ObligationsDefinition,
    Points,
    RecordsDefinition,
    Scoring,
    ScreeningDefinition,
    Section,
    SectionKind,
    Step,
    WhatToDoDefinition,
)

__all__ = [
    "Band",
    "CategoriesDefinition",
    "Category",
    "Contact",
    "ContactsDefinition",
    "FormError",
    "Forms",
    "Item",
    "MissingEpisodesDefinition",
    "Obligation",
    "ObligationsDefinition",
    "Points",
    "RecordsDefinition",
    "Scoring",
    "ScreeningDefinition",
    "Section",
    "SectionKind",
    "Step",
    "WhatToDoDefinition",
    "clear_cache",
    "load_file",
    "load_forms",
]
