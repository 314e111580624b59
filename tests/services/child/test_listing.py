"""The children list: found by any name or a word of a concern, filtered, paged; odd searches never fail."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop_app.domain.child_list import ChildFilter
from desktop_app.domain.enums import RiskLevel
from desktop_app.domain.records import ChildDetails, ConcernDraft
from desktop_app.services.child.listing import children_page
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import open_session  # noqa: F401


def add_child(session: VaultSession, first: str, last: str, account: str = "", **more: object) -> int:
    actor = session.actor()
    with session.uow() as uow:
        child = uow.children.add(ChildDetails(first, last, **more), actor)  # type: ignore[arg-type]
        uow.audit.append(actor, "child.added", f"child:{child.child_id}")
        if account:
            concern = uow.concerns.add(child.child_id, ConcernDraft(account=account), actor, sealed=False)
            uow.audit.append(actor, "concern.submitted", concern.concern_id)
        uow.commit()
    return child.child_id


def names(page: object) -> list[str]:
    return [e.details.full_name for e in page.entries]  # type: ignore[attr-defined]


def test_a_search_finds_a_child_by_a_word_of_a_concern(open_session: VaultSession) -> None:
    add_child(open_session, "Tamsin", "Quillfeather", "Seen getting into a silver hatchback outside the chip shop")
    add_child(open_session, "Orrin", "Blackwood", "Late to school again, tired")
    page = children_page(open_session, ChildFilter(text="hatchback"))
    assert names(page) == ["Tamsin Quillfeather"]
    assert page.entries[0].found_by_name is False
    assert names(children_page(open_session, ChildFilter(text="quill"))) == ["Tamsin Quillfeather"]


def test_a_search_finds_known_as_other_names_and_the_english_letter_spelling(open_session: VaultSession) -> None:
    add_child(open_session, "Νίκος", "Παπαδόπουλος", latin_name="Nikos Papadopoulos", other_names=("Nicky P",))
    add_child(open_session, "Orrin", "Blackwood", known_as="Ozzy")
    assert names(children_page(open_session, ChildFilter(text="papadop"))) == ["Νίκος Παπαδόπουλος"]
    assert names(children_page(open_session, ChildFilter(text="nicky"))) == ["Νίκος Παπαδόπουλος"]
    assert names(children_page(open_session, ChildFilter(text="ozz"))) == ["Orrin Blackwood"]


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        '"hatch',
        "hatch* OR NOT",
        "NEAR(a b)",
        "a",
        "-",
        "x" * 10_000,
        "hatch AND)",
        "^car",
        "'; DROP TABLE children; --",
        "\u0000",
        "  ",
    ],
)
def test_odd_searches_give_a_sentence_or_a_sane_result_never_an_error(
    open_session: VaultSession,
    typed: str,
) -> None:
    add_child(open_session, "Tamsin", "Quillfeather", "Seen getting into a silver hatchback")
    page = children_page(open_session, ChildFilter(text=typed))
    assert isinstance(page.note, str)
    assert all(e.details.last_name for e in page.entries)


def test_a_single_letter_searches_names_and_says_so(open_session: VaultSession) -> None:
    add_child(open_session, "Tamsin", "Quillfeather")
    add_child(open_session, "Orrin", "Blackwood", "tired")
    page = children_page(open_session, ChildFilter(text="t"))
    assert names(page) == ["Tamsin Quillfeather"]
    assert "three letters" in page.note
    long = children_page(open_session, ChildFilter(text="tired " * 2000))
    assert "first 200 characters" in long.note
    assert children_page(open_session, ChildFilter(text="!!!")).note.startswith("Type a letter")


def test_filters_by_level_review_due_and_open_concerns(open_session: VaultSession) -> None:
    from tests.services.child.screened import screen_child

    high = add_child(open_session, "Amara", "Holt", "Seen with older males at the park")
    low = add_child(open_session, "Bram", "Ivers", "Missed two days")
    add_child(open_session, "Cora", "Jessop")
    today = date.today()
    screen_child(open_session, high, RiskLevel.HIGH, today - timedelta(days=2))
    screen_child(open_session, low, RiskLevel.LOW, today + timedelta(days=20))
    assert names(children_page(open_session, ChildFilter(level=RiskLevel.HIGH))) == ["Amara Holt"]
    assert names(children_page(open_session, ChildFilter(not_screened=True))) == ["Cora Jessop"]
    assert names(children_page(open_session, ChildFilter(review_due_on=today))) == ["Amara Holt"]
    assert names(children_page(open_session, ChildFilter(open_concerns=True))) == ["Amara Holt", "Bram Ivers"]
    entry = children_page(open_session, ChildFilter(text="amara")).entries[0]
    assert (entry.level, entry.open_concerns) == (RiskLevel.HIGH, 1)


def test_pages_follow_each_other_in_name_order_without_gaps(open_session: VaultSession) -> None:
    actor = open_session.actor()
    with open_session.uow() as uow:
        for n in range(23):
            uow.children.add(ChildDetails("Ada", f"Zed{n:02d}"), actor)
        uow.audit.append(actor, "child.added", "test")
        uow.commit()
    first = children_page(open_session, ChildFilter(), 0, 10)
    second = children_page(open_session, ChildFilter(), 10, 10)
    third = children_page(open_session, ChildFilter(), 20, 10)
    assert first.has_more and second.has_more and not third.has_more
    assert names(first) + names(second) + names(third) == [f"Ada Zed{n:02d}" for n in range(23)]


def test_the_missing_episodes_filter(open_session: VaultSession) -> None:
    from datetime import datetime

    from desktop_app.services.child.missing import MissingEpisodeForm, record_episode

    went = add_child(open_session, "Amara", "Holt", "Seen with older males at the park")
    add_child(open_session, "Bram", "Ivers", "Missed two days")
    then = datetime.now().astimezone() - timedelta(days=3)
    record_episode(
        open_session,
        went,
        MissingEpisodeForm(went_missing_at=then, returned_at=then + timedelta(hours=9), where_found="A friend's flat"),
    )
    assert names(children_page(open_session, ChildFilter(missing_episodes=True))) == ["Amara Holt"]


def test_a_word_in_very_many_concerns_searches_the_newest_and_says_so(open_session: VaultSession) -> None:
    from desktop_app.services.child import listing

    for name in ("Amara", "Bram", "Cora"):
        add_child(open_session, name, "Holt", "Seen near the hatchback again")
    with open_session.uow() as uow:
        entries, capped = uow.child_list.page(ChildFilter(text="hatchback"), [], '"hatchback"*', 0, 10, text_cap=2)
    assert capped and [e.details.first_name for e in entries] == ["Bram", "Cora"], "the newest two concerns"
    page = children_page(open_session, ChildFilter(text="hatchback"))
    assert page.note == "" and len(page.entries) == 3, f"under {listing.TEXT_CAP} matches nothing is left out"
