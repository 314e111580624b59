"""The children list: search by any name or by the words of a concern, filter, one page at a time."""

from __future__ import annotations

import re

from desktop_app.domain.child_list import ChildFilter, ChildPage
from desktop_app.services.vault import VaultSession
from desktop_app.store.repositories._common import name_words
from desktop_app.store.repositories.child_list import TEXT_CAP
from desktop_app.store.repositories.concerns import fts_query

PAGE = 50
LONGEST_SEARCH = 200  # characters; nobody types more, and a pasted page must not turn into a thousand terms
NAME_WORDS = 4  # the longest words typed narrow a name search the most
TEXT_WORDS = 6
SHORTEST_TEXT_WORD = 3  # a one- or two-letter prefix matches most concerns: names only


def children_page(session: VaultSession, wanted: ChildFilter, offset: int = 0, limit: int = PAGE) -> ChildPage:
    """One page of children matching ``wanted`` in name order. A search never fails: odd input is searched as
    plain words, and ``note`` says in one sentence what was (or was not) searched."""
    offset, limit = max(0, offset), max(1, min(limit, 500))
    words, fts, note = _search_terms(wanted.text)
    if wanted.text.strip() and not words:
        return ChildPage((), offset, False, "Type a letter or a number of a name, or a word of a concern, to search.")
    with session.uow() as uow:
        entries, capped = uow.child_list.page(wanted, words, fts, offset, limit + 1)
    if capped:
        note = (
            f"So many concerns say this that only the newest {TEXT_CAP:,} of them were searched (and every "
            "name); add another word to narrow it."
        )
    return ChildPage(tuple(entries[:limit]), offset, len(entries) > limit, note)


def _search_terms(typed: str) -> tuple[list[str], str | None, str]:
    note = ""
    if len(typed) > LONGEST_SEARCH:
        typed = typed[:LONGEST_SEARCH]
        note = f"Only the first {LONGEST_SEARCH} characters were searched."
    words = sorted(name_words(typed), key=len, reverse=True)
    text_words = [w for w in dict.fromkeys(re.findall(r"\w+", typed)) if len(w) >= SHORTEST_TEXT_WORD][:TEXT_WORDS]
    fts = fts_query(" ".join(text_words)) if text_words else None
    if words and fts is None:
        note = note or "Names only: type at least three letters of a word to search what concerns say too."
    return words[:NAME_WORDS], fts, note
