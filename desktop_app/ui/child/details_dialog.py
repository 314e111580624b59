"""Change a child's details: every field optional but the name, saved as a new version with the reason for it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.definitions.loader import child_details_definition
from desktop_app.domain.child import ContactPerson, HouseholdMember, SenStatus
from desktop_app.domain.records import ChildDetails
from desktop_app.errors import FieldProblem, InvalidInput, UserFacingError
from desktop_app.services.child import details as details_service
from desktop_app.ui.a11y import name_list, spoken
from desktop_app.ui.child.tables import PeopleTable, TableColumn
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.labels import note
from desktop_app.ui.models import record_events
from desktop_app.ui.record_windows import mark_shows_records

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

PROBLEM_TONE = "problem-plain"  # resources/style.qss
CARER_COLUMNS = [
    TableColumn("name", "Name"),
    TableColumn("relationship", "Relationship"),
    TableColumn("parental_responsibility", "Parental responsibility", check=True, width=150),
    TableColumn("phone", "Telephone", width=120),
    TableColumn("email", "Email", width=170),
    TableColumn("notes", "Notes (e.g. do not contact)"),
]
HOUSEHOLD_COLUMNS = [
    TableColumn("name", "Name"),
    TableColumn("relationship", "Relationship"),
    TableColumn("date_of_birth", "Date of birth", width=110),
    TableColumn("lives_with_child", "Lives with the child", check=True, width=140),
    TableColumn("sibling", "Brother or sister", check=True, width=130),
    TableColumn("notes", "Notes"),
]
AGENCY_COLUMNS = [
    TableColumn("organisation", "Agency", width=170),
    TableColumn("name", "Worker"),
    TableColumn("relationship", "Role", width=110),
    TableColumn("phone", "Telephone", width=120),
    TableColumn("email", "Email", width=170),
]


class DetailsDialog(QDialog):
    saved = Signal(int)  # the new version's child id

    def __init__(
        self,
        parent: QWidget | None,
        session: VaultSession,
        child_id: int,
        details: ChildDetails,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("child_details_dialog")
        self.setWindowTitle("Change the child's details")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        mark_shows_records(self)
        self.session = session
        self.child_id = child_id
        self.old = details
        self.today = today or date.today()
        self.lists = child_details_definition()
        self.fields: dict[str, QWidget] = {}
        self.problems: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        self.summary = note("", self, "problems", PROBLEM_TONE)
        self.summary.setVisible(False)
        outer.addWidget(self.summary)
        scroll = self.scroll_area = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setObjectName("details_scroll")
        body = QWidget(scroll)
        column = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        d = details
        child = self._group(column, "The child")
        self._line(child, "first_name", "First name:", d.first_name)
        self._line(child, "last_name", "Last name (family name):", d.last_name)
        self._line(child, "known_as", "Known as:", d.known_as)
        self._line(
            child,
            "other_names",
            "Other names (nicknames, names online), separated by commas:",
            ", ".join(d.other_names),
        )
        self._line(child, "latin_name", "Name in English letters (if written in another script):", d.latin_name)
        self._line(
            child,
            "date_of_birth",
            "Date of birth (day/month/year):",
            d.date_of_birth.strftime("%d/%m/%Y") if d.date_of_birth else "",
        )
        self._line(child, "year_group", "Year group:", d.year_group)
        self._choice(child, "gender", "Gender:", self.lists.genders, d.gender)
        self._choice(child, "ethnicity", "Ethnicity:", self.lists.ethnicities, d.ethnicity)
        self._choice(child, "religion", "Religion:", self.lists.religions, d.religion)
        self._choice(child, "first_language", "First language:", self.lists.languages, d.first_language)
        self.interpreter = self._fixed(
            child,
            "interpreter_needed",
            "Interpreter needed:",
            [("Not recorded", None), ("Yes", True), ("No", False)],
            d.interpreter_needed,
        )
        self._text(child, "address", "Address:", d.address)
        self._line(child, "upn", "Unique pupil number (UPN):", d.upn)
        self._line(child, "nhs_number", "NHS number:", d.nhs_number)

        needs = self._group(column, "Needs and disabilities")
        self.sen = self._fixed(
            needs,
            "sen_status",
            "Special educational needs:",
            [("Not recorded", None), *((s.label, s) for s in SenStatus)],
            d.sen_status,
        )
        self.needs = QListWidget(self)
        self.needs.setObjectName("needs")
        name_list(self.needs, "Needs and disabilities: tick each that applies")
        for need in self.lists.needs:
            item = QListWidgetItem(
                need.title + (" — counts as a learning disability in the screening" if need.learning_disability else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, need.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if need.id in d.needs else Qt.CheckState.Unchecked)
            self.needs.addItem(item)
        self.needs.setMinimumHeight(150)
        self._row(needs, "needs", "Needs (Space ticks the selected one):", self.needs)
        self._text(needs, "disabilities", "Disabilities and health needs, in your words:", d.disabilities)

        family = self._group(column, "Parents, carers and household")
        self.carers = PeopleTable("carers", "Parents and carers", CARER_COLUMNS, "Add a parent or carer", self)
        for c in d.carers:
            self.carers.add_row(
                {
                    "name": c.name,
                    "relationship": c.relationship,
                    "phone": c.phone,
                    "email": c.email,
                    "parental_responsibility": c.parental_responsibility,
                    "notes": c.notes,
                }
            )
        self._row(family, "carers", "Parents and carers:", self.carers)
        self.household = PeopleTable("household", "Household and siblings", HOUSEHOLD_COLUMNS, "Add a person", self)
        for m in d.household:
            self.household.add_row(
                {
                    "name": m.name,
                    "relationship": m.relationship,
                    "notes": m.notes,
                    "date_of_birth": m.date_of_birth.strftime("%d/%m/%Y") if m.date_of_birth else "",
                    "lives_with_child": m.lives_with_child,
                    "sibling": m.sibling,
                }
            )
        self._row(family, "household", "Household, brothers and sisters:", self.household)

        pros = self._group(column, "Professionals and agencies")
        sw = d.allocated_social_worker or ContactPerson(name=d.social_worker if not d.allocated_social_worker else "")
        self._line(pros, "sw_name", "Allocated social worker:", sw.name)
        self._line(pros, "sw_team", "Social worker's team:", sw.organisation)
        self._line(pros, "sw_phone", "Social worker's telephone:", sw.phone)
        self._line(pros, "sw_email", "Social worker's email:", sw.email)
        gp = d.gp or ContactPerson(name="")
        self._line(pros, "gp_practice", "GP practice:", gp.organisation)
        self._line(pros, "gp_name", "GP (doctor's name):", gp.name)
        self._line(pros, "gp_phone", "GP practice telephone:", gp.phone)
        self.agencies = PeopleTable("agencies", "Other agencies involved", AGENCY_COLUMNS, "Add an agency", self)
        for a in d.agencies:
            self.agencies.add_row(
                {
                    "organisation": a.organisation,
                    "name": a.name,
                    "relationship": a.relationship,
                    "phone": a.phone,
                    "email": a.email,
                }
            )
        self._row(pros, "agencies", "Other agencies involved:", self.agencies)

        why = QFormLayout()
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText("e.g. Details from the MASH referral form, 3 December")
        self._add(why, "reason", "Why are the details changing? (kept with them)", self.reason)
        outer.addLayout(why)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton("Save as a new version", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save_details")
        self.cancel_button = buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancel")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        fit_to_screen(self, 900, 720)

    # --- building -------------------------------------------------------------------------------------------------
    def _group(self, column: QVBoxLayout, title: str) -> QFormLayout:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        column.addWidget(box)
        return form

    def _add(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget)
        problem = note("", holder, f"{key}_problem", PROBLEM_TONE)
        problem.setVisible(False)
        box.addWidget(problem)
        form.addRow(label, holder)
        row_label = form.labelForField(holder)
        if isinstance(row_label, QLabel):
            row_label.setWordWrap(True)
            row_label.setBuddy(widget)
        if not widget.accessibleName():
            widget.setAccessibleName(spoken(label))
        self.fields[key] = widget
        self.problems[key] = problem

    def _row(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        self._add(form, key, label, widget)
        table = getattr(widget, "table", None)
        if table is not None:  # a people table: its own table is what takes focus and is named
            self.fields[key] = table

    def _line(self, form: QFormLayout, key: str, label: str, value: str) -> QLineEdit:
        edit = QLineEdit(value, self)
        edit.setObjectName(key)
        self._add(form, key, label, edit)
        return edit

    def _text(self, form: QFormLayout, key: str, label: str, value: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(value, self)
        edit.setObjectName(key)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(70)
        self._add(form, key, label, edit)
        return edit

    def _choice(self, form: QFormLayout, key: str, label: str, options: tuple[str, ...], value: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(key)
        combo.setEditable(True)
        combo.addItems(["", *options])
        combo.setCurrentText(value)
        self._add(form, key, label, combo)
        return combo

    def _fixed(self, form: QFormLayout, key: str, label: str, options: list[tuple[str, Any]], value: Any) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(key)
        for text, data in options:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, next((i for i, (_, v) in enumerate(options) if v == value), 0)))
        self._add(form, key, label, combo)
        return combo

    # --- reading --------------------------------------------------------------------------------------------------
    def text(self, key: str) -> str:
        widget = self.fields[key]
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        if isinstance(widget, QComboBox):
            return widget.currentText().strip()
        return ""

    def details(self) -> ChildDetails:
        """What the form says, as the child's details; FieldProblem for a date that cannot be read."""
        problems: list[FieldProblem] = []

        def day(text: str, field: str, what: str) -> date | None:
            try:
                return details_service.parse_day(text, field, what)
            except FieldProblem as problem:
                problems.append(problem)
                return None

        born = day(self.text("date_of_birth"), "date_of_birth", "The date of birth")
        household = []
        for row in self.household.rows():
            household.append(
                HouseholdMember(
                    name=str(row["name"]),
                    relationship=str(row["relationship"]),
                    notes=str(row["notes"]),
                    date_of_birth=day(str(row["date_of_birth"]), "household", f"{row['name'] or 'A'}'s date of birth"),
                    lives_with_child=bool(row["lives_with_child"]),
                    sibling=bool(row["sibling"]),
                )
            )
        if problems:
            raise InvalidInput(problems)
        sw_name, sw_team = self.text("sw_name"), self.text("sw_team")
        sw_phone, sw_email = self.text("sw_phone"), self.text("sw_email")
        social_worker = (
            ContactPerson(
                name=sw_name, relationship="Social worker", organisation=sw_team, phone=sw_phone, email=sw_email
            )
            if any((sw_name, sw_team, sw_phone, sw_email))
            else None
        )
        gp_name, gp_practice, gp_phone = self.text("gp_name"), self.text("gp_practice"), self.text("gp_phone")
        gp = (
            ContactPerson(name=gp_name, relationship="GP", organisation=gp_practice, phone=gp_phone)
            if any((gp_name, gp_practice, gp_phone))
            else None
        )
        from dataclasses import replace

        return replace(
            self.old,
            first_name=self.text("first_name"),
            last_name=self.text("last_name"),
            known_as=self.text("known_as"),
            other_names=tuple(n.strip() for n in self.text("other_names").split(",") if n.strip()),
            latin_name=self.text("latin_name"),
            date_of_birth=born,
            age_years=None if born else self.old.age_years,
            year_group=self.text("year_group"),
            gender=self.text("gender"),
            ethnicity=self.text("ethnicity"),
            religion=self.text("religion"),
            first_language=self.text("first_language"),
            interpreter_needed=self.interpreter.currentData(),
            address=self.text("address"),
            upn=self.text("upn"),
            nhs_number=self.text("nhs_number"),
            sen_status=SenStatus(self.sen.currentData()) if self.sen.currentData() else None,
            needs=tuple(
                self.needs.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.needs.count())
                if self.needs.item(i).checkState() == Qt.CheckState.Checked
            ),
            disabilities=self.text("disabilities"),
            carers=tuple(
                ContactPerson(
                    name=str(r["name"]),
                    relationship=str(r["relationship"]),
                    phone=str(r["phone"]),
                    email=str(r["email"]),
                    notes=str(r["notes"]),
                    parental_responsibility=bool(r["parental_responsibility"]),
                )
                for r in self.carers.rows()
            ),
            household=tuple(household),
            allocated_social_worker=social_worker,
            social_worker="" if social_worker is None else self.old.social_worker,
            gp=gp,
            agencies=tuple(
                ContactPerson(
                    name=str(r["name"]),
                    organisation=str(r["organisation"]),
                    relationship=str(r["relationship"]),
                    phone=str(r["phone"]),
                    email=str(r["email"]),
                )
                for r in self.agencies.rows()
            ),
        )

    # --- saving ---------------------------------------------------------------------------------------------------
    def save(self) -> None:
        self.show_problems([])
        try:
            details = self.details()
            details_service.amend_details(self.session, self.child_id, details, self.reason.text(), self.today)
        except InvalidInput as error:
            self.show_problems(error.problems)
            return
        except UserFacingError as error:
            self.summary.setText(error.sentence)
            self.summary.setVisible(True)
            return
        record_events().changed.emit()
        self.saved.emit(self.child_id)
        self.accept()

    def show_problems(self, problems: list[FieldProblem]) -> None:
        for label in self.problems.values():
            label.setVisible(False)
            label.setText("")
        for widget in self.fields.values():
            widget.setAccessibleDescription("")
        for problem in problems:
            key = {"gp": "gp_practice", "allocated_social_worker": "sw_name"}.get(problem.field, problem.field)
            shown = self.problems.get(key)
            if shown is None:
                continue
            shown.setText((shown.text() + " " if shown.text() else "") + problem.sentence)
            shown.setVisible(True)
            self.fields[key].setAccessibleDescription(shown.text())
        self.summary.setText("Nothing was saved: " + " ".join(p.sentence for p in problems) if problems else "")
        self.summary.setVisible(bool(problems))
        if problems:
            first = {"gp": "gp_practice", "allocated_social_worker": "sw_name"}.get(
                problems[0].field, problems[0].field
            )
            target = self.fields.get(first)
            if target is not None:
                self.scroll_area.ensureWidgetVisible(target)
                target.setFocus()
