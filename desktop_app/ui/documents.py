"""Preview a document, print it, or save a copy (DESIGN §7).

The PDF stays in memory from start to finish: the preview reads it from a QBuffer, printing renders its pages onto
the printer, and the only file ever written is the one the DSL saves, encrypted unless they choose otherwise after a
warning. The caller's ``on_print`` / ``on_save`` write the audit rows (``services.documents``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import UserFacingError
from desktop_app.reports.encryption import MIN_PASSWORD_LENGTH
from desktop_app.ui import ask
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.labels import secret_field, set_tone
from desktop_app.ui.record_windows import mark_shows_records
from desktop_app.ui.workers import describe_error

_log = logging.getLogger(__name__)

MAX_PRINT_DPI = 300  # pages are rendered as images; more than this only makes the print job slower
PDF_FILTER = "PDF documents (*.pdf)"

UNENCRYPTED_WARNING = (
    "A copy saved without encryption can be read by anyone who gets the file: on a shared drive, a USB stick, an "
    "email attachment or a lost laptop. Save an encrypted copy unless the person receiving it cannot open one.\n\n"
    "Saving is recorded in the audit log with the document number."
)
MISMATCH = "The two passwords are different. Type the same password in both boxes."


class PrinterChooser(Protocol):
    """Asks which printer to use (the system print dialog); tests install one that returns a PDF printer."""

    def choose(self, parent: QWidget | None, document_name: str, page_count: int) -> QPrinter | None: ...


class SystemPrintDialog:
    def choose(self, parent: QWidget | None, document_name: str, page_count: int) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(document_name)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(f"Print {document_name}")
        # Printing to a file would put an unencrypted copy on disk without the warning "Save" gives.
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setMinMax(1, max(page_count, 1))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer


_chooser: PrinterChooser = SystemPrintDialog()


def install_printer_chooser(chooser: PrinterChooser) -> PrinterChooser:
    """Replace the print dialog (tests); returns the previous chooser."""
    global _chooser
    previous, _chooser = _chooser, chooser
    return previous


def load_pdf(pdf_bytes: bytes, parent: QObject) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument read from memory. Keep the buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf_bytes))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise UserFacingError("The document could not be shown. Nothing was printed or saved.")
    return document, buffer


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Render each chosen page of ``document`` onto ``printer``, straight from memory; returns pages sent."""
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    pages = list(range(count)) if first == 0 and last == 0 else list(range(max(first, 1) - 1, min(last, count)))
    if not pages:
        return 0
    size = document.pagePointSize(pages[0])
    landscape = size.width() > size.height()
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserFacingError("The printer could not be started. Check it is switched on and try again.")
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for position, index in enumerate(pages):
            if position and not printer.newPage():
                raise UserFacingError("The printer stopped part way through. Check it and print again.")
            point_size = document.pagePointSize(index)
            image = document.render(
                index,
                QSize(round(point_size.width() * dpi / 72), round(point_size.height() * dpi / 72)),
                QPdfDocumentRenderOptions(),
            )
            area = QRectF(painter.viewport())
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRectF(QPointF(0, 0), QSize(round(image.width() * scale), round(image.height() * scale)))
            target.moveCenter(area.center())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(pages)


class DocumentDialog(QDialog):
    """Preview with Print, Save encrypted copy and Save without encryption."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        pdf_bytes: bytes,
        on_print: Callable[[], None],
        on_save: Callable[[Path, str | None], None],
        suggested_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("document_dialog")
        mark_shows_records(self)
        self.setWindowTitle(title)
        self.setAccessibleName(f"Preview of {title}")
        fit_to_screen(self, 820, 900, zoomed=False)
        self._title = title
        self._on_print = on_print
        self._on_save = on_save
        self._suggested = suggested_name or f"{title}.pdf"

        # The view is made before the document so that, children being deleted in order, it goes first: its link
        # model keeps a plain pointer to the document.
        self.view = QPdfView(self)
        self.view.setObjectName("preview")
        self.view.setAccessibleName(f"Pages of {title}")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.document, self._buffer = load_pdf(pdf_bytes, self)
        self.view.setDocument(self.document)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.print_button = self._button("&Print…", "print_button", "Print this document on a printer you choose")
        self.save_encrypted_button = self._button(
            "Save &encrypted copy…", "save_encrypted_button", "Save a password-protected copy of this document"
        )
        self.save_plain_button = self._button(
            "Save &without encryption…", "save_plain_button", "Save a copy anyone with the file can read"
        )
        self.close_button = self._button("&Close", "close_button", "Close the preview")
        self.print_button.clicked.connect(self.print_document)
        self.save_encrypted_button.clicked.connect(self.show_password_panel)
        self.save_plain_button.clicked.connect(self.save_unencrypted)
        self.close_button.clicked.connect(self.reject)

        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Status")

        self.password_panel = self._password_panel()
        self.password_panel.hide()

        buttons = QHBoxLayout()
        for button in (self.print_button, self.save_encrypted_button, self.save_plain_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.password_panel)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.print_button.setDefault(True)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        self.view.setFocus()

    # ----- building ------------------------------------------------------------------------------------------

    def _button(self, text: str, name: str, description: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.setAutoDefault(False)
        return button

    def _password_panel(self) -> QFrame:
        panel = QFrame(self)
        panel.setObjectName("password_panel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        intro = QLabel(
            f"Choose a password of at least {MIN_PASSWORD_LENGTH} characters for the saved copy. Give it to the "
            "person who receives the file by another route (by phone, not in the same email).",
            panel,
        )
        intro.setWordWrap(True)
        self.password = secret_field(panel, "password")
        self.password.setAccessibleName("Password for the saved copy")
        self.password_again = secret_field(panel, "password_again")
        self.password_again.setAccessibleName("Type the password again")
        self.password_message = QLabel(panel)
        self.password_message.setObjectName("password_message")
        self.password_message.setWordWrap(True)
        self.password_message.setAccessibleName("Password problem")
        set_tone(self.password_message, "password-problem")
        self.save_encrypted_confirm = QPushButton("Choose where to &save and save", panel)
        self.save_encrypted_confirm.setObjectName("save_encrypted_confirm")
        self.save_encrypted_confirm.setAccessibleName("Choose where to save and save the encrypted copy")
        self.save_encrypted_confirm.clicked.connect(self.save_encrypted)
        cancel = QPushButton("Cancel saving", panel)
        cancel.setObjectName("save_cancel")
        cancel.setAccessibleName("Cancel saving")
        cancel.clicked.connect(self.hide_password_panel)
        self.password.returnPressed.connect(self.password_again.setFocus)
        self.password_again.returnPressed.connect(self.save_encrypted)

        form = QFormLayout()
        form.addRow("Pass&word:", self.password)
        form.addRow("Type it &again:", self.password_again)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.save_encrypted_confirm)
        layout = QVBoxLayout(panel)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.password_message)
        layout.addLayout(row)
        return panel

    # ----- actions -------------------------------------------------------------------------------------------

    def print_document(self) -> None:
        printer = _chooser.choose(self, self._title, self.document.pageCount())
        if printer is None:
            return
        try:
            # Audited before a page leaves: if the audit row cannot be written, nothing is printed.
            self._on_print()
            pages = print_document(self.document, printer)
        except Exception as error:
            self._fail(error, "printing failed")
            return
        self._say(f"Sent {pages} page{'s' if pages != 1 else ''} to the printer.")

    def show_password_panel(self) -> None:
        self.password_panel.show()
        self.password_message.clear()
        self.password.setFocus()

    def hide_password_panel(self) -> None:
        self.password.clear()
        self.password_again.clear()
        self.password_message.clear()
        self.password_panel.hide()

    def password_problem(self) -> str:
        first, second = self.password.text(), self.password_again.text()
        if not first:
            return "Type a password for the saved copy."
        if len(first) < MIN_PASSWORD_LENGTH:
            return f"The password needs at least {MIN_PASSWORD_LENGTH} characters."
        if first != second:
            return MISMATCH
        return ""

    def save_encrypted(self) -> None:
        problem = self.password_problem()
        if problem:
            self.password_message.setText(problem)
            (self.password_again if problem == MISMATCH else self.password).setFocus()
            return
        self.password_message.clear()
        path = ask.current().save_path(self, "Save encrypted copy", self._suggested, PDF_FILTER)
        if not path:
            return
        saved = self._save(Path(path), self.password.text())
        if saved:
            self.hide_password_panel()
            self._say(f"Saved an encrypted copy as {saved}.")

    def save_unencrypted(self) -> None:
        choice = ask.current().confirm(
            self,
            "Save without encryption?",
            UNENCRYPTED_WARNING,
            "Save without encryption",
            "Cancel",
        )
        if not choice:
            return
        path = ask.current().save_path(self, "Save without encryption", self._suggested, PDF_FILTER)
        saved = self._save(Path(path), None) if path else None
        if saved:
            self._say(f"Saved a copy without encryption as {saved}.")

    def _save(self, path: Path, password: str | None) -> Path | None:
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            self._on_save(path, password)
        except Exception as error:
            self._fail(error, "saving a document failed")
            return None
        return path

    def _fail(self, error: BaseException, what: str) -> None:
        if not isinstance(error, UserFacingError):
            _log.exception("document dialog: %s", what)  # ``what`` is one of our own phrases, never user data
        message = describe_error(error)
        self._say(message)
        ask.current().warn(self, self._title, message)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleDescription(text)

    def done(self, result: int) -> None:
        self.hide_password_panel()
        # Closing the document empties the view. Detaching it instead (setDocument(None)) makes Qt 6.12 warn: the
        # view hands the null document on to its link model, which connects to its signals unchecked.
        self.document.close()
        self._buffer.close()
        super().done(result)
