"""The first pages of the concern wizard: safety, the child, what happened, signs noticed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.concern import flow
from desktop_app.services.concern.flow import Entry, Mode, Page
from desktop_app.services.intake.content import SignGroup
from desktop_app.ui.a11y import wrapping_check_box
from desktop_app.ui.concern.fields import HINT_TONE, FlowPage, YesNo, combo, line_edit, text_edit
from desktop_app.ui.labels import note, set_tone

YEAR_GROUPS = ("Nursery", "Reception", *(f"Year {n}" for n in range(1, 14)), "Not known")  # when forms/ give none
GENDERS = ["Girl", "Boy", "Non-binary", "Not known"]

# (child id, label shown) pairs from the vault's index of children
ChildSearch = Callable[[str], list[tuple[int, str]]]


class SafetyPage(FlowPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Page.SAFETY, parent)
        self.danger = YesNo("immediate_danger", yes="&Yes, the child is in danger now", no="N&o, not right now")
        self.add_field(
            flow.F_DANGER,
            "Is the child in immediate danger right now?",
            self.danger,
            hint="For example: hurt, threatened, missing, or with someone who may harm them now. "
            "If you are not sure, answer yes.",
            required=True,
        )
        self.form.addStretch(1)
        self.watch(self.danger)

    def load(self, entry: Entry) -> None:
        self.danger.set_value(entry.immediate_danger)

    def collect(self, entry: Entry) -> Entry:
        return replace(entry, immediate_danger=self.danger.value)


class ChildPage(FlowPage):
    def __init__(
        self,
        mode: Mode,
        search: ChildSearch | None = None,
        parent: QWidget | None = None,
        *,
        year_groups: tuple[str, ...] = (),
    ) -> None:
        super().__init__(Page.CHILD, parent)
        self.mode = mode
        self._search = search
        self.on_file = QRadioButton("A child already &on file")
        self.new_child = QRadioButton("A ne&w child")
        self.found = QListWidget()
        self.search_box = line_edit("child_search", "Type part of a name")
        if mode is Mode.DSL:
            self._build_picker()
        self.details = QWidget()
        box = QVBoxLayout(self.details)
        box.setContentsMargins(0, 0, 0, 0)
        self.first_name = line_edit("first_name")
        self.last_name = line_edit("last_name")
        self.known_as = line_edit("known_as")
        self.dob = line_edit("date_of_birth", "day/month/year, e.g. 14/03/2012")
        self.age = line_edit("age", "e.g. 14")
        self.year_group = combo("year_group", year_groups or YEAR_GROUPS)
        self.gender = combo("gender", GENDERS)
        self.add_field(
            flow.F_FIRST_NAME,
            "&First name",
            self.first_name,
            layout=box,
            required=True,
            hint="Names in any language or script are fine; type them as the child writes them.",
        )
        self.add_field(flow.F_LAST_NAME, "&Last name (family name)", self.last_name, layout=box)
        self.add_field(
            flow.F_KNOWN_AS,
            "&Known as",
            self.known_as,
            layout=box,
            hint="A nickname or the name the child uses, if different.",
        )
        self.add_field(flow.F_DOB, "&Date of birth", self.dob, layout=box, hint="Leave empty if you do not know it.")
        self.add_field(flow.F_AGE, "&Age in years (if you do not know the date of birth)", self.age, layout=box)
        self.add_field(flow.F_YEAR, "&Year group", self.year_group, layout=box)
        self.add_field(flow.F_GENDER, "&Gender", self.gender, layout=box)
        self.form.addWidget(self.details)
        self.form.addStretch(1)
        self.watch(self.first_name, self.last_name, self.known_as, self.dob, self.age, self.year_group, self.gender)

    def _build_picker(self) -> None:
        choice = QGroupBox("Is this child already on file?")
        choice.setObjectName("child_choice")
        row = QHBoxLayout(choice)
        self.on_file.setObjectName("child_on_file")
        self.new_child.setObjectName("child_new")
        group = QButtonGroup(choice)
        group.addButton(self.on_file)
        group.addButton(self.new_child)
        row.addWidget(self.on_file)
        row.addWidget(self.new_child)
        row.addStretch(1)
        self.form.addWidget(choice)
        self.picker = QWidget()
        box = QVBoxLayout(self.picker)
        box.setContentsMargins(0, 0, 0, 0)
        self.add_field("child.search", "&Search by name", self.search_box, layout=box)
        self.found.setObjectName("child_results")
        self.add_field(
            flow.F_CHILD,
            "&Children found",
            self.found,
            layout=box,
            hint="Use the arrow keys to choose the child, then press Next.",
        )
        self.found.setMaximumHeight(180)
        self.form.addWidget(self.picker)
        self.new_child.setChecked(True)
        self.picker.setVisible(False)
        self.on_file.toggled.connect(self._choice_changed)
        self.search_box.textEdited.connect(self._run_search)
        self.found.currentItemChanged.connect(lambda *_: self.edited.emit())
        self.watch(self.on_file)

    def _choice_changed(self, on_file: bool) -> None:
        self.picker.setVisible(on_file)
        self.details.setVisible(not on_file)
        if on_file:
            self.search_box.setFocus()

    def _run_search(self, text: str) -> None:
        self.found.clear()
        if self._search is None or len(text.strip()) < 2:
            return
        for child_id, label in self._search(text.strip()):
            item = QListWidgetItem(label, self.found)
            item.setData(Qt.ItemDataRole.UserRole, child_id)
        if self.found.count():
            self.found.setCurrentRow(0)

    def load(self, entry: Entry) -> None:
        self.first_name.setText(entry.first_name)
        self.last_name.setText(entry.last_name)
        self.known_as.setText(entry.known_as)
        self.dob.setText(entry.dob_text)
        self.age.setText(entry.age_text)
        self.year_group.setCurrentText(entry.year_group)
        self.gender.setCurrentText(entry.gender)
        if self.mode is Mode.DSL and entry.choose_existing:
            self.on_file.setChecked(True)
            if entry.existing_child_id is not None:
                item = QListWidgetItem(entry.existing_child_label or "The child chosen before", self.found)
                item.setData(Qt.ItemDataRole.UserRole, entry.existing_child_id)
                self.found.setCurrentItem(item)

    def collect(self, entry: Entry) -> Entry:
        existing: int | None = None
        label = ""
        if self.mode is Mode.DSL and self.on_file.isChecked():
            item = self.found.currentItem()
            if item is not None:
                existing, label = int(item.data(Qt.ItemDataRole.UserRole)), item.text()
        return replace(
            entry,
            choose_existing=self.mode is Mode.DSL and self.on_file.isChecked(),
            existing_child_id=existing,
            existing_child_label=label,
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            known_as=self.known_as.text(),
            dob_text=self.dob.text(),
            age_text=self.age.text(),
            year_group=self.year_group.currentText(),
            gender=self.gender.currentText(),
        )


class HappenedPage(FlowPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Page.HAPPENED, parent)
        self.date = line_edit("happened_date", "day/month/year, e.g. 28/11/2026")
        self.time = line_edit("happened_time", "e.g. 14:30")
        self.location = line_edit("location")
        self.account = text_edit("account", 6)
        self.words = text_edit("childs_words", 4)
        set_tone(self.words, "verbatim")
        self.present = text_edit("others_present", 2)
        self.action = text_edit("action_taken", 3)
        today = QPushButton("&Today")
        today.setObjectName("date_today")
        today.setAccessibleName("Set the date to today")
        today.clicked.connect(self._today)
        self.add_field(
            flow.F_DATE,
            "&Date it happened",
            self.date,
            required=True,
            hint="Your best estimate is fine. It cannot be in the future.",
        )
        self.form.addWidget(today, 0, Qt.AlignmentFlag.AlignLeft)
        self.add_field(flow.F_TIME, "T&ime it happened", self.time, required=True, hint="24-hour or am/pm.")
        self.add_field(
            flow.F_LOCATION,
            "&Where it happened",
            self.location,
            hint="For example: the bus stop on Ellesmere Road, the school toilets, online (say which app).",
        )
        self.add_field(
            flow.F_ACCOUNT,
            "What you &saw or heard",
            self.account,
            required=True,
            hint="Facts, in your own words: what happened, what you saw and heard. "
            "Do not investigate or ask leading questions.",
        )
        self.add_field(
            flow.F_WORDS,
            "The child's &own words — exactly as they said them",
            self.words,
            hint="Write their words exactly, including slang or swearing; do not tidy them up. "
            "They are kept as written and shown in quotation marks as the child's own words.",
        )
        self.add_field(flow.F_PRESENT, "Who &else was present", self.present)
        self.add_field(
            flow.F_ACTION,
            "Wh&at you did",
            self.action,
            hint="For example: listened, reassured the child, came straight to write this.",
        )
        self.form.addStretch(1)
        self.watch(self.date, self.time, self.location, self.account, self.words, self.present, self.action)

    def _today(self) -> None:
        from datetime import date

        self.date.setText(date.today().strftime("%d/%m/%Y"))
        self.edited.emit()
        self.time.setFocus()

    def load(self, entry: Entry) -> None:
        self.date.setText(entry.date_text)
        self.time.setText(entry.time_text)
        self.location.setText(entry.location)
        for edit, text in (
            (self.account, entry.account),
            (self.words, entry.childs_words),
            (self.present, entry.others_present),
            (self.action, entry.action_taken),
        ):
            if edit.toPlainText() != text:
                edit.setPlainText(text)

    def collect(self, entry: Entry) -> Entry:
        return replace(
            entry,
            date_text=self.date.text(),
            time_text=self.time.text(),
            location=self.location.text(),
            account=self.account.toPlainText(),
            childs_words=self.words.toPlainText(),
            others_present=self.present.toPlainText(),
            action_taken=self.action.toPlainText(),
        )


class SignsPage(FlowPage):
    def __init__(self, groups: tuple[SignGroup, ...], parent: QWidget | None = None) -> None:
        super().__init__(Page.SIGNS, parent)
        self.boxes: dict[str, QCheckBox] = {}
        self.form.addWidget(
            note(
                "Each sign has a short explanation under it. You do not have to be sure: "
                "the DSL looks at every sign again when they screen the concern.",
                tone=HINT_TONE,
            )
        )
        for group in groups:
            frame = QGroupBox(group.title)
            frame.setObjectName(f"signs_{len(self.boxes)}")
            box = QVBoxLayout(frame)
            if group.intro:
                box.addWidget(note(group.intro, tone=HINT_TONE))
            for item in group.items:
                check, row = wrapping_check_box(item.text)
                check.setObjectName(f"sign_{item.item_id}")
                check.setAccessibleName(item.text + (" (significant sign)" if item.significant else ""))
                check.setAccessibleDescription(item.help)
                check.setToolTip(item.help)
                box.addWidget(row)
                help_text = f"Significant sign. {item.help}" if item.significant else item.help
                help_label = note(help_text, tone=HINT_TONE)
                help_label.setContentsMargins(26, 0, 0, 6)
                help_label.setObjectName(f"help_{item.item_id}")
                box.addWidget(help_label)
                self.boxes[item.item_id] = check
                self.watch(check)
            self.form.addWidget(frame)
        self.form.addStretch(1)

    def load(self, entry: Entry) -> None:
        for item_id, check in self.boxes.items():
            check.setChecked(item_id in entry.sign_ids)

    def collect(self, entry: Entry) -> Entry:
        kept = [i for i in entry.sign_ids if i not in self.boxes]  # ids from another definition version stay
        return replace(entry, sign_ids=tuple(kept + [i for i, c in self.boxes.items() if c.isChecked()]))
