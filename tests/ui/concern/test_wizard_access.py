"""Keyboard alone, accessible names, long text and a full disk: the wizard stays usable and says what is wrong."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.services.concern import flow
from desktop_app.services.concern.flow import Page
from desktop_app.ui.concern import open_staff_wizard
from desktop_app.vault import keyslots, sealing
from desktop_app.vault.errors import DiskFull
from tests.ui.concern.helpers import press_next, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def wizard(qtbot, qapp, tmp_path: Path, asker, windows):
    _, public = sealing.new_keypair()
    keyslots.KeySlotFile.create("vault-access-test", public).save(tmp_path / keyslots.FILE_NAME)
    opened = windows.add(open_staff_wizard(None, tmp_path))
    qtbot.waitExposed(opened)
    return opened


def test_every_control_on_every_page_has_an_accessible_name_and_every_field_label_a_buddy(wizard) -> None:
    others = wizard.flow_pages[Page.OTHERS]
    for rows in others.lists.values():
        rows.add_row(focus=False)
    controls = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton, QListWidget)
    for page in wizard.flow_pages.values():
        for widget in page.findChildren(QWidget):
            if isinstance(widget, controls) and not isinstance(widget.parentWidget(), QComboBox):
                name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
                assert name.strip(), f"{widget.objectName()} on {page.objectName()} has no accessible name"
        for slot in page.slots.values():
            label = page.findChild(QLabel, f"label_{slot.widget.objectName()}")
            assert label is not None and label.buddy() is slot.widget, slot.field_id


def alt(wizard, key: Qt.Key) -> None:
    """Alt+letter through the window, as the keyboard sends it (so mnemonics and shortcuts apply)."""
    QTest.keyClick(wizard.windowHandle(), key, Qt.KeyboardModifier.AltModifier)


def test_the_first_pages_work_by_keyboard_alone(wizard, qtbot) -> None:
    wizard.activateWindow()
    qtbot.waitUntil(lambda: wizard.isActiveWindow())
    safety, child, happened = (wizard.flow_pages[p] for p in (Page.SAFETY, Page.CHILD, Page.HAPPENED))
    alt(wizard, Qt.Key.Key_Y)  # "Yes, the child is in danger now"
    qtbot.waitUntil(lambda: safety.danger.value is True)
    qtbot.waitUntil(lambda: "immediate_danger" in safety.notices.labels)
    alt(wizard, Qt.Key.Key_N)  # Next
    qtbot.waitUntil(lambda: wizard.page_id() is Page.CHILD)
    alt(wizard, Qt.Key.Key_F)  # First name
    assert wizard.focusWidget() is child.first_name
    type_text(child.first_name, "Zoë")
    QTest.keyClick(wizard.windowHandle(), Qt.Key.Key_Tab)
    assert wizard.focusWidget() is child.last_name
    QTest.keyClick(wizard.windowHandle(), Qt.Key.Key_Return)  # Enter goes on, as Next does
    qtbot.waitUntil(lambda: wizard.page_id() is Page.HAPPENED)
    alt(wizard, Qt.Key.Key_T)  # Today
    qtbot.waitUntil(lambda: flow.parse_date(happened.date.text()) is not None)
    assert wizard.focusWidget() is happened.time
    alt(wizard, Qt.Key.Key_B)  # Back
    qtbot.waitUntil(lambda: wizard.page_id() is Page.CHILD)
    assert child.first_name.text() == "Zoë"


def test_long_text_is_accepted_to_the_limit_and_refused_past_it_with_a_sentence(wizard) -> None:
    wizard.flow_pages[Page.SAFETY].danger.no.click()
    press_next(wizard)
    wizard.flow_pages[Page.CHILD].first_name.setText("Zoë")
    press_next(wizard)
    happened = wizard.flow_pages[Page.HAPPENED]
    happened.date.setText((date.today() - timedelta(days=3)).strftime("%d/%m/%Y"))
    happened.time.setText("10:00")
    happened.account.setPlainText("a" * (flow.MAX_TEXT + 1))
    press_next(wizard)
    assert wizard.page_id() is Page.HAPPENED
    assert "100,001 characters" in happened.problem_text(flow.F_ACCOUNT)
    happened.account.setPlainText("a" * flow.MAX_TEXT)
    press_next(wizard)
    assert wizard.page_id() is Page.ROUTES


def test_a_full_disk_while_saving_says_so_and_keeps_the_window_open(wizard, monkeypatch) -> None:
    def full(*_args: object, **_kwargs: object) -> None:
        raise DiskFull("The disk is full: the concern could not be saved, and nothing was changed.")

    monkeypatch.setattr("desktop_app.services.intake.sealing.atomic.write_bytes", full)
    wizard.flow_pages[Page.SAFETY].danger.no.click()
    press_next(wizard)
    status = wizard.flow_pages[Page.CHILD].status.text()
    assert "Could not save a sealed copy yet: The disk is full" in status and "Keep this window open" in status
    assert wizard.isVisible() and wizard.page_id() is Page.CHILD


def test_rows_of_others_are_added_and_removed_by_keyboard(wizard, qtbot) -> None:
    others = wizard.flow_pages[Page.OTHERS]
    adults = others.lists["adults"]
    adults.add_button.setFocus()
    qtbot.keyClick(adults.add_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(adults.rows) == 1)
    first = adults.rows[0][1]["name_or_nickname"]
    assert wizard.focusWidget() is first  # ready to type the name
    type_text(first, "Big Dee")
    remove = adults.rows[0][0].findChild(QAbstractButton, "remove_adults_0")
    remove.setFocus()
    qtbot.keyClick(remove, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: adults.rows == [])
    assert wizard.focusWidget() is adults.add_button  # the cursor is not lost


def test_a_broken_forms_folder_sends_staff_to_the_dsl_in_person(qtbot, qapp, tmp_path, asker, monkeypatch) -> None:
    from desktop_app.definitions import clear_cache

    _, public = sealing.new_keypair()
    keyslots.KeySlotFile.create("vault-forms-test", public).save(tmp_path / keyslots.FILE_NAME)
    monkeypatch.setenv("WAYMARK_FORMS", str(tmp_path / "no-forms-here"))
    clear_cache()
    try:
        assert open_staff_wizard(None, tmp_path) is None
    finally:
        clear_cache()
    _kind, title, text = asker.asked[0]
    assert "cannot be recorded" in title and "in person now" in text


def test_a_full_disk_when_sending_keeps_everything_open_and_says_so(wizard, asker, monkeypatch) -> None:
    typed = flow.Entry(
        immediate_danger=False, first_name="Zoë", date_text="01/01/2026", time_text="10:00", account="seen",
        about_adult_working_with_children=False, group_or_community=False, recorder_name="Jo", recorder_role="TA",
        declaration=True,
    )  # fmt: skip
    for page in wizard.flow_pages.values():
        page.load(typed)  # as if typed page by page
    for _ in range(5):  # the essentials: safety, child, what happened, who else must know, about you
        press_next(wizard)
    assert wizard.page_id() is Page.REVIEW

    def full(*_args: object, **_kwargs: object) -> None:
        raise DiskFull("The disk is full: nothing was changed.")

    monkeypatch.setattr("desktop_app.services.intake.sealing.atomic.write_bytes", full)
    press_next(wizard)
    _kind, title, text = asker.asked[-1]
    assert title == "The concern was not sent" and "disk is full" in text and "Nothing you wrote was lost" in text
    assert wizard.page_id() is Page.REVIEW and wizard.entry.first_name == "Zoë"
