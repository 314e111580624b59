"""Small pieces of plain English: phrases joined without stray punctuation, counts with the right plural."""

from __future__ import annotations

from collections.abc import Iterable

_ENDS_A_SENTENCE = (".", "!", "?", "…")


def join_phrases(parts: Iterable[str], separator: str = ", ") -> str:
    """Join what people typed: empty parts left out, and no comma after a part that already ends a sentence.

    ``["Older boyfriend.", "Grey Audi"]`` reads "Older boyfriend. Grey Audi", never "Older boyfriend., Grey Audi".
    """
    out = ""
    for raw in parts:
        part = (raw or "").strip().rstrip(",;:").rstrip()
        if not part:
            continue
        if out:
            out += " " if out.endswith(_ENDS_A_SENTENCE) else separator
        out += part
    return out


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 minute``, ``5 minutes``; ``many`` for words that do not just take an s."""
    return f"{count} {word if count == 1 else (many or word + 's')}"
