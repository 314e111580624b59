"""The concern wizard window: pages from ``concern_flow``, a sealed draft saved as the recorder types, then submit.

Staff (lock screen) and DSL (inside the app) use the same window; they differ in how a draft is sealed and where the
submitted concern goes, which the caller passes in as ``submit``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget, QWizard

from desktop_app.domain.records import ConcernDraft
from desktop_app.errors import UserFacingError
from desktop_app.log import Safe
from desktop_app.services.concern import flow
from desktop_app.services.concern.flow import Entry, Mode, Page
from desktop_app.services.intake.content import WizardContent
from desktop_app.services.intake.sealing import SealedIntake
from desktop_app.ui import ask
from desktop_app.ui.concern.fields import ERROR_TONE, HINT_TONE, FlowPage
from desktop_app.ui.concern.final_pages import DonePage, RecorderPage, ReviewPage, RoutesPage
from desktop_app.ui.concern.pages import ChildPage, ChildSearch, HappenedPage, SafetyPage, SignsPage
from desktop_app.ui.concern.rows import OthersPage
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.labels import set_tone
from desktop_app.ui.record_windows import mark_shows_records

_log = logging.getLogger(__name__)
SAVE_DELAY_MS = 2500  # a sealed draft is written this long after the last keystroke, and on every page change

STOP_FOR_NOW = (
    "If you stop now, you cannot open this concern again: not here, not later, not on any computer. "
    "What you have written so far is sealed and the DSL will receive it marked as unfinished.\n\n"
    "Tell the DSL today what you did not get to write.\n\nKeep what you wrote for the DSL, or delete it?"
)

Submit = Callable[[ConcernDraft, dict[str, str]], str]  # returns the reference shown to the recorder


class ConcernWizard(QWizard):
    submitted = Signal(str)
    draft_saved = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        *,
        mode: Mode,
        content: WizardContent,
        writer: SealedIntake | None,
        submit: Submit,
        search: ChildSearch | None = None,
        entry: Entry | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        from desktop_app.ui.fonts import load_bundled_fonts

        load_bundled_fonts()  # a name in Chinese is typed here: never boxes, even at the lock screen
        self.mode = mode
        self.content = content
        self.writer = writer
        self._submit = submit
        self._clock = clock
        self.entry = replace(entry or Entry(), started_at=clock())
        self.reference = ""
        self.setObjectName("concern_wizard")
        self.setWindowTitle("Record a concern" if mode is Mode.STAFF else "Record a concern (DSL)")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, "< &Back")
        self.setButtonText(QWizard.WizardButton.NextButton, "&Next >")
        self.setButtonText(
            QWizard.WizardButton.CommitButton, "&Send to the DSL" if mode is Mode.STAFF else "&Save the concern"
        )
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Close")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Stop for now")
        if mode is Mode.STAFF:
            stop = self.button(QWizard.WizardButton.CancelButton)
            stop.setToolTip("You cannot open it again; the DSL receives what you wrote as unfinished.")
            stop.setAccessibleDescription(stop.toolTip())
        fit_to_screen(self, 860, 720)  # larger when zoomed, never bigger than the screen
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        mark_shows_records(self)  # closed (draft kept, sealed) when the vault locks

        self.review_page = ReviewPage(self.go_to)
        self.done_page = DonePage(content, staff=mode is Mode.STAFF)
        pages: dict[Page, FlowPage] = {
            Page.SAFETY: SafetyPage(),
            Page.CHILD: ChildPage(mode, search, year_groups=content.year_groups),
            Page.HAPPENED: HappenedPage(),
            Page.ROUTES: RoutesPage(content.categories),
            Page.SIGNS: SignsPage(content.sign_groups),
            Page.OTHERS: OthersPage(),
            Page.RECORDER: RecorderPage(),
            Page.REVIEW: self.review_page,
            Page.DONE: self.done_page,
        }
        self.flow_pages = pages
        self.review_page.setCommitPage(True)
        for index, page_spec in enumerate(flow.PAGES):
            page = pages[page_spec.page]
            self.setPage(index, page)
            page.load(self.entry)
            page.edited.connect(self._edited)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self.currentIdChanged.connect(self._page_changed)

    # -- navigation -------------------------------------------------------------------------------------------------

    def page_id(self) -> Page:
        return flow.PAGES[self.currentId()].page

    def current_flow_page(self) -> FlowPage:
        return self.flow_pages[self.page_id()]

    def nextId(self) -> int:
        """The optional pages (signs, others) come only when the recorder chose to add more detail."""
        if self.currentId() < 0:
            return super().nextId()
        following = flow.next_page(self.page_id(), self.entry)
        return -1 if following is None else self._index(following)

    @staticmethod
    def _index(page: Page) -> int:
        return [s.page for s in flow.PAGES].index(page)

    def go_to(self, target: Page) -> None:
        """From the review page back to a page to change it (an optional page left out is opened for it)."""
        wanted = self._index(target)
        if target in flow.OPTIONAL_PAGES and not self.entry.more_detail:
            self.entry = replace(self.entry, more_detail=True)
            self.flow_pages[Page.ROUTES].load(self.entry)
        while self.currentId() > wanted:
            self.back()
        while self.currentId() < wanted:
            before = self.currentId()
            self.next()
            if self.currentId() == before:  # a page with problems stops the way forward: fix them there
                break
        self.current_flow_page().setFocus()

    def validateCurrentPage(self) -> bool:
        page = self.current_flow_page()
        self._collect()
        now = self._clock()
        if page.page_id is Page.REVIEW:
            return self._send(now)
        problems = flow.check_page(page.page_id, self.entry, mode=self.mode, now=now)
        first = page.show_problems(problems)
        self.save_now()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        return True

    def _send(self, now: datetime) -> bool:
        problems = flow.check_all(self.entry, mode=self.mode, now=now)
        if problems:
            self.review_page.show_entry(self.entry, problems, self.content.sign_texts(), self.content.category_titles())
            return False
        draft = flow.to_draft(self.entry, recorded_at=now.replace(second=0, microsecond=0))
        self._timer.stop()
        try:
            self.reference = self._submit(draft, flow.unparsed(self.entry))
        except UserFacingError as problem:
            ask.current().warn(self, "The concern was not sent", f"{problem.sentence} Nothing you wrote was lost.")
            return False
        _log.info("concern submitted from the wizard (mode %s)", self.mode)
        self.done_page.show_sent(self.reference, self.entry)
        sealed = "sealed for the DSL" if self.mode is Mode.STAFF else "saved in the vault"
        self._set_status(f"Sent and {sealed} at {now:%H:%M}.", False)
        self.submitted.emit(self.reference)
        return True

    def _page_changed(self, index: int) -> None:
        if index < 0:
            return
        page = self.current_flow_page()
        if page.page_id is Page.REVIEW:
            self.review_page.show_entry(self.entry, {}, self.content.sign_texts(), self.content.category_titles())
        self._show_notices()
        self.save_now()

    # -- typing and saving ------------------------------------------------------------------------------------------

    def _collect(self) -> None:
        if self.currentId() >= 0:
            self.entry = self.current_flow_page().collect(self.entry)

    def _edited(self) -> None:
        self._collect()
        self._show_notices()
        page = self.current_flow_page()
        page.clear_fixed(flow.check_page(page.page_id, self.entry, mode=self.mode, now=self._clock()))
        if self.writer is not None and not self.writer.submitted:
            self._timer.start()

    def _show_notices(self) -> None:
        page = self.current_flow_page()
        notices = flow.notices(page.page_id, self.entry, now=self._clock(), contacts=self.content.route_contacts)
        page.notices.show_notices(notices)

    def save_now(self) -> bool:
        """Seal the draft so far into the inbox; returns False if there was nothing to save or it failed."""
        self._timer.stop()
        if self.writer is None or self.writer.submitted or flow.is_blank(self.entry):
            return False
        try:
            self.writer.save_draft(flow.to_draft(self.entry), flow.unparsed(self.entry))
        except UserFacingError as problem:
            self._set_status(f"Could not save a sealed copy yet: {problem.sentence} Keep this window open.", True)
            return False
        except OSError as exc:
            _log.warning("sealed draft not saved: %s", Safe(type(exc).__name__))
            self._set_status("Could not save a sealed copy yet. Keep this window open and tell your DSL.", True)
            return False
        self._set_status(f"Draft saved and sealed at {self._clock():%H:%M}. Only the DSL can open it.", False)
        self.draft_saved.emit()
        return True

    def _set_status(self, text: str, problem: bool) -> None:
        for page in self.flow_pages.values():
            page.status.setText(text)
            set_tone(page.status, ERROR_TONE if problem else HINT_TONE)

    # -- closing ----------------------------------------------------------------------------------------------------

    def reject(self) -> None:
        """Stop for now: keep what was written (sealed); staff may delete it, the DSL resumes or deletes it later.

        The DSL is never asked here: the window also closes this way when the vault locks itself.
        """
        self._collect()
        if self.writer is not None and not self.writer.submitted and not flow.is_blank(self.entry):
            self.save_now()
            delete = self.mode is Mode.STAFF and ask.current().confirm(
                self,
                "Stop recording this concern?",
                STOP_FOR_NOW,
                "Delete what I wrote",
                "Keep it for the DSL",
            )
            if delete:
                self.writer.discard()
        self._forget()
        super().reject()

    def accept(self) -> None:
        self._forget()
        super().accept()

    def _forget(self) -> None:
        """Drop what was typed from memory: the window closes and nothing of the record lingers."""
        self._timer.stop()
        self.entry = Entry()
