"""Show a kept file from memory: a picture, a PDF or text. Nothing is written anywhere unless the DSL saves a copy."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.attachments import size_text
from desktop_app.errors import UserFacingError
from desktop_app.services.attachments import files
from desktop_app.services.attachments.files import OpenedFile
from desktop_app.ui import ask
from desktop_app.ui.documents import load_pdf
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.labels import set_tone
from desktop_app.ui.record_windows import mark_shows_records

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)


def describe(opened: OpenedFile) -> str:
    info = opened.info
    line = (
        f"{info.description} — {size_text(info.size)}, added by {info.added_by.name} on "
        f"{info.added_at.astimezone():%d %b %Y at %H:%M}."
    )
    if info.withdrawal is not None:
        line += (
            f" Withdrawn by {info.withdrawal.by.name} on {info.withdrawal.at.astimezone():%d %b %Y}: "
            f"{info.withdrawal.reason}"
        )
    return line


class AttachmentViewer(QDialog):
    """One kept file, shown from the bytes in memory (QImage.fromData, QPdfDocument on a QBuffer, plain text)."""

    def __init__(self, parent: QWidget | None, session: VaultSession, opened: OpenedFile) -> None:
        super().__init__(parent)
        self.session = session
        self.opened = opened
        self.setObjectName("attachment_viewer")
        mark_shows_records(self)
        self.setWindowTitle(f"{opened.info.file_name} — kept with the concern")
        layout = QVBoxLayout(self)
        self.about = QLabel(describe(opened), self)
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setObjectName("attachment_about")
        if opened.info.withdrawn:
            set_tone(self.about, "late")
        layout.addWidget(self.about)
        self.content = self._content(opened)
        layout.addWidget(self.content, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("attachment_status")
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton("Save a copy to a folder…", self)
        self.save_button.setObjectName("save_copy")
        self.save_button.setAccessibleDescription(
            "Writes the file, exactly as it was added, to a place you choose. The copy is not encrypted."
        )
        self.save_button.clicked.connect(self.save_copy)
        row.addWidget(self.save_button)
        self.close_button = QPushButton("Close", self)
        self.close_button.setObjectName("close")
        self.close_button.clicked.connect(self.reject)
        self.close_button.setDefault(True)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        fit_to_screen(self, 900, 680)

    def _content(self, opened: OpenedFile) -> QWidget:
        if opened.shown_as == files.IMAGE:
            image = QImage.fromData(opened.data)
            area = QScrollArea(self)
            area.setObjectName("attachment_picture")
            area.setAccessibleName(f"Picture: {opened.info.description}")
            area.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.picture = QLabel(area)
            self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if image.isNull():
                self.picture.setText("This picture could not be shown. Save a copy to open it in another program.")
            else:
                self.picture.setPixmap(QPixmap.fromImage(image))
            self.picture.setAccessibleName(f"Picture: {opened.info.description}")
            area.setWidget(self.picture)
            area.setWidgetResizable(True)
            return area
        if opened.shown_as == files.PDF:
            view = QPdfView(self)
            view.setObjectName("attachment_pdf")
            view.setAccessibleName(f"PDF document: {opened.info.description}")
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            try:
                self.document, self._buffer = load_pdf(opened.data, self)
            except UserFacingError:
                label = QLabel("This PDF could not be shown. Save a copy to open it in another program.", self)
                label.setWordWrap(True)
                return label
            view.setDocument(self.document)
            return view
        text = QPlainTextEdit(self)
        text.setObjectName("attachment_text")
        text.setReadOnly(True)
        text.setPlainText(opened.text)
        text.setAccessibleName(f"Text of {opened.info.file_name}")
        text.setTabChangesFocus(True)
        return text

    def save_copy(self) -> Path | None:
        info = self.opened.info
        if not ask.current().confirm(
            self,
            "Save a copy",
            "The copy is written exactly as the file was added, without encryption: anyone who gets it can read it. "
            "Saving is recorded in the audit log.",
            "Choose where to save",
            "Cancel",
        ):
            return None
        ending = Path(info.file_name).suffix
        chosen = ask.current().save_path(
            self,
            "Save a copy of the file",
            info.file_name,
            f"The same kind of file (*{ending})" if ending else "All files (*)",
        )
        if not chosen:
            return None
        path = Path(chosen)
        if ending and path.suffix.lower() != ending.lower():
            path = path.with_name(path.name + ending)
        try:
            saved = files.save_copy(self.session, info.attachment_id, path)
        except UserFacingError as error:
            self.status.setText(error.sentence)
            return None
        self.status.setText(f"A copy was saved as {saved}.")
        return saved
