"""Settings > About the setting: the call-back details are saved checked, and closure days added and removed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from desktop_app.ui.settings import SettingsPage
from tests.ui.test_lock_screen import (  # noqa: F401 - fixtures
    made_vault,
    template_root,
    unlocked_window,
    window,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def about_section(unlocked_window):
    unlocked_window.show_settings("about")
    page = unlocked_window.current_page()
    assert isinstance(page, SettingsPage) and page.current_section() == "about"
    return page.sections["about"]


def test_the_call_back_details_are_saved_as_people_write_them(
    about_section, unlocked_window, qtbot, screenshot
) -> None:
    unlocked_window.resize(1200, 760)
    boxes = about_section.boxes
    boxes["dsl_role"].setText("Designated Safeguarding Lead")
    boxes["dsl_phone"].setText("07700900123")
    boxes["dsl_email"].setText("dsl@hollybrook.sch.uk")
    boxes["phone"].setText("not a number!!")
    qtbot.mouseClick(about_section.save_button, Qt.MouseButton.LeftButton)
    assert about_section.problems["phone"].isVisible()
    assert "letters or symbols" in about_section.problems["phone"].text()
    assert "Nothing was saved" in about_section.status.text
    assert unlocked_window.session.setting.dsl_phone == ""
    screenshot(unlocked_window, "settings_about_problem")
    boxes["phone"].setText("0114 2734855")
    qtbot.mouseClick(about_section.save_button, Qt.MouseButton.LeftButton)
    assert not about_section.problems["phone"].isVisible()
    setting = unlocked_window.session.setting
    assert (setting.dsl_phone, setting.phone) == ("07700 900123", "0114 273 4855")
    assert boxes["dsl_phone"].text() == "07700 900123"
    assert "Saved" in about_section.status.text
    screenshot(unlocked_window, "settings_about")


def test_closure_days_are_added_and_removed(about_section, unlocked_window, qtbot, screenshot) -> None:
    about_section.first.setDate(QDate(2027, 2, 15))
    about_section.last.setDate(QDate(2027, 2, 19))
    about_section.closure_note.setText("February half term")
    qtbot.mouseClick(about_section.add_button, Qt.MouseButton.LeftButton)
    assert (
        about_section.closure_list.item(0).text() == "Mon 15 February 2027 to Fri 19 February 2027 — February half term"
    )
    closures = unlocked_window.session.setting.closures
    assert [(c.first, c.last) for c in closures] == [(date(2027, 2, 15), date(2027, 2, 19))]
    screenshot(unlocked_window, "settings_about_closures")
    about_section.closure_list.setCurrentRow(0)
    assert about_section.remove_button.isEnabled()
    qtbot.mouseClick(about_section.remove_button, Qt.MouseButton.LeftButton)
    assert unlocked_window.session.setting.closures == ()
    assert not about_section.remove_button.isEnabled()


def test_about_the_setting_fits_at_150_percent(about_section, unlocked_window, qtbot, screenshot) -> None:
    unlocked_window.resize(1200, 760)
    unlocked_window.set_zoom(150)
    try:
        qtbot.waitUntil(about_section.isVisible, timeout=3000)
        for button in about_section.findChildren(QPushButton):
            assert button.width() >= button.sizeHint().width(), f"{button.text()} is cut off at 150%"
        screenshot(unlocked_window, "settings_about_150")
    finally:
        unlocked_window.set_zoom(100)


def test_about_the_setting_needs_no_sideways_scrolling(about_section, unlocked_window, qtbot) -> None:
    from PySide6.QtWidgets import QScrollArea

    unlocked_window.resize(1200, 760)  # a school laptop's screen, less the window frame
    for zoom in (100, 150):
        unlocked_window.set_zoom(zoom)
        try:
            qtbot.waitUntil(about_section.isVisible, timeout=3000)
            area = about_section.parent().parent()
            assert isinstance(area, QScrollArea)
            qtbot.waitUntil(lambda a=area: not a.horizontalScrollBar().isVisible(), timeout=3000)
        finally:
            unlocked_window.set_zoom(100)
