"""Record bodies survive the trip to JSON and back exactly, whatever the names and text."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.codec import from_jsonable, to_jsonable
from desktop_app.domain.enums import ChildRole
from desktop_app.domain.records import AdultOfConcern, ChildDetails, ConcernDraft, OtherChild, Place

names = st.text(min_size=1, max_size=40)


@given(first=names, last=names, words=st.text(max_size=500), role=st.sampled_from(ChildRole))
def test_a_concern_draft_round_trips_through_json(first: str, last: str, words: str, role: ChildRole) -> None:
    draft = ConcernDraft(
        immediate_danger=False,
        child=ChildDetails(first, last, date_of_birth=date(2012, 3, 4), learning_disability=True),
        happened_at=datetime(2026, 11, 27, 15, 30, tzinfo=UTC),
        childs_words=words,
        sign_ids=("carrying_weapons",),
        other_children=(OtherChild(first, role),),
        adults=(AdultOfConcern("'Tank'", vehicle="red hatchback"),),
        places=(Place("the underpass"),),
    )
    text = json.dumps(to_jsonable(draft))
    assert from_jsonable(ConcernDraft, json.loads(text)) == draft


def test_fields_added_later_take_their_defaults_and_unknown_keys_are_ignored() -> None:
    old_body = {"first_name": "Zoë", "last_name": "Wiśniewska-Nguyễn", "retired_field": "x"}
    child = from_jsonable(ChildDetails, old_body)
    assert child.display_name == "Zoë Wiśniewska-Nguyễn"
    assert child.date_of_birth is None


def test_names_are_written_in_their_own_culture_s_order() -> None:
    assert ChildDetails("雅婷", "王").full_name == "王雅婷"
    assert ChildDetails("민준", "김").display_name == "김민준"
    assert ChildDetails("Zoë", "Wiśniewska-Nguyễn", known_as="Zo").display_name == "Zoë Wiśniewska-Nguyễn (Zo)"
    assert ChildDetails("Mei", "王").full_name == "Mei 王"  # mixed scripts: as typed
    assert ChildDetails("", "Okafor").full_name == "Okafor"
