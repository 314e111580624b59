"""The DSL's list of sealed concerns waiting: read each, match it to a child on file or a new child, import it."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import UserFacingError
from desktop_app.services.concern.flow import Mode
from desktop_app.services.intake import import_items as intake_import
from desktop_app.ui import ask
from desktop_app.ui.concern.fields import ERROR_TONE, HINT_TONE
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.labels import plain_text, set_tone
from desktop_app.ui.record_windows import mark_shows_records

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)
_PREVIEW_CHARS = 1500


class SealedImportDialog(QDialog):
    """Each waiting item with its summary; "Import as new child" or "Import for <child>"; all by keyboard."""

    imported = Signal(str)  # the new concern's reference
    screen_requested = Signal(int)  # "Screen it now" after an import: the concern's id (the dialog then closes)

    def __init__(self, parent: QWidget | None, session: VaultSession) -> None:
        super().__init__(parent)
        self.session = session
        self.items: list[intake_import.PendingItem] = []
        self.setObjectName("sealed_import")
        mark_shows_records(self)  # closed when the vault locks
        self.setWindowTitle("Sealed concerns waiting")
        fit_to_screen(self, 980, 640)

        self.heading = plain_text("", "import_heading", "import-heading")
        self.list = QListWidget()
        self.list.setObjectName("pending_list")
        self.list.setAccessibleName("Sealed concerns waiting")
        self.list.currentRowChanged.connect(self._show_item)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        list_label = QLabel("&Waiting concerns")
        list_label.setBuddy(self.list)

        self.status = plain_text("", "item_status", "bold")
        self.summary = plain_text("", "item_summary")
        self.account = plain_text("", "item_account")
        self.account.setAccessibleName("What was seen or heard")
        self.words = plain_text("", "item_words", "verbatim")
        self.words.setAccessibleName("The child's own words")
        self.problem = plain_text("", "import_problem", ERROR_TONE)

        self.matches = QListWidget()
        self.matches.setObjectName("child_matches")
        self.matches.setAccessibleName("Children on file who may be this child")
        self.matches.setMaximumHeight(150)
        self.matches.currentItemChanged.connect(lambda *_: self._update_buttons())
        matches_label = QLabel("Children on file who may be this child (&choose one to import for them):")
        matches_label.setBuddy(self.matches)
        matches_label.setWordWrap(True)
        self.no_match = plain_text(
            "No child on file has this name. Import as a new child, or search below.", "no_match", HINT_TONE
        )
        self.search = QLineEdit()
        self.search.setObjectName("match_search")
        self.search.setPlaceholderText("Type part of a name")
        self.search.setAccessibleName("Find another child on file")
        self.search.textEdited.connect(self._search)
        search_label = QLabel("&Find another child on file:")
        search_label.setBuddy(self.search)

        self.as_new = QPushButton("Import as a &new child")
        self.as_new.setObjectName("import_new")
        self.as_new.clicked.connect(self._import_new)
        self.for_child = QPushButton("Import for the child chosen above")
        self.for_child.setObjectName("import_existing")
        self.for_child.clicked.connect(self._import_existing)
        self.resume = QPushButton("&Resume writing this draft")
        self.resume.setObjectName("resume_draft")
        self.resume.clicked.connect(self._resume)
        self.discard = QPushButton("&Delete this draft")
        self.discard.setObjectName("delete_draft")
        self.discard.clicked.connect(self._discard)

        detail = QWidget()
        right = QVBoxLayout(detail)
        right.addWidget(self.status)
        right.addWidget(self.summary)
        right.addWidget(self.account)
        right.addWidget(self.words)
        match_box = QGroupBox("Which child is this?")
        box = QVBoxLayout(match_box)
        box.addWidget(matches_label)
        box.addWidget(self.matches)
        box.addWidget(self.no_match)
        box.addWidget(search_label)
        box.addWidget(self.search)
        # Two rows: four buttons in one (the first naming the child) were wider than the dialog and clipped.
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.for_child)
        buttons_row.addWidget(self.as_new)
        buttons_row.addStretch(1)
        box.addLayout(buttons_row)
        draft_row = QHBoxLayout()
        draft_row.addWidget(self.resume)
        draft_row.addWidget(self.discard)
        draft_row.addStretch(1)
        box.addLayout(draft_row)
        box.addWidget(self.problem)
        right.addWidget(match_box)
        right.addStretch(1)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(list_label)
        left_box.addWidget(self.list)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(detail)
        splitter.setSizes([340, 640])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.screen_now = close.addButton("Screen it now", QDialogButtonBox.ButtonRole.ActionRole)
        self.screen_now.setObjectName("screen_now")
        self.screen_now.setVisible(False)
        self.screen_now.clicked.connect(self._screen_now)
        self.last_imported: int | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(
            plain_text(
                "Each concern was sealed when it was written: only an unlocked vault can read it. "
                "Importing files it on the child's record (audited) and deletes the sealed file.",
                tone=HINT_TONE,
            )
        )
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        self.refresh()

    # -- content ----------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.items = intake_import.list_pending(self.session)
        self.list.clear()
        for item in self.items:
            mine = " (your draft)" if item.origin is Mode.DSL else ""
            when = f"{item.saved_at:%d/%m %H:%M} — " if item.saved_at else ""
            entry = QListWidgetItem(f"{when}{item.child_label}{mine}\n{item.status}", self.list)
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, f"{item.child_label}{mine}, {item.status}")
        count = len(self.items)
        own = sum(1 for item in self.items if item.origin is Mode.DSL)
        staff = count - own  # the same count as the dashboard's banner (staff concerns only)
        drafts = f" You also have {own} unfinished draft{'s' if own != 1 else ''} of your own." if own else ""
        self.heading.setText(
            (
                "No concerns recorded by staff are waiting."
                if not staff
                else f"{staff} concern{'s' if staff != 1 else ''} recorded by staff "
                f"{'are' if staff != 1 else 'is'} waiting to be imported."
            )
            + drafts
        )
        if count:
            self.list.setCurrentRow(0)
        else:
            self._show_item(-1)

    def current(self) -> intake_import.PendingItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_item(self, row: int) -> None:
        item = self.items[row] if 0 <= row < len(self.items) else None
        self.problem.clear()
        self.matches.clear()
        self.search.clear()
        if item is None:
            for label in (self.status, self.summary, self.account, self.words):
                label.clear()
            self._update_buttons()
            return
        self.status.setText(item.status + (f" — reference {item.reference}" if item.reference else ""))
        set_tone(self.status, "bold" if item.submitted else "bold-caution")
        self.summary.setText(item.summary())
        danger = bool(item.draft.immediate_danger)
        set_tone(self.summary, "danger-bold" if danger else "")
        account = item.draft.account
        cut = account[:_PREVIEW_CHARS] + ("…" if len(account) > _PREVIEW_CHARS else "")
        self.account.setText(f"What was seen or heard: {cut}" if account else "")
        words = item.draft.childs_words
        self.words.setText(f"The child's own words: “{words[:_PREVIEW_CHARS]}”" if words.strip() else "")
        self.words.setVisible(bool(words.strip()))
        for child in item.suggestions:
            match = QListWidgetItem(intake_import.child_label(child), self.matches)
            match.setData(Qt.ItemDataRole.UserRole, child.child_id)
        self.no_match.setVisible(not item.problem and not item.suggestions)
        self._update_buttons()

    def _search(self, text: str) -> None:
        self.matches.clear()
        for child_id, label in intake_import.search_children(self.session, text):
            match = QListWidgetItem(label, self.matches)
            match.setData(Qt.ItemDataRole.UserRole, child_id)

    def _update_buttons(self) -> None:
        item = self.current()
        usable = item is not None and not item.problem
        chosen = self.matches.currentItem()
        self.for_child.setEnabled(usable and chosen is not None)
        name = chosen.text().split(",")[0] if chosen else ""  # the name; its date of birth is in the list above
        self.for_child.setText(f"&Import for {name}" if chosen else "Import for the child chosen above")
        self.for_child.setAccessibleName(self.for_child.text().replace("&", ""))
        named = usable and item is not None and item.draft.child is not None
        self.as_new.setEnabled(bool(named))
        self.as_new.setToolTip("" if named else "The recorder did not name the child: choose a child on file.")
        own_draft = usable and item is not None and item.origin is Mode.DSL
        self.resume.setVisible(own_draft)
        self.discard.setVisible(own_draft)

    # -- actions ----------------------------------------------------------------------------------------------------

    def _import_new(self) -> None:
        self._import(intake_import.NewChild())

    def _import_existing(self) -> None:
        chosen = self.matches.currentItem()
        if chosen is not None:
            self._import(intake_import.ExistingChild(int(chosen.data(Qt.ItemDataRole.UserRole))))

    def _import(self, choice: intake_import.ChildChoice) -> None:
        item = self.current()
        if item is None:
            return
        try:
            concern = intake_import.import_item(self.session, item.item_id, choice)
        except UserFacingError as problem:
            self.problem.setText(problem.sentence)
            return
        row = self.list.currentRow()
        self.last_imported = concern.concern_id
        self.screen_now.setText(f"&Screen {concern.reference} now")
        self.screen_now.setVisible(True)
        self.imported.emit(concern.reference)
        self.refresh()
        if self.items:
            self.list.setCurrentRow(min(row, len(self.items) - 1))
        self.heading.setText(f"Imported as {concern.reference}. " + self.heading.text())
        self.list.setFocus()

    def _screen_now(self) -> None:
        if self.last_imported is not None:
            concern_id = self.last_imported
            self.accept()
            self.screen_requested.emit(concern_id)

    def _discard(self) -> None:
        item = self.current()
        if item is None or item.origin is not Mode.DSL:
            return
        if not ask.current().confirm(
            self,
            "Delete this draft?",
            "Your unfinished draft will be deleted. It was never filed on a record.",
            "Delete the draft",
            "Keep it",
        ):
            return
        intake_import.discard_own_draft(self.session, item.item_id)
        self.refresh()

    def _resume(self) -> None:
        item = self.current()
        if item is None:
            return
        from desktop_app.ui.concern.launch import open_dsl_wizard

        parent = self.parentWidget()
        self.accept()
        try:
            open_dsl_wizard(parent, self.session, resume=item)
        except UserFacingError as problem:
            ask.current().warn(parent, "The draft could not be opened", problem.sentence)
