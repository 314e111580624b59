"""The yearly audit without a screen: answer, sign, close, correct, carry to the next year, compare."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop_app.definitions import load_forms
from desktop_app.domain.audit import AcademicYear, AnswerForm, AuditStatus, Change, ExploitationRole, SignRole
from desktop_app.errors import InvalidInput, UserFacingError
from desktop_app.services.audit import checklist, training
from desktop_app.services.audit.checklist import AuditClosed
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import open_session  # noqa: F401

YEAR = AcademicYear.parse("2025-26")
NEXT = AcademicYear.parse("2026-27")
TODAY = date(2026, 7, 10)


def actions_of(session: VaultSession) -> list[str]:
    with session.uow() as uow:
        return [
            e.action
            for e in uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC), limit=1000)
        ]


def test_academic_years_run_september_to_august_and_are_named_2026_27() -> None:
    year = AcademicYear.parse("2026/27")
    assert year.name == "2026-27" and AcademicYear.parse("2026-2027") == year
    assert (year.first_day, year.last_day) == (date(2026, 9, 1), date(2027, 8, 31))
    assert AcademicYear.containing(date(2027, 8, 31)) == year
    assert AcademicYear.containing(date(2027, 9, 1)) == NEXT.next()
    assert [m.month for m in year.months()] == [9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8]
    with pytest.raises(UserFacingError, match="2026-27"):
        AcademicYear.parse("2026-28")


def sign_all(session: VaultSession, year: AcademicYear, on: date) -> None:
    for role, name in (
        (SignRole.DSL, "Morgan Fairweather"),
        (SignRole.HEAD, "Ruth Oyelaran"),
        (SignRole.GOVERNOR, "Dana Whitfield"),
    ):
        checklist.sign(session, year, role, name, on, today=on)


def test_a_year_is_answered_signed_closed_corrected_and_carried_forward(open_session: VaultSession) -> None:
    obligations = load_forms().obligations.obligations
    record = checklist.start_year(open_session, YEAR)
    assert len(record.answers) == len(obligations) and record.counts()[AuditStatus.NOT_ASSESSED] == len(obligations)
    first, second, third = (o.id for o in obligations[:3])
    checklist.record_answer(
        open_session,
        YEAR,
        first,
        AnswerForm(AuditStatus.MET, evidence="Policy names the lead", owner="Morgan Fairweather"),
    )
    with pytest.raises(InvalidInput) as refused:
        checklist.record_answer(open_session, YEAR, second, AnswerForm(AuditStatus.NOT_MET))
    assert [p.field for p in refused.value.problems] == ["action"]
    checklist.record_answer(
        open_session,
        YEAR,
        second,
        AnswerForm(
            AuditStatus.NOT_MET,
            evidence="No meetings minuted",
            action="Half-termly meetings",
            owner="Ruth Oyelaran",
            due=date(2026, 12, 1),
        ),
    )
    with pytest.raises(InvalidInput, match="does not apply"):
        checklist.record_answer(open_session, YEAR, third, AnswerForm(AuditStatus.NOT_APPLICABLE))
    checklist.record_answer(open_session, YEAR, third, AnswerForm(AuditStatus.NOT_APPLICABLE, reason="Infant school"))

    with pytest.raises(UserFacingError, match="audit date"):
        checklist.sign(open_session, YEAR, SignRole.DSL, "Morgan Fairweather", TODAY, today=TODAY)
    dated = checklist.set_dates(open_session, YEAR, date(2026, 7, 1), today=TODAY)
    assert dated.next_review == date(2027, 7, 1)
    checklist.sign(open_session, YEAR, SignRole.DSL, "Morgan Fairweather", TODAY, today=TODAY)
    with pytest.raises(AuditClosed, match="add a correction"):
        checklist.record_answer(
            open_session, YEAR, first, AnswerForm(AuditStatus.NOT_MET, action="x", owner="y", due=TODAY)
        )
    checklist.sign(open_session, YEAR, SignRole.HEAD, "Ruth Oyelaran", TODAY, today=TODAY)
    signed = checklist.sign(open_session, YEAR, SignRole.GOVERNOR, "Dana Whitfield", TODAY, today=TODAY)
    assert signed.closed and [s.name for s in signed.sign_offs] == [
        "Morgan Fairweather",
        "Ruth Oyelaran",
        "Dana Whitfield",
    ]
    with pytest.raises(UserFacingError, match="already signed"):
        checklist.sign(open_session, YEAR, SignRole.HEAD, "Someone Else", TODAY, today=TODAY)
    checklist.add_correction(open_session, YEAR, "Minutes found after signing", "Two meetings were minuted in May.")
    record = checklist.year_audit(open_session, YEAR)
    assert record is not None and record.addenda[0].change == "Two meetings were minuted in May."
    assert record.answers[1].status == AuditStatus.NOT_MET, "the signed answer stands as signed"

    carried = checklist.start_year(open_session, NEXT)
    assert carried.carried_from == "2025-26" and carried.to_confirm() == 3
    answer = carried.answers[1]
    assert answer.carried and answer.status == AuditStatus.NOT_ASSESSED
    assert (answer.form.evidence, answer.form.owner) == ("No meetings minuted", "Ruth Oyelaran")
    with pytest.raises(UserFacingError, match="still to be confirmed"):
        checklist.set_dates(open_session, NEXT, TODAY, today=TODAY)
        checklist.sign(open_session, NEXT, SignRole.DSL, "Morgan Fairweather", TODAY, today=TODAY)
    checklist.record_answer(
        open_session,
        NEXT,
        first,
        AnswerForm(AuditStatus.PARTLY_MET, action="Refresher", owner="Morgan Fairweather", due=date(2027, 1, 9)),
    )
    checklist.record_answer(open_session, NEXT, second, AnswerForm(AuditStatus.MET, evidence="Minutes kept"))

    comparison = checklist.comparison(open_session, NEXT)
    assert comparison is not None and comparison.last_year == YEAR
    changes = {row.obligation_id: row.change for row in comparison.rows}
    assert changes[first] == Change.SLIPPED and changes[second] == Change.IMPROVED
    assert "1 improved, 1 slipped" in checklist.changes_sentence(comparison)

    done = actions_of(open_session)
    for action in ("audit.year_started", "audit.answered", "audit.dated", "audit.signed", "addendum.added"):
        assert action in done, action


def test_the_training_register_feeds_the_audit_evidence(open_session: VaultSession) -> None:
    on = date(2026, 11, 30)
    lead = training.add_staff(
        open_session, "Morgan Fairweather", "Deputy head", role=ExploitationRole.CE_LEAD, today=on
    )
    training.add_staff(open_session, "Ifeoma Adeyemi", "Head of Year 9", role=ExploitationRole.DEPUTY, today=on)
    people = [training.add_staff(open_session, f"Teacher {n}", "Teacher", today=on) for n in range(4)]
    training.record_training(open_session, lead.staff_id, "ce_lead_training", date(2026, 9, 20), today=on)
    for person in people[:2]:
        training.record_training(open_session, person.staff_id, "exploitation_awareness", date(2026, 9, 2), today=on)
    training.record_training(open_session, people[2].staff_id, "exploitation_awareness", date(2025, 6, 1), today=on)
    figures = training.figures(open_session, on)
    assert figures.sentence() == "3 of 6 staff trained in the last 12 months"
    assert (
        "Child Exploitation Lead: Morgan Fairweather (last trained 20 September 2026, next due 20 September 2028)"
        in figures.lead_sentence()
        and "1 deputy" in figures.lead_sentence()
    )
    due = training.due(open_session, on)
    assert {d.name for d in due} == {"Ifeoma Adeyemi", "Teacher 2", "Teacher 3"}
    training.staff_left(open_session, people[3].staff_id, date(2026, 10, 1), today=on)
    assert training.figures(open_session, on).sentence() == "3 of 5 staff trained in the last 12 months"
    with pytest.raises(InvalidInput, match="future"):
        training.record_training(open_session, people[0].staff_id, "exploitation_awareness", date(2027, 1, 1), today=on)
