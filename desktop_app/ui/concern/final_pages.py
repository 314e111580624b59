"""The last pages of the concern wizard: adults and groups, the recorder, review, and what to do now."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGroupBox, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.errors import FieldProblem
from desktop_app.services.concern import flow
from desktop_app.services.concern.flow import Entry, Page
from desktop_app.services.intake.content import CategoryChoice, WizardContent
from desktop_app.ui.a11y import wrapping_check_box
from desktop_app.ui.concern.fields import ERROR_TONE, HINT_TONE, FlowPage, YesNo, line_edit, plain
from desktop_app.ui.labels import plain_text, set_tone

_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard


class RoutesPage(FlowPage):
    """Who else must know (LADO, police 101), the kind of concern if known, and whether to add more detail."""

    def __init__(self, categories: tuple[CategoryChoice, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(Page.ROUTES, parent)
        self.adult = YesNo("adult_working_with_children", dont_know="&Don't know")
        self.group = YesNo("group_or_community", dont_know="D&on't know")
        self.add_field(
            flow.F_ADULT_AT_WORK,
            "Is this about an &adult who works with children (paid or unpaid)?",
            self.adult,
            hint="For example a teacher, coach, youth worker, volunteer, driver or carer.",
            required=True,
        )
        self.add_field(
            flow.F_GROUP,
            "Is this about a &group of children, or a community, rather than one child?",
            self.group,
            hint="For example a group being drawn into county lines, or a place where children gather.",
            required=True,
        )
        kinds = QGroupBox("What kind of concern is it? (optional)")
        kinds.setObjectName("categories")
        kinds_box = QVBoxLayout(kinds)
        kinds_box.addWidget(
            plain_text("Tick any that fit. Leave them all if you are not sure: the DSL decides.", tone=HINT_TONE)
        )
        self.kinds: dict[str, QCheckBox] = {}
        for kind in categories:
            check, row = wrapping_check_box(kind.title)
            check.setObjectName(f"category_{kind.category_id}")
            check.setAccessibleName(kind.title)
            check.setAccessibleDescription(kind.description)
            check.setToolTip(kind.description)
            kinds_box.addWidget(row)
            self.kinds[kind.category_id] = check
            self.watch(check)
        if categories:
            self.form.addWidget(kinds)
        else:
            kinds.hide()
        self.more = QCheckBox("&Add more detail now: signs you noticed, other children, adults and places")
        self.more.setObjectName("more_detail")
        self.add_field(
            flow.F_MORE,
            "More detail (optional)",
            self.more,
            hint="Not needed to send the concern. The DSL asks you for more if they need it.",
        )
        self.more.setAccessibleName(plain(self.more.text()))
        self.form.addStretch(1)
        self.watch(self.adult, self.group, self.more)

    def load(self, entry: Entry) -> None:
        self.adult.set_value(entry.about_adult_working_with_children, flow.Q_ADULT_AT_WORK in entry.dont_know)
        self.group.set_value(entry.group_or_community, flow.Q_GROUP in entry.dont_know)
        for category_id, check in self.kinds.items():
            check.setChecked(category_id in entry.category_ids)
        self.more.setChecked(entry.more_detail)

    def collect(self, entry: Entry) -> Entry:
        unknown = tuple(q for q, box in ((flow.Q_ADULT_AT_WORK, self.adult), (flow.Q_GROUP, self.group)) if box.unknown)
        kept = [c for c in entry.category_ids if c not in self.kinds]  # ids no longer in forms/ stay
        return replace(
            entry,
            about_adult_working_with_children=self.adult.value,
            group_or_community=self.group.value,
            dont_know=unknown,
            category_ids=tuple(kept + [c for c, check in self.kinds.items() if check.isChecked()]),
            more_detail=self.more.isChecked(),
        )


class RecorderPage(FlowPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Page.RECORDER, parent)
        self.name = line_edit("recorder_name")
        self.role = line_edit("recorder_role", "e.g. Year 9 tutor, teaching assistant, receptionist")
        self.when = plain_text("", "recorded_at")
        self.declaration = QCheckBox("I confirm this is an &accurate record of what I saw and heard")
        self.declaration.setObjectName("declaration")
        self.add_field(flow.F_RECORDER_NAME, "Your na&me", self.name, required=True)
        self.add_field(flow.F_RECORDER_ROLE, "Your &role", self.role, required=True)
        self.form.addWidget(plain_text("Date and time of recording (set for you):", tone="field-title"))
        self.form.addWidget(self.when)
        self.add_field(flow.F_DECLARATION, "Declaration", self.declaration, required=True)
        self.declaration.setAccessibleName(self.declaration.text().replace("&", ""))
        self.form.addStretch(1)
        self.watch(self.name, self.role, self.declaration)

    def initializePage(self) -> None:
        self.when.setText(datetime.now().strftime("%d/%m/%Y at %H:%M"))

    def load(self, entry: Entry) -> None:
        self.name.setText(entry.recorder_name)
        self.role.setText(entry.recorder_role)
        self.declaration.setChecked(entry.declaration)

    def collect(self, entry: Entry) -> Entry:
        return replace(
            entry,
            recorder_name=self.name.text(),
            recorder_role=self.role.text(),
            declaration=self.declaration.isChecked(),
        )


class ReviewPage(FlowPage):
    """Everything entered, page by page, each with a button back to change it; problems left are listed first."""

    def __init__(self, go_to: Callable[[Page], None], parent: QWidget | None = None) -> None:
        super().__init__(Page.REVIEW, parent)
        self._go_to = go_to
        self.problems = QWidget()
        self.problems.setObjectName("review_problems")
        self.content = QWidget()
        self.content.setObjectName("review_content")
        self.form.addWidget(self.problems)
        self.form.addWidget(self.content)
        self.form.addStretch(1)
        self.problem_layout = QVBoxLayout(self.problems)
        self.problem_layout.setContentsMargins(0, 0, 0, 0)
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)

    def show_entry(
        self,
        entry: Entry,
        problems: dict[Page, list[FieldProblem]],
        sign_texts: dict[str, str],
        category_titles: dict[str, str] | None = None,
    ) -> None:
        for layout in (self.problem_layout, self.content_layout):
            while layout.count():
                item = layout.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.hide()
                    widget.setParent(None)
                    widget.deleteLater()
        problem_layout = self.problem_layout
        if problems:
            problem_layout.addWidget(
                plain_text(
                    "Some answers still need attention before you can send this:", "review_problem_title", ERROR_TONE
                )
            )
            for page, found in problems.items():
                for problem in found:
                    problem_layout.addWidget(
                        plain_text(f"{flow.spec(page).title}: {problem.sentence}", tone=ERROR_TONE)
                    )
                problem_layout.addWidget(self._back_button(page, f"Fix “{flow.spec(page).title}”"))
        for section in flow.review(entry, sign_texts=sign_texts, category_titles=category_titles):
            frame = QGroupBox(section.title)
            frame.setObjectName(f"review_{section.page.value}")
            box = QVBoxLayout(frame)
            for label, value in section.rows:
                box.addWidget(plain_text(label, tone="semibold"))
                shown = plain_text(value)
                shown.setAccessibleName(label)
                if section.page is Page.HAPPENED and "own words" in label:
                    set_tone(shown, "verbatim")
                box.addWidget(shown)
            box.addWidget(self._back_button(section.page, f"Change “{section.title}”"))
            self.content_layout.addWidget(frame)

    def _back_button(self, page: Page, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"review_change_{page.value}")
        button.setAccessibleName(text.replace("“", "").replace("”", ""))
        button.clicked.connect(lambda *_: self._go_to(page))
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        return button

    def load(self, entry: Entry) -> None:
        del entry

    def collect(self, entry: Entry) -> Entry:
        return entry


class DonePage(FlowPage):
    """After sending: the reference, and tell the DSL now (by name), with the numbers to ring."""

    def __init__(self, content: WizardContent, staff: bool, parent: QWidget | None = None) -> None:
        super().__init__(Page.DONE, parent)
        self.content = content
        self.staff = staff
        if not staff:
            self.setSubTitle("Saved on the child's record. It now waits to be screened.")
        self.reference = plain_text("", "reference", "reference-number")
        self.reference.setAccessibleName("Reference number")
        self.tell = plain_text(
            "",
            "tell_dsl",
            "tell-dsl",
        )
        self.tell.setAccessibleName("What to do now")
        self.form.addWidget(plain_text("Your reference number:" if staff else "Reference:", tone="semibold"))
        self.form.addWidget(self.reference)
        self.form.addWidget(self.tell)
        if staff:
            self.form.addWidget(
                plain_text(
                    "What you wrote is sealed: only the DSL can open it, and it cannot be opened on this screen again. "
                    "If you remember something else, tell the DSL or record a new concern.",
                    "sealed_note",
                    HINT_TONE,
                )
            )
        contacts = QGroupBox("Quick reference: who to contact")
        contacts.setObjectName("quick_contacts")
        box = QVBoxLayout(contacts)
        for contact in content.quick_contacts:
            line = plain_text(f"{contact.title} — {contact.phone}", tone="contact-title")
            line.setObjectName("contact_line")
            box.addWidget(line)
            box.addWidget(plain_text(contact.when_to_use, tone=HINT_TONE))
        self.form.addWidget(contacts)
        self.form.addStretch(1)

    def show_sent(self, reference: str, entry: Entry) -> None:
        del entry
        self.reference.setText(reference)
        if self.staff:
            self.tell.setText(
                f"Now tell {self.content.dsl_label}. Do it today, in person or by phone, and give them this reference."
            )
        else:
            self.tell.setText("The concern is on the child's record and in the list of concerns awaiting screening.")

    def load(self, entry: Entry) -> None:
        del entry

    def collect(self, entry: Entry) -> Entry:
        return entry
