"""Demo data: reproducible for a seed, every stage present, written through the casework use cases (audited), and
records a DSL would believe: moments in order, review dates from the level, names and accounts that belong together."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop_app.definitions import load_forms
from desktop_app.domain.enums import ConcernStatus, RiskLevel
from desktop_app.screening import default_review_date
from desktop_app.screening.school_days import next_school_day
from desktop_app.services import casework, demo
from desktop_app.services import vault as vault_service
from desktop_app.services.casework import ConcernFile, dashboard


@contextmanager
def demo_session(folder: Path) -> Iterator[Any]:
    created = vault_service.create_vault(folder, demo.DEMO_SETTING, "Demo DSL", "a demo passphrase for tests only")
    try:
        yield created.session
    finally:
        created.session.lock()


def files_of(session: Any, concerns: int) -> list[ConcernFile]:
    return [casework.concern_file(session, concern_id) for concern_id in range(1, concerns + 1)]


def snapshot(files: list[ConcernFile]) -> list[tuple[Any, ...]]:
    """What a DSL would see of each concern, without the moments the store stamps itself."""
    return [
        (
            f.child.details,
            f.concern.draft,
            f.concern.status,
            tuple(
                (s.decision.suggested_level, s.decision.confirmed_level, s.decision.routes, s.answers)
                for s in f.screenings
            ),
            tuple(
                (r.route, r.contacted_name, r.reference, r.confirmation_due, r.confirmation_sent) for r in f.referrals
            ),
            tuple((a.reason, a.change) for a in f.addenda),
        )
        for f in files
    ]


def make(folder: Path, seed: int, concerns: int = 60) -> list[tuple[Any, ...]]:
    calls: list[tuple[int, int]] = []
    with demo_session(folder) as session:
        summary = demo.fill_demo_data(
            session, children=12, concerns=concerns, seed=seed, progress=lambda done, total: calls.append((done, total))
        )
        assert summary.concerns == concerns and sum(summary.by_stage.values()) == concerns
        assert calls[-1] == (concerns, concerns)
        return snapshot(files_of(session, concerns))


def test_the_same_seed_gives_the_same_records_and_another_seed_different_ones(tmp_path: Path) -> None:
    first = make(tmp_path / "a", seed=7)
    again = make(tmp_path / "b", seed=7)
    other = make(tmp_path / "c", seed=8)
    assert first == again
    assert first != other


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, list[ConcernFile], list[str]]]:
    """One filled demo vault, read by several tests: its session, every concern's file and the audit actions."""
    with demo_session(tmp_path_factory.mktemp("demo") / "v") as session:
        demo.fill_demo_data(session, children=30, concerns=120, seed=1)
        files = files_of(session, 120)
        with session.uow() as uow:
            actions = [
                e.action
                for e in uow.audit.entries(
                    datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC), limit=100_000
                )
            ]
        yield session, files, actions


def test_every_stage_and_level_is_present_and_audited(demo_vault: tuple[Any, list[ConcernFile], list[str]]) -> None:
    _session, files, actions = demo_vault
    assert {f.concern.status for f in files} == {s.value for s in ConcernStatus}
    assert {s.decision.confirmed_level for f in files for s in f.screenings} == set(RiskLevel)
    assert any(s.decision.override_reason for f in files for s in f.screenings)
    assert any(f.addenda for f in files)
    assert any(r.confirmation_sent for f in files for r in f.referrals)
    assert any(r.confirmation_sent is None for f in files for r in f.referrals)
    for action in (
        "concern.imported",
        "screening.completed",
        "referral.recorded",
        "referral.confirmed",
        "concern.closed",
        "addendum.added",
    ):
        assert action in actions, action
    assert actions.count("screening.completed") == sum(len(f.screenings) for f in files)


def day(moment: datetime) -> date:
    return casework.local(moment).date()


def test_every_record_happens_in_order_and_reviews_follow_the_level(
    demo_vault: tuple[Any, list[ConcernFile], list[str]],
) -> None:
    _session, files, _actions = demo_vault
    definition = load_forms().screening()
    now = datetime.now(UTC)
    today = day(now)
    for f in files:
        draft, concern = f.concern.draft, f.concern
        assert draft.happened_at is not None and draft.recorded_at is not None
        assert draft.happened_at <= draft.recorded_at <= concern.submitted_at <= now, concern.reference
        latest = concern.submitted_at
        for screening in f.screenings:
            assert latest <= screening.completed_at <= now
            level = screening.decision.confirmed_level
            assert screening.decision.review_date == default_review_date(
                level, day(screening.completed_at), definition
            ), concern.reference
            latest = screening.completed_at
        for referral in f.referrals:
            assert latest <= referral.contacted_at <= referral.recorded_at <= now, concern.reference
            days = load_forms().contacts.confirmation_days
            assert referral.confirmation_due == day(referral.contacted_at) + timedelta(days=days)
            if referral.confirmation_sent is not None:
                assert day(referral.contacted_at) <= referral.confirmation_sent <= today
                closed = [e.at for e in f.events if e.status == ConcernStatus.CLOSED]
                assert all(referral.recorded_at <= at for at in closed)
        moments = [event.at for event in f.events]
        assert moments == sorted(moments) and moments[0] == concern.submitted_at
        assert all(concern.submitted_at <= a.written_at <= now for a in f.addenda)
    # the concerns were written in the order they were recorded, so references follow the calendar
    submitted = [f.concern.submitted_at for f in files]
    assert submitted == sorted(submitted)


TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def dated_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Path]]:
    """A demo made for a fixed day (what a DSL opening it that day sees), and its folder."""
    folder = tmp_path_factory.mktemp("dated") / "v"
    with demo_session(folder) as session:
        demo.fill_demo_data(session, children=30, concerns=120, seed=1, today=TODAY)
        yield session, folder


def test_a_fresh_demo_shows_a_lived_in_dashboard(dated_demo: tuple[Any, Path]) -> None:
    session, _folder = dated_demo
    waiting = dashboard.awaiting_screening(session, 200, TODAY)
    assert waiting and all(1 <= row.days_waiting <= 10 for row in waiting)
    assert len({row.days_waiting for row in waiting}) >= 4
    overdue = dashboard.reviews_due(session, 200, TODAY)
    assert 2 <= len(overdue) <= 12, "a handful of reviews overdue, most still ahead"
    assert all(0 <= row.days_overdue <= 25 for row in overdue)
    assert min(r.days_overdue for r in overdue) <= 6 < max(r.days_overdue for r in overdue), "by days and by weeks"
    confirmations = dashboard.confirmations_awaited(session, 200, TODAY)
    assert any(row.overdue for row in confirmations) and not all(row.overdue for row in confirmations)
    assert all(row.due <= TODAY + timedelta(days=load_forms().contacts.confirmation_days) for row in confirmations)
    high = dashboard.high_risk_children(session, 50)
    assert high
    definition = load_forms().screening()
    for row in high:
        due = day(row.screened_at) + timedelta(days=definition.band(RiskLevel.HIGH).review_days)
        assert row.review_date == next_school_day(due), "the level's interval, moved to a school day"
    screened = [s.completed_at for f in files_of(session, 120) for s in f.screenings]
    ages = [(TODAY - day(at)).days for at in screened]
    assert min(ages) <= 2 and max(ages) >= 28, "screened over weeks, some lately"
    assert all(day(at) <= TODAY for at in screened)


def test_a_demo_vault_verifies_clean_and_its_audit_rows_carry_the_demo_moments(dated_demo: tuple[Any, Path]) -> None:
    session, _folder = dated_demo
    report = session.verify()
    assert report.ok, report.text()
    with session.uow() as uow:
        entries = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC), limit=100_000)
    demo_rows = [e for e in entries if e.action not in ("vault.created", "user.added")]
    # Actions are written once the staff register exists, each at its own past moment (after its screening).
    moments = [e.at for e in demo_rows if not e.action.startswith("action.")]
    assert moments == sorted(moments), "fiction written in time order"
    actions = [e.at for e in demo_rows if e.action.startswith("action.")]
    assert actions and all(moments[0] < at <= moments[-1] for at in actions)
    assert day(moments[0]) < TODAY - timedelta(days=28) and day(moments[-1]) <= TODAY


def culture_of(first: str, last: str) -> list[str]:
    return [c.name for c in demo.CULTURES if first in c.girls + c.boys and last in c.family_names()]


def test_each_childs_names_come_from_one_culture_and_fit_their_record(tmp_path: Path) -> None:
    children = demo.demo_children(200, seed=3, today=date(2026, 11, 28))
    assert children == demo.demo_children(200, seed=3, today=date(2026, 11, 28))
    seen: set[str] = set()
    for child in children:
        cultures = culture_of(child.first_name, child.last_name)
        assert cultures, child.display_name
        seen.update(cultures)
        culture = next(c for c in demo.CULTURES if c.name == cultures[0])
        if child.gender == "Girl":
            assert child.first_name in culture.girls
        if child.gender == "Boy":
            assert child.first_name in culture.boys
            assert child.last_name not in {f[1] for f in culture.families if isinstance(f, tuple)}
        # the year group is the one their birthday puts them in (age on 31 August 2026, less four)
        assert child.date_of_birth is not None
        age = child.age_on(date(2026, 8, 31))
        assert age is not None and child.year_group == f"Year {age - 4}"
    assert len(seen) >= 8  # varied
    names = " ".join(c.display_name for c in children)
    for script in ("[\u0400-\u04ff]", "[\u0370-\u03ff]", "[\u4e00-\u9fff]", "[ąćęłńóśźżễ]"):
        assert re.search(script, names), script
    assert not culture_of("Chidi", "Παπαδόπουλος") and not culture_of("美玲", "Haddad")  # the check can fail


def test_each_account_agrees_with_the_signs_ticked_and_its_category(
    demo_vault: tuple[Any, list[ConcernFile], list[str]],
) -> None:
    _session, files, _actions = demo_vault
    forms = load_forms()
    signs = {item.id for section, item in forms.screening().items() if section.kind.value == "warning_signs"}
    categories = {c.id for c in forms.categories.categories}
    for f in files:
        draft = f.concern.draft
        scenario = next(s for s in demo.SCENARIOS if draft.account.startswith(s.account.format(place=draft.location)))
        assert draft.sign_ids == scenario.signs and set(draft.sign_ids) <= signs
        assert draft.category_ids == (scenario.category,) and scenario.category in categories
        assert draft.childs_words in scenario.words
        assert draft.location in scenario.places
        assert f.child.details.display_name not in {c.name for c in draft.other_children}
    trainers = [f for f in files if "trainers" in f.concern.draft.account]
    assert trainers and all("sexualised_behaviour_or_sti" not in f.concern.draft.sign_ids for f in trainers)
    assert all("unexplained_money_or_goods" in f.concern.draft.sign_ids for f in trainers)


def test_no_two_demo_concerns_have_the_same_account(demo_vault: tuple[Any, list[ConcernFile], list[str]]) -> None:
    _session, files, _actions = demo_vault
    accounts = [f.concern.draft.account for f in files]
    assert len(files) >= 20
    assert len(set(accounts)) == len(accounts), [a for a in accounts if accounts.count(a) > 1][:2]


def test_demo_concerns_cannot_happen_after_today(tmp_path: Path) -> None:
    with demo_session(tmp_path / "v") as session, pytest.raises(ValueError, match="after"):
        demo.fill_demo_data(session, children=1, concerns=1, today=date.today() + timedelta(days=2))


def test_create_demo_vault_returns_a_passphrase_that_unlocks_it(tmp_path: Path) -> None:
    passphrase = demo.create_demo_vault(tmp_path / "demo", children=5, concerns=10, seed=3)
    session = vault_service.unlock(tmp_path / "demo", passphrase)
    try:
        assert session.setting.name.endswith("(demo: fictional records)")
        assert len(casework.concern_file(session, 10).concern.reference) > 0
    finally:
        session.lock()


def test_a_fresh_demo_has_actions_due_overdue_and_completed(dated_demo: tuple[Any, Path]) -> None:
    from desktop_app.services.actions import lists

    session, _folder = dated_demo
    due = lists.due_actions(session, TODAY, limit=200)
    assert any(r.overdue for r in due) and not all(r.overdue for r in due)
    assert all(r.owner.name and r.child_name for r in due)
    done = [a for concern_id in range(1, 121) for a in lists.for_concern(session, concern_id) if not a.is_open]
    assert done and all(a.outcome and a.done_on is not None and a.done_on >= day(a.created_at) for a in done)
    for concern_id in range(1, 121):
        file = casework.concern_file(session, concern_id)
        for action in lists.for_concern(session, concern_id):
            assert file.screenings and file.screenings[0].completed_at < action.created_at
            if file.is_closed():
                assert not action.is_open
