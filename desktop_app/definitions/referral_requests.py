"""forms/referral_requests.toml: what the school may ask of the agency it refers to (each with the routes it is
suggested for), and the answers to "was consent to the referral sought?" (each saying whether a note must be given)."""

from __future__ import annotations

from pydantic import Field, field_validator

from desktop_app.definitions.models import Id, Text, _Document, _first_duplicate, _Frozen
from desktop_app.domain.enums import RouteId


class RequestChoice(_Frozen):
    id: Id
    title: Text  # as the dialog offers it
    printed: Text  # as the referral summary says it, after "We are asking for"
    suggested_for: tuple[RouteId, ...] = ()  # routes whose referral ticks this request to begin with


class ConsentChoice(_Frozen):
    id: Id
    title: Text  # as the dialog offers it
    printed: Text
    note_label: str = ""  # the note this answer needs, e.g. "Why consent was not sought"; empty when none
    note_needed: str = ""  # the sentence shown when that note is left blank

    @property
    def needs_note(self) -> bool:
        return bool(self.note_label.strip())


class ReferralRequestsDefinition(_Document):
    requests: tuple[RequestChoice, ...] = Field(min_length=1)
    consent: tuple[ConsentChoice, ...] = Field(min_length=2)

    @field_validator("requests", "consent")
    @classmethod
    def _unique(cls, choices: tuple[RequestChoice, ...] | tuple[ConsentChoice, ...]) -> object:
        duplicate = _first_duplicate([choice.id for choice in choices])
        if duplicate:
            raise ValueError(f"the id {duplicate!r} is used more than once")
        for choice in choices:
            if isinstance(choice, ConsentChoice) and choice.needs_note and not choice.note_needed.strip():
                raise ValueError(f"consent {choice.id!r} has a note_label but no note_needed sentence")
        return choices

    def request(self, request_id: str) -> RequestChoice | None:
        return next((r for r in self.requests if r.id == request_id), None)

    def consent_choice(self, consent_id: str) -> ConsentChoice | None:
        return next((c for c in self.consent if c.id == consent_id), None)

    def suggested(self, routes: tuple[RouteId, ...] | list[RouteId]) -> tuple[str, ...]:
        """The request ids suggested for these routes, in the file's order."""
        return tuple(r.id for r in self.requests if any(route in r.suggested_for for route in routes))
