"""forms/missing_episodes.toml: when repeated missing episodes raise a child, what they suggest in a screening, and
the specialist service the DSL shares data with."""

from __future__ import annotations

from pydantic import Field, StrictInt

from desktop_app.definitions.models import Id, Text, _Document, _Frozen


class Repeated(_Frozen):
    episodes: StrictInt = Field(ge=1, le=100)
    days: StrictInt = Field(ge=1, le=3660)
    meaning: Text


class ScreeningHint(_Frozen):
    item: Id  # a screening item id (checked against the screening definitions when the folder loads)
    days: StrictInt = Field(ge=1, le=3660)
    period: Text  # how the note says the period: "the last 3 months"


class Sharing(_Frozen):
    contact: Id  # a contact id in contacts.toml: the specialist exploitation service


class MissingEpisodesDefinition(_Document):
    return_interview_hours: StrictInt = Field(ge=1, le=720)
    repeated: Repeated
    screening: ScreeningHint
    sharing: Sharing
