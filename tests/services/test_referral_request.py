"""What the school asks for, and consent, recorded with a referral contact: required, stored, read back, and a
referral recorded before these were asked still opens."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop_app.domain.enums import RouteId
from desktop_app.errors import InvalidInput
from desktop_app.services import casework
from desktop_app.services.casework import ReferralForm
from desktop_app.services.casework.referral_request import consent_summary, suggested
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import fictional_child, open_session  # noqa: F401
from tests.services.test_casework import TODAY, audit_actions, screen, submit

NOW = datetime.now().astimezone()


def hub_contact(**request: object) -> ReferralForm:
    values: dict[str, object] = {
        "route": RouteId.SAFEGUARDING_HUB,
        "contacted_name": "Duty social worker Pat Ellory",
        "contacted_at": NOW - timedelta(minutes=20),
        "outcome": "Strategy discussion booked for Thursday.",
        "confirmation_due": TODAY + timedelta(days=2),
    }
    values.update(request)
    return ReferralForm(**values)  # type: ignore[arg-type]


def test_a_referral_without_the_request_or_consent_is_refused_and_nothing_is_saved(
    open_session: VaultSession,
) -> None:
    concern_id = submit(open_session)
    screen(open_session, concern_id)
    before = audit_actions(open_session)
    with pytest.raises(InvalidInput) as error:
        casework.record_referral(open_session, concern_id, hub_contact(), NOW)
    by_field = {p.field: p.sentence for p in error.value.problems}
    assert set(by_field) == {"asks", "consent", "parents_told"}
    assert "tick at least one" in by_field["asks"]
    assert casework.concern_file(open_session, concern_id).referrals == ()
    assert audit_actions(open_session) == before


@pytest.mark.parametrize(
    ("consent", "sentence"),
    [
        ("not_sought", "Say why consent was not sought"),
        ("refused", "Record what the family said"),
    ],
)
def test_refused_or_not_sought_consent_needs_its_note_never_blank(
    open_session: VaultSession,
    consent: str,
    sentence: str,
) -> None:
    concern_id = submit(open_session)
    form = hub_contact(
        asks=("assessment",), consent=consent, consent_note="   ", parents_told=False, parents_not_told_reason=""
    )
    with pytest.raises(InvalidInput) as error:
        casework.record_referral(open_session, concern_id, form, NOW)
    by_field = {p.field: p.sentence for p in error.value.problems}
    assert by_field["consent_note"].startswith(sentence)
    assert by_field["parents_not_told_reason"] == "Say why the parents or carers have not been told."


def test_what_was_asked_and_consent_are_kept_with_the_referral_and_read_back(
    open_session: VaultSession,
) -> None:
    concern_id = submit(open_session)
    screen(open_session, concern_id)
    form = hub_contact(
        asks=("strategy_discussion", "assessment", "amber_project"),
        asks_other="  A joint visit with the school. ",
        consent="not_sought",
        consent_note="Seeking it would warn the adult: mother's partner is named.",
        parents_told=False,
        parents_not_told_reason="Agreed with the Hub: telling them now would put Tamsin at risk.",
    )
    casework.record_referral(open_session, concern_id, form, NOW)
    (entry,) = casework.concern_file(open_session, concern_id).referrals
    assert entry.request is not None
    assert entry.request.asks == ("assessment", "strategy_discussion", "amber_project")  # the form's order
    assert entry.request.asks_other == "A joint visit with the school."
    assert entry.request.consent == "not_sought"
    assert entry.request.consent_note == "Seeking it would warn the adult: mother's partner is named."
    assert entry.request.parents_told is False
    assert "put Tamsin at risk" in entry.request.parents_not_told_reason


def test_consent_given_needs_no_note_and_a_stray_note_is_not_kept(open_session: VaultSession) -> None:
    concern_id = submit(open_session)
    form = hub_contact(
        asks=("assessment",), consent="given", consent_note="typed before changing the answer", parents_told=True
    )
    casework.record_referral(open_session, concern_id, form, NOW)
    (entry,) = casework.concern_file(open_session, concern_id).referrals
    assert entry.request is not None and entry.request.consent_note == ""


def test_a_referral_recorded_before_the_request_was_asked_still_opens(open_session: VaultSession) -> None:
    concern_id = submit(open_session)
    with open_session.uow() as uow:  # as an older version of Waymark wrote it: no request at all
        uow.referrals.add(
            concern_id, RouteId.POLICE_101, "PC on the 101 desk", NOW, "", "Logged.", None, open_session.actor()
        )
        uow.audit.append(open_session.actor(), "referral.recorded", "referral:old", {"concern": concern_id})
        uow.commit()
    (entry,) = casework.concern_file(open_session, concern_id).referrals
    assert entry.request is None and entry.outcome == "Logged."


def test_each_route_suggests_what_to_ask_for() -> None:
    assert suggested(RouteId.SAFEGUARDING_HUB) == ("assessment", "strategy_discussion")
    assert suggested(RouteId.NRM) == ("nrm_referral",)
    assert suggested(RouteId.MONITOR) == ()


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "Seeking it would warn the man: her father knows him.",
            "Not sought: Seeking it would warn the man: her father knows him. Parents not told",
        ),
        ("It would warn him!", "Not sought: It would warn him! Parents not told"),
        ("Who would we even ask?", "Not sought: Who would we even ask? Parents not told"),
        ("It would warn him", "Not sought: It would warn him; parents not told"),
        ("It would warn him;", "Not sought: It would warn him; parents not told"),
    ],
)
def test_the_consent_line_reads_as_written_with_no_stray_punctuation(
    open_session: VaultSession, note: str, expected: str
) -> None:
    """Found in the referral log: "…her father knows him.; parents not told"."""
    concern_id = submit(open_session)
    form = hub_contact(
        asks=("assessment",),
        consent="not_sought",
        consent_note=note,
        parents_told=False,
        parents_not_told_reason="Advice from the Hub first.",
    )
    casework.record_referral(open_session, concern_id, form, NOW)
    (entry,) = casework.concern_file(open_session, concern_id).referrals
    assert consent_summary(entry) == expected
