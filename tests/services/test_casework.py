"""Casework use cases on a real (test) vault: each step saved once, audited, never editing what was submitted."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop_app.definitions import load_forms
from desktop_app.domain.enums import AnswerStatus, Basis, ConcernStatus, RiskLevel, RouteId, When
from desktop_app.domain.records import ConcernDraft
from desktop_app.domain.screening import Answer
from desktop_app.errors import InvalidInput
from desktop_app.services import casework
from desktop_app.services.casework import DecisionForm, ReferralForm, dashboard
from desktop_app.services.casework import screening as screening_flow
from desktop_app.services.intake import import_items as intake_import
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import fictional_child, open_session  # noqa: F401

TODAY = date.today()


def audit_actions(session: VaultSession) -> list[tuple[str, str]]:
    with session.uow() as uow:
        entries = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
    return [(e.action, e.object_ref) for e in entries]


def submit(session: VaultSession, first: str = "Tamsin", last: str = "Quillfeather", **draft: object) -> int:
    values: dict[str, object] = {
        "child": fictional_child(first, last),
        "happened_at": datetime.now().astimezone() - timedelta(days=1),
        "location": "Bus station",
        "account": "Seen handing a small package to an older youth by the bus station.",
        "childs_words": "I just hold stuff for them, it's nothing.",
        "sign_ids": ("unexplained_money_or_goods",),
        "recorder_name": "Ola Brightwater",
        "recorder_role": "Form tutor",
        "declaration": True,
    }
    values.update(draft)
    return intake_import.submit_in_app(session, ConcernDraft(**values)).concern_id  # type: ignore[arg-type]


def screen(session: VaultSession, concern_id: int, level: RiskLevel | None = None, **changes: object) -> int:
    context = screening_flow.screening_context(session, concern_id, load_forms(), TODAY)
    draft = context.draft
    for _section, item in draft.definition.items():
        draft.set_answer(item.id, Answer(AnswerStatus.NOT_KNOWN))
    draft.set_answer("unexplained_money_or_goods", Answer(AnswerStatus.YES, When.CURRENT, Basis.OBSERVED, "Trainers"))
    draft.set_answer("county_lines", Answer(AnswerStatus.YES, When.CURRENT, Basis.REPORTED))
    draft.set_answer("exchange_tangible", Answer(AnswerStatus.YES, When.CURRENT, Basis.DISCLOSED))
    draft.set_answer("carrying_weapons", Answer(AnswerStatus.YES, When.CURRENT, Basis.OBSERVED))
    result = draft.result()
    values: dict[str, object] = {
        "confirmed_level": level or result.suggested_level,
        "childs_wishes": "Wants to keep going to football.",
        "parents_told": True,
        "parents_views": "Grandmother agrees to the referral.",
        "danger_statement": "Tamsin may be made to carry drugs out of town.",
        "safety_goal": "Tamsin is in school every day and home by 7pm.",
        "routes": tuple(a.route for a in result.routes),
        "review_date": TODAY + timedelta(days=7),
    }
    values.update(changes)
    return screening_flow.complete_screening(session, concern_id, draft, DecisionForm(**values), TODAY).screening_id  # type: ignore[arg-type]


def test_a_concern_moves_through_screening_referral_confirmation_and_closing_with_audit_rows(
    open_session: VaultSession,
) -> None:
    session = open_session
    concern_id = submit(session)
    waiting = dashboard.awaiting_screening(session, 10, TODAY)
    assert [(r.concern_id, r.child_name, r.days_waiting) for r in waiting] == [
        (concern_id, "Tamsin Quillfeather (Year 9)", 0)
    ]
    assert dashboard.counts(session).awaiting_screening == 1

    screening_id = screen(session, concern_id)
    file = casework.concern_file(session, concern_id)
    assert file.concern.status == ConcernStatus.SCREENED
    assert dashboard.awaiting_screening(session, 10, TODAY) == []
    record = file.screenings[0]
    assert record.screening_id == screening_id
    assert record.decision.confirmed_level is RiskLevel.HIGH  # 4 + 4 + 3 + 4 points: the high band
    assert [r.child_name for r in dashboard.high_risk_children(session, 10)] == ["Tamsin Quillfeather (Year 9)"]
    assert dashboard.reviews_due(session, 10, TODAY + timedelta(days=7))[0].concern_id == concern_id
    assert dashboard.reviews_due(session, 10, TODAY) == []
    again = screening_flow.screening_context(session, concern_id, load_forms(), TODAY).draft
    assert again.answers["unexplained_money_or_goods"].note == "Trainers", "screening again starts from the last"
    assert again.from_concern == set() and again.page_problems("warning_signs") == []
    answered = {a.item_id: a for a in record.answers}
    assert answered["unexplained_money_or_goods"].note == "Trainers"
    shown = load_forms().screening().item("unexplained_money_or_goods").text
    assert answered["unexplained_money_or_goods"].text == shown

    contacted = datetime.now().astimezone() - timedelta(minutes=30)
    entry = casework.record_referral(
        session,
        concern_id,
        ReferralForm(
            RouteId.SAFEGUARDING_HUB,
            "Duty social worker Pat Ellory",
            contacted,
            "SH-55821",
            "Passed to Amber Project.",
            True,
            TODAY + timedelta(days=2),
            asks=("assessment", "amber_project"),
            consent="given",
            parents_told=True,
        ),
        datetime.now().astimezone(),
    )
    assert casework.concern_file(session, concern_id).concern.status == ConcernStatus.REFERRED
    due = dashboard.confirmations_awaited(session, 10, TODAY)
    assert [(r.referral_id, r.overdue) for r in due] == [(entry.referral_id, False)]
    later = dashboard.confirmations_awaited(session, 10, TODAY + timedelta(days=3))
    assert [(r.referral_id, r.overdue) for r in later] == [(entry.referral_id, True)]

    casework.record_confirmation(session, concern_id, entry.referral_id, TODAY, TODAY)
    assert dashboard.confirmations_awaited(session, 10, TODAY + timedelta(days=3)) == []
    with pytest.raises(InvalidInput):
        casework.record_confirmation(session, concern_id, entry.referral_id, TODAY, TODAY)
    stored = casework.concern_file(session, concern_id).referrals[0]
    assert stored.confirmation_sent == TODAY and stored.outcome == "Passed to Amber Project."

    with pytest.raises(InvalidInput) as refused:
        casework.close_concern(session, concern_id, "  ")
    assert refused.value.problems[0].field == "outcome"
    casework.close_concern(session, concern_id, "Amber Project working with Tamsin; school monitors attendance.")
    closed = casework.concern_file(session, concern_id)
    assert closed.is_closed()
    assert closed.events[-1].note.startswith("Amber Project working")
    with pytest.raises(InvalidInput):
        screen(session, concern_id)

    actions = audit_actions(session)
    for expected in (
        ("concern.submitted", f"concern:{concern_id}"),
        ("screening.completed", f"screening:{screening_id}"),
        ("referral.recorded", f"referral:{entry.referral_id}"),
        ("referral.confirmed", f"referral:{entry.referral_id}"),
        ("concern.closed", f"concern:{concern_id}"),
    ):
        assert expected in actions, expected
    assert [a for a, _ in actions].count("screening.completed") == 1  # the refused screening wrote nothing


def test_a_correction_is_added_after_the_original_which_stays_word_for_word(
    open_session: VaultSession,
) -> None:
    session = open_session
    concern_id = submit(session, "Ahmed", "Al-Sayed")
    before = casework.concern_file(session, concern_id).concern
    with pytest.raises(InvalidInput):
        casework.add_correction(session, "concern", concern_id, "", "")
    first = casework.add_correction(
        session, "concern", concern_id, "The place was wrong.", "It was the tram stop, not the bus station."
    )
    screening_id = screen(session, concern_id)
    second = casework.add_correction(
        session, "screening", screening_id, "Note added later.", "The trainers were seen on two days."
    )
    file = casework.concern_file(session, concern_id)
    assert file.concern.draft == before.draft
    assert file.concern.draft.location == "Bus station"
    assert file.concern.draft.childs_words == "I just hold stuff for them, it's nothing."
    assert [a.addendum_id for a in file.addenda] == [first.addendum_id, second.addendum_id]
    assert file.addenda[0].change == "It was the tram stop, not the bus station."
    assert file.addenda[0].author.name == session.actor().name
    actions = audit_actions(session)
    assert ("addendum.added", f"concern:{concern_id}") in actions
    assert ("addendum.added", f"screening:{screening_id}") in actions


def test_an_override_and_parents_not_told_need_reasons_and_nothing_is_saved_without_them(
    open_session: VaultSession,
) -> None:
    session = open_session
    concern_id = submit(session)
    with pytest.raises(InvalidInput) as error:
        screen(session, concern_id, RiskLevel.LOW)
    assert [p.field for p in error.value.problems] == ["override_reason"]
    with pytest.raises(InvalidInput) as error:
        screen(session, concern_id, parents_told=False, parents_views="")
    assert [p.field for p in error.value.problems] == ["parents_not_told_reason"]
    assert casework.concern_file(session, concern_id).screenings == ()
    screen(session, concern_id, RiskLevel.MEDIUM, override_reason="Support already in place from the youth team.")
    decision = casework.concern_file(session, concern_id).screenings[0].decision
    assert decision.confirmed_level is RiskLevel.MEDIUM and decision.suggested_level is RiskLevel.HIGH
    assert decision.override_reason == "Support already in place from the youth team."


def test_unanswered_items_stop_the_screening(open_session: VaultSession) -> None:
    session = open_session
    concern_id = submit(session)
    context = screening_flow.screening_context(session, concern_id, load_forms(), TODAY)
    assert context.draft.from_concern == {"unexplained_money_or_goods"}
    form = DecisionForm(
        RiskLevel.LOW,
        childs_wishes="x",
        parents_told=True,
        parents_views="y",
        danger_statement="z",
        safety_goal="w",
        routes=(RouteId.MONITOR,),
        review_date=TODAY,
    )
    with pytest.raises(InvalidInput) as error:
        screening_flow.complete_screening(session, concern_id, context.draft, form, TODAY)
    assert any(p.field.startswith("item:") for p in error.value.problems)
