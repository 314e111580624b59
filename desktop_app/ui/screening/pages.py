"""The screening wizard's pages: the facts, one page per section of the definition, and the decision."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop_app.domain.screening import ChildFacts, ConcernFacts
from desktop_app.services.casework.screening import MAX_CHILD_AGE, ScreeningDraft, item_field
from desktop_app.ui.counts import counted_suffix
from desktop_app.ui.labels import set_tone
from desktop_app.ui.room import LONG_SENTENCE, keep_room
from desktop_app.ui.screening.items import ItemRow, _esc

PROBLEM_TONE = "problem"  # resources/style.qss
STILL_TO_ANSWER = "{count} items still need an answer — shown in red."


def problem_label(parent: QWidget, name: str, room: bool = True) -> QLabel:
    """A field's problem sentence, hidden until there is one. With ``room``, room is kept for it: the fields below
    do not move when it shows; without, it takes room only when shown (a field the page keeps right by itself)."""
    label = QLabel(parent)
    label.setObjectName(f"problem_{name}")
    set_tone(label, PROBLEM_TONE)
    label.setWordWrap(True)
    label.setVisible(False)
    return keep_room(label, measure=LONG_SENTENCE) if room else label


class FactsPage(QWizardPage):
    """The facts the rules need, taken from the child's record and the concern, for the DSL to confirm."""

    facts_changed = Signal()

    def __init__(self, draft: ScreeningDraft, child_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_facts")
        self.draft = draft
        self.setTitle("About the child and the concern")
        self.setSubTitle(
            f"Taken from {child_name}'s record and the concern. Correct anything that is out of date: "
            "the suggested level depends on these."
        )
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # beside the panel at 150%: label above
        self.age = QSpinBox(self)
        self.age.setObjectName("age")
        self.age.setRange(-1, MAX_CHILD_AGE)
        self.age.setSpecialValueText("Not known")
        self.age.setValue(draft.child.age if draft.child.age is not None else -1)
        counted_suffix(self.age, "year")
        self.age.setMaximumWidth(160)
        form.addRow("Age today (from the child's record):", self.age)
        self.learning_disability = QCheckBox("Has a learning disability", self)
        self.learning_disability.setObjectName("learning_disability")
        self.learning_disability.setChecked(draft.child.learning_disability)
        form.addRow("", self.learning_disability)
        self.social_worker = QCheckBox("Has an allocated social worker", self)
        self.social_worker.setObjectName("has_social_worker")
        self.social_worker.setChecked(draft.child.has_social_worker)
        form.addRow("", self.social_worker)
        self.immediate_danger = QCheckBox("The child is in immediate danger", self)
        self.immediate_danger.setObjectName("immediate_danger")
        self.immediate_danger.setChecked(draft.concern.immediate_danger)
        form.addRow("From the concern:", self.immediate_danger)
        self.danger_note = QLabel("<b>Ring 999 now if you have not already done so.</b>", self)
        self.danger_note.setWordWrap(True)
        set_tone(self.danger_note, "problem-plain")
        form.addRow("", self.danger_note)
        self.adult = QCheckBox("It is about an adult who works with children (paid or unpaid)", self)
        self.adult.setObjectName("about_adult_working_with_children")
        self.adult.setChecked(draft.concern.about_adult_working_with_children)
        form.addRow("", self.adult)
        self.group = QCheckBox("It is about a group of children or a community", self)
        self.group.setObjectName("group_or_community")
        self.group.setChecked(draft.concern.group_or_community)
        form.addRow("", self.group)
        ticked = len(draft.from_concern)
        if ticked:
            note = QLabel(
                f"The member of staff ticked {ticked} sign{'s' if ticked != 1 else ''} in the concern. "
                "On the next pages they are answered 'yes' for you to confirm or change.",
                self,
            )
            note.setWordWrap(True)
            set_tone(note, "caution")
            form.addRow("", note)
        self._sync()
        for box in (self.learning_disability, self.social_worker, self.immediate_danger, self.adult, self.group):
            box.toggled.connect(self._changed)
        self.age.valueChanged.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        age = self.age.value()
        self.draft.set_facts(
            child=ChildFacts(
                age=None if age < 0 else age,
                learning_disability=self.learning_disability.isChecked(),
                has_social_worker=self.social_worker.isChecked(),
            ),
            concern=ConcernFacts(
                immediate_danger=self.immediate_danger.isChecked(),
                about_adult_working_with_children=self.adult.isChecked(),
                group_or_community=self.group.isChecked(),
            ),
        )
        self._sync()
        self.facts_changed.emit()

    def _sync(self) -> None:
        self.danger_note.setVisible(self.immediate_danger.isChecked())


class SectionPage(QWizardPage):
    """One section of the definition: every item answered before moving on."""

    answers_changed = Signal()

    def __init__(
        self, draft: ScreeningDraft, section: Any, number: int, total: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.draft = draft
        self.section_id: str = section.id
        self.setObjectName(f"page_{section.id}")
        self.setTitle(f"{section.title} ({number} of {total})")
        self.setSubTitle(section.intro or "Answer each item.")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setObjectName("section_summary")
        # wraps beside the button: "2 items still need an answer — shown in red." on one line pushed the page wider
        # than its place at 150%, and cut the sentence and the button at both ends
        self.summary.setWordWrap(True)
        # room kept for that sentence at the label's width, so the items below do not move when it comes
        keep_room(self.summary, measure=STILL_TO_ANSWER.format(count=2))
        bar.addWidget(self.summary, 1)
        self.rest_not_known = QPushButton("Mark unanswered items 'Not known'", self)
        self.rest_not_known.setObjectName("rest_not_known")
        self.rest_not_known.clicked.connect(self._rest_not_known)
        bar.addWidget(self.rest_not_known)
        outer.addLayout(bar)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        column = QVBoxLayout(body)
        column.setSpacing(6)
        self.rows: dict[str, ItemRow] = {}
        for item in section.items:
            row = ItemRow(
                item, draft.answers.get(item.id), item.id in draft.from_concern, body, hint=draft.hints.get(item.id, "")
            )
            row.changed.connect(self._row_changed)
            self.rows[item.id] = row
            column.addWidget(row)
        column.addStretch(1)
        scroll.setWidget(body)
        self.scroller = scroll
        outer.addWidget(scroll, 1)
        self._update_summary()

    def _row_changed(self, item_id: str) -> None:
        self.draft.set_answer(item_id, self.rows[item_id].answer())
        self._update_summary()
        self.answers_changed.emit()

    def _rest_not_known(self) -> None:
        self.draft.answer_rest_not_known(self.section_id)
        for item_id, row in self.rows.items():
            if row.answer() is None:
                row.set_answer(self.draft.answers.get(item_id))
        self._update_summary()
        self.answers_changed.emit()

    def _update_summary(self) -> None:
        answered = sum(1 for item_id in self.rows if item_id in self.draft.answers)
        yes = sum(1 for item_id in self.rows if (a := self.draft.answers.get(item_id)) and a.status.value == "yes")
        self.summary.setText(f"{answered} of {len(self.rows)} answered; {yes} yes.")

    def validatePage(self) -> bool:
        problems = self.draft.page_problems(self.section_id)
        by_item = {p.field: p.sentence for p in problems}
        first: ItemRow | None = None
        for item_id, row in self.rows.items():
            sentence = by_item.get(item_field(item_id))
            row.show_problem(sentence)
            if sentence and first is None:
                first = row
        if first is not None:
            self.scroller.ensureWidgetVisible(first)
            first.focus_first_gap()  # the control to fix, not the frame: a screen reader reads its name
        count = len(problems)
        self.summary.setText(
            ("1 item still needs an answer — shown in red." if count == 1 else STILL_TO_ANSWER.format(count=count))
            if problems
            else self.summary.text()
        )
        return not problems


_LIST = "margin-left:12px; -qt-list-indent:1"
_LISTED = re.compile(r" \(“.*?”\)")  # the engine's quoted list of the items behind a reason


def brief(reason: str) -> str:
    """A reason without its quoted list of items: they are on the pages beside it, and the list made the panel long."""
    return _LISTED.sub("", reason)


def suggestion_parts(draft: ScreeningDraft) -> tuple[str, str, str]:
    """The side panel's three parts as rich text: the suggested level, the routes in order with their numbers, and
    why (the reasons in brief, the protective factors shown beside the level)."""
    result = draft.result()
    level = [
        "<p style='margin:0'>Suggested level</p>",
        f"<h2 style='margin:2px 0 4px 0'>{_esc(result.suggested_level.label)}</h2>",
    ]
    if draft.concern.immediate_danger:
        level.append("<p style='color:#b00020; margin:0'><b>Immediate danger: ring 999 first.</b></p>")
    routes = ""
    if result.routes:
        items = "".join(
            f"<li>{_esc(advice.title)}{(': ' + _esc(advice.phone)) if advice.phone else ''}</li>"
            for advice in result.routes
        )
        routes = f"<p style='margin:0'><b>Routes, in order</b></p><ol style='{_LIST}'>{items}</ol>"
    why: list[str] = []
    if result.reasons:
        why.append(f"<p style='margin:0'><b>Why</b></p><ul style='{_LIST}'>")
        why += [f"<li>{_esc(brief(reason))}</li>" for reason in result.reasons]
        why.append("</ul>")
    if result.protective_factors:
        why.append(
            f"<p style='margin:0'><b>Protective factors</b> (they never lower the level)</p><ul style='{_LIST}'>"
        )
        why += [f"<li>{_esc(text)}</li>" for text in result.protective_factors]
        why.append("</ul>")
    return "".join(level), routes, "".join(why)
