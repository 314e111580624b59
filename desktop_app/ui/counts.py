"""Counts on screen with the right plural (``domain.wording.plural``): "1 minute", never "1 minutes"."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox

from desktop_app.domain.wording import plural


def counted_suffix(spin: QSpinBox, word: str, many: str | None = None) -> QSpinBox:
    """Give ``spin`` the suffix " word" or " words" to agree with its value, now and whenever it changes."""

    def follow(value: int) -> None:
        spin.setSuffix(" " + plural(value, word, many).split(" ", 1)[1])

    spin.valueChanged.connect(follow)
    follow(spin.value())
    return spin
