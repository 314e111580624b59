"""Import pupils from the school's MIS: read the CSV export, preview what would happen to each row, then save.

Nothing is saved until the DSL presses "Import"; the preview and the import both run in the background.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.child import mis_import
from desktop_app.services.child.mis_import import ImportPreview, ImportResult, Outcome
from desktop_app.ui.a11y import name_list
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.labels import note
from desktop_app.ui.models import Column, RecordsModel, record_events
from desktop_app.ui.record_windows import mark_shows_records
from desktop_app.ui.workers import describe_error, run_in_background

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

COLUMNS = [
    Column("Line", lambda r: str(r.line), align_right=True),
    Column("What happens", lambda r: r.outcome.label),
    Column("Pupil", lambda r: r.name),
    Column("UPN", lambda r: r.upn),
    Column("Why", lambda r: r.sentence),
]


class MisImportDialog(QDialog):
    """``previewed`` after the preview is shown; ``imported(result)`` after saving (tests wait on them)."""

    previewed = Signal()
    imported = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None, session: VaultSession, path: str | Path) -> None:
        super().__init__(parent)
        self.setObjectName("mis_import")
        self.setWindowTitle("Import pupils from the school's MIS")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        mark_shows_records(self)
        self.session = session
        self.path = Path(path)
        self.preview: ImportPreview | None = None
        self.outcome: ImportResult | None = None
        layout = QVBoxLayout(self)
        self.heading = note(f"<b>{self.path.name}</b>: reading the pupils…", self, "import_heading")
        layout.addWidget(self.heading)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("import_progress")
        self.progress.setAccessibleName("Progress")
        layout.addWidget(self.progress)
        self.columns_note = note("", self, "import_columns", "muted")
        layout.addWidget(self.columns_note)
        row = QHBoxLayout()
        show_label = QLabel("&Show:", self)
        self.show_only = QComboBox(self)
        self.show_only.setObjectName("show_only")
        self.show_only.setAccessibleName("Show which rows")
        self.show_only.addItem("Every row", None)
        for text, outcome in (
            ("Problems only", Outcome.PROBLEM),
            ("New pupils only", Outcome.NEW),
            ("Changed pupils only", Outcome.CHANGED),
            ("Unchanged pupils only", Outcome.UNCHANGED),
        ):
            self.show_only.addItem(text, outcome.value)
        show_label.setBuddy(self.show_only)
        self.show_only.currentIndexChanged.connect(self.show_rows)
        row.addWidget(show_label)
        row.addWidget(self.show_only)
        row.addStretch(1)
        layout.addLayout(row)
        self.table = QTableView(self)
        self.table.setObjectName("import_rows")
        name_list(self.table, "What happens to each pupil")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(False)
        self.cancel_button = buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancel")
        buttons.accepted.connect(self.start_import)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 960, 620)
        self.task = run_in_background(mis_import.preview, self.session, self.path, progress=True)
        self.task.progress.connect(self._progress)
        self.task.succeeded.connect(self._previewed)
        self.task.failed.connect(self._failed)

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _failed(self, error: BaseException) -> None:
        sentence = describe_error(error)
        self.heading.setText(f"<b>{self.path.name}</b>: {sentence}")
        self.progress.setVisible(False)
        self.import_button.setEnabled(False)
        self.cancel_button.setText("Close")
        self.failed.emit(sentence)

    def _previewed(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.progress.setVisible(False)
        todo = preview.count(Outcome.NEW) + preview.count(Outcome.CHANGED)
        self.heading.setText(
            f"<b>{preview.file_name}</b>: {preview.summary()} Nothing is saved until you press "
            f"Import; rows with a problem are left out."
        )
        self.columns_note.setText("Columns read: " + "; ".join(preview.columns))
        self.import_button.setText(
            f"Import {preview.count(Outcome.NEW)} new and {preview.count(Outcome.CHANGED)} changed pupils"
            if todo
            else "Nothing to import"
        )
        self.import_button.setEnabled(todo > 0)
        if preview.count(Outcome.PROBLEM):
            self.show_only.setCurrentIndex(1)  # problems first: they need the DSL's eye
        self.show_rows()
        self.previewed.emit()

    def show_rows(self) -> None:
        if self.preview is None:
            return
        wanted = self.show_only.currentData()
        rows = [r for r in self.preview.rows if wanted is None or r.outcome == wanted]
        model = RecordsModel(
            COLUMNS,
            lambda limit: rows[:limit],
            page_size=max(1, len(rows)),
            attention=lambda r: r.outcome is Outcome.PROBLEM,
            parent=self,
        )
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)  # the sentence wraps
        self.table.resizeRowsToContents()

    def start_import(self) -> None:
        if self.preview is None:
            return
        self.import_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setValue(0)
        self.heading.setText(f"<b>{self.preview.file_name}</b>: saving…")
        try:
            digest = mis_import.file_digest(self.path)
        except Exception as error:
            self._failed(error)
            return
        self.task = run_in_background(mis_import.apply, self.session, self.preview, digest, progress=True)
        self.task.progress.connect(self._progress)
        self.task.succeeded.connect(self._imported)
        self.task.failed.connect(self._failed)

    def _imported(self, result: ImportResult) -> None:
        self.outcome = result
        self.progress.setVisible(False)
        self.heading.setText(
            f"<b>Imported.</b> {result.added} pupils added, {result.changed} brought up to date, "
            f"{result.unchanged} already as they are, {result.problems} left out for a problem."
        )
        self.cancel_button.setText("Close")
        record_events().changed.emit()
        self.imported.emit(result)
