"""How many idle minutes before Waymark locks itself (1–15, default 5). A preference of this computer."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from desktop_app import settings
from desktop_app.domain.wording import plural
from desktop_app.ui.counts import counted_suffix
from desktop_app.ui.idle import MAX_MINUTES, MIN_MINUTES, clamp_minutes


class AutoLockSection(QWidget):
    def __init__(self, host: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        intro = QLabel(
            "When nobody touches the keyboard or mouse for this long, Waymark locks: the records close and the "
            "passphrase is needed again. Staff can still record a concern from the lock screen.",
            self,
        )
        intro.setWordWrap(True)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("idle_minutes")
        self.minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes.setValue(clamp_minutes(settings.load().idle_lock_minutes))
        counted_suffix(self.minutes, "minute")  # "1 minute", "5 minutes"
        self.minutes.valueChanged.connect(self.save)
        self.saved = QLabel("", self)
        self.saved.setObjectName("status_message")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("Lock after:", self.minutes)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.saved)
        layout.addStretch(1)

    def save(self, value: int) -> None:
        minutes = clamp_minutes(value)
        settings.save(settings.load()._replace(idle_lock_minutes=minutes))
        idle = getattr(self.host, "idle", None)
        if idle is not None:
            idle.set_minutes(minutes)
        self.saved.setText(f"Waymark will lock after {plural(minutes, 'minute')} without input.")
