"""Phrases as a person would write them."""

from __future__ import annotations

from desktop_app.domain.wording import join_phrases, plural


def test_no_comma_after_a_phrase_that_ends_a_sentence() -> None:
    assert join_phrases(["Older boyfriend.", "Grey Audi", "07700 900123"]) == "Older boyfriend. Grey Audi, 07700 900123"
    assert join_phrases(["Big T,", "", "  ", "tall"]) == "Big T, tall"
    assert join_phrases(["Is he there?", "no"], "; ") == "Is he there? no"
    assert join_phrases([]) == ""


def test_counts_take_the_right_plural() -> None:
    assert plural(1, "minute") == "1 minute"
    assert plural(5, "minute") == "5 minutes"
    assert plural(2, "child", "children") == "2 children"
