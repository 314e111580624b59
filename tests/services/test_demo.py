"""Demo data: reproducible for a seed, every stage present, written through the casework use cases (audited)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from desktop_app.domain.enums import ConcernStatus, RiskLevel
from desktop_app.services import casework, demo
from desktop_app.services import vault as vault_service

TODAY = date(2026, 11, 28)


def snapshot(session: Any, concerns: int) -> list[tuple[Any, ...]]:
    """What a DSL would see of each concern, without the moments the store stamps itself."""
    rows = []
    for concern_id in range(1, concerns + 1):
        f = casework.concern_file(session, concern_id)
        rows.append((
            f.child.details, f.concern.draft, f.concern.status,
            tuple((s.decision.suggested_level, s.decision.confirmed_level, s.decision.routes, s.answers)
                  for s in f.screenings),
            tuple((r.route, r.contacted_name, r.reference, r.confirmation_due, r.confirmation_sent)
                  for r in f.referrals),
            tuple((a.reason, a.change) for a in f.addenda),
        ))
    return rows


def make(folder: Path, seed: int, concerns: int = 60) -> list[tuple[Any, ...]]:
    created = vault_service.create_vault(folder, demo.DEMO_SETTING, "Demo DSL", "a demo passphrase for tests only")
    calls: list[tuple[int, int]] = []
    try:
        summary = demo.fill_demo_data(created.session, children=12, concerns=concerns, seed=seed,
                                      progress=lambda done, total: calls.append((done, total)), today=TODAY)
        assert summary.concerns == concerns and sum(summary.by_stage.values()) == concerns
        assert calls[-1] == (concerns, concerns)
        return snapshot(created.session, concerns)
    finally:
        created.session.lock()


def test_the_same_seed_gives_the_same_records_and_another_seed_different_ones(tmp_path: Path) -> None:
    first = make(tmp_path / "a", seed=7)
    again = make(tmp_path / "b", seed=7)
    other = make(tmp_path / "c", seed=8)
    assert first == again
    assert first != other


def test_every_stage_and_level_is_present_with_names_in_several_scripts(tmp_path: Path) -> None:
    created = vault_service.create_vault(tmp_path / "v", demo.DEMO_SETTING, "Demo DSL", "a demo passphrase for tests")
    session = created.session
    try:
        demo.fill_demo_data(session, children=30, concerns=120, seed=1, today=TODAY)
        files = [casework.concern_file(session, i) for i in range(1, 121)]
        with session.uow() as uow:
            actions = [e.action for e in uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC),
                                                           datetime(2100, 1, 1, tzinfo=UTC), limit=100_000)]
    finally:
        session.lock()
    statuses = {f.concern.status for f in files}
    assert statuses == {s.value for s in ConcernStatus}
    levels = {s.decision.confirmed_level for f in files for s in f.screenings}
    assert levels == set(RiskLevel)
    assert any(s.decision.override_reason for f in files for s in f.screenings)
    assert any(f.addenda for f in files)
    assert any(r.confirmation_sent for f in files for r in f.referrals)
    assert any(r.confirmation_sent is None for f in files for r in f.referrals)
    names = " ".join(f.child.details.display_name for f in files)
    for script_sample in ("[\u0400-\u04ff]", "[\u0370-\u03ff]", "[\u4e00-\u9fff]", "[ąćęłńóśźżễ]"):
        import re

        assert re.search(script_sample, names), script_sample
    for action in ("concern.imported", "screening.completed", "referral.recorded", "referral.confirmed",
                   "concern.closed", "addendum.added"):
        assert action in actions, action
    assert actions.count("screening.completed") == sum(len(f.screenings) for f in files)


def test_create_demo_vault_returns_a_passphrase_that_unlocks_it(tmp_path: Path) -> None:
    passphrase = demo.create_demo_vault(tmp_path / "demo", children=5, concerns=10, seed=3)
    session = vault_service.unlock(tmp_path / "demo", passphrase)
    try:
        assert session.setting.name.endswith("(demo: fictional records)")
        assert len(casework.concern_file(session, 10).concern.reference) > 0
    finally:
        session.lock()
