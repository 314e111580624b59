"""What the DSL reads in a concern's record: answers as given, phrases joined without stray punctuation, routes with
the number to ring."""

from __future__ import annotations

import dataclasses
import re

from desktop_app.domain.enums import RouteId
from desktop_app.domain.records import AdultOfConcern
from desktop_app.services.casework import ConcernFile
from desktop_app.ui.concern_view import concern_html
from tests.reports import samples


def record_text(file: ConcernFile, **kwargs: object) -> str:
    text = re.sub(r"<[^>]+>", " ", concern_html(file, **kwargs))  # type: ignore[arg-type]
    return " ".join(text.replace("&nbsp;", " ").split())


def a_file(**draft_changes: object) -> ConcernFile:
    draft = dataclasses.replace(samples.DRAFT, **draft_changes)  # type: ignore[arg-type]
    concern = dataclasses.replace(samples.CONCERN, draft=draft)
    return ConcernFile(concern, samples.CHILD, (), (samples.SCREENING,), (), ())


def test_dont_know_answers_show_as_dont_know_in_the_record() -> None:
    text = record_text(
        a_file(
            about_adult_working_with_children=None,
            group_or_community=None,
            dont_know=("about_adult_working_with_children", "group_or_community"),
        )
    )
    assert "About an adult who works with children: Don't know" in text
    assert "About a group or community: Don't know" in text


def test_parts_that_end_in_punctuation_are_not_followed_by_a_stray_comma() -> None:
    adult = AdultOfConcern("Jay", "Older boyfriend.", "Grey Audi", "07700 900123")
    text = record_text(a_file(adults=(adult,)))
    assert "Older boyfriend. Grey Audi" in text
    assert "., " not in text


def test_routes_in_the_record_carry_their_phone_numbers() -> None:
    labels = {RouteId.SAFEGUARDING_HUB: "Safeguarding Hub — 0114 273 4855", RouteId.POLICE_101: "Police — 101"}
    text = record_text(a_file(), route_labels=labels)
    assert "Chosen by the DSL: Safeguarding Hub — 0114 273 4855 Police — 101 Actions and review" in text
