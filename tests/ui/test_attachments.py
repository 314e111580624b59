"""The concern's Attachments and Body map tabs: files added in the background, viewed from memory with no temporary
file, withdrawn with a reason, copied out only where the DSL chose; marks placed by mouse or by keyboard."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QWidget

from desktop_app.services import documents
from desktop_app.services.attachments import body_map, files
from desktop_app.services.demo.attachments import HUB_EMAIL, png_picture
from desktop_app.services.vault import VaultSession
from desktop_app.ui.appearance import apply_zoom
from desktop_app.ui.attachments.body_map import BodyMapEditor
from desktop_app.ui.concern_view import ConcernView
from tests.fixtures_vault import open_session, record_concern  # noqa: F401
from tests.ui.fakes import FakeAsker

pytestmark = pytest.mark.gui


@pytest.fixture
def view(qtbot, open_session: VaultSession) -> ConcernView:
    page = ConcernView(open_session, record_concern(open_session))
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def add_through_dialog(qtbot, view: ConcernView, fake_ask: FakeAsker, path: Path, description: str) -> Any:
    view.sections.setCurrentWidget(view.attachments)
    dialog = view.attachments.add_file()
    qtbot.waitExposed(dialog)
    fake_ask.answer_open = str(path)
    dialog.choose_button.click()
    assert dialog.chosen.text() == path.name
    dialog.description.setText(description)
    with qtbot.waitSignal(dialog.added, timeout=10000):
        dialog.add_button.click()
    return dialog


def test_files_are_added_and_viewed_from_memory_leaving_no_temporary_file(
    qtbot, view: ConcernView, fake_ask: FakeAsker, tmp_path: Path, monkeypatch, screenshot
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    originals = tmp_path / "originals"
    originals.mkdir()
    (originals / "Tutor note.png").write_bytes(png_picture(400, 260))
    (originals / "Hub reply.eml").write_text(HUB_EMAIL.format(date="Thu, 03 Dec 2026 10:00:00 +0000"), "utf-8")
    pdf, _id, _title = documents.render_blank_checklist()
    (originals / "Scanned note.pdf").write_bytes(pdf)
    before = listing(tmp_path)

    add_through_dialog(qtbot, view, fake_ask, originals / "Tutor note.png", "Photo of the form tutor's note")
    add_through_dialog(qtbot, view, fake_ask, originals / "Hub reply.eml", "Email from the Hub")
    add_through_dialog(qtbot, view, fake_ask, originals / "Scanned note.pdf", "Scanned notes from the meeting")
    rows = [view.attachments.list.topLevelItem(i).text(0) for i in range(view.attachments.list.topLevelItemCount())]
    assert rows == ["Tutor note.png", "Hub reply.eml", "Scanned note.pdf"]
    assert view.sections.tabText(view.sections.indexOf(view.attachments)) == "Attachments (3)"
    screenshot(view, "concern_attachments")

    view.attachments.list.setCurrentItem(view.attachments.list.topLevelItem(0))
    picture = view.attachments.view_selected()
    qtbot.waitExposed(picture)
    assert isinstance(picture.content, QScrollArea) and not picture.picture.pixmap().isNull()
    assert picture.picture.pixmap().width() == 400
    screenshot(picture, "attachment_picture")
    view.attachments.list.setCurrentItem(view.attachments.list.topLevelItem(1))
    email = view.attachments.view_selected()
    qtbot.waitExposed(email)
    assert isinstance(email.content, QPlainTextEdit) and "strategy discussion" in email.content.toPlainText()
    screenshot(email, "attachment_email")
    view.attachments.list.setCurrentItem(view.attachments.list.topLevelItem(2))
    scanned = view.attachments.view_selected()
    qtbot.waitExposed(scanned)
    assert scanned.document.pageCount() == len(PdfReader(originals / "Scanned note.pdf").pages)
    qtbot.wait(200)
    screenshot(scanned, "attachment_pdf")

    assert listing(temp) == set(), "viewing must not write anything to the temporary folder"
    assert listing(tmp_path) == before, "nothing but the originals the DSL chose is on disk"
    for viewer in (picture, email, scanned):
        viewer.close()


def test_a_file_waymark_cannot_keep_is_refused_in_the_dialog(
    qtbot, view: ConcernView, fake_ask: FakeAsker, tmp_path: Path, screenshot
) -> None:
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ\x90\x00")
    dialog = view.attachments.add_file()
    qtbot.waitExposed(dialog)
    fake_ask.answer_open = str(program)
    dialog.choose_button.click()
    dialog.description.setText("Something")
    task = dialog.add()
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=10000)
    assert dialog.problem.text() == (
        "setup.exe was not added. Waymark keeps PDF, PNG, JPEG, plain text (.txt) and saved emails (.eml)."
    )
    assert dialog.add_button.isEnabled() and dialog.isVisible()
    screenshot(dialog, "attachment_refused")
    assert files.count_files(view.session, view.concern_id) == 0
    dialog.reject()


def inside(widget: QWidget, window: QWidget) -> bool:
    """The whole of ``widget`` lies within ``window``'s client area."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def cut_off(label: QLabel) -> bool:
    return label.height() < label.heightForWidth(label.width())


@pytest.mark.parametrize("zoom", [100, 150])
def test_the_add_dialog_shows_its_intro_a_refusal_and_its_buttons_whole_on_a_laptop(
    qtbot, qapp, view: ConcernView, fake_ask: FakeAsker, tmp_path: Path, zoom: int, screenshot
) -> None:
    program = tmp_path / "Strategy meeting minutes from the Hub.exe"
    program.write_bytes(b"MZ\x90\x00")
    apply_zoom(qapp, zoom)
    try:
        dialog = view.attachments.add_file()
        qtbot.waitExposed(dialog)
        available = dialog.screen().availableGeometry()
        assert (available.width(), available.height()) == (1366, 768)
        assert dialog.width() <= available.width() and dialog.height() <= available.height()
        assert not cut_off(dialog.intro), f"the intro is clipped at {zoom}%"
        buttons = (dialog.choose_button, dialog.add_button, dialog.cancel_button)
        before = {b.objectName(): b.mapTo(dialog, QPoint(0, 0)) for b in buttons}
        screenshot(dialog, "add_file_dialog")
        fake_ask.answer_open = str(program)
        dialog.choose_button.click()
        dialog.description.setText("Minutes")
        task = dialog.add()
        assert task is not None
        qtbot.waitUntil(lambda: not task.running, timeout=10000)
        assert dialog.problem.text().startswith(program.name + " was not added.")
        assert not cut_off(dialog.problem) and not cut_off(dialog.intro), f"text is clipped at {zoom}%"
        for button in buttons:
            assert inside(button, dialog), f"{button.text()} is outside the window at {zoom}%"
            assert button.width() >= button.minimumSizeHint().width(), f"{button.text()} is cut off at {zoom}%"
            assert button.mapTo(dialog, QPoint(0, 0)) == before[button.objectName()], "the refusal moved a button"
        assert inside(dialog.problem, dialog) and inside(dialog.description, dialog)
        screenshot(dialog, "add_file_refused")
        dialog.reject()
    finally:
        apply_zoom(qapp, 100)


def test_a_wrong_file_is_withdrawn_and_a_copy_goes_only_where_chosen(
    qtbot, view: ConcernView, fake_ask: FakeAsker, tmp_path: Path, screenshot
) -> None:
    files.add_bytes(view.session, view.concern_id, "wrong.png", png_picture(), "Photo, wrong child")
    view.attachments.reload()
    viewer = view.attachments.view_selected()
    out = tmp_path / "copies"
    out.mkdir()
    fake_ask.answer_save = str(out / "copy")
    saved = viewer.save_copy()
    assert saved == out / "copy.png" and saved.read_bytes() == png_picture()
    assert "A copy was saved" in viewer.status.text()
    viewer.close()
    fake_ask.answer_text = "Attached to the wrong child's concern"
    assert view.attachments.withdraw_selected()
    item = view.attachments.list.topLevelItem(0)
    assert item.text(5) == "Withdrawn: Attached to the wrong child's concern"
    assert not view.attachments.withdraw_button.isEnabled() and view.attachments.view_button.isEnabled()
    assert view.sections.tabText(view.sections.indexOf(view.attachments)) == "Attachments"
    screenshot(view, "concern_attachment_withdrawn")


def open_editor(qtbot, view: ConcernView) -> BodyMapEditor:
    view.sections.setCurrentWidget(view.body_map)
    editor = view.body_map.edit()
    qtbot.waitExposed(editor)
    return editor


def test_marks_are_placed_by_mouse_or_keyboard_noted_removed_and_saved(
    qtbot, view: ConcernView, fake_ask: FakeAsker, screenshot
) -> None:
    editor = open_editor(qtbot, view)
    screenshot(editor, "body_map_editor_empty")
    front = editor.canvas.figure_areas()[next(iter(editor.canvas.figure_areas()))]
    forearm = QPoint(round(front.left() + 0.86 * front.width()), round(front.top() + 0.46 * front.height()))
    QTest.mouseClick(editor.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, forearm)
    assert editor.list.count() == 1 and editor.focusWidget() is editor.note
    QTest.keyClicks(editor.note, "Bruise, left forearm, about 3 cm")
    beside = QPoint(round(front.left() + 2), round(front.top() + 2))
    QTest.mouseClick(editor.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, beside)
    assert editor.list.count() == 1, "a click beside the body places no mark"
    # by keyboard alone: choose a place from the list, add a mark there, finish its note
    editor.region.setFocus()
    editor.region.setCurrentIndex(editor.region.findData("upper_back"))
    editor.region_button.setFocus()
    QTest.keyClick(editor.region_button, Qt.Key.Key_Space)
    assert editor.focusWidget() is editor.note
    QTest.keyClicks(editor.note, "scratches, two lines about 5 cm")
    editor.place("back", 0.5, 0.4)  # a third mark, then removed with the keyboard
    editor.list.setFocus()
    editor.remove_button.setFocus()
    QTest.keyClick(editor.remove_button, Qt.Key.Key_Space)
    assert [editor.list.item(i).text() for i in range(editor.list.count())] == [
        "1. Front: Bruise, left forearm, about 3 cm",
        "2. Back: Upper back and shoulder blades: scratches, two lines about 5 cm",
    ]
    long_mark = editor.list.visualItemRect(editor.list.item(1))
    assert not editor.list.horizontalScrollBar().isVisible(), "a long note runs off to the right"
    assert long_mark.height() > editor.list.visualItemRect(editor.list.item(0)).height(), "the long note is not wrapped"
    assert long_mark.right() <= editor.list.viewport().width()
    screenshot(editor, "body_map_editor")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save_button.click()
    saved = body_map.current(view.session, view.concern_id)
    assert saved is not None and saved.version == 1 and saved.marks[0].x == pytest.approx(0.86, abs=0.02)
    assert view.sections.tabText(view.sections.indexOf(view.body_map)) == "Body map (2 marks)"
    assert view.body_map.notes.count() == 2 and "Version 1" in view.body_map.summary.text()
    screenshot(view, "concern_body_map")


def test_a_mark_without_a_note_is_not_saved_and_leaving_asks_first(
    qtbot, view: ConcernView, fake_ask: FakeAsker, screenshot
) -> None:
    editor = open_editor(qtbot, view)
    editor.place("front", 0.5, 0.25, "Bruise on the chest")
    editor.place("back", 0.5, 0.25)
    editor.save_button.click()
    assert editor.problem.text().startswith("Mark 2 has no note")
    assert editor.list.currentRow() == 1 and editor.focusWidget() is editor.note
    screenshot(editor, "body_map_missing_note")
    fake_ask.answer_confirm = False
    editor.cancel_button.click()
    assert editor.isVisible() and fake_ask.asked[-1].title == "Leave the body map"
    fake_ask.answer_confirm = True
    editor.cancel_button.click()
    assert body_map.current(view.session, view.concern_id) is None
