"""Missing episodes: checked before anything is saved, corrected by addendum, and read by the dashboard, the
screening's "goes missing" suggestion and the chronology."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop_app.errors import InvalidInput
from desktop_app.services.child import missing
from desktop_app.services.child.missing import MissingEpisodeForm
from desktop_app.services.vault import VaultSession
from tests.services.child.helpers import add_child

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)


def episode(days_ago: float, hours: float = 20, **extra: object) -> MissingEpisodeForm:
    went = NOW - timedelta(days=days_ago)
    return MissingEpisodeForm(went_missing_at=went, returned_at=went + timedelta(hours=hours), **extra)  # type: ignore[arg-type]


def test_returned_before_started_is_refused_and_nothing_saved(open_session: VaultSession) -> None:
    session = open_session
    child = add_child(session, "Gale", "Holloway")
    with pytest.raises(InvalidInput) as refused:
        missing.record_episode(session, child, episode(3, hours=-2), NOW)
    assert [p.field for p in refused.value.problems] == ["returned_at"]
    assert refused.value.problems[0].sentence.startswith("The child cannot have returned before they went missing")
    assert missing.episodes(session, child) == []


def test_an_interview_before_the_return_and_a_reference_without_police_are_refused(open_session: VaultSession) -> None:
    session = open_session
    child = add_child(session, "Gale", "Holloway")
    form = episode(3, interview_held_at=NOW - timedelta(days=3, hours=1), police_reference="SY-1234")
    with pytest.raises(InvalidInput) as refused:
        missing.record_episode(session, child, form, NOW)
    assert sorted(p.field for p in refused.value.problems) == ["interview_held_at", "police_reference"]
    assert missing.episodes(session, child) == []


def test_an_episode_is_recorded_and_described(open_session: VaultSession) -> None:
    session = open_session
    child = add_child(session, "Gale", "Holloway")
    went = NOW - timedelta(days=10)
    saved = missing.record_episode(
        session,
        child,
        MissingEpisodeForm(
            went,
            went + timedelta(hours=30),
            "Doncaster station",
            True,
            True,
            "SY-20261125-0042",
            True,
            went + timedelta(hours=50),
            "Came back with a new phone",
        ),
        NOW,
    )
    assert saved.interview_within(72) is True
    text = missing.describe(saved, 72)
    assert "found at Doncaster station (out of area)" in text and "SY-20261125-0042" in text
    assert "Return interview held within 72 hours" in text


def test_repeated_episodes_raise_the_child_and_suggest_the_screening_item(open_session: VaultSession) -> None:
    session = open_session
    once, twice = add_child(session, "Gale", "Holloway"), add_child(session, "Ines", "Jubb")
    never = add_child(session, "Kit", "Lowther")
    missing.record_episode(session, once, episode(5), NOW)
    missing.record_episode(session, once, episode(200), NOW)  # long ago: not counted
    missing.record_episode(session, twice, episode(5), NOW)
    missing.record_episode(session, twice, episode(40), NOW)
    rows = missing.repeatedly_missing(session, 50, NOW)
    assert [(r.child_name, r.episodes) for r in rows] == [("Ines Jubb", 2)]
    assert missing.count_repeatedly_missing(session, NOW) == 1
    with session.uow() as uow:
        assert missing.screening_hints(uow, twice, NOW) == {
            "missing_or_found_out_of_area": "2 missing episodes recorded in the last 3 months"
        }
        assert missing.screening_hints(uow, once, NOW) == {
            "missing_or_found_out_of_area": "1 missing episode recorded in the last 3 months"
        }
        assert missing.screening_hints(uow, never, NOW) == {}


def test_a_correction_keeps_what_the_episode_said_before(open_session: VaultSession) -> None:
    session = open_session
    child = add_child(session, "Gale", "Holloway")
    went = NOW - timedelta(days=2)
    saved = missing.record_episode(session, child, MissingEpisodeForm(went), NOW)
    with pytest.raises(InvalidInput, match="Say why"):
        missing.correct_episode(session, saved.episode_id, MissingEpisodeForm(went, went + timedelta(hours=5)), "", NOW)
    corrected = missing.correct_episode(
        session, saved.episode_id, MissingEpisodeForm(went, went + timedelta(hours=5), "Home"), "She came home", NOW
    )
    assert corrected.returned_at == went + timedelta(hours=5)
    with session.uow() as uow:
        events = missing.chronology_events(uow, child)
    assert [e.kind for e in events] == ["Missing episode", "Amendment"]
    assert "Returned: “not known” →" in events[1].summary


def test_the_children_list_filters_on_missing_episodes(open_session: VaultSession) -> None:
    from desktop_app.domain.child_list import ChildFilter
    from desktop_app.services.child import listing

    session = open_session
    gone, stayed = add_child(session, "Gale", "Holloway"), add_child(session, "Ines", "Jubb")
    missing.record_episode(session, gone, episode(4), NOW)
    everyone = {e.child_id for e in listing.children_page(session, ChildFilter()).entries}
    assert everyone == {gone, stayed}
    only = [e.child_id for e in listing.children_page(session, ChildFilter(missing_episodes=True)).entries]
    assert only == [gone]
