"""A concern's stored record and its screenings described with the forms' wording (``domain.concern_record``,
``domain.screening_record``): signs, kinds of concern, the screening tool and routes by their titles. The concern view
renders these; the referral summary carries the same titles."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from desktop_app.definitions import FormError, Forms, SectionKind, load_forms
from desktop_app.domain.concern_record import RecordSection
from desktop_app.domain.concern_record import concern_record as describe
from desktop_app.domain.enums import RouteId
from desktop_app.domain.records import Concern, ScreeningRecord
from desktop_app.domain.screening_record import SCREENING
from desktop_app.domain.screening_record import screening_record as describe_screening

_log = logging.getLogger(__name__)


def sign_titles(concern: Concern, forms: Forms) -> tuple[tuple[str, str], ...]:
    """(item id, its text) of each sign the recorder ticked, from the newest screening definition."""
    definition = forms.screening()
    return tuple((s, definition.item(s).text) for s in concern.draft.sign_ids if definition.has_item(s))


def concern_record(
    concern: Concern, forms: Forms | None = None, confirmed_kinds: Sequence[str] | None = None
) -> RecordSection:
    """The record as ``domain.concern_record`` describes it, signs and kinds named as the forms name them;
    ``confirmed_kinds``: the kinds the DSL confirmed at the latest screening, if any."""
    try:
        forms = forms or load_forms()
    except FormError:  # a broken forms folder must not hide a child's record
        _log.exception("could not load the forms for the titles of signs and kinds of concern")
        return describe(concern, _unknown, _unknown, confirmed_kinds)
    signs = dict(sign_titles(concern, forms))
    kinds = {c.id: c.title for c in forms.categories.categories}
    return describe(
        concern, lambda s: signs.get(s) or _unknown(s), lambda c: kinds.get(c) or _unknown(c), confirmed_kinds
    )


UNKNOWN_TOOL = "the setting's screening tool"  # a screening whose tool the forms no longer hold


def protective_sections(forms: Forms, definition_id: str | None) -> frozenset[str]:
    """The sections of a screening tool whose 'yes' answers are protective factors (of every tool the forms hold when
    ``definition_id`` is not one of them)."""
    known = forms.screenings.get(definition_id) if definition_id else None
    definitions = [known] if known is not None else list(forms.screenings.values())
    return frozenset(
        section.id for d in definitions for section in d.sections if section.kind is SectionKind.PROTECTIVE
    )


def screening_record(
    screening: ScreeningRecord,
    route_labels: Mapping[RouteId, str] | None = None,
    forms: Forms | None = None,
    title: str = SCREENING,
) -> tuple[RecordSection, ...]:
    """A screening and its decision as ``domain.screening_record`` describes them, with the forms' titles: the tool,
    its protective factors, kinds of concern, and each route as ``route_labels`` name it (with its number to ring)
    or else as the local contacts do."""
    labels = route_labels or {}
    try:
        forms = forms or load_forms()
    except FormError:  # a broken forms folder must not hide a child's record
        _log.exception("could not load the forms for the titles of a screening")
        return describe_screening(
            screening,
            UNKNOWN_TOOL,
            route_label=lambda r: labels.get(r) or _unknown(r),
            category_title=_unknown,
            title=title,
        )
    definition = forms.screenings.get(screening.definition_id)
    kinds = {c.id: c.title for c in forms.categories.categories}

    def route_label(route: RouteId) -> str:
        contact = forms.contacts.for_route(route)
        return labels.get(route) or (contact.title if contact is not None else _unknown(route))

    return describe_screening(
        screening,
        definition.title if definition is not None else UNKNOWN_TOOL,
        protective_sections(forms, screening.definition_id),
        route_label,
        lambda c: kinds.get(c) or _unknown(c),
        title,
    )


def _unknown(item_id: str) -> str:
    """An id the forms no longer name, as a person would say it (never printed as an id)."""
    return item_id.replace("_", " ").capitalize()
