"""The transfer and retention screens, driven as a DSL would: page, send, receive, receipt, hold, destroy, drop kit,
the child file's section, the dashboard's alert and the drop-kit recorder — each screenshotted at 100% and 150%."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.services.demo import fill_demo_data
from desktop_app.services.transfer import send
from desktop_app.services.vault import VaultSession
from desktop_app.ui.transfer.child_section import ChildTransferSection
from desktop_app.ui.transfer.page import TransfersPage
from tests.fixtures_vault import open_session  # noqa: F401
from tests.ui.test_dashboard import Host

pytestmark = pytest.mark.gui
PASSWORD = "K7QP-M2XD-9RTA-WB4H"


@pytest.fixture
def demo(open_session: VaultSession) -> VaultSession:
    fill_demo_data(open_session, children=3, concerns=6, seed=2)
    return open_session


@pytest.fixture(params=[100, 150], ids=["100", "150"])
def zoom(request: pytest.FixtureRequest, qapp: Any) -> Iterator[int]:
    from desktop_app.ui.app import apply_zoom

    apply_zoom(qapp, request.param)
    yield request.param
    apply_zoom(qapp, 100)


def _page(qtbot: Any, session: VaultSession) -> tuple[Host, TransfersPage]:
    host = Host(session)
    host.resize(1366, 740)
    page = TransfersPage(session, host)
    host.show_page(page)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    return host, page


def _texts(view: Any) -> list[str]:
    return [view.item(i).text() for i in range(view.count())]


def test_the_page_shows_the_overdue_receipt_and_the_file_past_retention(
    qtbot, demo, fake_ask, zoom, screenshot, tmp_path: Path
) -> None:
    host, page = _page(qtbot, demo)
    screenshot(host, "transfers_page")
    assert _texts(page.awaiting)[0].startswith("OVERDUE — ") and "Northfield Academy" in _texts(page.awaiting)[0]
    assert _texts(page.past_list)[0].startswith("Lorcan Whitlow-Hayes, born")

    page.awaiting.setCurrentRow(0)
    receipt = page.confirm_receipt()
    qtbot.waitExposed(receipt)
    screenshot(receipt, "transfer_receipt_dialog")
    receipt.on_ok()
    assert not any("OVERDUE" in t for t in _texts(page.awaiting))

    page.past_list.setCurrentRow(0)
    hold = page.hold_selected()
    qtbot.waitExposed(hold)
    screenshot(hold, "retention_hold_dialog")
    hold.reject()

    destroy = page.destroy_selected()
    qtbot.waitExposed(destroy)
    assert not destroy.ok_button.isEnabled()
    destroy.typed.setText("Lorcan Whitlow-Hayes")
    screenshot(destroy, "retention_destroy_dialog")
    with qtbot.waitSignal(destroy.destroyed, timeout=30000):
        destroy.ok_button.click()
    assert _texts(page.past_list) == ["No file is past its retention date."]

    page.search.setText(demo_name(demo))
    qtbot.waitUntil(lambda: page.found.count() > 0)
    page.found.setCurrentRow(0)
    dialog = page.send_selected()
    qtbot.waitExposed(dialog)
    dialog.to_setting.setText("Riverside Academy")
    dialog.to_person.setText("Priya Okonjo-Hart")
    screenshot(dialog, "transfer_send_dialog")
    fake_ask.answer_save = str(tmp_path / f"sent-{zoom}.wmtransfer")
    with qtbot.waitSignal(dialog.sent, timeout=60000):
        dialog.ok_button.click()
    assert (
        Path(fake_ask.answer_save).exists()
        and "read them the password" in fake_ask.said("confirm", "inform", "warn")[-1]
    )

    fake_ask.answer_save = str(tmp_path / "kit.wmdropkit")
    page.export_kit()
    assert Path(fake_ask.answer_save).exists() and "Drop kit saved" in page.status.text
    screenshot(host, "transfers_page_after")


def demo_name(session: VaultSession) -> str:
    with session.uow() as uow:
        return next(c.details.last_name for c in uow.children.recent(10) if len(c.details.last_name) >= 3)


def test_receiving_a_file_shows_whose_it_is_then_imports_it(
    qtbot, demo, fake_ask, zoom, screenshot, tmp_path: Path
) -> None:
    with demo.uow() as uow:
        child = uow.children.recent(1)[0]
    path = tmp_path / "in.wmtransfer"
    send.export_transfer(demo, child.child_id, path, PASSWORD, send.TransferOut("Riverside Academy"))
    _host, page = _page(qtbot, demo)
    dialog = page.receive()
    qtbot.waitExposed(dialog)
    screenshot(dialog, "transfer_receive_dialog")
    fake_ask.answer_open = str(path)
    dialog.choose.click()
    dialog.password.setText("WRONG-PASSWORD-1")
    dialog.open_button.click()
    qtbot.waitUntil(lambda: "password does not open" in dialog.status.text, timeout=30000)
    dialog.password.setText(PASSWORD)
    dialog.open_button.click()
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=30000)
    assert child.details.last_name in dialog.summary.text()
    assert "The child on file" in dialog.choices.item(0).text()
    screenshot(dialog, "transfer_receive_dialog_opened")
    with qtbot.waitSignal(dialog.received, timeout=30000):
        dialog.ok_button.click()
    section = ChildTransferSection(demo, child.child_id, child.details.display_name)
    qtbot.addWidget(section)
    section.resize(900, 420)
    section.show()
    qtbot.waitExposed(section)
    screenshot(section, "child_file_transfers_section")
    assert any(t.startswith("Received from Hollybrook") for t in _texts(section.log))
    assert any(t.startswith("Sent to Riverside Academy") for t in _texts(section.log))
    assert "Retention date" in section.retention.text()
    reader = section.read_received()
    qtbot.waitExposed(reader)
    screenshot(reader, "received_file_reader")
    reader.reject()


def test_the_dashboard_says_a_receipt_is_overdue(qtbot, demo, zoom, screenshot) -> None:
    host = Host(demo)
    qtbot.addWidget(host)
    host.resize(1366, 740)
    host.show()
    dashboard = host.show_dashboard()
    qtbot.waitExposed(host)
    screenshot(host, "dashboard_records_alert")
    assert dashboard.records_alert.isVisible()
    text = dashboard.records_alert.label.text()
    assert "no receipt after 5 school days" in text and "past the retention date" in text


def test_the_drop_kit_recorder_opens_the_staff_wizard(qtbot, demo, fake_ask, zoom, screenshot, tmp_path: Path) -> None:
    from desktop_app.services.dropkit import kit
    from desktop_app.ui.drop_recorder import open_drop_wizard

    kit.export_kit(demo, tmp_path / "k.wmdropkit")
    folder = tmp_path / "usb"
    folder.mkdir()
    wizard = open_drop_wizard(None, tmp_path / "k.wmdropkit", folder)
    assert wizard is not None
    qtbot.waitExposed(wizard)
    screenshot(wizard, "drop_kit_recorder_wizard")
    assert "Hollybrook" in wizard.windowTitle()
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    wizard.close()
    QApplication.processEvents()
    bad = tmp_path / "bad.wmdropkit"
    bad.write_text("{}", encoding="utf-8")
    assert open_drop_wizard(None, bad, folder) is None
    assert "not a Waymark drop kit" in fake_ask.said("confirm", "inform", "warn")[-1]
