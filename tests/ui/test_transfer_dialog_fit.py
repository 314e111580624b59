"""The transfer and retention dialogs at 150% on 1366×768 (issue 13): each fits the available screen with its
buttons in sight; fields taller than the screen scroll."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect

from tests.fixtures_vault import open_session  # noqa: F401
from tests.ui.test_transfer import _page, demo, demo_name, zoom  # noqa: F401 - fixtures

pytestmark = pytest.mark.gui


def _fits(dialog: Any) -> None:
    available = dialog.screen().availableGeometry()
    assert available.contains(dialog.frameGeometry()), (type(dialog).__name__, dialog.frameGeometry(), available)
    for button in (dialog.ok_button, dialog.cancel_button):
        inside = QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())
        assert dialog.rect().contains(inside), (type(dialog).__name__, button.text())


def test_each_dialog_fits_with_its_buttons(qtbot, demo, fake_ask, zoom, screenshot) -> None:
    _host, page = _page(qtbot, demo)
    page.awaiting.setCurrentRow(0)
    receipt = page.confirm_receipt()
    qtbot.waitExposed(receipt)
    _fits(receipt)
    receipt.reject()
    page.past_list.setCurrentRow(0)
    hold = page.hold_selected()
    qtbot.waitExposed(hold)
    _fits(hold)
    hold.reject()
    destroy = page.destroy_selected()
    qtbot.waitExposed(destroy)
    _fits(destroy)
    screenshot(destroy, "retention_destroy_dialog_fit")
    destroy.reject()
    page.search.setText(demo_name(demo))
    qtbot.waitUntil(lambda: page.found.count() > 0)
    page.found.setCurrentRow(0)
    send = page.send_selected()
    qtbot.waitExposed(send)
    _fits(send)
    screenshot(send, "transfer_send_dialog_fit")
    send.reject()
