"""One concern, everything recorded about it, and the DSL's actions on it.

What was recorded is shown as it was submitted (the child's own words marked verbatim); corrections follow in order,
then the screenings and the referral log. Nothing here edits a record: every action adds to it.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping, Sequence
from datetime import date
from itertools import groupby
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actions import ActionChange, ConcernAction
from desktop_app.domain.concern_record import Entry, RecordSection, Shape, correction_target, screening_title
from desktop_app.domain.enums import AddendumTarget, ConcernStatus, RiskLevel, RouteId
from desktop_app.domain.records import Addendum, ScreeningRecord
from desktop_app.errors import UserFacingError
from desktop_app.log import Safe
from desktop_app.services import casework
from desktop_app.services.casework import ConcernFile
from desktop_app.services.casework import record as casework_record
from desktop_app.services.casework import screening as screening_flow
from desktop_app.services.casework.screening import route_title
from desktop_app.ui import ask, cells, navigation
from desktop_app.ui.a11y import name_list
from desktop_app.ui.attachments.tabs import concern_tabs
from desktop_app.ui.labels import set_tone
from desktop_app.ui.models import RecordsModel, record_events
from desktop_app.ui.record_windows import mark_shows_records
from desktop_app.ui.referral_log import ReferralLogShape
from desktop_app.ui.referrals import (
    ConfirmationDialog,
    FormDialog,
    ReferralContactDialog,
    awaiting_confirmation,
    overdue,
    referral_columns,
    short_date,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from desktop_app.definitions import ContactsDefinition
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)

STATUS_LABELS = {
    ConcernStatus.AWAITING_SCREENING.value: "Awaiting screening",
    ConcernStatus.SCREENED.value: "Screened",
    ConcernStatus.REFERRED.value: "Referred",
    ConcernStatus.CLOSED.value: "Closed",
}


def _e(text: str) -> str:
    return html.escape(text or "", quote=False).replace("\n", "<br>")  # text, never inside an attribute


def _contacts() -> ContactsDefinition:
    """The routes' local contacts from forms/ (read once per folder), to name each route."""
    from desktop_app.definitions import load_forms

    return load_forms().contacts


def concern_html(
    file: ConcernFile, route_labels: Mapping[RouteId, str] | None = None, actions: Sequence[ConcernAction] = ()
) -> str:
    """The record as the DSL reads it, oldest first. Every value is escaped: records are never markup.

    ``route_labels`` name each route with its number to ring (the setting's own where set); ``actions`` are listed
    with their whole history (agreed, handed on, due date moved, completed with the outcome).
    """
    child = file.child.details
    age = child.age_on(date.today())
    born = f"born {child.date_of_birth.strftime('%d %b %Y')}, " if child.date_of_birth else ""
    parts = [
        f"<h2>{_e(child.display_name)}</h2>",
        f"<p>{born}{'age ' + str(age) if age is not None else 'age not known'}"
        f"{', ' + _e(child.year_group) if child.year_group else ''}"
        f"{'; social worker: ' + _e(child.social_worker) if child.social_worker else '; no allocated social worker'}"
        f"{'; learning disability' if child.learning_disability else ''}</p>",
        *_section_html(casework_record.concern_record(file.concern, confirmed_kinds=_confirmed_kinds(file))),
    ]

    parts.append("<h3>Corrections and additions</h3>")
    if file.addenda:
        parts += [_addendum_html(a, file) for a in file.addenda]
    else:
        parts.append("<p>None.</p>")

    parts.append("<h3>Screenings</h3>")
    if file.screenings:
        total = len(file.screenings)
        parts += [_screening_html(s, route_labels or {}, n, total) for n, s in enumerate(file.screenings, 1)]
    else:
        parts.append("<p>Not screened yet.</p>")

    if actions:
        parts.append(_actions_html(actions))

    parts.append("<h3>Status history</h3><ul>")
    parts += [
        f"<li>{short_date(e.at)} — {_e(STATUS_LABELS.get(e.status, e.status))} by {_e(e.actor.name)}"
        f"{': ' + _e(e.note) if e.note and e.note not in ('submitted', 'screened', 'referred') else ''}</li>"
        for e in file.events
    ]
    parts.append("</ul>")
    return "".join(parts)


def _confirmed_kinds(file: ConcernFile) -> tuple[str, ...] | None:
    latest = max(file.screenings, key=lambda s: (s.completed_at, s.screening_id)) if file.screenings else None
    kinds = latest.decision.category_ids if latest is not None else None
    return tuple(kinds) if kinds is not None else None


def _section_html(section: RecordSection, level: int = 3) -> list[str]:
    """One described section of the record (``domain.concern_record``, ``domain.screening_record``): a heading, then
    each entry by its shape."""
    tone = " style='color:#1f4e79'" if level > 3 else ""  # a part of a screening, told apart from the labels
    parts = [f"<h{level}{tone}>{_e(section.title)}</h{level}>"]
    rows: list[str] = []  # short fields side by side in one table, so the account is not pushed off the screen
    for entry in section:
        label = _e(entry.label)
        if entry.shape is Shape.FIELD and not entry.warning:
            rows.append(f"<tr><td><b>{label}:</b></td><td>{_value(entry) or '—'}</td></tr>")
            continue
        if rows:
            parts.append("<table cellpadding='2'>" + "".join(rows) + "</table>")
            rows = []
        if entry.shape is Shape.ITEMS:
            parts += _items_html(entry)
        elif entry.shape is Shape.ANSWERS:
            parts += _answers_html(entry)
        elif entry.shape is Shape.VERBATIM:
            parts.append(f"<p><b>{label} (verbatim):</b>{'' if entry.value.strip() else ' —'}</p>")
            if entry.value.strip():
                parts.append(
                    "<table width='100%' cellpadding='8' style='background:#fff8e6; border-left:4px solid #c58a00'>"
                    f"<tr><td><i>“{_e(entry.value)}”</i></td></tr></table>"
                )
        elif entry.shape is Shape.TEXT:
            parts.append(f"<p><b>{label}:</b><br>{_value(entry) or '—'}</p>")
        else:
            parts.append(f"<p style='color:#b00020'><b>{label}: {_value(entry) or '—'}</b></p>")
    if rows:
        parts.append("<table cellpadding='2'>" + "".join(rows) + "</table>")
    return parts


def _value(entry: Entry) -> str:
    return _e(short_date(entry.at) if entry.at else entry.value)


def _items_html(entry: Entry) -> list[str]:
    """A label (with its value), then one line per item; what the entry says when there are none."""
    said = entry.value if entry.items else (entry.value or entry.none)
    if not (said or entry.items):
        return []
    head = f"<p><b>{_e(entry.label)}:</b>{' ' + _e(said) if said else ''}</p>"
    return [head, *(["<ul>", *(f"<li>{_e(item)}</li>" for item in entry.items), "</ul>"] if entry.items else [])]


def _answers_html(entry: Entry) -> list[str]:
    """The tool's questions answered, under their sections, each with its facts and the DSL's note."""
    if not entry.answers:
        return [f"<p><b>{_e(entry.label)}:</b> {_e(entry.none)}</p>"] if entry.none else []
    parts = [f"<p><b>{_e(entry.label)}:</b></p>"]
    for group, answers in groupby(entry.answers, key=lambda a: a.group):
        if group:
            parts.append(f"<p><i>{_e(group)}</i></p>")
        parts.append("<ul>")
        parts += [f"<li>{_e(a.line)}{'<br><i>Note:</i> ' + _e(a.note) if a.note else ''}</li>" for a in answers]
        parts.append("</ul>")
    return parts


def _actions_html(actions: Sequence[ConcernAction]) -> str:
    from desktop_app.services.actions.history import history

    parts = ["<h3><a name='actions'></a>Actions and what happened to them</h3>"]
    for action in sorted(actions, key=lambda a: a.created_at):
        parts.append(f"<p><b>{_e(action.text)}</b></p><ul>")
        for line in history(action):
            label = "Outcome" if line.event.change is ActionChange.COMPLETED else "Why"
            why = f"<br><b>{label}:</b> {_e(line.why)}" if line.why else ""
            parts.append(
                f"<li>{short_date(line.event.at)} — {_e(line.what)} (recorded by {_e(line.event.by.name)}){why}</li>"
            )
        parts.append("</ul>")
    return "".join(parts)


def _addendum_html(a: Addendum, file: ConcernFile) -> str:
    screenings = [s.screening_id for s in file.screenings]
    target = correction_target(a, screenings, file.referrals, lambda route: route_title(route, _contacts()))
    return (
        "<table width='100%' cellpadding='6' style='background:#eef3f8; margin-bottom:6px'><tr><td>"
        f"<b>Correction to {_e(target)}</b> — {_e(a.author.name)}, {short_date(a.written_at)}<br>"
        f"<b>Why:</b> {_e(a.reason)}<br><b>What changed:</b> {_e(a.change)}</td></tr></table>"
    )


def _screening_html(s: ScreeningRecord, route_labels: Mapping[RouteId, str], number: int = 1, total: int = 1) -> str:
    """One screening and the DSL's decision as ``domain.screening_record`` describes them, numbered as corrections
    name it ("Screening 2 of 2") when the concern was screened more than once."""
    screening, *decision = casework_record.screening_record(s, route_labels, title=screening_title(number, total))
    parts = _section_html(screening) + [part for section in decision for part in _section_html(section, 4)]
    return "<div>" + "".join(parts) + "</div><hr>"


class ConcernView(QWidget):
    """A page of the main window; ``changed`` fires after each action so the view (and dashboard) reload."""

    changed = Signal()

    def __init__(self, session: VaultSession, concern_id: int, host: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("concern_view")
        # under Dashboard however it is opened: its Back returns there, where the concerns to screen, review and
        # confirm are listed (a concern opened from a child's chronology is one of those, not a page of Children)
        navigation.belongs_to(self, "dashboard")
        self.session = session
        self.concern_id = concern_id
        self.host = host
        self.today = date.today()
        self.windows: list[QWidget] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back = QPushButton("← Back to the dashboard", self)
        self.back.setAccessibleName("Back to the dashboard")
        self.back.setObjectName("back")
        self.back.clicked.connect(self.go_back)
        top.addWidget(self.back)
        self.title = QLabel(self)
        self.title.setObjectName("concern_title")
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        layout.addLayout(top)

        # Two rows of three: six buttons in one row are wider than a laptop screen at 150% zoom, which pushed the
        # window's right-hand side (and the last buttons) off the screen.
        actions, more = QHBoxLayout(), QHBoxLayout()
        self.screen_button = self._button("Screen this concern…", "screen", self.screen, actions)
        self.correction_button = self._button("Add a correction…", "correction", self.add_correction, actions)
        self.referral_button = self._button("Record a referral contact…", "referral", self.record_referral, actions)
        self.confirm_button = self._button("Record written confirmation…", "confirm", self.record_confirmation, more)
        self.close_button = self._button("Close concern…", "close", self.close_concern, more)
        self.pdf_button = self._button("Referral summary (PDF)…", "referral_pdf", self.referral_summary, more)
        for row in (actions, more):
            row.addStretch(1)
            layout.addLayout(row)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter = splitter
        self._log_room_given = False
        self.record = QTextBrowser(splitter)
        self.record.setObjectName("concern_record")
        self.record.setOpenLinks(False)
        self.record.setAccessibleName("The concern record")
        self.record.setTabChangesFocus(True)
        referrals = QWidget()
        column = QVBoxLayout(referrals)
        column.setContentsMargins(0, 0, 0, 0)
        self.referrals_title = QLabel("<b>Referral log</b>", referrals)
        column.addWidget(self.referrals_title)
        # the log and the referral written out under it scroll together, down only: each row as tall as its text
        log_scroll = QScrollArea(referrals)
        log_scroll.setObjectName("referral_log_scroll")
        log_scroll.setWidgetResizable(True)
        log_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        log_scroll.setFrameShape(QFrame.Shape.NoFrame)
        log_body = QWidget(log_scroll)
        log_column = QVBoxLayout(log_body)
        log_column.setContentsMargins(0, 0, 0, 0)
        self.referral_table = QTableView(log_body)
        self.referral_table.setObjectName("referral_log")
        name_list(self.referral_table, "Referral log")
        self.referral_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.referral_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.referral_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.referral_table.verticalHeader().setVisible(False)
        log_column.addWidget(self.referral_table)
        self.referral_details = QLabel(log_body)
        self.referral_details.setObjectName("referral_details")
        log_column.addWidget(self.referral_details)
        log_column.addStretch(1)
        log_scroll.setWidget(log_body)
        column.addWidget(log_scroll, 1)
        self.referral_shape = ReferralLogShape(self.referral_table, self.referral_details)
        from desktop_app.ui.actions import ActionsSection

        self.sections = concern_tabs(self, referrals)  # referral log, attachments, body map
        self.actions_section = ActionsSection(session, concern_id, splitter, self.today)  # who does what by when
        self.actions_section.changed.connect(self._record_changed)
        splitter.addWidget(self.record)
        splitter.addWidget(self.sections)
        splitter.addWidget(self.actions_section)
        splitter.setSizes([380, 200, 180])
        layout.addWidget(splitter, 1)
        self.changed.connect(self.reload)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._log_room_given:
            self._log_room_given = True
            QTimer.singleShot(0, self._give_the_log_room)  # once laid out; later the DSL's own split is kept

    def _give_the_log_room(self) -> None:
        """At 150% on a laptop the referral log's share of the page showed its headings and a sliver of a referral:
        it takes from the record above what its first referral needs to be read whole, the record keeping at least a
        quarter of the room (both scroll, and the DSL may move the split)."""
        scroller = self.findChild(QScrollArea, "referral_log_scroll")
        model = self.referral_table.model()
        if scroller is None or model is None or not model.rowCount():
            return
        wanted = self.referral_table.horizontalHeader().height() + self.referral_table.rowHeight(0) + 8
        short = wanted - scroller.viewport().height()
        sizes = self.splitter.sizes()
        spare = sizes[0] - sum(sizes) // 4
        if short > 0 and spare > 0:
            moved = min(short, spare)
            self.splitter.setSizes([sizes[0] - moved, sizes[1] + moved, *sizes[2:]])

    def _button(self, text: str, name: str, slot: Any, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # --- showing --------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.file = casework.concern_file(self.session, self.concern_id)
        c = self.file.concern
        status = STATUS_LABELS.get(c.status, c.status)
        latest = self.file.screenings[-1].decision.confirmed_level if self.file.screenings else None
        level = f" — {latest.label}" if latest else ""
        colour = "#b00020" if latest is RiskLevel.HIGH else "#202020"
        self.title.setText(
            f"<span style='font-size:16pt'><b>{html.escape(c.reference)}</b> · "
            f"{html.escape(self.file.child.details.display_name)}</span> &nbsp; "
            f"<span style='color:{colour}'><b>{status}{level}</b></span>"
        )
        scroll = self.record.verticalScrollBar().value()
        from desktop_app.services.actions import lists as action_lists

        actions = action_lists.for_concern(self.session, self.concern_id)
        self.record.setHtml(concern_html(self.file, self._route_labels(), actions))
        self.record.verticalScrollBar().setValue(scroll)
        entries = list(self.file.referrals)
        columns = cells.headed(referral_columns(self.today))
        self.referral_model = RecordsModel(
            columns,
            lambda limit: entries[:limit],
            page_size=max(100, len(entries)),
            attention=overdue(self.today),
            parent=self,
        )
        self.referral_table.setModel(self.referral_model)
        self.referral_shape.arrange(referral_columns(self.today))
        closed = self.file.is_closed()
        self.actions_section.concern_title = self._what()  # names its unfinished work if the vault locks
        self.actions_section.reload(closed=closed)
        self.screen_button.setEnabled(not closed)
        self.referral_button.setEnabled(not closed)
        self.close_button.setEnabled(not closed)
        pending = sum(1 for e in entries if awaiting_confirmation(e))
        self.confirm_button.setEnabled(pending > 0)
        # a greyed-out button says why, to the mouse (tooltip) and to a screen reader (description)
        why_not = (
            ""
            if self.confirm_button.isEnabled()
            else ("No referral in the log is waiting for written confirmation. Record a referral contact first.")
        )
        self.confirm_button.setToolTip(why_not)
        self.confirm_button.setAccessibleDescription(why_not)
        closed_note = "This concern is closed. Add a correction if something needs to be added." if closed else ""
        for button in (self.screen_button, self.referral_button, self.close_button):
            button.setToolTip(closed_note)
            button.setAccessibleDescription(closed_note)
        self.screen_button.setText("Screen again…" if self.file.screenings else "Screen this concern…")
        first_step = not closed and not self.file.screenings
        set_tone(self.screen_button, "bold" if first_step else "")
        self.screen_button.setDefault(first_step)
        late = sum(1 for e in entries if overdue(self.today)(e))
        summary = "none recorded yet" if not entries else f"{len(entries)} contact{'s' if len(entries) != 1 else ''}"
        if pending:
            summary += f"; {pending} written confirmation{'s' if pending != 1 else ''} still to send"
        if late:
            summary += f" (<span style='color:#8a1c14'><b>{late} overdue</b></span>)"
        self.referrals_title.setText(f"<b>Referral log</b> — {summary}")

    def _route_labels(self) -> dict[RouteId, str]:
        """Each route with its number (forms/contacts.toml, the setting's own numbers where set)."""
        try:
            from desktop_app.definitions import load_forms

            return screening_flow.route_labels(self.session, load_forms())
        except UserFacingError:  # a broken forms folder must not hide the record: routes are shown by name
            _log.warning("route numbers not shown: the forms could not be read")
            return {}

    def go_back(self) -> None:
        if self.host is not None and hasattr(self.host, "show_dashboard"):
            self.host.show_dashboard()

    def _window_parent(self) -> QWidget:
        return self.window()

    def _keep(self, widget: QWidget) -> QWidget:
        mark_shows_records(widget)
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.windows.append(widget)
        return widget

    # --- actions --------------------------------------------------------------------------------------------------
    def screen(self) -> Any:
        from desktop_app.ui.screening import open_screening_wizard

        wizard = open_screening_wizard(self._window_parent(), self.session, self.concern_id, self.today)
        self._keep(wizard)
        wizard.completed.connect(self._record_changed)  # open_screening_wizard also tells every list
        return wizard

    def add_correction(self) -> FormDialog:
        dialog = FormDialog(
            self._window_parent(),
            "Add a correction",
            "The original stays exactly as it was submitted. Your correction is added after it, "
            "with your name and the time.",
            "Add correction",
        )
        dialog.setObjectName("correction_dialog")
        target = dialog.add_field("Correction to:", QComboBox(dialog), "target")
        target.addItem(f"The concern {self.file.concern.reference}", ("concern", self.concern_id))
        for number, record in enumerate(self.file.screenings, 1):
            target.addItem(
                f"Screening {number} ({short_date(record.completed_at)})", ("screening", record.screening_id)
            )
        for entry in self.file.referrals:
            target.addItem(
                f"Referral to {route_title(entry.route, _contacts())} ({short_date(entry.contacted_at)})",
                ("referral", entry.referral_id),
            )
        reason = dialog.add_field("Why:", dialog.text_box("Why a correction is needed"), "reason")
        change = dialog.add_field("What is corrected or added:", dialog.text_box("The correct details", 110), "change")

        def submit() -> None:
            kind, object_id = target.currentData()
            casework.add_correction(
                self.session, AddendumTarget(kind), object_id, reason.toPlainText(), change.toPlainText()
            )

        dialog.submit = submit
        dialog.check = lambda: casework.check_addendum(reason.toPlainText(), change.toPlainText())
        dialog.keep_as(self.session, "correction", self.concern_id, f"Correction to {self._what()}")
        return self._open(dialog)

    def record_referral(self) -> ReferralContactDialog:
        from desktop_app.definitions import load_forms

        dialog = ReferralContactDialog(
            self._window_parent(),
            self.session,
            self.concern_id,
            self.file.routes_decided(),
            labels=screening_flow.route_labels(self.session, load_forms()),
        )
        dialog.keep_as(self.session, "referral", self.concern_id, f"Referral contact for {self._what()}")
        return self._open(dialog)

    def record_confirmation(self) -> ConfirmationDialog | None:
        entries = [e for e in self.file.referrals if awaiting_confirmation(e)]
        selected = self.referral_table.selectionModel().selectedRows() if self.referral_table.selectionModel() else []
        chosen = self.referral_model.record(selected[0].row()) if selected else None
        if chosen is None or chosen not in entries:
            if len(entries) != 1:
                ask.current().inform(
                    self, "Choose a referral", "Select the referral in the referral log whose confirmation was sent."
                )
                return None
            chosen = entries[0]
        return self._open(ConfirmationDialog(self._window_parent(), self.session, chosen, self.today))

    def close_concern(self) -> FormDialog:
        dialog = FormDialog(
            self._window_parent(),
            "Close this concern",
            "Closing records the outcome; the concern and everything added to it stay as they are.",
            "Close concern",
        )
        dialog.setObjectName("close_dialog")
        outcome = dialog.add_field(
            "Outcome:", dialog.text_box("What happened and why no further action is needed", 110), "outcome"
        )
        dialog.submit = lambda: casework.close_concern(self.session, self.concern_id, outcome.toPlainText())
        dialog.keep_as(self.session, "close", self.concern_id, f"Closing {self._what()}")
        return self._open(dialog)

    def add_action(self) -> Any:
        """The actions section's "Add an action…" (also how unfinished work reopens it after unlock)."""
        return self.actions_section.add_action()

    def _what(self) -> str:
        return f"{self.file.concern.reference} — {self.file.child.details.display_name}"

    def referral_summary(self) -> Any:
        """Build the PDF in memory and preview it; printing and saving are audited by the documents service."""
        from desktop_app.services import documents
        from desktop_app.ui.documents import DocumentDialog

        try:
            pdf, title, on_print, on_save = documents.referral_summary_actions(self.session, self.concern_id)
        except UserFacingError as error:
            ask.current().warn(self, "Referral summary", error.sentence)
            return None
        dialog = DocumentDialog(
            self._window_parent(),
            title,
            pdf,
            on_print,
            on_save,
            suggested_name=f"Referral summary {self.file.concern.reference}.pdf",
        )
        self._keep(dialog)
        dialog.open()
        return dialog

    def _record_changed(self, *_args: object) -> None:
        """A method, not a lambda: Qt drops the connection if this view has gone (the DSL moved on)."""
        self.changed.emit()
        record_events().changed.emit()

    def _open(self, dialog: Any) -> Any:
        self._keep(dialog)
        dialog.saved.connect(self._record_changed)
        dialog.open()
        _log.info("dialog opened on concern %s", Safe(self.concern_id))
        return dialog
