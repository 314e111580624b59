"""The child file's Missing episodes section: the child's episodes, newest first; record one, or correct / complete one
(e.g. when the child has returned) by amendment. Each refusal is said beside its field; nothing is saved half-way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.connections import MissingEpisode
from desktop_app.errors import InvalidInput, UserFacingError
from desktop_app.services.child import missing, sharing
from desktop_app.services.child.missing import MissingEpisodeForm
from desktop_app.ui.a11y import name_list
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.labels import note
from desktop_app.ui.models import Column, RecordsModel, record_events
from desktop_app.ui.record_windows import RECORDS_PROPERTY

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

PROBLEM_TONE = "problem"  # resources/style.qss


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%d %b %Y %H:%M") if moment else ""


def _interview(episode: MissingEpisode, hours: int) -> str:
    if episode.interview_held_at is not None:
        within = episode.interview_within(hours)
        return f"held {_when(episode.interview_held_at)}" + ("" if within else f" (after more than {hours} hours)")
    return "offered, not held" if episode.interview_offered else "not offered"


def _to_qt(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def _from_qt(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


class MissingEpisodeDialog(QDialog):
    """Record a new episode, or (``episode`` given) correct or complete one with a reason."""

    def __init__(
        self,
        parent: QWidget | None,
        session: VaultSession,
        child_id: int,
        episode: MissingEpisode | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.setProperty(RECORDS_PROPERTY, True)
        self.session, self.child_id, self.episode, self._now = session, child_id, episode, now
        title = "Record a missing episode" if episode is None else "Correct or complete a missing episode"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        outer = QVBoxLayout(self)
        outer.addWidget(
            note(
                "When the child went missing and came back, where they were found, who was told, and the "
                "return interview. Leave 'returned' unticked while the child is still missing."
                if episode is None
                else "Change what needs correcting or adding (for example, the child has returned), and "
                "say why: the amendment keeps what the episode said before.",
                self,
            )
        )
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        column = QVBoxLayout(body)
        self.form = QFormLayout()
        column.addLayout(self.form)
        column.addStretch(1)
        self.problems: dict[str, QLabel] = {}
        start = now()
        self.went = self._moment("Went missing:", "went_missing_at", start)
        self.returned_box = self._tick("The child has returned", "returned")
        self.returned = self._moment("Returned:", "returned_at", start)
        self.where = self._line("Where found:", "where_found", 1000)
        self.out_of_area = self._tick("Found out of the area", "out_of_area")
        self.police = self._tick("The police were told", "police_told")
        self.reference = self._line("Police reference:", "police_reference", 200)
        self.offered = self._tick("A return interview was offered", "interview_offered")
        self.held_box = self._tick("The return interview was held", "interview_held")
        self.held = self._moment("Return interview held:", "interview_held_at", start)
        self.notes = QPlainTextEdit(body)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self._row("Notes:", self.notes, "notes")
        self.reason = QLineEdit(body)
        self.reason.setMaxLength(2000)
        if episode is not None:
            self._row("Why it is corrected:", self.reason, "reason")
        else:
            self.reason.hide()
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.general = note("", self, "problem", PROBLEM_TONE)
        self.general.setVisible(False)
        outer.addWidget(self.general)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            "Save the episode" if episode is None else "Save the correction", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save")
        cancel = buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.returned_box.toggled.connect(self._sync)
        self.held_box.toggled.connect(self._sync)
        self.police.toggled.connect(self._sync)
        if episode is not None:
            self._load(episode)
        self._sync()
        fit_to_screen(self, 560, 640)
        self.saved: MissingEpisode | None = None

    # --- building -----------------------------------------------------------------------------------------------
    def _row(self, label: str, widget: QWidget, name: str) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        problem = note("", holder, f"problem_{name}", PROBLEM_TONE)
        problem.setVisible(False)
        column.addWidget(problem)
        self.problems[name] = problem
        widget.setObjectName(name)
        if label:
            self.form.addRow(label, holder)
            row_label = self.form.labelForField(holder)
            if isinstance(row_label, QLabel):
                row_label.setBuddy(widget)
            widget.setAccessibleName(label.rstrip(":"))
        else:
            self.form.addRow(holder)

    def _moment(self, label: str, name: str, value: datetime) -> QDateTimeEdit:
        edit = QDateTimeEdit(_to_qt(value))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd MMM yyyy HH:mm")
        self._row(label, edit, name)
        return edit

    def _tick(self, text: str, name: str) -> QCheckBox:
        box = QCheckBox(text)
        self._row("", box, name)
        return box

    def _line(self, label: str, name: str, limit: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(limit)
        self._row(label, edit, name)
        return edit

    def _load(self, episode: MissingEpisode) -> None:
        self.went.setDateTime(_to_qt(episode.went_missing_at))
        self.returned_box.setChecked(episode.returned_at is not None)
        if episode.returned_at is not None:
            self.returned.setDateTime(_to_qt(episode.returned_at))
        self.where.setText(episode.where_found)
        self.out_of_area.setChecked(episode.out_of_area)
        self.police.setChecked(episode.police_told)
        self.reference.setText(episode.police_reference)
        self.offered.setChecked(episode.interview_offered)
        self.held_box.setChecked(episode.interview_held_at is not None)
        if episode.interview_held_at is not None:
            self.held.setDateTime(_to_qt(episode.interview_held_at))
        self.notes.setPlainText(episode.notes)

    def _sync(self, *_args: object) -> None:
        self.returned.setEnabled(self.returned_box.isChecked())
        self.held.setEnabled(self.held_box.isChecked())

    # --- saving -------------------------------------------------------------------------------------------------
    def form_values(self) -> MissingEpisodeForm:
        return MissingEpisodeForm(
            went_missing_at=_from_qt(self.went.dateTime()),
            returned_at=_from_qt(self.returned.dateTime()) if self.returned_box.isChecked() else None,
            where_found=self.where.text(),
            out_of_area=self.out_of_area.isChecked(),
            police_told=self.police.isChecked(),
            police_reference=self.reference.text(),
            interview_offered=self.offered.isChecked(),
            interview_held_at=_from_qt(self.held.dateTime()) if self.held_box.isChecked() else None,
            notes=self.notes.toPlainText(),
        )

    def save(self) -> None:
        for label in self.problems.values():
            label.setVisible(False)
        self.general.setVisible(False)
        try:
            if self.episode is None:
                self.saved = missing.record_episode(self.session, self.child_id, self.form_values(), self._now())
            else:
                self.saved = missing.correct_episode(
                    self.session, self.episode.episode_id, self.form_values(), self.reason.text(), self._now()
                )
        except InvalidInput as error:
            first: QWidget | None = None
            for problem in error.problems:
                beside = self.problems.get(problem.field)
                if beside is None:
                    self.general.setText(problem.sentence)
                    self.general.setVisible(True)
                    continue
                beside.setText(problem.sentence)
                beside.setVisible(True)
                first = first or self.findChild(QWidget, problem.field)
            if first is not None:
                first.setFocus()
            return
        except UserFacingError as error:
            self.general.setText(error.sentence)
            self.general.setVisible(True)
            return
        record_events().changed.emit()
        self.accept()


class MissingEpisodesSection(QWidget):
    def __init__(
        self,
        session: VaultSession,
        child_id: int,
        parent: QWidget | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("missing_section")
        self.session, self.child_id, self._now = session, child_id, now
        self.windows: list[QWidget] = []
        self.hours = missing.return_interview_hours()
        layout = QVBoxLayout(self)
        self.summary = note("", self, "missing_summary")
        layout.addWidget(self.summary)
        self.table = QTableView(self)
        self.table.setObjectName("missing_episodes")
        name_list(self.table, "Missing episodes, newest first")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.correct_selected())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.record_button = QPushButton("Record a missing episode…", self)
        self.record_button.setObjectName("record_missing")
        self.record_button.clicked.connect(self.record_episode)
        row.addWidget(self.record_button)
        self.correct_button = QPushButton("Correct or complete the selected episode…", self)
        self.correct_button.setObjectName("correct_missing")
        self.correct_button.clicked.connect(self.correct_selected)
        row.addWidget(self.correct_button)
        self.share_button = QPushButton(f"Share with {sharing.recipient()}…", self)
        self.share_button.setObjectName("share_with_specialist")
        self.share_button.setToolTip(
            "Choose the period (and any other children), preview exactly what will be shared, then save it encrypted"
        )
        self.share_button.clicked.connect(self.share)
        row.addStretch(1)
        layout.addLayout(row)
        # Sharing on a row of its own: the three buttons side by side were wider than a laptop's page at 150%, and
        # pushed the window off the screen (the side bar was squeezed to make room, narrower on every child's page).
        second = QHBoxLayout()
        second.addWidget(self.share_button)
        second.addStretch(1)
        layout.addLayout(second)
        record_events().changed.connect(self._changed)
        self.refresh()

    def refresh(self) -> None:
        hours = self.hours
        self.model = RecordsModel(
            [
                Column("Went missing", lambda e: _when(e.went_missing_at)),
                Column("Returned", lambda e: _when(e.returned_at) or "not yet recorded"),
                Column("Where found", lambda e: e.where_found + (" (out of area)" if e.out_of_area else "")),
                Column(
                    "Police",
                    lambda e: (
                        (f"told, {e.police_reference}" if e.police_reference else "told")
                        if e.police_told
                        else "not told"
                    ),
                ),
                Column("Return interview", lambda e: _interview(e, hours)),
                Column("Notes", lambda e: " ".join(e.notes.split())[:120]),
            ],
            lambda limit: missing.episodes(self.session, self.child_id, limit),
            100,
            parent=self,
        )
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._sync)
        count = self.model.rowCount()
        at_least, days, meaning = missing.repeated_threshold()
        recent = missing.recent_count(self.session, self.child_id, days, self._now())
        text = (
            f"{count} missing episode{'s' if count != 1 else ''} recorded; {recent} in the last {days} days."
            if count
            else "No missing episode has been recorded for this child."
        )
        if recent >= at_least:
            text = f"<b>{text} {meaning}</b>"
        self.summary.setText(text)
        self._sync()

    def _sync(self, *_args: object) -> None:
        self.correct_button.setEnabled(self.table.currentIndex().isValid())

    def _changed(self, *_args: object) -> None:
        if not self.session.is_locked:
            self.refresh()

    def record_episode(self) -> MissingEpisodeDialog:
        dialog = MissingEpisodeDialog(self.window(), self.session, self.child_id, now=self._now)
        self.windows.append(dialog)
        dialog.show()
        return dialog

    def share(self) -> QWidget:
        from desktop_app.services.child import connections
        from desktop_app.ui.connections.sharing import SharingDialog

        dialog = SharingDialog(
            self.window(), self.session, [(self.child_id, connections.child_name(self.session, self.child_id))]
        )
        self.windows.append(dialog)
        dialog.show()
        return dialog

    def correct_selected(self) -> MissingEpisodeDialog | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        dialog = MissingEpisodeDialog(
            self.window(), self.session, self.child_id, self.model.record(index.row()), now=self._now
        )
        self.windows.append(dialog)
        dialog.show()
        return dialog


def missing_section(session: VaultSession, child_id: int, host: Any) -> MissingEpisodesSection:
    """The child file's Missing episodes tab."""
    return MissingEpisodesSection(session, child_id)
