"""Small pieces the transfer screens share: a form dialog with a status line, and date conversion."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui import labels
from desktop_app.ui.a11y import first_place_to_type, spoken
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.settings.common import StatusArea

W = TypeVar("W", bound=QWidget)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_field(day: date | None = None) -> QDateEdit:
    field = QDateEdit()
    field.setCalendarPopup(True)
    field.setDisplayFormat("dd/MM/yyyy")
    today = day or date.today()
    field.setDate(QDate(today.year, today.month, today.day))
    return field


class FormDialog(QDialog):
    """An intro, a form, a status line (progress and problems) and OK/Cancel with words that say what happens."""

    def __init__(
        self, parent: QWidget | None, title: str, intro: str, ok_text: str, width: int = 620, height: int = 460
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setProperty("waymark_shows_records", True)
        layout = QVBoxLayout(self)
        layout.addWidget(labels.note(intro, self))
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addLayout(self.form)
        self.status = StatusArea(self)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(ok_text, self)
        self.ok_button.setObjectName("ok")
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("cancel")
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.on_ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.rows: list[QWidget] = []
        self._shown = False
        fit_to_screen(self, width, height)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            # The first word typed goes in the first box to write in (the buttons are made before the rows, and
            # QDialog would otherwise give the OK button the focus).
            start = first_place_to_type(self.rows)
            if start is not None:
                start.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_row(self, label: str, widget: W) -> W:
        self.form.addRow(label, widget)
        self.rows.append(widget)
        widget.setAccessibleName(spoken(label))
        row_label = self.form.labelForField(widget)
        if row_label is not None and hasattr(row_label, "setBuddy"):
            row_label.setBuddy(widget)
        return widget

    def busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def on_ok(self) -> None:  # overridden
        self.accept()
