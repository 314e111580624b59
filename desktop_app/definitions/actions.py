"""forms/actions.toml: how far ahead the dashboard looks for due actions, and the actions commonly agreed."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from desktop_app.definitions.models import Text, _Document


class ActionsDefinition(_Document):
    due_within_days: int = Field(ge=0, le=90)
    longest_days: int = Field(ge=7, le=3650)
    suggestions: tuple[Text, ...] = ()


def load_actions(folder: Path | str | None = None) -> ActionsDefinition:
    """forms/actions.toml of ``folder`` (else the shipped forms), validated with the rest of the folder; cached."""
    from desktop_app.definitions.loader import load_forms

    return load_forms(folder).actions
