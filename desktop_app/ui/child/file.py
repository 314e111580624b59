"""A child's file: who the child is at a glance (age, 18 or over, level of risk), then its sections as tabs."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop_app.domain.enums import RiskLevel
from desktop_app.services.child import details as details_service
from desktop_app.ui import navigation
from desktop_app.ui.child import sections
from desktop_app.ui.labels import note
from desktop_app.ui.models import record_events

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)
ADULT_TONE = "adult-flag"  # resources/style.qss


class ChildFilePage(QWidget):
    """A page of the main window. ``tabs`` holds one widget per section in ``sections.SECTIONS`` that exists."""

    def __init__(
        self,
        session: VaultSession,
        child_id: int,
        host: Any = None,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("child_file")
        navigation.belongs_to(self, "children")  # however it is opened: its Back returns to the children
        self.session = session
        self.child_id = child_id
        self.host = host
        self._today = today
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back = QPushButton("← Back to the children", self)
        self.back.setObjectName("back")
        self.back.setAccessibleName("Back to the list of children")
        self.back.clicked.connect(self.go_back)
        top.addWidget(self.back)
        self.title = note("", self, "child_title")
        self.title.setAccessibleName("The child")
        top.addWidget(self.title, 1)
        layout.addLayout(top)
        self.adult_banner = note("", self, "adult_flag", ADULT_TONE)
        layout.addWidget(self.adult_banner)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("child_sections")
        self.tabs.setAccessibleName("Sections of the child's file")
        self.section_widgets: dict[str, QWidget] = {}
        for section, factory in sections.shown():
            widget = factory(session, child_id, self)
            widget.setObjectName(widget.objectName() or f"section_{section.key}")
            widget.setAccessibleDescription(section.description)
            index = self.tabs.addTab(widget, section.title)
            self.tabs.setTabToolTip(index, section.description)
            self.section_widgets[section.key] = widget
        self.tabs.currentChanged.connect(self._tab_shown)
        layout.addWidget(self.tabs, 1)
        record_events().changed.connect(self.refresh)
        self.refresh()

    def section(self, key: str) -> QWidget | None:
        return self.section_widgets.get(key)

    def show_section(self, key: str) -> None:
        widget = self.section_widgets.get(key)
        if widget is not None:
            self.tabs.setCurrentWidget(widget)

    def refresh(self) -> None:
        """Reload the header and every section (after a change anywhere)."""
        if self.session.is_locked:
            return
        self.summary = details_service.child_summary(self.session, self.child_id, self._today())
        s = self.summary
        d = s.child.details
        facts = []
        if d.date_of_birth:
            facts.append(f"born {d.date_of_birth:%d %b %Y}")
        facts.append(f"age {s.age}" if s.age is not None else "age not known")
        if d.year_group:
            facts.append(html.escape(d.year_group))
        level = s.level.label if s.level else "Not screened"
        colour = "#b00020" if s.level is RiskLevel.HIGH else "#202020"
        review = f", review by {s.review_date:%d %b %Y}" if s.review_date else ""
        overdue = s.review_date is not None and s.review_date < self._today()
        review += " <b style='color:#8a1c14'>(review overdue)</b>" if overdue else ""
        concerns = f"{s.concerns} concern{'s' if s.concerns != 1 else ''}"
        self.title.setText(
            f"<span style='font-size:16pt'><b>{html.escape(d.display_name)}</b></span> &nbsp; "
            f"{', '.join(facts)}<br><span style='color:{colour}'><b>{html.escape(level)}</b></span>{review}"
            f" · {concerns}"
        )
        self.title.setAccessibleDescription(self.title.text())
        self.adult_banner.setText(f"<b>Young adult.</b> {html.escape(s.adult_note)}" if s.adult else "")
        self.adult_banner.setVisible(s.adult)
        for key, widget in self.section_widgets.items():
            refresh = getattr(widget, "refresh", None)
            if callable(refresh):
                try:
                    refresh()
                except Exception:  # one section failing must not hide the rest of the child's file
                    _log.exception("child file section %s could not refresh", key)

    def _tab_shown(self, _index: int) -> None:
        widget = self.tabs.currentWidget()
        refresh = getattr(widget, "refresh", None)
        if callable(refresh) and not self.session.is_locked:
            refresh()

    def go_back(self) -> None:
        from desktop_app.ui.child import show_children

        show_children(self.host, self.session)
