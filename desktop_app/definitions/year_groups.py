"""The year groups offered for the setting's phase of education (forms/year_groups.toml)."""

from __future__ import annotations

from pydantic import Field, model_validator

from desktop_app.definitions.models import Id, Text, _Document, _first_duplicate, _Frozen


class Phase(_Frozen):
    id: Id
    title: Text
    year_groups: tuple[Text, ...] = Field(min_length=1)


class YearGroupsDefinition(_Document):
    phase: Id  # the setting's own phase
    always: tuple[Text, ...] = ()  # offered in every phase, after the phase's own groups
    phases: tuple[Phase, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_phase(self) -> YearGroupsDefinition:
        duplicate = _first_duplicate([p.id for p in self.phases])
        if duplicate:
            raise ValueError(f"the phase id {duplicate!r} is used more than once")
        if self.phase not in {p.id for p in self.phases}:
            raise ValueError(f"the phase {self.phase!r} is not one of the phases listed in this file")
        return self

    def offered(self, phase: str | None = None) -> tuple[str, ...]:
        """The year groups of ``phase`` (by default the file's own), then those offered in every phase."""
        wanted = phase if phase in {p.id for p in self.phases} else self.phase
        own = next(p for p in self.phases if p.id == wanted).year_groups
        return tuple(dict.fromkeys((*own, *self.always)))
