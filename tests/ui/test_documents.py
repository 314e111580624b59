"""The document preview: print straight from memory, save encrypted (password twice) or, after a warning, not."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton, QWidget

from desktop_app.reports import referral_summary_pdf
from desktop_app.ui import documents as ui_documents
from desktop_app.ui.documents import MISMATCH, DocumentDialog
from tests.reports import samples

pytestmark = pytest.mark.gui


class PdfPrinterChooser:
    """Stands in for the system print dialog: a printer that writes a PDF into the test's own folder."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.asked = 0

    def choose(self, parent, document_name, page_count) -> QPrinter:
        self.asked += 1
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.out))
        printer.setResolution(72)
        return printer


@pytest.fixture
def pdf() -> bytes:
    return referral_summary_pdf(samples.SUMMARY, samples.META)


@pytest.fixture
def calls() -> dict[str, list]:
    return {"print": [], "save": []}


@pytest.fixture
def dialog(qtbot, pdf, calls):
    def on_save(path: Path, password: str | None) -> None:
        calls["save"].append((path, password))
        path.write_bytes(b"%PDF saved by the test")

    dlg = DocumentDialog(None, "Referral summary: WM-2026-00042", pdf, lambda: calls["print"].append(1), on_save)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    wait_for_pages(qtbot, dlg)
    return dlg


def has_ink(widget: QWidget) -> bool:
    """True once the preview has drawn text: some pixels in the middle of the page are dark."""
    image = widget.grab().toImage()
    dark = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            if image.pixelColor(x, y).lightness() < 100:
                dark += 1
    return dark > 50


def wait_for_pages(qtbot, dialog: DocumentDialog) -> None:
    """Wait until the preview shows a drawn page.

    The view renders pages in a worker thread and starts again whenever its size changes (the password panel
    opening, say), so a screenshot taken straight away shows blank white pages, offscreen or on a real screen.
    """
    dialog.layout().activate()  # a panel just shown or hidden resizes the view now, not after the check below
    qtbot.waitUntil(
        lambda: dialog.document.status() == QPdfDocument.Status.Ready and has_ink(dialog.view.viewport()),
        timeout=10_000,
    )


def listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def pages_in(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def test_the_preview_shows_every_page_from_memory(dialog, pdf, qtbot, screenshot) -> None:
    assert pages_in(pdf) >= 3, "the sample summary runs over several pages"
    assert dialog.document.pageCount() == pages_in(pdf)
    assert has_ink(dialog.view.viewport()), "the first page is drawn in the preview"
    assert dialog.view.document() is dialog.document
    assert dialog.windowTitle() == "Referral summary: WM-2026-00042"
    screenshot(dialog, "document_preview")


def test_print_renders_every_page_on_the_printer_and_leaves_no_temp_file(
    dialog, pdf, qtbot, calls, tmp_path, monkeypatch, screenshot
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    out = tmp_path / "printer" / "printed.pdf"
    out.parent.mkdir()
    chooser = PdfPrinterChooser(out)
    previous = ui_documents.install_printer_chooser(chooser)
    try:
        dialog.print_button.click()
    finally:
        ui_documents.install_printer_chooser(previous)
    assert chooser.asked == 1
    assert pages_in(out.read_bytes()) == pages_in(pdf)
    assert calls["print"] == [1], "a print is recorded once, for the audit"
    assert dialog.status.text() == f"Sent {pages_in(pdf)} pages to the printer."
    assert listing(temp) == set(), "printing must not write anything to the temporary folder"
    # Other programs share the system temp folder, so the check is on this test's own: nothing else was written.
    assert listing(tmp_path) == {"temp", "printer", "printer/printed.pdf"}
    wait_for_pages(qtbot, dialog)
    screenshot(dialog, "document_printed")


def test_cancelling_the_print_dialog_prints_nothing_and_records_nothing(dialog, calls) -> None:
    class Cancel:
        def choose(self, parent, document_name, page_count):
            return None

    previous = ui_documents.install_printer_chooser(Cancel())
    try:
        dialog.print_button.click()
    finally:
        ui_documents.install_printer_chooser(previous)
    assert calls["print"] == []


def test_save_encrypted_needs_the_same_password_twice(dialog, qtbot, calls, fake_ask, tmp_path, screenshot) -> None:
    fake_ask.answer_save = str(tmp_path / "referral")
    dialog.save_encrypted_button.click()
    assert dialog.password_panel.isVisible()
    dialog.password.setText("Correct horse 1")
    dialog.password_again.setText("Correct horse 2")
    dialog.save_encrypted_confirm.click()
    assert dialog.password_message.text() == MISMATCH
    assert calls["save"] == []
    wait_for_pages(qtbot, dialog)  # the panel took room from the preview, which draws its pages again
    screenshot(dialog, "document_password_mismatch")
    dialog.password.setText("short")
    dialog.password_again.setText("short")
    dialog.save_encrypted_confirm.click()
    assert "at least 8 characters" in dialog.password_message.text()
    dialog.password.setText("Correct horse 1")
    dialog.password_again.setText("Correct horse 1")
    dialog.save_encrypted_confirm.click()
    assert calls["save"] == [(tmp_path / "referral.pdf", "Correct horse 1")]
    assert not dialog.password_panel.isVisible()
    assert dialog.password.text() == "" and dialog.password_again.text() == ""
    assert "Saved an encrypted copy" in dialog.status.text()
    wait_for_pages(qtbot, dialog)
    screenshot(dialog, "document_saved_encrypted")


def test_save_without_encryption_only_after_the_warning_is_accepted(dialog, calls, fake_ask, tmp_path) -> None:
    fake_ask.answer_save = str(tmp_path / "plain.pdf")
    fake_ask.answer_confirm = False
    dialog.save_plain_button.click()
    assert calls["save"] == []
    warning = fake_ask.said("confirm")[-1]
    assert "anyone who gets the file" in warning
    assert fake_ask.choices[-1][0] == "Save without encryption"
    fake_ask.answer_confirm = True
    dialog.save_plain_button.click()
    assert calls["save"] == [(tmp_path / "plain.pdf", None)]
    assert "without encryption" in dialog.status.text()


def test_a_failed_save_says_so_in_plain_words(dialog, fake_ask, tmp_path) -> None:
    from desktop_app.errors import UserFacingError

    def refuse(path, password):
        raise UserFacingError("The disk is full. Free some space and save again.")

    dialog._on_save = refuse
    fake_ask.answer_save = str(tmp_path / "x.pdf")
    dialog.save_plain_button.click()
    assert dialog.status.text() == "The disk is full. Free some space and save again."
    assert fake_ask.said("warn") == ["The disk is full. Free some space and save again."]


def test_every_control_has_an_accessible_name_and_a_keyboard_mnemonic(dialog) -> None:
    for button in dialog.findChildren(QPushButton):
        assert button.accessibleName(), button.objectName()
    for button in (dialog.print_button, dialog.save_encrypted_button, dialog.save_plain_button, dialog.close_button):
        assert "&" in button.text()
    for widget in (dialog.view, dialog.password, dialog.password_again):
        assert isinstance(widget, QWidget) and widget.accessibleName()


def test_closing_the_preview_lets_go_of_the_document_quietly(dialog, qtbot) -> None:
    # A Qt warning here fails the test (qt_log_level_fail): closing once made QPdfView's link model complain.
    dialog.close_button.click()
    assert not dialog.isVisible()
    assert dialog.document.status() == QPdfDocument.Status.Null
    assert dialog.document.pageCount() == 0, "the closed preview no longer holds the pages"
    assert not has_ink(dialog.view.viewport()), "no page is drawn once the document is closed"


def test_a_print_that_cannot_be_audited_is_not_printed(qtbot, pdf, fake_ask, tmp_path) -> None:
    from desktop_app.errors import UserFacingError

    def on_print() -> None:
        raise UserFacingError("The disk is full. Free some space and print again.")

    dlg = DocumentDialog(None, "Referral summary: WM-2026-00042", pdf, on_print, lambda path, password: None)
    qtbot.addWidget(dlg)
    out = tmp_path / "printed.pdf"
    previous = ui_documents.install_printer_chooser(PdfPrinterChooser(out))
    try:
        dlg.print_button.click()
    finally:
        ui_documents.install_printer_chooser(previous)
    assert not out.exists(), "nothing may reach the printer before its audit row is written"
    assert fake_ask.said("warn") == ["The disk is full. Free some space and print again."]
