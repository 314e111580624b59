"""The store's clock: every stamp comes from it, only demo data moves it, and the audit chain holds either way."""

from __future__ import annotations

import re
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

import desktop_app
from desktop_app.domain.enums import RouteId
from desktop_app.domain.records import ConcernDraft
from desktop_app.services.vault import VaultSession
from desktop_app.store import clock
from tests.fixtures_vault import fictional_child

PAST = datetime(2026, 3, 2, 10, 15, tzinfo=UTC)


def test_the_clock_is_real_unless_a_block_sets_it() -> None:
    before = datetime.now(UTC)
    assert before <= clock.now_utc() <= datetime.now(UTC)
    with clock.frozen_clock(PAST):
        assert clock.now_utc() == PAST
        ticks = iter((PAST, PAST + timedelta(minutes=1)))
        with clock.clock_at(lambda: next(ticks)):
            assert clock.now_utc() == PAST
            assert clock.now_utc() == PAST + timedelta(minutes=1)
        assert clock.now_utc() == PAST
    assert clock.now_utc() >= before
    with pytest.raises(ValueError, match="aware"), clock.frozen_clock(datetime(2026, 3, 2)):
        pass


def test_another_thread_keeps_the_real_clock_while_a_demo_sets_one() -> None:
    seen: list[datetime] = []
    with clock.frozen_clock(PAST):
        worker = threading.Thread(target=lambda: seen.append(clock.now_utc()))
        worker.start()
        worker.join()
    assert seen and seen[0] > PAST + timedelta(days=30)


def test_every_stamp_the_store_writes_comes_from_the_clock(open_session: VaultSession) -> None:
    actor = open_session.actor()
    draft = ConcernDraft(account="Seen getting into an unknown car after school", recorder_name="Ola Fenwick")
    with clock.frozen_clock(PAST), open_session.uow() as uow:
        child = uow.children.add(fictional_child(), actor)
        concern = uow.concerns.add(child.child_id, draft, actor, sealed=False)
        uow.concerns.set_status(concern.concern_id, "screened", actor, "screened")
        referral = uow.referrals.add(
            concern.concern_id, RouteId.SAFEGUARDING_HUB, "Duty worker", PAST, "", "ok", date(2026, 3, 4), actor
        )
        uow.referrals.record_confirmation(referral.referral_id, date(2026, 3, 3), actor)
        addendum = uow.addenda.add("concern", concern.concern_id, actor, "A typo.", "Read 'car'.")
        seq = uow.audit.append(actor, "concern.submitted", f"concern:{concern.concern_id}")
        uow.commit()
    with open_session.uow() as uow:
        assert uow.children.get(child.child_id).created_at == PAST
        assert uow.concerns.get(concern.concern_id).submitted_at == PAST
        assert [at for _status, at, _who, _note in uow.concerns.events(concern.concern_id)] == [PAST, PAST]
        assert uow.referrals.get(referral.referral_id).recorded_at == PAST
        assert addendum.written_at == PAST
        [entry] = uow.audit.entries(PAST, PAST + timedelta(seconds=1), after_seq=seq - 1)
        assert entry.seq == seq and entry.at == PAST


def test_a_chain_written_at_earlier_moments_still_verifies_and_exports_by_time(open_session: VaultSession) -> None:
    """Seq order is what the chain checks; times are what the clock said, even when they go back."""
    actor = open_session.actor()
    first = open_session.audit_seq()
    with open_session.uow() as uow:
        for days in (3, 40, 10):
            with clock.frozen_clock(PAST - timedelta(days=days)):
                uow.audit.append(actor, "child.added", f"child:{days}", {"demo": True})
        uow.commit()
    assert open_session.verify().ok
    with open_session.uow() as uow:
        window = uow.audit.entries(PAST - timedelta(days=20), PAST)
        assert [(e.seq, e.object_ref) for e in window] == [(first + 1, "child:3"), (first + 3, "child:10")]


def test_only_demo_data_and_tests_move_the_clock() -> None:
    """Back-dating is for fiction: no use case, screen or command may set the store's clock."""
    source = Path(desktop_app.__file__).parent

    def may_use(path: Path) -> bool:
        return path == source / "store" / "clock.py" or (path.parent == source / "services" / "demo")

    users = [
        path.relative_to(source).as_posix()
        for path in sorted(source.rglob("*.py"))
        if not may_use(path) and re.search(r"\b(frozen_clock|clock_at)\b", path.read_text(encoding="utf-8"))
    ]
    assert users == []
    demo = (source / "services" / "demo" / "__init__.py").read_text(encoding="utf-8")
    assert re.search(r"\bfrozen_clock\b", demo), "the check above can find a use"
