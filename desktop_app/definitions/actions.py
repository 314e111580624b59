"""forms/actions.toml: how far ahead the dashboard looks for due actions, and the actions commonly agreed."""

from __future__ import annotations

from pydantic import Field

from desktop_app.definitions.models import Text, _Document


class ActionsDefinition(_Document):
    due_within_days: int = Field(ge=0, le=90)
    longest_days: int = Field(ge=7, le=3650)
    suggestions: tuple[Text, ...] = ()
