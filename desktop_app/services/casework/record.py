"""A concern's stored record described with the forms' wording (``domain.concern_record``): signs and kinds of
concern by their titles. The concern view renders it; the referral summary carries the same titles."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from desktop_app.definitions import FormError, Forms, load_forms
from desktop_app.domain.concern_record import RecordSection
from desktop_app.domain.concern_record import concern_record as describe
from desktop_app.domain.records import Concern

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


def _unknown(item_id: str) -> str:
    """An id the forms no longer name, as a person would say it (never printed as an id)."""
    return item_id.replace("_", " ").capitalize()
