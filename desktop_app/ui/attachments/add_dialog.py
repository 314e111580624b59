"""Add a file to a concern: choose it, say what it is, and it is read in the background into the vault."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.definitions.loader import attachments_definition
from desktop_app.services.attachments import files
from desktop_app.ui import ask
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.labels import set_tone
from desktop_app.ui.record_windows import mark_shows_records
from desktop_app.ui.workers import Task, describe_error, run_in_background

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

PROBLEM_TONE = "late"  # resources/style.qss


class AddFileDialog(QDialog):
    """Emits ``added(info)`` once the file is in the vault, then closes. The original file is left where it was."""

    added = Signal(object)

    def __init__(self, parent: QWidget | None, session: VaultSession, concern_id: int) -> None:
        super().__init__(parent)
        self.session = session
        self.concern_id = concern_id
        self.path: Path | None = None
        self.task: Task | None = None
        self.setObjectName("add_file_dialog")
        mark_shows_records(self)
        self.setWindowTitle("Add a file to this concern")
        definition = attachments_definition()
        layout = QVBoxLayout(self)
        self.intro = intro = QLabel(
            f"The file is copied into the encrypted vault and kept with this concern. {definition.kinds_sentence} "
            f"Each file can be up to {definition.max_megabytes} MB. A file added by mistake can be withdrawn later, "
            "but not deleted.",
            self,
        )
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        chooser = QHBoxLayout()
        self.chosen = QLabel("No file chosen yet.", self)
        self.chosen.setObjectName("chosen_file")
        self.chosen.setWordWrap(True)
        chooser.addWidget(self.chosen, 1)
        self.choose_button = QPushButton("Choose a file…", self)
        self.choose_button.setObjectName("choose_file")
        self.choose_button.clicked.connect(self.choose)
        chooser.addWidget(self.choose_button)
        form.addRow("File:", chooser)
        self.description = QLineEdit(self)
        self.description.setObjectName("description")
        self.description.setAccessibleName("What the file is")
        self.description.setPlaceholderText("For example: email from the Hub about the strategy meeting")
        self.description.setMaxLength(files.MAX_DESCRIPTION)
        form.addRow("What the file is:", self.description)
        layout.addLayout(form)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("reading_progress")
        self.progress.setAccessibleName("Reading the file")
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.problem = QLabel(" ", self)  # keeps its line, so nothing moves when a problem appears
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        set_tone(self.problem, PROBLEM_TONE)
        self.problem.setMinimumHeight(3 * self.problem.fontMetrics().lineSpacing())  # room for a refusal
        self.problem.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.add_button = QPushButton("Add the file", self)
        self.add_button.setObjectName("add")
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add)
        buttons.addWidget(self.add_button)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        layout.addStretch(1)  # spare height goes above the buttons, which stay at the bottom
        layout.addLayout(buttons)
        # A word-wrapped label tells a top-level window nothing of its height, so the window is given room for the
        # intro and a three-line refusal at the zoom in use (never past the screen).
        fit_to_screen(self, 640, 300)

    def choose(self) -> None:
        chosen = ask.current().open_path(self, "Choose a file to keep with the concern", files.file_filter())
        if not chosen:
            return
        self.path = Path(chosen)
        self.chosen.setText(self.path.name)
        self.chosen.setAccessibleName(f"Chosen file: {self.path.name}")
        self.problem.setText(" ")
        self.description.setFocus()

    def add(self) -> Task | None:
        if self.path is None:
            self.problem.setText("Choose the file to add first.")
            self.choose_button.setFocus()
            return None
        self.problem.setText(" ")
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        for widget in (self.add_button, self.choose_button, self.description):
            widget.setEnabled(False)
        task = run_in_background(
            files.add_file, self.session, self.concern_id, self.path, self.description.text(), progress=True
        )
        task.progress.connect(self._progress)
        task.succeeded.connect(self._added)
        task.failed.connect(self._failed)
        self.task = task
        return task

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(text or "%p%")

    def _added(self, info: object) -> None:
        self.added.emit(info)
        self.accept()

    def _failed(self, error: object) -> None:
        assert isinstance(error, BaseException)
        self.progress.setVisible(False)
        for widget in (self.add_button, self.choose_button, self.description):
            widget.setEnabled(True)
        self.problem.setText(describe_error(error))
        self.choose_button.setFocus()

    def reject(self) -> None:
        if self.task is not None and self.task.running:
            return  # the file is being read: closing now would leave the DSL unsure whether it was kept
        super().reject()
