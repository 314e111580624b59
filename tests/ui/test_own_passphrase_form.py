"""Settings → My passphrase reads as one form (issue 16; the People page's "Add a deputy" once had the same fault):
the current passphrase and the two new-passphrase boxes start at one left edge, and their labels at another."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_app.ui.appearance import apply_zoom
from tests.ui.test_lock_screen import (  # noqa: F401 - fixtures
    made_vault,
    template_root,
    unlocked_window,
    window,
)
from tests.ui.test_people_form import assert_one_form, open_settings_section

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("zoom", [100, 150])
def test_my_passphrase_has_one_column_of_labels_and_one_of_boxes(
    unlocked_window: Any, qapp: QApplication, qtbot: Any, screenshot: Any, zoom: int
) -> None:
    win = unlocked_window
    apply_zoom(qapp, zoom)
    try:
        section = open_settings_section(win, "passphrase")
        screenshot(win, "settings_my_passphrase_form")
        assert_one_form(section, [section.current, section.fields.first, section.fields.second])
        win.activateWindow()
        section.current.setFocus()
        for then in (section.fields.first, section.fields.second):  # Tab goes down the form, as it reads
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is then
    finally:
        apply_zoom(qapp, 100)
