"""The recovery key on screen: shown in large groups, typed back with tolerance, and told where a typo is.

Shared by the setup wizard (shown once, typed back) and the lock screen's recovery route. No key is kept here.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QFontDatabase

from desktop_app.vault import RecoveryKeyTypo

GROUPS_PER_LINE = 4


def key_groups(key: str) -> list[str]:
    """The recovery key's groups as the vault wrote them (separated by spaces or dashes)."""
    return [group for group in re.split(r"[\s\-]+", key.strip()) if group]


def grouped_lines(key: str) -> str:
    groups = key_groups(key)
    lines = ["  ".join(groups[start : start + GROUPS_PER_LINE]) for start in range(0, len(groups), GROUPS_PER_LINE)]
    width = max((len(line) for line in lines), default=0)
    # pad with no-break spaces so a short last line starts under the first column when the block is centred
    return "\n".join(line + "\u00a0" * (width - len(line)) for line in lines)


def normalise_key(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text).upper()


def keys_match(typed: str, shown: str) -> bool:
    """Whether the typed key is the one shown, ignoring spaces, dashes and case."""
    if not typed.strip():
        return False
    from desktop_app.vault import recovery

    try:
        return bool(recovery.parse(typed) == recovery.parse(shown))
    except RecoveryKeyTypo:  # a typo the parser refuses: compare the characters
        return normalise_key(typed) == normalise_key(shown)


def mismatch_sentence(typed: str, shown: str) -> str:
    """Where the typed key differs from the one shown, in words: which group, or too short / too long."""
    groups = key_groups(shown)
    typed_clean, shown_clean = normalise_key(typed), normalise_key(shown)
    start = 0
    for number, group in enumerate(groups, start=1):
        if typed_clean[start : start + len(group)] != group.upper():
            if len(typed_clean) <= start:
                return (
                    f"That key stops after group {number - 1}; the key has {len(groups)} groups. "
                    "Press Back to see it again."
                )
            return (
                f"That is not the key shown on the previous page: group {number} (counting from the left) is "
                "different. Press Back to see it again."
            )
        start += len(group)
    if len(typed_clean) > len(shown_clean):
        return "That key has more characters than the one shown on the previous page. Press Back to see it again."
    return "That is not the key shown on the previous page. Press Back to see it again and check each group."


def monospace_font(point_scale: float = 1.0) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    if point_scale != 1.0 and font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * point_scale)
    return font
