"""The screening wizard: facts, one page per section, the decision; the suggestion beside every page, kept live."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget, QWizard

from desktop_app.domain.records import ScreeningRecord
from desktop_app.errors import InvalidInput, UserFacingError
from desktop_app.log import Safe
from desktop_app.services.casework.screening import ScreeningDraft
from desktop_app.ui import ask
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.screening.decision import DecisionPage
from desktop_app.ui.screening.pages import FactsPage, SectionPage, suggestion_parts

_log = logging.getLogger(__name__)

Save = Callable[[Any], ScreeningRecord]  # DecisionForm -> the saved screening (raises InvalidInput)
Keep = Callable[[dict[str, Any]], object]  # seals the unfinished work's state (services.casework.drafts)


class ScreeningWizard(QWizard):
    """Emits ``completed(screening_id)`` once the screening and decision are saved."""

    completed = Signal(int)

    def __init__(
        self,
        draft: ScreeningDraft,
        save: Save,
        *,
        child_name: str,
        concern_reference: str,
        review_date_for: Callable[..., date],
        today: date,
        overrides: dict[str, str] | None = None,
        keep: Keep | None = None,
        forget: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._keep = keep
        self._forget = forget
        self._resumed = False  # reopened from kept work: it counts as unsaved even before a change
        self.setObjectName("screening_wizard")
        self.draft = draft
        self._save = save
        self.record: ScreeningRecord | None = None
        self.setWindowTitle(f"Screen concern {concern_reference} — {child_name}")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Save screening and decision")
        fit_to_screen(self, 1180, 820, zoomed=False)

        # The suggestion beside every page: the level and the routes first (what the DSL acts on), then why. It is
        # as wide as about 32 characters of the current font, so it reads at any zoom without crowding the page.
        panel = QWidget(self)
        panel.setObjectName("suggestion_panel")
        column = QVBoxLayout(panel)
        column.setContentsMargins(10, 10, 10, 10)
        self.side = self._panel_label(panel, "suggestion_level")
        self.routes_label = self._panel_label(panel, "suggestion_routes")
        self.why = self._panel_label(panel, "suggestion_why")
        for label in (self.side, self.routes_label, self.why):
            column.addWidget(label)
        column.addStretch(1)
        self.side_scroll = QScrollArea(self)
        self.side_scroll.setObjectName("suggestion_scroll")
        self.side_scroll.setWidget(panel)
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.setFixedWidth(max(300, self.fontMetrics().averageCharWidth() * 32))
        self.setSideWidget(self.side_scroll)

        self.facts_page = FactsPage(draft, child_name)
        self.facts_page.facts_changed.connect(self.refresh_suggestion)
        self.addPage(self.facts_page)
        self.section_pages: dict[str, SectionPage] = {}
        sections = list(draft.definition.sections)
        for number, section in enumerate(sections, start=1):
            page = SectionPage(draft, section, number, len(sections))
            page.answers_changed.connect(self.refresh_suggestion)
            self.section_pages[section.id] = page
            self.addPage(page)
        self.decision_page = DecisionPage(draft, review_date_for, today, overrides)
        self.addPage(self.decision_page)
        self._started_with = self.work_state()
        self._user_cancelling = False
        self.button(QWizard.WizardButton.CancelButton).pressed.connect(self._cancel_pressed)
        self.refresh_suggestion()

    @staticmethod
    def _panel_label(parent: QWidget, name: str) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    def refresh_suggestion(self) -> None:
        """Ask the engine again after every change: the side panel and the decision page follow it."""
        level, routes, why = suggestion_parts(self.draft)
        self.side.setText(level)
        self.routes_label.setText(routes)
        self.routes_label.setVisible(bool(routes))
        self.why.setText(why)
        self.decision_page.refresh()

    def _cancel_pressed(self) -> None:
        self._user_cancelling = True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._user_cancelling = True
        super().keyPressEvent(event)

    # --- unfinished work ------------------------------------------------------------------------------------------
    def work_state(self) -> dict[str, Any]:
        """Every answer, fact and decision field as plain JSON, and the page the DSL was on."""
        from desktop_app.services.casework import drafts

        current = self.currentPage()
        return {
            "answers": drafts.answers_state(self.draft.answers),
            "from_concern": sorted(self.draft.from_concern),
            "facts": drafts.facts_state(self.draft.child, self.draft.concern),
            "decision": self.decision_page.state(),
            "page": current.objectName() if current is not None else "",
        }

    def has_changes(self) -> bool:
        """True when something was answered, corrected or typed since the wizard opened (the page aside)."""
        now, before = self.work_state(), self._started_with
        return any(now[key] != before[key] for key in ("answers", "from_concern", "facts", "decision"))

    def restore_work(self, state: dict[str, Any]) -> None:
        """Put the decision back and go to the page the DSL was on (answers and facts are in the draft already)."""
        self.decision_page.restore(state.get("decision", {}))
        self.refresh_suggestion()
        wanted = state.get("page", "")
        for page_id in self.pageIds():
            if self.page(page_id).objectName() == wanted:
                self.setStartId(page_id)
                self.restart()
                break
        self._started_with = self.work_state()

    def keep_unfinished(self) -> bool:
        """The vault is locking: keep unsaved work as a sealed draft. True when something was kept."""
        if self.record is not None or self._keep is None or (not self.has_changes() and not self._resumed):
            return False
        self._keep(self.work_state())
        return True

    def reject(self) -> None:
        """Ask before throwing away work, but only when the DSL cancels: locking keeps it as a sealed draft."""
        asked, self._user_cancelling = self._user_cancelling, False
        unsaved = self.record is None and (self.has_changes() or self._resumed)
        if asked and unsaved:
            if not ask.current().confirm(
                self,
                "Stop screening?",
                "Your answers and decision have not been saved. Stop and lose them?",
                "Stop and lose the answers",
                "Keep screening",
            ):
                return
            if self._forget is not None:
                self._forget()
        super().reject()

    def validateCurrentPage(self) -> bool:
        if self.currentPage() is not self.decision_page:
            return super().validateCurrentPage()
        try:
            self.record = self._save(self.decision_page.form())
        except InvalidInput as error:
            leftover = self.decision_page.show_problems(error.problems)
            if leftover:
                ask.current().warn(self, "Not saved yet", " ".join(p.sentence for p in leftover))
            return False
        except UserFacingError as error:
            ask.current().warn(self, "Not saved", error.sentence)
            return False
        self.decision_page.show_problems([])
        if self._forget is not None:
            self._forget()  # any kept draft of this screening is done with
        _log.info("screening %s saved", Safe(self.record.screening_id))
        self.completed.emit(self.record.screening_id)
        return True
