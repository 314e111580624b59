"""The dashboard on a real (test) vault: every list filled from the vault, opened by Enter or double-click,
sealed concerns counted and imported, overdue confirmations marked in words and colour."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStackedWidget, QWidget

from desktop_app.domain.records import ChildDetails, ConcernDraft
from desktop_app.services import demo
from desktop_app.services.intake import import_items as intake_import
from desktop_app.services.intake import sealing as intake_sealing
from desktop_app.services.vault import VaultSession
from desktop_app.ui.concern_view import ConcernView
from desktop_app.ui.dashboard import DashboardPage
from desktop_app.ui.models import ATTENTION_BACKGROUND
from tests.fixtures_vault import open_session  # noqa: F401

pytestmark = pytest.mark.gui


class Host(QStackedWidget):
    """Stands in for the main window: shows one page at a time, rebuilds the dashboard on request."""

    def __init__(self, session: VaultSession, today: date | None = None) -> None:
        super().__init__()
        self.session = session
        self.today = today
        self.resize(1200, 800)

    def show_page(self, page: QWidget) -> None:
        old = self.currentWidget()
        self.addWidget(page)
        self.setCurrentWidget(page)
        if old is not None and old is not page:
            self.removeWidget(old)
            old.deleteLater()

    def show_dashboard(self) -> DashboardPage:
        today = self.today
        page = DashboardPage(self.session, host=self, today=(lambda: today) if today else date.today)
        self.show_page(page)
        return page


def staff_concern(first: str, last: str) -> ConcernDraft:
    return ConcernDraft(
        immediate_danger=False,
        child=ChildDetails(first, last, year_group="Year 8"),
        happened_at=datetime.now().astimezone() - timedelta(hours=3),
        location="Canal towpath",
        account="Seen with older teenagers passing a package.",
        childs_words="It's nothing, I'm just helping.",
        recorder_name="Ruth Kinsella",
        recorder_role="Teaching assistant",
        recorded_at=datetime.now().astimezone(),
        declaration=True,
    )


def test_dashboard_lists_fill_from_the_vault_and_open_the_record(
    qtbot: Any,
    screenshot: Any,
    open_session: VaultSession,
) -> None:
    session = open_session
    demo.fill_demo_data(session, children=14, concerns=60, seed=4)
    writer = intake_sealing.SealedIntake.for_vault(session.vault_dir)
    writer.submit(staff_concern("Νίκος", "Παπαδόπουλος"))
    later = date.today() + timedelta(days=10)  # every confirmation still awaited is then overdue
    host = Host(session, today=later)
    qtbot.addWidget(host)
    page = host.show_dashboard()
    host.show()
    qtbot.waitExposed(host)
    screenshot(host, "dashboard_demo")

    assert page.sealed_waiting == 1
    assert "1 concern recorded by staff is waiting" in page.sealed_label.text()
    assert page.import_button.isEnabled()
    awaiting = page.awaiting.list.model()
    assert awaiting.rowCount() > 0
    rows = [awaiting.record(r) for r in range(awaiting.rowCount())]
    keys = [(r.urgency, r.days_waiting) for r in rows]
    assert keys == sorted(keys, reverse=True), "most urgent first, then oldest first"
    assert awaiting.headerData(0, Qt.Orientation.Horizontal) == "Urgency"
    assert awaiting.headerData(1, Qt.Orientation.Horizontal) == "Waiting"
    assert awaiting.data(awaiting.index(0, 1)).endswith("days") or awaiting.data(awaiting.index(0, 1)) == "today"
    confirmations = page.confirmations.list.model()
    assert confirmations.rowCount() > 0
    first = confirmations.record(0)
    assert first.overdue
    assert confirmations.data(confirmations.index(0, 0)).startswith("OVERDUE")
    assert confirmations.data(confirmations.index(0, 0), Qt.ItemDataRole.BackgroundRole).color() == ATTENTION_BACKGROUND
    assert "overdue" in page.confirmations.heading.text()
    assert page.reviews.list.model().rowCount() > 0
    high = page.high_risk.list.model()
    assert high.rowCount() > 0
    assert all(high.record(r).level.value == "high" for r in range(high.rowCount()))

    # Enter opens the selected concern
    table = page.awaiting.list
    table.setFocus()
    table.selectRow(0)
    wanted = awaiting.record(0).concern_id
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(host.currentWidget(), ConcernView))
    view = host.currentWidget()
    assert view.concern_id == wanted
    screenshot(host, "concern_view_from_dashboard")

    # back to the dashboard; a double-click on a high-risk child opens their concern
    qtbot.mouseClick(view.back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(host.currentWidget(), DashboardPage))
    page = host.currentWidget()
    high_table = page.high_risk.list
    rect = high_table.visualRect(high_table.model().index(0, 0))
    wanted = high_table.model().record(0).concern_id
    qtbot.mouseClick(high_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # Qt wants a press first
    qtbot.mouseDClick(high_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: isinstance(host.currentWidget(), ConcernView))
    assert host.currentWidget().concern_id == wanted


def test_sealed_concerns_are_imported_from_the_dashboard_and_it_refreshes(
    qtbot: Any,
    screenshot: Any,
    open_session: VaultSession,
) -> None:
    session = open_session
    intake_sealing.SealedIntake.for_vault(session.vault_dir).submit(staff_concern("Аня", "Смирнова"))
    host = Host(session)
    qtbot.addWidget(host)
    page = host.show_dashboard()
    host.show()
    assert page.awaiting.list.model().rowCount() == 0
    assert page.awaiting.empty.isVisibleTo(page)
    screenshot(host, "dashboard_sealed_waiting")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page.windows[-1]
    qtbot.waitExposed(dialog)
    screenshot(dialog, "dashboard_import_dialog")
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        qtbot.mouseClick(dialog.as_new, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.sealed_waiting == 0)
    rows = page.awaiting.list.model()
    assert rows.rowCount() == 1
    assert rows.record(0).child_name == "Аня Смирнова (Year 8)"
    assert not page.import_button.isEnabled()
    dialog.close()
    screenshot(host, "dashboard_after_import")


def test_an_empty_vault_says_what_each_list_means(qtbot: Any, screenshot: Any, open_session: VaultSession) -> None:
    host = Host(open_session)
    qtbot.addWidget(host)
    page = host.show_dashboard()
    host.show()
    for panel, text in (
        (page.awaiting, "No concerns are waiting"),
        (page.reviews, "No reviews are due"),
        (page.confirmations, "No written confirmations"),
        (page.high_risk, "No child is at high"),
    ):
        assert panel.empty.isVisibleTo(page) and panel.empty.text().startswith(text)
        assert not panel.list.isVisibleTo(page)
    assert "No concerns from staff" in page.sealed_label.text()
    screenshot(host, "dashboard_empty")


def test_record_a_concern_opens_the_dsl_wizard_and_the_dashboard_refreshes_when_it_closes(
    qtbot: Any,
    screenshot: Any,
    open_session: VaultSession,
) -> None:
    from desktop_app.ui.concern import ConcernWizard

    host = Host(open_session)
    qtbot.addWidget(host)
    page = host.show_dashboard()
    host.show()
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    wizard = page.windows[-1]
    assert isinstance(wizard, ConcernWizard)
    qtbot.waitExposed(wizard)
    screenshot(wizard, "dashboard_record_a_concern")
    intake_import.submit_in_app(open_session, staff_concern("Ahmed", "Al-Sayed"))  # as if the wizard had submitted it
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        wizard.reject()
    assert [r.child_name for r in page.awaiting.list.model().records()] == ["Ahmed Al-Sayed (Year 8)"]


def test_lists_fetch_a_page_at_a_time_never_the_whole_table(qtbot: Any) -> None:
    from desktop_app.ui.models import Column, RecordsModel

    asked: list[int] = []
    rows = list(range(250))

    def fetch(limit: int) -> list[int]:
        asked.append(limit)
        return rows[:limit]

    model = RecordsModel([Column("Number", str)], fetch, page_size=100)
    assert model.rowCount() == 100 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 250 and not model.canFetchMore()
    assert asked == [100, 200, 300]
    assert model.data(model.index(249, 0)) == "249"
