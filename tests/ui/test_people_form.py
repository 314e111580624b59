"""Settings → People: the "Add a deputy" form reads as one form (issue 16, found in a real 1366×768 window): the name
and the two passphrase boxes start at one left edge, and their labels at another."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop_app.ui.appearance import apply_zoom
from desktop_app.ui.settings import SettingsPage
from tests.ui.test_lock_screen import (  # noqa: F401 - fixtures
    made_vault,
    template_root,
    unlocked_window,
    window,
)

pytestmark = pytest.mark.gui


def label_of(field: QWidget, within: QWidget) -> QLabel:
    labels = [label for label in within.findChildren(QLabel) if label.buddy() is field]
    assert len(labels) == 1, f"{field.objectName()} has {len(labels)} labels"
    return labels[0]


@pytest.mark.parametrize("zoom", [100, 150])
def test_the_add_a_deputy_form_has_one_column_of_labels_and_one_of_boxes(
    unlocked_window: Any, qapp: QApplication, qtbot: Any, screenshot: Any, zoom: int
) -> None:
    win = unlocked_window
    apply_zoom(qapp, zoom)
    try:
        people = open_settings_section(win, "people")
        box = people.add_button.parentWidget()
        screenshot(win, "settings_people_add_form")
        assert_one_form(box, [people.new_name, people.new_passphrase.first, people.new_passphrase.second])
    finally:
        apply_zoom(qapp, 100)


def open_settings_section(win: Any, key: str) -> Any:
    """Settings opened on a laptop-sized window at the present zoom, showing the section ``key``."""
    win.resize(1366, 768)
    win.show_settings()
    page = win.current_page()
    assert isinstance(page, SettingsPage)
    section = page.show_section(key)
    QApplication.processEvents()
    return section


def assert_one_form(box: QWidget, fields: list[QWidget]) -> None:
    """The boxes start at one left edge and are of one width, their labels start at another, every label whole."""
    lefts = {f.objectName(): f.mapTo(box, QPoint(0, 0)).x() for f in fields}
    widths = {f.objectName(): f.width() for f in fields}
    labels = {f.objectName(): label_of(f, box).mapTo(box, QPoint(0, 0)).x() for f in fields}
    assert len(set(lefts.values())) == 1, f"the boxes start at different places: {lefts}"
    assert len(set(widths.values())) == 1, f"the boxes are of different widths: {widths}"
    assert len(set(labels.values())) == 1, f"the labels start at different places: {labels}"
    for field in fields:  # every label whole, beside or above its box
        label = label_of(field, box)
        assert label.width() >= label.fontMetrics().horizontalAdvance(label.text()), label.text()
