"""Phrases as a person would write them."""

from __future__ import annotations

from desktop_app.domain.wording import ends_a_sentence, join_phrases, plural


def test_no_comma_after_a_phrase_that_ends_a_sentence() -> None:
    assert join_phrases(["Older boyfriend.", "Grey Audi", "07700 900123"]) == "Older boyfriend. Grey Audi, 07700 900123"
    assert join_phrases(["Big T,", "", "  ", "tall"]) == "Big T, tall"
    assert join_phrases(["Is he there?", "no"], "; ") == "Is he there? no"
    assert join_phrases([]) == ""


def test_counts_take_the_right_plural() -> None:
    assert plural(1, "minute") == "1 minute"
    assert plural(5, "minute") == "5 minutes"
    assert plural(2, "child", "children") == "2 children"


def test_a_sentence_closed_inside_quotes_or_brackets_is_not_followed_by_a_semicolon() -> None:
    assert ends_a_sentence('She said "no."') and ends_a_sentence("(seen twice.)") and not ends_a_sentence("no")
    assert join_phrases(['She said "no."', "parents know"], "; ") == 'She said "no." parents know'
    assert join_phrases(['She said "no."', "parents know"], "; ", capitalise=True) == 'She said "no." Parents know'
    assert join_phrases(["Given", "parents know"], "; ", capitalise=True) == "Given; parents know"
