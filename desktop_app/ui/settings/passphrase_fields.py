"""A new passphrase typed twice, with live feedback: length, common-password check, whether the two match.

Used by the setup wizard, the recovery route of the lock screen, adding a deputy and changing a passphrase.
The rules themselves live in ``vault.passphrase`` (no composition rules, DESIGN §5).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.ui.labels import secret_field
from desktop_app.ui.room import keep_room, say

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent  # its base QEvent builds ~180 enum members at first touch: not at start

MIN_LENGTH = 15


def passphrase_problems(text: str) -> list[str]:
    from desktop_app.vault import passphrase

    return list(passphrase.problems(text))


class NewPassphraseFields(QWidget):
    """Two password fields and a feedback line; ``acceptable`` is True when the passphrase may be used."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, first_label: str = "New passphrase") -> None:
        super().__init__(parent)
        self.first = secret_field(self, "new_passphrase")
        self.second = secret_field(self, "new_passphrase_again")
        self.feedback = QLabel(self)
        self.feedback.setObjectName("passphrase_feedback")
        self.feedback.setWordWrap(True)
        # What is said about the passphrase so far, and whether the two match, appear in lines kept for them: the
        # second box never moves under the pointer while the first is typed (the longest advice takes four lines).
        keep_room(self.feedback, 4)
        self.match = QLabel(self)
        self.match.setObjectName("passphrase_match")
        self.match.setWordWrap(True)
        keep_room(self.match)
        from PySide6.QtWidgets import QFormLayout  # not at import: the lock screen loads this module for secret_field

        form = QFormLayout(self)
        self.form = form  # a form that asks more (a deputy's name) puts its rows here: one column of labels
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)  # lines as wide as the boxes
        form.addRow(f"{first_label}:", self.first)
        form.addRow("", self.feedback)
        form.addRow("Type it again:", self.second)
        form.addRow("", self.match)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._problems: list[str] = []
        self._update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for label in (self.feedback, self.match):  # a new width: the lines re-measured
            say(label, label.text(), hide_when_empty=False)

    @property
    def text(self) -> str:
        return self.first.text()

    @property
    def acceptable(self) -> bool:
        return bool(self.first.text()) and not self._problems and self.first.text() == self.second.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    def _update(self) -> None:
        text = self.first.text()
        count = len(text)
        self._problems = passphrase_problems(text) if text else [f"Use at least {MIN_LENGTH} characters."]
        counter = f"{count} character{'s' if count != 1 else ''}"
        if not text:
            self.feedback.setText(
                f"At least {MIN_LENGTH} characters. A few unrelated words with spaces are easy to remember and hard "
                "to guess. Any letters, numbers or symbols are fine."
            )
            self.feedback.setProperty("state", "hint")
        elif self._problems:
            self.feedback.setText(f"{counter}. " + " ".join(self._problems))
            self.feedback.setProperty("state", "bad")
        else:
            self.feedback.setText(f"{counter}. This passphrase can be used.")
            self.feedback.setProperty("state", "good")
        second = self.second.text()
        if not second:
            self.match.setText("")
            self.match.setProperty("state", "hint")
        elif second == text:
            self.match.setText("The two passphrases match.")
            self.match.setProperty("state", "good")
        else:
            self.match.setText("The two passphrases are not the same yet.")
            self.match.setProperty("state", "bad")
        for label in (self.feedback, self.match):
            label.style().unpolish(label)
            label.style().polish(label)
            say(label, label.text(), hide_when_empty=False)  # its text's height here, never below the room kept
        self.changed.emit()
