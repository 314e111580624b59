"""Repositories: what a DSL's lists and records show, as domain values, in the right order."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop_app.domain.enums import AddendumTarget, AnswerStatus, ConcernStatus, RiskLevel, Role, RouteId
from desktop_app.domain.records import AnsweredItem, ConcernDraft, Decision, Setting
from desktop_app.domain.screening import DefinitionRef
from desktop_app.services.vault import VaultSession
from desktop_app.store.errors import RecordNotFound
from tests.fixtures_vault import fictional_child, record_concern

DEFINITION = DefinitionRef(id="cce-cse-screening", version="2026.1", hash="ab" * 32)


def _decision(level: RiskLevel, review: date) -> Decision:
    return Decision(
        suggested_level=level,
        suggested_reasons=("Warning signs present",),
        confirmed_level=level,
        override_reason="",
        childs_wishes="Wants to stay at school",
        parents_views="Worried",
        parents_told=True,
        parents_not_told_reason="",
        danger_statement="May be groomed",
        safety_goal="Safe journeys home",
        routes=(RouteId.SAFEGUARDING_HUB,),
        review_date=review,
    )


def _screen(session: VaultSession, concern_id: int, level: RiskLevel, review: date) -> int:
    actor = session.actor()
    answers = (
        AnsweredItem(
            item_id="ws_gifts",
            section_id="warning_signs",
            section_title="Warning signs",
            text="Unexplained gifts",
            status=AnswerStatus.YES,
        ),
    )
    with session.uow() as uow:
        record = uow.screenings.add(concern_id, DEFINITION, answers, _decision(level, review), actor)
        uow.audit.append(actor, "screening.completed", record.screening_id)
        uow.commit()
    return record.screening_id


def test_references_count_up_within_the_year(open_session: VaultSession) -> None:
    first, second = record_concern(open_session), record_concern(open_session)
    year = datetime.now(UTC).year
    with open_session.uow() as uow:
        assert uow.concerns.get(first).reference == f"WM-{year}-00001"
        assert uow.concerns.get(second).reference == f"WM-{year}-00002"
        assert uow.concerns.by_reference(f"wm-{year}-00002").concern_id == second


def test_concerns_await_screening_oldest_first_until_their_status_moves(open_session: VaultSession) -> None:
    ids = [record_concern(open_session) for _ in range(3)]
    actor = open_session.actor()
    with open_session.uow() as uow:
        assert [c.concern_id for c in uow.concerns.awaiting_screening(10)] == ids
        uow.concerns.set_status(ids[0], ConcernStatus.SCREENED, actor, "screened")
        uow.audit.append(actor, "screening.completed", ids[0])
        uow.commit()
    with open_session.uow() as uow:
        assert [c.concern_id for c in uow.concerns.awaiting_screening(10)] == ids[1:]
        assert uow.concerns.get(ids[0]).status == "screened"
        assert [e[0] for e in uow.concerns.events(ids[0])] == ["awaiting_screening", "screened"]
        assert uow.concerns.count_with_status(ConcernStatus.AWAITING_SCREENING) == 2


def test_full_text_search_finds_words_and_ignores_search_syntax(open_session: VaultSession) -> None:
    wanted = record_concern(open_session, account="Seen with older youths near the railway arches")
    record_concern(open_session, account="Missing from lessons on Tuesday")
    with open_session.uow() as uow:
        assert [c.concern_id for c in uow.concerns.search("railway arch")] == [wanted]
        assert [c.concern_id for c in uow.concerns.search('"railway (arches*')] == [wanted]
        assert uow.concerns.search('OR( "* ^') == []
        assert uow.concerns.search("   ") == []


def test_a_child_is_amended_as_a_new_version_and_the_old_is_kept(open_session: VaultSession) -> None:
    actor = open_session.actor()
    with open_session.uow() as uow:
        child = uow.children.add(fictional_child("Wren", "Abernathy"), actor)
        uow.audit.append(actor, "child.added", child.child_id)
        uow.commit()
    with open_session.uow() as uow:
        uow.children.amend(
            child.child_id, fictional_child("Wren", "Abernathy-Cole"), actor, "Name changed by deed poll"
        )
        uow.audit.append(actor, "child.amended", child.child_id)
        uow.commit()
    with open_session.uow() as uow:
        assert uow.children.get(child.child_id).details.last_name == "Abernathy-Cole"
        versions = uow.children.versions(child.child_id)
        assert [v.details.last_name for v in versions] == ["Abernathy", "Abernathy-Cole"]
        assert versions[1].reason == "Name changed by deed poll"
        assert [c.child_id for c in uow.children.search("cole wren")] == [child.child_id]
        with pytest.raises(RecordNotFound):
            uow.children.get(999)


def test_screenings_drive_reviews_due_and_the_high_risk_list(open_session: VaultSession) -> None:
    today = date(2026, 11, 28)
    overdue = record_concern(open_session, child=fictional_child("Ada", "Ashdown"))
    later = record_concern(open_session, child=fictional_child("Bea", "Brightwater"))
    _screen(open_session, overdue, RiskLevel.MEDIUM, today - timedelta(days=3))
    _screen(open_session, later, RiskLevel.HIGH, today + timedelta(days=20))
    with open_session.uow() as uow:
        assert [r.concern_id for r in uow.screenings.reviews_due(today)] == [overdue]
        assert [r.concern_id for r in uow.screenings.children_at_level(RiskLevel.HIGH)] == [later]
    rescreen = _screen(open_session, overdue, RiskLevel.HIGH, today + timedelta(days=10))
    with open_session.uow() as uow:
        assert uow.screenings.reviews_due(today) == []
        high = uow.screenings.children_at_level(RiskLevel.HIGH)
        assert {r.screening_id for r in high} == {rescreen, high[1].screening_id}
        assert {r.concern_id for r in high} == {overdue, later}
        child_id = uow.concerns.get(overdue).child_id
        latest = uow.screenings.latest_for_child(child_id)
        assert latest is not None and latest.decision.confirmed_level is RiskLevel.HIGH
        assert latest.answers[0].text == "Unexplained gifts"
        assert len(uow.screenings.for_concern(overdue)) == 2


def test_a_referral_waits_for_written_confirmation_until_it_is_recorded(open_session: VaultSession) -> None:
    concern = record_concern(open_session)
    actor = open_session.actor()
    with open_session.uow() as uow:
        entry = uow.referrals.add(
            concern,
            RouteId.SAFEGUARDING_HUB,
            "Duty social worker",
            datetime(2026, 11, 27, 10, 30, tzinfo=UTC),
            "HUB-1234",
            "Accepted for assessment",
            date(2026, 11, 28),
            actor,
        )
        uow.audit.append(actor, "referral.recorded", entry.referral_id)
        uow.commit()
    with open_session.uow() as uow:
        assert uow.referrals.awaiting_confirmation(date(2026, 11, 27)) == []
        assert [r.referral_id for r in uow.referrals.awaiting_confirmation(date(2026, 11, 28))] == [entry.referral_id]
        uow.referrals.record_confirmation(entry.referral_id, date(2026, 11, 28), actor)
        uow.audit.append(actor, "referral.confirmed", entry.referral_id)
        uow.commit()
    with open_session.uow() as uow:
        assert uow.referrals.awaiting_confirmation(date(2026, 12, 31)) == []
        (kept,) = uow.referrals.for_concern(concern)
        assert kept.confirmation_sent == date(2026, 11, 28)
        assert kept.reference == "HUB-1234"


def test_addenda_setting_contacts_and_users(open_session: VaultSession) -> None:
    concern = record_concern(open_session)
    actor = open_session.actor()
    with open_session.uow() as uow:
        uow.addenda.add(AddendumTarget.CONCERN, concern, actor, "Date was wrong", "Happened on Monday, not Tuesday")
        with pytest.raises(ValueError, match="pupil"):
            uow.addenda.add("pupil", concern, actor, "Not a kind of record", "")  # type: ignore[arg-type]
        uow.audit.append(actor, "addendum.added", concern)
        uow.setting.update(Setting(name="Hollybrook Academy", phone="01632 960001"), actor)
        uow.contacts.set_phone("safeguarding_hub", "01632 960999", actor)
        uow.commit()
    with open_session.uow() as uow:
        (addendum,) = uow.addenda.for_object(AddendumTarget.CONCERN, concern)
        assert addendum.change == "Happened on Monday, not Tuesday"
        assert addendum.object_kind is AddendumTarget.CONCERN
        assert uow.concerns.get(concern).status is ConcernStatus.AWAITING_SCREENING
        assert uow.concerns.status(concern) is ConcernStatus.AWAITING_SCREENING
        assert uow.setting.get().name == "Hollybrook Academy"
        assert uow.contacts.overrides() == {"safeguarding_hub": "01632 960999"}
        assert [u.role for u in uow.users.active()] == [Role.DSL]
        actions = [
            e.action for e in uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
        ]
    assert actions[-3:] == ["addendum.added", "setting.updated", "contact.phone_set"]


def test_an_imported_sealed_concern_cannot_be_imported_twice(open_session: VaultSession) -> None:
    from desktop_app.errors import UserFacingError

    actor = open_session.actor()
    draft = ConcernDraft(
        account="Recorded at the lock screen",
        recorder_name="Sam Teacher",
        recorder_role="Teacher",
        recorded_at=datetime(2026, 11, 27, 15, 0, tzinfo=UTC),
    )
    with open_session.uow() as uow:
        child = uow.children.add(fictional_child(), actor)
        concern = uow.concerns.add(child.child_id, draft, actor, sealed=True, intake_reference="in-7f3a")
        uow.audit.append(actor, "concern.imported", concern.concern_id)
        uow.commit()
    assert concern.sealed and concern.submitted_at == datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
    with open_session.uow() as uow:
        assert uow.concerns.has_intake_reference("in-7f3a") and not uow.concerns.has_intake_reference("in-0000")
    with pytest.raises(UserFacingError, match="already been imported"), open_session.uow() as uow:
        uow.concerns.add(child.child_id, draft, actor, sealed=True, intake_reference="in-7f3a")


def test_whose_concerns_a_page_holds_is_one_query(open_session: VaultSession) -> None:
    from sqlalchemy import event

    first = record_concern(open_session, child=fictional_child("Ada", "Pinewood"))
    second = record_concern(open_session, child=fictional_child("Bo", "Larchmere"))
    with open_session.uow() as uow:
        expected = {first: uow.concerns.child_id_of(first), second: uow.concerns.child_id_of(second)}
        statements: list[str] = []

        def seen(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
            statements.append(statement)

        engine = uow.session.get_bind()
        event.listen(engine, "before_cursor_execute", seen)
        try:
            assert uow.concerns.child_ids_of([second, first, second, 999_999]) == expected  # unknown ids left out
        finally:
            event.remove(engine, "before_cursor_execute", seen)
        assert len(statements) == 1
        assert expected[first] != expected[second]
