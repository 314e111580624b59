"""Small pieces of plain English: phrases joined without stray punctuation, counts with the right plural."""

from __future__ import annotations

from collections.abc import Iterable

_ENDS_A_SENTENCE = (".", "!", "?", "…")
_CLOSING = "\"'”’)]»"  # a quotation or bracket closed after a sentence's own stop: 'She said "no."'


def ends_a_sentence(text: str) -> bool:
    """Whether ``text`` ends with a full stop, "!", "?" or "…" (before any closing quotation mark or bracket)."""
    return text.rstrip().rstrip(_CLOSING).endswith(_ENDS_A_SENTENCE)


def join_phrases(parts: Iterable[str], separator: str = ", ", capitalise: bool = False) -> str:
    """Join what people typed: empty parts left out, and no comma after a part that already ends a sentence.

    ``["Older boyfriend.", "Grey Audi"]`` reads "Older boyfriend. Grey Audi", never "Older boyfriend., Grey Audi".
    With ``capitalise`` a part after one that ends a sentence begins with a capital letter (for parts in the app's
    own words: ``["…knows him.", "parents not told"]`` reads "…knows him. Parents not told").
    """
    out = ""
    for raw in parts:
        part = (raw or "").strip().rstrip(",;:").rstrip()
        if not part:
            continue
        if out:
            ended = ends_a_sentence(out)
            out += " " if ended else separator
            if ended and capitalise:
                part = part[:1].upper() + part[1:]
        out += part
    return out


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 minute``, ``5 minutes``; ``many`` for words that do not just take an s."""
    return f"{count} {word if count == 1 else (many or word + 's')}"
