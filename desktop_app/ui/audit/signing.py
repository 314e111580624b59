"""Sign-off by the DSL, the head teacher and the safeguarding governor; corrections once signing has begun."""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.audit import AuditYearRecord, SignRole
from desktop_app.errors import InvalidInput, UserFacingError
from desktop_app.services.audit import checklist
from desktop_app.ui.audit.answers import PROBLEM_TONE, date_edit, pydate, short
from desktop_app.ui.labels import note
from desktop_app.ui.referrals import FormDialog

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession


class RoleRow(QGroupBox):
    """One role: who signed and when, or a name and a date to record the signature."""

    def __init__(self, role: SignRole, today: date, parent: QWidget | None = None) -> None:
        super().__init__(role.label, parent)
        self.role = role
        self.setObjectName(f"sign_{role.value}")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        self.signed = note("", self, f"signed_{role.value}")
        layout.addWidget(self.signed)
        row = QHBoxLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName(f"sign_name_{role.value}")
        self.name.setAccessibleName(f"Name of the {role.label.lower()} who signed")
        self.name.setPlaceholderText("Full name, as signed on paper")
        self.on = date_edit(self, f"sign_date_{role.value}", today)
        self.on.setAccessibleName(f"Date the {role.label.lower()} signed")
        self.button = QPushButton("Record the signature", self)
        self.button.setObjectName(f"sign_button_{role.value}")
        self.button.setAccessibleName(f"Record the {role.label.lower()}'s signature")
        label = QLabel("Name:", self)
        label.setBuddy(self.name)
        row.addWidget(label)
        row.addWidget(self.name, 1)
        row.addWidget(self.on)
        row.addWidget(self.button)
        self.entry = QWidget(self)
        self.entry.setLayout(row)
        layout.addWidget(self.entry)
        self.problem = note("", self, f"problem_sign_{role.value}", PROBLEM_TONE)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)


class SignOffTab(QWidget):
    saved = Signal()

    def __init__(self, session: VaultSession, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_sign_off")
        self.session = session
        self.today = today
        self.record: AuditYearRecord | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                "Record each signature from the signed paper copy. The first signature fixes the answers as signed; "
                "when the DSL, the head teacher and the safeguarding governor have all signed, the audit is closed and "
                "anything to put right is added as a correction.",
                self,
            )
        )
        self.rows = {role: RoleRow(role, today, self) for role in SignRole}
        for role, row in self.rows.items():
            row.button.clicked.connect(lambda _checked=False, r=role: self.sign(r))
            layout.addWidget(row)
        self.corrections = note("", self, "corrections")
        layout.addWidget(self.corrections)
        self.correct_button = QPushButton("Add a correction…", self)
        self.correct_button.setObjectName("add_correction")
        self.correct_button.clicked.connect(self.add_correction)
        buttons = QHBoxLayout()
        buttons.addWidget(self.correct_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.windows: list[QWidget] = []

    def show_record(self, record: AuditYearRecord | None) -> None:
        self.record = record
        for role, row in self.rows.items():
            signed = record.signed(role) if record else None
            row.signed.setText(
                f"Signed by {signed.name} on {short(signed.signed_on)}." if signed else "Not signed yet."
            )
            row.entry.setVisible(signed is None)
            row.entry.setEnabled(record is not None)
            row.problem.setVisible(False)
        if record is not None and record.addenda:
            items = "".join(
                f"<li>{html.escape(short(a.written_at.date()))}, {html.escape(a.author.name)}: "
                f"{html.escape(a.change)} <i>(why: {html.escape(a.reason)})</i></li>"
                for a in record.addenda
            )
            self.corrections.setText(f"<b>Corrections after signing</b><ul>{items}</ul>")
        else:
            self.corrections.setText("No corrections." if record is not None and record.locked else "")
        self.correct_button.setVisible(record is not None and record.locked)

    def sign(self, role: SignRole) -> bool:
        row = self.rows[role]
        if self.record is None:
            return False
        try:
            checklist.sign(
                self.session, self.record.year, role, row.name.text(), pydate(row.on.date()), today=self.today
            )
        except UserFacingError as error:
            sentences = [p.sentence for p in error.problems] if isinstance(error, InvalidInput) else [error.sentence]
            row.problem.setText(" ".join(sentences))
            row.problem.setVisible(True)
            row.name.setFocus()
            return False
        row.name.clear()
        self.saved.emit()
        return True

    def add_correction(self) -> FormDialog | None:
        if self.record is None:
            return None
        year = self.record.year
        dialog = FormDialog(
            self.window(),
            f"Correct the {year} audit",
            "The signed answers stay as they were signed; the correction is printed beside them.",
            "Save the correction",
        )
        dialog.setObjectName("audit_correction_dialog")
        change: QPlainTextEdit = dialog.add_field(
            "What is corrected or added:", dialog.text_box("E.g. two more meetings were minuted in May"), "change"
        )
        reason = dialog.add_field("Why:", QLineEdit(dialog), "reason")
        dialog.submit = lambda: checklist.add_correction(self.session, year, reason.text(), change.toPlainText())
        dialog.saved.connect(self.saved)
        self.windows.append(dialog)
        dialog.open()
        return dialog
