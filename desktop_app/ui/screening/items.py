"""One screening item on a wizard page: Yes / No / Not known, then current or earlier, how it is known, and a note."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from desktop_app.domain.enums import AnswerStatus, Basis, When
from desktop_app.domain.screening import Answer
from desktop_app.ui.labels import set_tone

# No mnemonics: fifty items would share them, and Alt+N must stay the wizard's Next.
STATUS_LABELS = ((AnswerStatus.YES, "Yes"), (AnswerStatus.NO, "No"), (AnswerStatus.NOT_KNOWN, "Not known"))
WHEN_LABELS = ((When.CURRENT, "Current (last 3 months)"), (When.EARLIER, "Earlier"))
BASIS_LABELS = (
    (Basis.OBSERVED, "Observed by staff"),
    (Basis.DISCLOSED, "Disclosed by the child"),
    (Basis.REPORTED, "Reported by someone else"),
    (Basis.PROFESSIONAL_CONCERN, "Professional concern"),
)


class ItemRow(QFrame):
    """Shows one item with its help text; emits ``changed(item_id)`` whenever the answer changes."""

    changed = Signal(str)

    def __init__(
        self, item: Any, answer: Answer | None, from_concern: bool, parent: QWidget | None = None, hint: str = ""
    ) -> None:
        super().__init__(parent)
        self.item_id: str = item.id
        self.setObjectName(f"item_{item.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._loading = True
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setVerticalSpacing(3)

        title = QLabel(
            f"<b>{_esc(item.text)}</b>"
            + (" <span style='color:#8a1c14'>— significant sign</span>" if item.significant else ""),
            self,
        )
        title.setWordWrap(True)
        grid.addWidget(title, 0, 0, 1, 3)
        if item.help:
            help_label = QLabel(_esc(item.help), self)
            help_label.setObjectName("item_help")
            help_label.setWordWrap(True)
            set_tone(help_label, "muted")
            grid.addWidget(help_label, 1, 0, 1, 3)

        answers = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.radios: dict[AnswerStatus, QRadioButton] = {}
        for status, label in STATUS_LABELS:
            radio = QRadioButton(label, self)
            radio.setObjectName(f"{item.id}_{status.value}")
            self.group.addButton(radio)
            self.radios[status] = radio
            answers.addWidget(radio)
            radio.toggled.connect(self._on_change)
        self.when = QComboBox(self)
        self.when.setObjectName(f"{item.id}_when")
        self.when.addItem("When? choose…", None)
        for when, label in WHEN_LABELS:
            self.when.addItem(label, when.value)
        self.basis = QComboBox(self)
        self.basis.setObjectName(f"{item.id}_basis")
        self.basis.addItem("How do you know? choose…", None)
        for basis, label in BASIS_LABELS:
            self.basis.addItem(label, basis.value)
        # Each row's controls say which item they belong to: a screen reader hears "When: Gang connections", not
        # fifty unnamed boxes.
        for radio in self.radios.values():
            radio.setAccessibleName(f"{radio.text()}: {item.text}")
        self.when.setAccessibleName(f"When: {item.text}")
        self.basis.setAccessibleName(f"How do you know: {item.text}")
        # When and how it is known wrap under the answer when the page is narrow (150% zoom beside the panel).
        answers.addStretch(1)
        grid.addLayout(answers, 2, 0, 1, 3)
        grid.addWidget(self.when, 3, 0)
        grid.addWidget(self.basis, 3, 1)
        grid.setColumnStretch(2, 1)
        self.note = QLineEdit(self)
        self.note.setObjectName(f"{item.id}_note")
        self.note.setPlaceholderText("Note (what was seen or said, by whom, when)")
        self.note.setAccessibleName(f"Note: {item.text}")
        grid.addWidget(self.note, 4, 0, 1, 3)
        self.banner = QLabel("Ticked by the member of staff in the concern: check it, then choose how you know.", self)
        self.banner.setObjectName("from_concern")
        set_tone(self.banner, "caution-italic")
        self.banner.setWordWrap(True)
        self.banner.setVisible(from_concern)
        grid.addWidget(self.banner, 5, 0, 1, 3)
        # A note from the records (e.g. missing episodes) for the DSL to weigh: a suggestion, never an answer.
        self.hint = QLabel(
            f"From the records: {_esc(hint)}. This is for you to weigh; you still answer the item.", self
        )
        self.hint.setObjectName("records_hint")
        self.hint.setWordWrap(True)
        set_tone(self.hint, "records-hint")
        self.hint.setVisible(bool(hint))
        grid.addWidget(self.hint, 7, 0, 1, 3)
        if hint:
            self.note.setAccessibleDescription(f"From the records: {hint}")
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        set_tone(self.problem, "problem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        grid.addWidget(self.problem, 6, 0, 1, 3)
        self.when.currentIndexChanged.connect(self._on_change)
        self.basis.currentIndexChanged.connect(self._on_change)
        self.note.textChanged.connect(self._on_change)
        self.set_answer(answer)
        self._loading = False

    def set_answer(self, answer: Answer | None) -> None:
        loading, self._loading = self._loading, True
        if answer is not None:
            self.radios[answer.status].setChecked(True)
            self.when.setCurrentIndex(max(0, self.when.findData(answer.when.value)) if answer.when else 0)
            self.basis.setCurrentIndex(max(0, self.basis.findData(answer.basis.value)) if answer.basis else 0)
            self.note.setText(answer.note)
        self._sync_enabled()
        self._loading = loading

    def answer(self) -> Answer | None:
        status = next((s for s, radio in self.radios.items() if radio.isChecked()), None)
        if status is None:
            return None
        if status is not AnswerStatus.YES:
            return Answer(status, note=self.note.text())
        when, basis = self.when.currentData(), self.basis.currentData()
        return Answer(
            status, when=When(when) if when else None, basis=Basis(basis) if basis else None, note=self.note.text()
        )

    def choose(
        self, status: AnswerStatus, when: When | None = None, basis: Basis | None = None, note: str = ""
    ) -> None:
        """Answer as a user would (used by the 'not known' shortcut and by tests)."""
        self.radios[status].setChecked(True)
        if when is not None:
            self.when.setCurrentIndex(self.when.findData(when.value))
        if basis is not None:
            self.basis.setCurrentIndex(self.basis.findData(basis.value))
        if note:
            self.note.setText(note)

    def show_problem(self, sentence: str | None) -> None:
        self.problem.setText(sentence or "")
        self.problem.setVisible(bool(sentence))

    def focus_first_gap(self) -> None:
        """Put the cursor on the first thing this item still needs: an answer, then when, then how it is known."""
        if not any(radio.isChecked() for radio in self.radios.values()):
            self.radios[AnswerStatus.YES].setFocus()
        elif self.when.isEnabled() and self.when.currentData() is None:
            self.when.setFocus()
        elif self.basis.isEnabled() and self.basis.currentData() is None:
            self.basis.setFocus()
        else:
            self.note.setFocus()

    def _sync_enabled(self) -> None:
        is_yes = self.radios[AnswerStatus.YES].isChecked()
        self.when.setEnabled(is_yes)
        self.basis.setEnabled(is_yes)

    def _on_change(self, *_args: object) -> None:
        self._sync_enabled()
        if self._loading:
            return
        self.banner.setVisible(False)
        self.show_problem(None)
        self.changed.emit(self.item_id)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
