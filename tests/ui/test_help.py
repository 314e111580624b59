"""Help (F1): the quick reference to print, the guidance sheet with the setting's numbers, the keyboard shortcuts the
window really has, and how the suggestion is worked out from forms/ — at 100% and 150% on a laptop screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from desktop_app.definitions import load_forms
from desktop_app.ui.help import TOPICS, HelpPage
from tests.ui.test_lock_screen import made_vault, template_root, unlocked_window, window  # noqa: F401

pytestmark = pytest.mark.gui


def _open_help(win, qtbot) -> HelpPage:
    win.activateWindow()
    qtbot.keyClick(win, Qt.Key.Key_F1)  # the side bar's Help entry, from anywhere
    page = win.current_page()
    assert isinstance(page, HelpPage)
    assert win.side_bar.current_key() == "help"
    return page


@pytest.mark.parametrize("zoom", [100, 150])
def test_help_every_topic_at_100_and_150_percent(unlocked_window, qtbot, qapp, zoom, screenshot) -> None:
    from desktop_app.ui.app import apply_zoom

    win = unlocked_window
    with win.session.uow() as uow:
        uow.contacts.set_phone("lado", "0114 273 4850", win.session.actor())
        uow.commit()
    apply_zoom(qapp, zoom)
    try:
        win.resize(1366, 768)
        page = _open_help(win, qtbot)
        QApplication.processEvents()
        assert "help" in win.side_bar.entry_keys()
        for index, key in enumerate(TOPICS):
            shown = page.show_topic(key)
            QApplication.processEvents()
            assert shown.isVisible()
            assert win.minimumSizeHint().width() <= 1366, f"{key} is wider than a laptop screen at {zoom}%"
            screenshot(win, f"help_{index + 1}_{key}")
    finally:
        apply_zoom(qapp, 100)


def test_the_guidance_sheet_reads_from_forms_with_the_settings_numbers(unlocked_window, qtbot) -> None:
    win = unlocked_window
    with win.session.uow() as uow:
        uow.contacts.set_phone("lado", "01142734850", win.session.actor())
        uow.commit()
    page = _open_help(win, qtbot)
    text = page.guidance.toPlainText()
    definition = load_forms().screening()
    for section in definition.sections:
        assert section.title in text
        assert section.items[0].text in text
    assert "0114 273 4850" in text  # the number saved in Settings, as people write it


def test_the_shortcuts_are_the_ones_the_window_answers_to(unlocked_window, qtbot) -> None:
    win = unlocked_window
    page = _open_help(win, qtbot)
    rows = dict(page.shortcut_rows())
    native = QKeySequence.SequenceFormat.NativeText
    assert rows[QKeySequence("Ctrl+L").toString(native)] == "Lock now"
    assert rows[QKeySequence("Ctrl+F").toString(native)] == "Search"
    assert rows[QKeySequence("F1").toString(native)] == "Go to Help"
    for action in win.actions():  # every registered key is listed, with what it does
        for sequence in action.shortcuts():
            assert any(sequence.toString(native) in keys for keys in rows), action.text()
    assert "Go to Help" in [a.text() for a in win.help_menu.actions()]  # also in the menu bar's Help menu
    # and what is listed works: the Ctrl+L on the page locks the vault
    with qtbot.waitSignal(win.locked, timeout=5000):
        qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def test_how_the_suggestion_is_worked_out_says_whose_numbers_and_whose_judgement(unlocked_window, qtbot) -> None:
    page = _open_help(unlocked_window, qtbot)
    text = page.suggestion.toPlainText()
    definition = load_forms().screening()
    for band in definition.bands:
        assert band.meaning in text and f"Review within {band.review_days} days." in text
    assert f"{definition.bands[-1].min_score} or more" in text
    assert "local authority's to change" in text
    assert "never a replacement" in text and "your judgement" in text


def test_the_quick_reference_opens_from_help_to_print_or_save(unlocked_window, qtbot, screenshot) -> None:
    from desktop_app.ui.documents import DocumentDialog
    from tests.ui.test_documents import wait_for_pages

    page = _open_help(unlocked_window, qtbot)
    page.show_topic("quick_reference")
    qtbot.mouseClick(page.quick_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentDialog) and w.isVisible())
    qtbot.waitExposed(dialog)
    assert "quick reference" in dialog.windowTitle().lower()
    wait_for_pages(qtbot, dialog)  # the page drawn, not a blank preview
    screenshot(dialog, "help_quick_reference_preview")
    dialog.close()
    assert isinstance(unlocked_window.current_page(), HelpPage)  # still on Help
