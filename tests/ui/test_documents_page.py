"""The Documents page in the side bar: every document reachable from the app, each previewed, printed or saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.ui.documents_page import DocumentsPage
from tests.ui.test_lock_screen import (  # noqa: F401 - fixtures
    made_vault,
    template_root,
    unlocked_window,
    window,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def documents_page(unlocked_window):
    page = unlocked_window.navigate("documents")
    assert isinstance(page, DocumentsPage)
    return page


def test_the_quick_reference_and_the_blank_checklist_open_from_the_documents_page(
    documents_page, unlocked_window, qtbot, screenshot
) -> None:
    from desktop_app.ui.documents import DocumentDialog

    screenshot(unlocked_window, "documents_page")
    dialog = documents_page.quick_reference()
    assert isinstance(dialog, DocumentDialog)
    assert "quick reference" in dialog.windowTitle().lower()
    screenshot(dialog, "documents_quick_reference")
    dialog.close()
    checklist = documents_page.blank_checklist()
    assert isinstance(checklist, DocumentDialog)
    checklist.close()


def test_the_recovery_sheet_entry_leads_to_settings(documents_page, unlocked_window, qtbot) -> None:
    from desktop_app.ui.settings import SettingsPage

    qtbot.mouseClick(documents_page.recovery_button, Qt.MouseButton.LeftButton)
    page = unlocked_window.current_page()
    assert isinstance(page, SettingsPage) and page.current_section() == "recovery"


def test_the_audit_and_governors_report_entry_leads_to_the_audit_page(documents_page, unlocked_window, qtbot) -> None:
    from desktop_app.ui.audit import AuditPage

    qtbot.mouseClick(documents_page.audit_button, Qt.MouseButton.LeftButton)
    assert isinstance(unlocked_window.current_page(), AuditPage)


def test_the_documents_page_at_150_percent(documents_page, unlocked_window, qtbot, screenshot) -> None:
    unlocked_window.resize(1200, 760)
    unlocked_window.set_zoom(150)
    try:
        qtbot.waitUntil(documents_page.isVisible, timeout=3000)
        for button in (
            documents_page.quick_button,
            documents_page.checklist_button,
            documents_page.recovery_button,
            documents_page.audit_button,
        ):
            assert button is not None
            qtbot.waitUntil(lambda b=button: b.width() >= b.sizeHint().width(), timeout=3000)
        from PySide6.QtWidgets import QLabel

        for label in documents_page.findChildren(QLabel):
            if label.wordWrap() and label.isVisible():
                qtbot.waitUntil(lambda lb=label: lb.height() >= lb.heightForWidth(lb.width()), timeout=3000)
        screenshot(unlocked_window, "documents_page_150")
    finally:
        unlocked_window.set_zoom(100)


def test_every_control_on_the_documents_page_is_named_and_reached_by_tab(documents_page) -> None:
    from tests.ui.test_accessibility import audit, check

    check(audit(documents_page, "documents page"))
