"""What the school asks the agency for, and consent, as the DSL records them with a referral contact.

The choices are data (forms/referral_requests.toml): the requests suggested for a route, and the consent answers, of
which "sought and refused" and "not sought" need a note that is never blank.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.definitions.loader import load_forms
from desktop_app.definitions.referral_requests import ReferralRequestsDefinition
from desktop_app.domain.enums import RouteId
from desktop_app.domain.records import ReferralEntry, ReferralRequest
from desktop_app.domain.wording import join_phrases
from desktop_app.errors import FieldProblem


def choices() -> ReferralRequestsDefinition:
    """The requests and consent answers of the forms folder."""
    return load_forms().referral_requests


def suggested(route: RouteId, definition: ReferralRequestsDefinition | None = None) -> tuple[str, ...]:
    """The request ids ticked to begin with when a referral is made on ``route``."""
    return (definition or choices()).suggested((route,))


def check_request(
    asks: Sequence[str],
    asks_other: str,
    consent: str | None,
    consent_note: str,
    parents_told: bool | None,
    parents_not_told_reason: str,
    definition: ReferralRequestsDefinition | None = None,
) -> tuple[ReferralRequest, list[FieldProblem]]:
    """The request as it will be stored (trimmed, in the forms file's order), and each problem by its field."""
    definition = definition or choices()
    problems: list[FieldProblem] = []
    known = [r.id for r in definition.requests]
    chosen = tuple(r for r in known if r in set(asks))
    if any(a not in known for a in asks):
        problems.append(FieldProblem("asks", "One of the requests ticked is no longer offered; tick them again."))
    elif not chosen and not asks_other.strip():
        problems.append(FieldProblem("asks", "Say what you are asking them to do: tick at least one, or write it."))
    answer = definition.consent_choice(consent) if consent else None
    if answer is None:
        problems.append(FieldProblem("consent", "Say whether consent to the referral was sought, and the answer."))
    elif answer.needs_note and not consent_note.strip():
        problems.append(FieldProblem("consent_note", answer.note_needed))
    if parents_told is None:
        problems.append(FieldProblem("parents_told", "Say whether the parents or carers know of this referral."))
    elif not parents_told and not parents_not_told_reason.strip():
        problems.append(FieldProblem("parents_not_told_reason", "Say why the parents or carers have not been told."))
    request = ReferralRequest(
        asks=chosen,
        asks_other=asks_other.strip(),
        consent=consent or "",
        consent_note=consent_note.strip() if answer is not None and answer.needs_note else "",
        parents_told=parents_told,
        parents_not_told_reason=parents_not_told_reason.strip() if parents_told is False else "",
    )
    return request, problems


def asked_summary(entry: ReferralEntry, definition: ReferralRequestsDefinition | None = None) -> str:
    """What a referral asked for, as the referral log shows it ("Not recorded" for one made before it was asked)."""
    request = entry.request
    if request is None:
        return "Not recorded"
    definition = definition or choices()
    titles = [c.title if (c := definition.request(a)) else a.replace("_", " ") for a in request.asks]
    return "; ".join([*titles, *([request.asks_other] if request.asks_other else [])])


def consent_summary(entry: ReferralEntry, definition: ReferralRequestsDefinition | None = None) -> str:
    """Consent and whether the parents know, in one line of the referral log."""
    request = entry.request
    if request is None:
        return "—"
    answer = (definition or choices()).consent_choice(request.consent)
    consent = answer.title if answer is not None else request.consent
    if request.consent_note:
        consent += f": {request.consent_note}"
    parents = {True: "parents know", False: "parents not told", None: ""}[request.parents_told]
    # "…her father knows him. Parents not told", never "…knows him.; parents not told"
    return join_phrases((consent, parents), "; ", capitalise=True)
