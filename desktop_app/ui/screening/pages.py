"""The screening wizard's pages: the facts, one page per section of the definition, and the decision."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop_app.domain.enums import RiskLevel, RouteId
from desktop_app.domain.screening import ChildFacts, ConcernFacts
from desktop_app.errors import FieldProblem
from desktop_app.services.screening_flow import MAX_CHILD_AGE, ScreeningDraft, item_field
from desktop_app.ui.screening.items import ItemRow, _esc

PROBLEM_STYLE = "color:#b00020; font-weight:bold;"


def problem_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(f"problem_{name}")
    label.setStyleSheet(PROBLEM_STYLE)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


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
        self.age = QSpinBox(self)
        self.age.setObjectName("age")
        self.age.setRange(-1, MAX_CHILD_AGE)
        self.age.setSpecialValueText("Not known")
        self.age.setSuffix(" years")
        self.age.setValue(draft.child.age if draft.child.age is not None else -1)
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
        self.danger_note.setStyleSheet("color:#b00020;")
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
                "On the next pages they are answered 'yes' for you to confirm or change.", self)
            note.setWordWrap(True)
            note.setStyleSheet("color:#7a4a00;")
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

    def __init__(self, draft: ScreeningDraft, section: Any, number: int, total: int,
                 parent: QWidget | None = None) -> None:
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
            row = ItemRow(item, draft.answers.get(item.id), item.id in draft.from_concern, body)
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
            first.setFocus()
        self.summary.setText(
            f"{len(problems)} item(s) still need an answer — shown in red." if problems else self.summary.text()
        )
        return not problems


class DecisionPage(QWizardPage):
    """The DSL's decision beside the tool's suggestion: level, voices, danger statement, safety goal, routes, review."""

    level_changed = Signal()

    def __init__(self, draft: ScreeningDraft, review_date_for: Any, today: date,
                 overrides: dict[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_decision")
        self.draft = draft
        self.today = today
        self.review_date_for = review_date_for
        self.overrides = overrides or {}
        self.setTitle("Decision")
        self.setSubTitle("Confirm or change the level, record the voices of the child and the family, and the plan.")
        self._touched: set[str] = set()
        self.problems: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        form = QFormLayout(body)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.scroller = scroll

        self.suggested = QLabel(body)
        self.suggested.setObjectName("suggested_level")
        form.addRow("Suggested by the tool:", self.suggested)
        self.level = QComboBox(body)
        self.level.setObjectName("confirmed_level")
        for level in RiskLevel:
            self.level.addItem(level.label, level.value)
        self._add(form, "Your judgement:", self.level, "confirmed_level")
        self.override_reason = self._text(body, "override_reason", "Why your level differs from the suggestion")
        self._add(form, "Reason for a different level:", self.override_reason, "override_reason")
        self.childs_wishes = self._text(body, "childs_wishes", "What the child wants and how they feel, in their words")
        self._add(form, "The child's wishes and feelings:", self.childs_wishes, "childs_wishes")

        told_row = QWidget(body)
        told = QHBoxLayout(told_row)
        told.setContentsMargins(0, 0, 0, 0)
        self.told_yes = QRadioButton("Yes, they were told", told_row)
        self.told_yes.setObjectName("parents_told_yes")
        self.told_no = QRadioButton("No, they were not told", told_row)
        self.told_no.setObjectName("parents_told_no")
        told.addWidget(self.told_yes)
        told.addWidget(self.told_no)
        told.addStretch(1)
        self._add(form, "Were the parents or carers told?", told_row, "parents_told")
        self.parents_views = self._text(body, "parents_views", "What the parents or carers said")
        self._add(form, "Parents' or carers' views:", self.parents_views, "parents_views")
        self.not_told_reason = self._text(body, "parents_not_told_reason",
                                          "Why not (for example: telling them could put the child at more risk)")
        self._add(form, "Why they were not told:", self.not_told_reason, "parents_not_told_reason")
        self.danger = self._text(body, "danger_statement", "What we are worried will happen if nothing changes")
        self._add(form, "Danger statement:", self.danger, "danger_statement")
        self.goal = self._text(body, "safety_goal", "What needs to be true for the child to be safe")
        self._add(form, "Safety goal:", self.goal, "safety_goal")

        routes_box = QWidget(body)
        self.routes_layout = QVBoxLayout(routes_box)
        self.routes_layout.setContentsMargins(0, 0, 0, 0)
        self.route_boxes: dict[RouteId, QCheckBox] = {}
        self._add(form, "Routes to take (in order):", routes_box, "routes")
        self.actions_text = self._text(body, "actions", "Actions agreed in school (optional)")
        self._add(form, "Actions:", self.actions_text, "actions")
        self.review = QDateEdit(body)
        self.review.setObjectName("review_date")
        self.review.setCalendarPopup(True)
        self.review.setDisplayFormat("d MMMM yyyy")
        self._add(form, "Review by:", self.review, "review_date")
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.level.currentIndexChanged.connect(self._level_changed)
        self.review.dateChanged.connect(lambda _d: self._touched.add("review_date"))
        self.told_yes.toggled.connect(self._sync)
        self.told_no.toggled.connect(self._sync)
        self.refresh()

    # --- layout helpers ----------------------------------------------------------------------------------------------
    def _text(self, parent: QWidget, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(parent)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(62)
        return edit

    def _add(self, form: QFormLayout, label: str, widget: QWidget, name: str) -> None:
        holder = QWidget(widget.parentWidget())
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        widget.setParent(holder)
        column.addWidget(widget)
        problem = problem_label(holder, name)
        column.addWidget(problem)
        self.problems[name] = problem
        form.addRow(label, holder)
        self._form = form
        setattr(self, f"_row_{name}", holder)

    # --- live behaviour -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Follow the tool's suggestion where the DSL has not yet chosen otherwise."""
        result = self.draft.result()
        self.result = result
        self.suggested.setText(f"<b>{result.suggested_level.label}</b>")
        if "confirmed_level" not in self._touched:
            self.level.blockSignals(True)
            self.level.setCurrentIndex(self.level.findData(result.suggested_level.value))
            self.level.blockSignals(False)
        self._fill_routes()
        if "review_date" not in self._touched:
            self._set_review_default()
        self._sync()

    def _fill_routes(self) -> None:
        from desktop_app.services.screening_flow import route_choices

        chosen_by_dsl = {r for r, box in self.route_boxes.items() if box.isChecked()}
        while self.routes_layout.count():
            item = self.routes_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.route_boxes.clear()
        parent = self.routes_layout.parentWidget()
        for choice in route_choices(self.result, self.draft.contacts, self.overrides, self.draft.child_contacts):
            phone = f" — {choice.phone}" if choice.phone else ""
            box = QCheckBox(f"{choice.title}{phone}" + ("   (advised)" if choice.advised else ""), parent)
            box.setObjectName(f"route_{choice.route.value}")
            if "routes" in self._touched:
                box.setChecked(choice.route in chosen_by_dsl)
            else:
                box.setChecked(choice.advised)
            if choice.advised:
                box.setStyleSheet("font-weight:bold;")
            box.toggled.connect(lambda _c: self._touched.add("routes"))
            self.route_boxes[choice.route] = box
            self.routes_layout.addWidget(box)
            if choice.why:
                why = QLabel(_esc(choice.why), parent)
                why.setWordWrap(True)
                why.setContentsMargins(24, 0, 0, 4)
                why.setStyleSheet("color:#404040;")
                self.routes_layout.addWidget(why)

    def confirmed_level(self) -> RiskLevel:
        return RiskLevel(self.level.currentData())

    def choose_level(self, level: RiskLevel) -> None:
        self.level.setCurrentIndex(self.level.findData(level.value))

    def _set_review_default(self) -> None:
        level = self.confirmed_level()
        review = self.review_date_for(level, self.today)
        self.review.blockSignals(True)
        self.review.setMinimumDate(QDate(self.today.year, self.today.month, self.today.day))
        self.review.setDate(QDate(review.year, review.month, review.day))
        self.review.blockSignals(False)

    def _level_changed(self, _index: int) -> None:
        self._touched.add("confirmed_level")
        if "review_date" not in self._touched:
            self._set_review_default()
        self._sync()
        self.level_changed.emit()

    def _sync(self, *_args: object) -> None:
        overridden = self.confirmed_level() is not self.result.suggested_level
        self._form.setRowVisible(self._row_override_reason, overridden)  # type: ignore[attr-defined]
        self._row_parents_not_told_reason.setEnabled(self.told_no.isChecked())  # type: ignore[attr-defined]
        self._row_parents_views.setEnabled(not self.told_no.isChecked())  # type: ignore[attr-defined]

    # --- reading and problems ------------------------------------------------------------------------------------
    def form(self) -> Any:
        from desktop_app.services.casework import DecisionForm

        told = True if self.told_yes.isChecked() else False if self.told_no.isChecked() else None
        review = self.review.date()
        return DecisionForm(
            confirmed_level=self.confirmed_level(),
            override_reason=self.override_reason.toPlainText(),
            childs_wishes=self.childs_wishes.toPlainText(),
            parents_told=told,
            parents_views=self.parents_views.toPlainText(),
            parents_not_told_reason=self.not_told_reason.toPlainText(),
            danger_statement=self.danger.toPlainText(),
            safety_goal=self.goal.toPlainText(),
            routes=tuple(route for route, box in self.route_boxes.items() if box.isChecked()),
            review_date=date(review.year(), review.month(), review.day()),
            actions=self.actions_text.toPlainText(),
        )

    def show_problems(self, problems: list[FieldProblem]) -> list[FieldProblem]:
        """Show each problem by its field; return the ones that belong to no field on this page."""
        by_field = {p.field: p.sentence for p in problems}
        for name, label in self.problems.items():
            label.setText(by_field.get(name, ""))
            label.setVisible(name in by_field)
        first = next((self.problems[p.field] for p in problems if p.field in self.problems), None)
        if first is not None:
            self.scroller.ensureWidgetVisible(first)
        return [p for p in problems if p.field not in self.problems]


def suggestion_html(draft: ScreeningDraft) -> str:
    """The side panel's text: the suggested level, why, and the protective factors shown beside it."""
    result = draft.result()
    parts = [
        "<p style='margin:0'>Suggested level</p>",
        f"<h2 style='margin:2px 0 8px 0'>{_esc(result.suggested_level.label)}</h2>",
    ]
    if draft.concern.immediate_danger:
        parts.append("<p style='color:#b00020'><b>Immediate danger: ring 999 first.</b></p>")
    if result.reasons:
        parts.append("<p style='margin:0'><b>Why</b></p><ul style='margin-left:12px'>")
        parts += [f"<li>{_esc(reason)}</li>" for reason in result.reasons]
        parts.append("</ul>")
    if result.protective_factors:
        parts.append("<p style='margin:0'><b>Protective factors</b> (never lower the level)</p><ul>")
        parts += [f"<li>{_esc(text)}</li>" for text in result.protective_factors]
        parts.append("</ul>")
    if result.routes:
        parts.append("<p style='margin:0'><b>Routes, in order</b></p><ol style='margin-left:12px'>")
        parts += [
            f"<li>{_esc(advice.title)}{(' — ' + _esc(advice.phone)) if advice.phone else ''}</li>"
            for advice in result.routes
        ]
        parts.append("</ol>")
    return "".join(parts)
