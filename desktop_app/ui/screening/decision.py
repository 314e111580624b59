"""The decision page: the DSL's level beside the tool's suggestion, the voices of the child and family, the danger
statement and safety goal, the routes (pre-selected from the engine, each with its number) and the review date."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop_app.domain.enums import RiskLevel, RouteId
from desktop_app.errors import FieldProblem
from desktop_app.services.casework.screening import ScreeningDraft, route_choices
from desktop_app.ui.a11y import name_field
from desktop_app.ui.growing import grow_with_text
from desktop_app.ui.labels import set_tone
from desktop_app.ui.room import bring_into_view, say
from desktop_app.ui.screening.items import _esc
from desktop_app.ui.screening.pages import problem_label


class DecisionPage(QWizardPage):
    """The DSL's decision beside the tool's suggestion: level, voices, danger statement, safety goal, routes, review."""

    level_changed = Signal()

    def __init__(
        self,
        draft: ScreeningDraft,
        review_date_for: Any,
        today: date,
        overrides: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
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
        self.fields: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        form = QFormLayout(body)
        form.setContentsMargins(12, 8, 12, 8)  # labels must not touch the scroll area's frame
        # Each label above its field (as GOV.UK forms do): the page is never wider than its view (or the view would
        # scroll sideways to the focused field and cut the labels off), and each box and the room kept for its problem
        # have the page's whole width beside the "Why" panel. Beside its label, at 150% a box had a third of it and its
        # problem sentence took four lines, kept empty under every box.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.scroller = scroll

        self.carried = QLabel(body)
        self.carried.setObjectName("carried_over")
        self.carried.setWordWrap(True)
        set_tone(self.carried, "caution")
        self.carried.setVisible(False)
        form.addRow(self.carried)
        self.suggested = QLabel(body)
        self.suggested.setObjectName("suggested_level")
        form.addRow("Suggested by the tool:", self.suggested)
        self.level = QComboBox(body)
        self.level.setObjectName("confirmed_level")
        for level in RiskLevel:
            self.level.addItem(level.label, level.value)
        self._add(form, "Your judgement:", self.level, "confirmed_level", room=False)
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
        self.not_told_reason = self._text(
            body, "parents_not_told_reason", "Why not (for example: telling them could put the child at more risk)"
        )
        self._add(form, "Why they were not told:", self.not_told_reason, "parents_not_told_reason")
        self.danger = self._text(body, "danger_statement", "What we are worried will happen if nothing changes")
        self._add(form, "Danger statement:", self.danger, "danger_statement")
        self.goal = self._text(body, "safety_goal", "What needs to be true for the child to be safe")
        self._add(form, "Safety goal:", self.goal, "safety_goal")

        self.kind_boxes: dict[str, QCheckBox] = {}
        if draft.categories:  # the kind of concern: what the recorder ticked, for the DSL to confirm or change
            kinds = QWidget(body)
            grid = QGridLayout(kinds)
            grid.setContentsMargins(0, 0, 0, 0)
            for number, (category_id, title) in enumerate(draft.categories):
                box = QCheckBox(title, kinds)
                box.setObjectName(f"kind_{category_id}")
                box.setAccessibleName(f"Kind of concern: {title}")
                box.setChecked(category_id in draft.category_ids)
                box.toggled.connect(lambda _c: self._touched.add("category_ids"))
                grid.addWidget(box, number, 0)  # one column: long titles never widen the page past its view
                self.kind_boxes[category_id] = box
            self._add(form, "Kind of concern (confirm or change):", kinds, "category_ids", room=False)
            kinds.setAccessibleName("Kind of concern")

        routes_box = QWidget(body)
        self.routes_layout = QVBoxLayout(routes_box)
        self.routes_layout.setContentsMargins(0, 0, 0, 0)
        self.route_boxes: dict[RouteId, QCheckBox] = {}
        self._add(form, "Routes to take (in order):", routes_box, "routes")
        self.actions_text = self._text(body, "actions", "Actions agreed in school (optional)")
        self._add(form, "Actions:", self.actions_text, "actions", room=False)
        self.review = QDateEdit(body)
        self.review.setObjectName("review_date")
        self.review.setCalendarPopup(True)
        self.review.setDisplayFormat("d MMMM yyyy")
        self._add(form, "Review by:", self.review, "review_date", room=False)
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
        return grow_with_text(edit)  # two lines, more as the answer grows (one carried over is read whole)

    def _add(self, form: QFormLayout, label: str, widget: QWidget, name: str, room: bool = True) -> None:
        """A field, its label above it and its problem sentence below it. Room is kept for the sentence of each field
        an answer can leave wrong; not for those the page keeps right by itself (the level and the review date always
        have one, today or later; the kinds may all be unticked; the actions are optional), whose rare sentence
        (a stored draft's past review date, a paste of over 100,000 characters) takes its room when it comes."""
        holder = QWidget(widget.parentWidget())
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        widget.setParent(holder)
        column.addWidget(widget)
        problem = problem_label(holder, name, room)
        column.addWidget(problem)
        self.problems[name] = problem
        self.fields[name] = widget
        form.addRow(label, holder)
        name_field(form, holder, widget, label)
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
                set_tone(box, "bold")
            box.toggled.connect(lambda _c: self._touched.add("routes"))
            self.route_boxes[choice.route] = box
            self.routes_layout.addWidget(box)
            if choice.why:
                why = QLabel(_esc(choice.why), parent)
                why.setWordWrap(True)
                why.setContentsMargins(24, 0, 0, 4)
                set_tone(why, "secondary")
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
            category_ids=tuple(k for k, box in self.kind_boxes.items() if box.isChecked()) if self.kind_boxes else None,
        )

    # --- unfinished work: what was typed, kept when the vault locks and put back after unlock -----------------------
    def _texts(self) -> dict[str, QPlainTextEdit]:
        return {
            "override_reason": self.override_reason,
            "childs_wishes": self.childs_wishes,
            "parents_views": self.parents_views,
            "parents_not_told_reason": self.not_told_reason,
            "danger_statement": self.danger,
            "safety_goal": self.goal,
            "actions": self.actions_text,
        }

    def state(self) -> dict[str, Any]:
        """Everything the DSL chose or typed here, as plain JSON values."""
        review = self.review.date()
        return {
            "texts": {name: edit.toPlainText() for name, edit in self._texts().items()},
            "level": self.level.currentData(),
            "told": "yes" if self.told_yes.isChecked() else "no" if self.told_no.isChecked() else "",
            "routes": [route.value for route, box in self.route_boxes.items() if box.isChecked()],
            "kinds": [k for k, box in self.kind_boxes.items() if box.isChecked()],
            "review_date": date(review.year(), review.month(), review.day()).isoformat(),
            "touched": sorted(self._touched),
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Put back what ``state()`` kept; choices the DSL had not made still follow the suggestion."""
        for name, edit in self._texts().items():
            edit.setPlainText(str(state.get("texts", {}).get(name, "")))
        touched = set(state.get("touched", ()))
        self.told_yes.setChecked(state.get("told") == "yes")
        self.told_no.setChecked(state.get("told") == "no")
        if "confirmed_level" in touched and state.get("level"):
            self.choose_level(RiskLevel(state["level"]))
        if "routes" in touched:
            self._touched.add("routes")
            chosen = set(state.get("routes", ()))
            for route, box in self.route_boxes.items():
                box.setChecked(route.value in chosen)
        if "category_ids" in touched:
            chosen_kinds = set(state.get("kinds", ()))
            for kind, box in self.kind_boxes.items():
                box.setChecked(kind in chosen_kinds)
        if "review_date" in touched and state.get("review_date"):
            day = date.fromisoformat(state["review_date"])
            self.review.setDate(QDate(day.year, day.month, day.day))
        self._touched |= touched
        self._sync()

    def carry_forward(self, previous: Any, when: str) -> None:
        """A screening again: the last decision's voices, danger statement and safety goal, to confirm or change."""
        for edit, text in (
            (self.childs_wishes, previous.childs_wishes),
            (self.parents_views, previous.parents_views),
            (self.not_told_reason, previous.parents_not_told_reason),
            (self.danger, previous.danger_statement),
            (self.goal, previous.safety_goal),
        ):
            edit.setPlainText(text)
        self.carried.setText(
            f"The child's wishes, the parents' views, the danger statement and the safety goal are "
            f"carried over from the screening of {when}. Read each one: confirm it or change it."
        )
        self.carried.setVisible(True)
        self._sync()

    def show_problems(self, problems: list[FieldProblem]) -> list[FieldProblem]:
        """Show each problem by its field; return the ones that belong to no field on this page."""
        by_field = {p.field: p.sentence for p in problems}
        for name, label in self.problems.items():
            say(label, by_field.get(name, ""))  # in the line kept for it: nothing below moves
            self.fields[name].setAccessibleDescription(by_field.get(name, ""))
        first = next((self.problems[p.field] for p in problems if p.field in self.problems), None)
        if first is not None:
            field = self.fields[next(p.field for p in problems if p.field in self.problems)]
            bring_into_view(self.scroller, field, first)
            if field.focusPolicy() == Qt.FocusPolicy.NoFocus:  # a row of radio buttons or tick boxes
                field = next((b for b in field.findChildren(QAbstractButton) if b.isEnabled()), field)
            field.setFocus(Qt.FocusReason.OtherFocusReason)  # the cursor goes where the fix is needed
        return [p for p in problems if p.field not in self.problems]
