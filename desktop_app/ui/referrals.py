"""The referral log of a concern: record a contact with an agency, record the written confirmation sent after it.

Also the small form dialog the concern view's corrections and closing use: fields with their problems beside them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.definitions import load_forms
from desktop_app.domain.enums import RouteId
from desktop_app.domain.records import ReferralEntry
from desktop_app.errors import InvalidInput, UserFacingError
from desktop_app.services import casework
from desktop_app.services.casework import referral_request
from desktop_app.services.casework.screening import route_title
from desktop_app.ui.a11y import buttons_last, first_place_to_type, name_field, when_edited
from desktop_app.ui.labels import set_tone
from desktop_app.ui.models import Column
from desktop_app.ui.room import LONG_SENTENCE, bring_into_view, keep_room, say

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

PROBLEM_TONE = "problem"  # resources/style.qss
W = TypeVar("W", bound=QWidget)


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def short_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return casework.local(value).strftime("%d %b %Y %H:%M")
    return value.strftime("%d %b %Y")


class FormDialog(QDialog):
    """A dialog of labelled fields; ``submit`` saves or raises ``InvalidInput``, whose problems show by their fields.

    Emits ``saved`` after a successful submit, then closes. Opened with ``open()``: nothing blocks.
    """

    saved = Signal()

    def __init__(self, parent: QWidget | None, title: str, intro: str, ok_text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        # No fixed minimum width: it would override the layout's own and clip the fields at 150% zoom. The dialog
        # opens at a comfortable width for its font instead (see showEvent).
        self._sized = False
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        # The fields scroll when they are taller than the screen (150% zoom on 1366×768); the intro, the general
        # problem and the buttons stay in sight.
        self.scroller = QScrollArea(self)
        self.scroller.setObjectName("form_scroll")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body = QWidget(self.scroller)
        self.body.setObjectName("form_body")
        self.form = QFormLayout(self.body)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.scroller.setWidget(self.body)
        layout.addWidget(self.scroller, 1)
        self.general = QLabel(self)
        self.general.setObjectName("problem_general")
        set_tone(self.general, PROBLEM_TONE)
        self.general.setWordWrap(True)
        self.general.setVisible(False)
        keep_room(self.general)
        layout.addWidget(self.general)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("ok")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.problems: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self.submit: Callable[[], object] = lambda: None
        # Checks the fields without saving (raises ``InvalidInput``), when the form has such a check: after a refused
        # save, each problem goes as soon as it is put right. Without one, a field's problem goes when it is edited.
        self.check: Callable[[], object] | None = None
        self._refused = False
        self._start_in: QWidget | None = None
        self._keeper: tuple[Any, str, int, str] | None = None
        self._opened_with: dict[str, Any] | None = None
        self._resumed = False

    # --- unfinished work: kept when the vault locks, asked about before it is thrown away -------------------------
    def keep_as(self, session: VaultSession, kind: str, concern_id: int, title: str) -> None:
        """What to call this work if the vault locks while it is open (``services.casework.drafts``)."""
        self._keeper = (session, kind, concern_id, title)

    def field_state(self) -> dict[str, Any]:
        """Every field's value as plain JSON, by field name."""
        state: dict[str, Any] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QPlainTextEdit):
                state[name] = widget.toPlainText()
            elif isinstance(widget, QLineEdit):
                state[name] = widget.text()
            elif isinstance(widget, QComboBox):
                state[name] = widget.currentIndex()
            elif isinstance(widget, QCheckBox):
                state[name] = widget.isChecked()
            elif isinstance(widget, QDateTimeEdit):  # QDateEdit too
                state[name] = widget.dateTime().toString(Qt.DateFormat.ISODate)
        return state

    def restore_fields(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            widget = self.fields.get(name)
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value))
            elif isinstance(widget, QComboBox) and 0 <= int(value) < widget.count():
                widget.setCurrentIndex(int(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QDateTimeEdit):
                widget.setDateTime(QDateTime.fromString(str(value), Qt.DateFormat.ISODate))
        self._resumed = True

    def has_changes(self) -> bool:
        return self._resumed or (self._opened_with is not None and self.field_state() != self._opened_with)

    def keep_unfinished(self) -> bool:
        if self._keeper is None or self.result() == QDialog.DialogCode.Accepted or not self.has_changes():
            return False
        from desktop_app.services.casework import drafts

        session, kind, concern_id, title = self._keeper
        drafts.keep(session, kind, concern_id, title, self.field_state())
        return True

    def _forget(self) -> None:
        if self._keeper is not None:
            from desktop_app.services.casework import drafts

            session, kind, concern_id, _title = self._keeper
            drafts.discard_for(session, kind, concern_id)

    def reject(self) -> None:
        """Cancel asks first when something was typed; a close by the vault lock does not (the work is kept)."""
        from desktop_app.ui import ask, unfinished

        if not unfinished.locking() and self.has_changes():
            if not ask.current().confirm(
                self,
                "Stop without saving?",
                "What you typed here has not been saved. Stop and lose it?",
                "Stop and lose it",
                "Keep writing",
            ):
                return
            self._forget()
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        if self._opened_with is None:
            self._opened_with = self.field_state()
        first_show = not self._sized
        if first_show:
            self._sized = True
            self._size_to_fit()
        super().showEvent(event)
        if first_show:
            # Laid out at its own width, the room kept for problems that wrap there is known: measured again.
            layout = self.layout()
            if layout is not None:
                layout.activate()
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self._size_to_fit()
            # The first word typed goes where the writing is done, not to the first list or to the OK button
            # (QDialog gives a default button the focus when the first widget in the tab order is a button).
            QTimer.singleShot(0, self, lambda: buttons_last(self.body, self.buttons))  # once the buttons are placed
            start = self._start_in or first_place_to_type(list(self.fields.values()))
            if start is not None:
                start.setFocus(Qt.FocusReason.OtherFocusReason)

    def start_in(self, widget: QWidget) -> None:
        """Where the keyboard focus starts when the dialog opens (by default, its first text box)."""
        self._start_in = widget

    def _size_to_fit(self) -> None:
        """A comfortable width for the font, and the height of every field, but never past the available screen:
        then the fields scroll and the buttons stay in sight."""
        scroll_bar = self.scroller.verticalScrollBar().sizeHint().width()
        comfortable = self.fontMetrics().averageCharWidth() * 95  # a problem sentence fits its one kept line
        width = max(self.sizeHint().width(), self.body.minimumSizeHint().width() + scroll_bar + 24, comfortable)
        screen = self.screen()
        available = screen.availableGeometry() if screen is not None else None
        if available is not None:
            width = min(width, available.width() - 40)
        width = max(width, self.minimumSizeHint().width())
        layout = self.layout()
        chrome = self.sizeHint().height() - self.scroller.sizeHint().height()
        body = self.form.totalHeightForWidth(width - scroll_bar - 24) if layout is not None else -1
        height = chrome + max(body, self.body.sizeHint().height())
        if available is not None:
            frame = max(self.frameGeometry().height() - self.geometry().height(), 32)  # the title bar
            height = min(height, available.height() - frame - 8)
        self.resize(width, max(height, self.minimumSizeHint().height()))
        if available is not None:  # the whole dialog on the screen, title bar included
            outer = self.frameGeometry()
            x = min(max(outer.x(), available.left()), available.right() - outer.width() + 1)
            y = min(max(outer.y(), available.top()), available.bottom() - outer.height() + 1)
            if (x, y) != (outer.x(), outer.y()):
                self.move(x, y)

    def add_field(self, label: str, widget: W, name: str) -> W:
        holder = QWidget(self.body)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        widget.setParent(holder)
        widget.setObjectName(name)
        if isinstance(widget, QComboBox):  # long choices are read in the open list, not by widening the dialog
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(24)
        column.addWidget(widget)
        problem = QLabel(holder)
        problem.setObjectName(f"problem_{name}")
        set_tone(problem, PROBLEM_TONE)
        problem.setWordWrap(True)
        problem.setVisible(False)
        keep_room(problem, measure=LONG_SENTENCE)  # a sentence that wraps at 150% moves nothing below it
        column.addWidget(problem)
        self.problems[name] = problem
        self.fields[name] = widget
        self.form.addRow(label, holder)
        name_field(self.form, holder, widget, label)
        when_edited(widget, lambda *_args: self._edited(name))
        return widget

    def text_box(self, placeholder: str, height: int = 70) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(height)
        return edit

    def show_problems(self, problems: Sequence[Any]) -> None:
        by_field = {p.field: p.sentence for p in problems}
        self._put(by_field)
        leftover = [p.sentence for p in problems if p.field not in self.problems]
        self.general.setText(" ".join(leftover))
        self.general.setVisible(bool(leftover))
        self._fit_height()
        first = next((name for name in self.problems if name in by_field), None)
        if first is not None:  # the cursor goes to the first field to fix, so its name and problem are heard
            bring_into_view(self.scroller, self.fields[first], self.problems[first])
            self.fields[first].setFocus(Qt.FocusReason.OtherFocusReason)

    def _put(self, by_field: dict[str, str]) -> None:
        for name, label in self.problems.items():
            say(label, by_field.get(name, ""))
            self.fields[name].setAccessibleDescription(by_field.get(name, ""))

    def _edited(self, name: str) -> None:
        """After a refused save, take away the problems that are now put right; never add one before the next save
        (a sentence appearing under the box being typed in, before the person has finished, is only noise)."""
        if not self._refused:
            return
        shown = {n: label.text() for n, label in self.problems.items() if not label.isHidden()}
        if not shown:
            return
        if self.check is None:
            still = {n: sentence for n, sentence in shown.items() if n != name}
        else:
            try:
                self.check()
                remaining: set[str] = set()
            except InvalidInput as error:
                remaining = {p.field for p in error.problems}
            still = {n: sentence for n, sentence in shown.items() if n in remaining}
        if still != shown:
            self._put(still)

    def _fit_height(self) -> None:
        """Grow to fit sentences that wrap: the dialog's minimum size ignores wrapping, so a two-line problem would
        otherwise be drawn over the box above it."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        self.form.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        screen = self.screen()
        if screen is not None:  # past the screen's height the fields scroll instead
            needed = min(needed, screen.availableGeometry().height() - 40)
        if needed > self.height():
            self.resize(self.width(), needed)

    def _submit(self) -> None:
        try:
            self.submit()
        except InvalidInput as error:
            self._refused = True
            self.show_problems(error.problems)
            return
        except UserFacingError as error:
            self.general.setText(error.sentence)
            self.general.setVisible(True)
            self._fit_height()
            return
        self._forget()
        self.saved.emit()
        self.accept()


class ReferralContactDialog(FormDialog):
    """Who was contacted on which route, when, their reference, the outcome, and when confirmation is due."""

    def __init__(
        self,
        parent: QWidget | None,
        session: VaultSession,
        concern_id: int,
        routes: Sequence[RouteId],
        now: datetime | None = None,
        labels: dict[RouteId, str] | None = None,
    ) -> None:
        super().__init__(
            parent,
            "Record a referral contact",
            "One entry per contact. It cannot be edited afterwards: corrections are added to it.",
            "Save referral contact",
        )
        self.setObjectName("referral_contact_dialog")
        self._now = now or datetime.now().astimezone()
        self.route = self.add_field("Route:", QComboBox(self), "route")
        contacts = load_forms().contacts
        ordered = [*routes, *(r for r in RouteId if r not in routes)]
        for route in ordered:
            taken = "  (in the decision)" if route in routes else ""
            self.route.addItem((labels or {}).get(route, route_title(route, contacts)) + taken, route.value)
        self.contacted_name = self.add_field("Who you spoke or wrote to:", QLineEdit(self), "contacted_name")
        self.contacted_name.setPlaceholderText("Name and role, e.g. duty social worker")
        self.contacted_at = self.add_field("When:", QDateTimeEdit(self), "contacted_at")
        self.contacted_at.setCalendarPopup(True)
        self.contacted_at.setDisplayFormat("d MMMM yyyy HH:mm")
        self.contacted_at.setDateTime(QDateTime(qdate(self._now.date()), QDateTime.currentDateTime().time()))
        self.reference = self.add_field("Their reference:", QLineEdit(self), "reference")
        self.reference.setPlaceholderText("If they gave one")
        self.outcome = self.add_field("Outcome:", self.text_box("What was agreed, what happens next"), "outcome")
        self.needs_confirmation = self.add_field(
            "", QCheckBox("Written confirmation is to be sent", self), "confirmation_needed"
        )
        self.needs_confirmation.setChecked(True)
        self.due = self.add_field("Written confirmation due:", QDateEdit(self), "confirmation_due")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("d MMMM yyyy")
        self.due.setDate(qdate(casework.default_confirmation_due(self._now, contacts)))
        self.needs_confirmation.toggled.connect(self.due.setEnabled)
        self._add_request_fields()
        self.route.currentIndexChanged.connect(self._route_changed)
        self._route_changed()
        self.submit = lambda: casework.record_referral(session, concern_id, self.form_value(), self._now)

    def _add_request_fields(self) -> None:
        """What the school asks for (ticked from the route to begin with) and consent, beside whether parents know."""
        self._choices = referral_request.choices()
        holder = QWidget(self)
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        self.asks: dict[str, QCheckBox] = {}
        for number, choice in enumerate(self._choices.requests):
            box = QCheckBox(choice.title, holder)
            box.setObjectName(f"ask_{choice.id}")
            box.setAccessibleName(f"Ask for: {choice.title}")
            grid.addWidget(box, number // 2, number % 2)
            self.asks[choice.id] = box
        self.add_field("Asking them for:", holder, "asks")
        holder.setAccessibleName("What you are asking them for")
        for choice_id, box in self.asks.items():  # each tick is kept if the vault locks while this is open
            self.fields[f"ask_{choice_id}"] = box
        self.asks_other = self.add_field("Anything else:", QLineEdit(self), "asks_other")
        self.asks_other.setPlaceholderText("In your own words, if it is not ticked above")
        self.consent = self.add_field("Consent:", QComboBox(self), "consent")
        self.consent.addItem("Choose: was consent sought?", None)
        for answer in self._choices.consent:
            self.consent.addItem(answer.title, answer.id)
        self.consent_note = self.add_field("What they said, or why not:", QLineEdit(self), "consent_note")
        self.parents_told = self.add_field("Parents or carers told:", QComboBox(self), "parents_told")
        for text, value in (
            ("Choose: do they know?", None),
            ("Yes, they have been told", True),
            ("No, they have not been told", False),
        ):
            self.parents_told.addItem(text, value)
        self.parents_reason = self.add_field("Why not told:", QLineEdit(self), "parents_not_told_reason")
        self.consent.currentIndexChanged.connect(self._consent_changed)
        self.parents_told.currentIndexChanged.connect(self._parents_changed)
        self._consent_changed()
        self._parents_changed()

    def _consent_changed(self, *_args: object) -> None:
        answer = self._choices.consent_choice(self.consent.currentData() or "")
        needed = answer is not None and answer.needs_note
        self.consent_note.setEnabled(needed)
        label = answer.note_label if answer is not None and needed else "What the family said, or why not sought"
        self.consent_note.setPlaceholderText(label)
        self.consent_note.setAccessibleName(label)

    def _parents_changed(self, *_args: object) -> None:
        self.parents_reason.setEnabled(self.parents_told.currentData() is False)

    def _route_changed(self, *_args: object) -> None:
        route = RouteId(self.route.currentData())
        self.needs_confirmation.setChecked(load_forms().contacts.expects_confirmation(route))
        ticked = referral_request.suggested(route, self._choices)
        for choice_id, box in self.asks.items():
            box.setChecked(choice_id in ticked)

    def form_value(self) -> casework.ReferralForm:
        moment = self.contacted_at.dateTime().toPython()
        assert isinstance(moment, datetime)
        return casework.ReferralForm(
            route=RouteId(self.route.currentData()),
            contacted_name=self.contacted_name.text(),
            contacted_at=moment.astimezone(),
            reference=self.reference.text(),
            outcome=self.outcome.toPlainText(),
            confirmation_needed=self.needs_confirmation.isChecked(),
            confirmation_due=pydate(self.due.date()),
            asks=tuple(choice_id for choice_id, box in self.asks.items() if box.isChecked()),
            asks_other=self.asks_other.text(),
            consent=self.consent.currentData(),
            consent_note=self.consent_note.text() if self.consent_note.isEnabled() else "",
            parents_told=self.parents_told.currentData(),
            parents_not_told_reason=self.parents_reason.text(),
        )


class ConfirmationDialog(FormDialog):
    """The date written confirmation of one referral was sent (an event; the referral entry stays as it was)."""

    def __init__(
        self, parent: QWidget | None, session: VaultSession, entry: ReferralEntry, today: date | None = None
    ) -> None:
        today = today or date.today()
        due = f" It was due on {short_date(entry.confirmation_due)}." if entry.confirmation_due else ""
        super().__init__(
            parent,
            "Record written confirmation",
            f"Written confirmation of the contact with {entry.contacted_name} "
            f"({route_title(entry.route, load_forms().contacts)}) on "
            f"{short_date(entry.contacted_at)}.{due}",
            "Save confirmation",
        )
        self.setObjectName("confirmation_dialog")
        self.sent = self.add_field("Sent on:", QDateEdit(self), "sent")
        self.sent.setCalendarPopup(True)
        self.sent.setDisplayFormat("d MMMM yyyy")
        self.sent.setDate(qdate(today))
        self.submit = lambda: casework.record_confirmation(
            session, entry.concern_id, entry.referral_id, pydate(self.sent.date()), today
        )


def referral_columns(today: date) -> list[Column]:
    contacts = load_forms().contacts

    def confirmation(e: ReferralEntry) -> str:
        if e.confirmation_sent is not None:
            return f"Sent {short_date(e.confirmation_sent)}"
        if e.confirmation_due is None:
            return "Not needed"
        late = "OVERDUE — due" if e.confirmation_due < today else "Due"
        return f"{late} {short_date(e.confirmation_due)}"

    return [
        Column("Route", lambda e: route_title(e.route, contacts)),
        Column("Contacted", lambda e: e.contacted_name),
        Column("When", lambda e: short_date(e.contacted_at)),
        Column("Their reference", lambda e: e.reference or "—"),
        Column("Outcome", lambda e: e.outcome),
        Column("Written confirmation", confirmation),
        Column("Recorded by", lambda e: e.recorded_by.name),
        Column("Asked for", referral_request.asked_summary),
        Column("Consent", referral_request.consent_summary),
    ]


def awaiting_confirmation(entry: ReferralEntry) -> bool:
    """Whether written confirmation of this referral is due and not yet sent."""
    return entry.confirmation_sent is None and entry.confirmation_due is not None


def overdue(today: date) -> Callable[[ReferralEntry], bool]:
    return lambda e: awaiting_confirmation(e) and e.confirmation_due is not None and e.confirmation_due < today


__all__ = [
    "ConfirmationDialog",
    "FormDialog",
    "ReferralContactDialog",
    "awaiting_confirmation",
    "overdue",
    "referral_columns",
]
