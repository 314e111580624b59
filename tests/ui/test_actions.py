"""A concern's actions as a DSL works them by keyboard: agreed in the concern's window with an owner and a due date,
handed on, completed with an outcome; the dashboard's "Actions due" marks the overdue one and opens its concern."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.services.actions.add import NewAction, add_action
from desktop_app.services.audit import training
from desktop_app.services.vault import VaultSession
from desktop_app.ui.concern_view import ConcernView
from tests.fixtures_vault import fictional_child, open_session, record_concern  # noqa: F401
from tests.ui.fakes import FakeAsker
from tests.ui.test_dashboard import Host
from tests.ui.test_lock_screen import made_vault, template_root, unlocked_window, window  # noqa: F401

pytestmark = pytest.mark.gui
TODAY = date.today()


@pytest.fixture
def closing() -> Iterator[list[QWidget]]:
    opened: list[QWidget] = []
    yield opened
    for widget in opened:
        if shiboken6.isValid(widget):
            widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            widget.close()
            widget.deleteLater()


def audit_actions(session: VaultSession) -> list[str]:
    with session.uow() as uow:
        entries = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
    return [e.action for e in entries]


def concern_window(qtbot: Any, session: VaultSession, closing: list[QWidget], concern_id: int) -> ConcernView:
    host = Host(session)
    host.resize(1280, 740)
    closing.append(host)
    host.show()
    qtbot.waitExposed(host)
    view = ConcernView(session, concern_id, host=host)
    host.show_page(view)
    return view


def type_into(widget: QWidget, text: str) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClicks(widget, text)


def test_an_action_is_agreed_by_keyboard_and_shows_in_the_concern_window(
    qtbot: Any,
    open_session: VaultSession,
    fake_ask: FakeAsker,
    closing: list[QWidget],
    screenshot: Any,
) -> None:
    training.add_staff(open_session, "Ama Boateng", "Head of Year 9")
    concern_id = record_concern(open_session)
    view = concern_window(qtbot, open_session, closing, concern_id)
    section = view.actions_section
    assert "none agreed yet" in section.title.text()
    screenshot(view.window(), "actions_concern_view_empty")
    dialog = section.add_action()
    qtbot.waitExposed(dialog)
    screenshot(dialog, "actions_add_dialog")
    # Add with nothing written: the first problem is named beside its field and the cursor goes there
    QTest.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert dialog.isVisible() and dialog.problems["text"].text() == "Write what is to be done."
    assert dialog.focusWidget() is dialog.text
    screenshot(dialog, "actions_add_dialog_problem")
    type_into(dialog.text, "Check attendance every day and tell the DSL of any absence")
    dialog.owner.setFocus()
    QTest.keyClick(dialog.owner, Qt.Key.Key_Home)
    assert dialog.owner.currentText() == "Ama Boateng (Head of Year 9)"
    assert not dialog.new_name.isEnabled(), "the new person's name is for typing only when chosen"
    with qtbot.waitSignal(section.changed, timeout=5000):
        QTest.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    assert "1 open, 0 done" in section.title.text()
    row = section.model.record(0)
    assert row.owner.name == "Ama Boateng" and row.due == TODAY + timedelta(days=7)
    assert section.model.data(section.model.index(0, 1)) == "Open"
    assert "action.added" in audit_actions(open_session)
    screenshot(view.window(), "actions_concern_view_one_open")


def test_a_new_member_of_staff_can_be_named_in_the_dialog(
    qtbot: Any,
    open_session: VaultSession,
    fake_ask: FakeAsker,
    closing: list[QWidget],
) -> None:
    concern_id = record_concern(open_session)
    view = concern_window(qtbot, open_session, closing, concern_id)
    dialog = view.actions_section.add_action()
    qtbot.waitExposed(dialog)
    assert dialog.owner.currentText() == "Someone not on the staff register yet…"  # an empty register
    assert dialog.new_name.isEnabled()
    dialog.common.setCurrentIndex(1)
    dialog.common.activated.emit(1)
    assert dialog.text.toPlainText() == dialog.common.itemText(1)
    type_into(dialog.new_name, "Priya Raman")
    type_into(dialog.new_job, "Learning mentor")
    with qtbot.waitSignal(view.actions_section.changed, timeout=5000):
        dialog.ok.click()
    assert view.actions_section.model.record(0).owner.described == "Priya Raman (Learning mentor)"
    assert [m.name for m in training.staff(open_session)] == ["Priya Raman"]


def test_completing_and_handing_on_the_selected_action(
    qtbot: Any,
    open_session: VaultSession,
    fake_ask: FakeAsker,
    closing: list[QWidget],
    screenshot: Any,
) -> None:
    ama = training.add_staff(open_session, "Ama Boateng", "Head of Year 9").staff_id
    training.add_staff(open_session, "Lewis Tregarthen", "Attendance officer")
    concern_id = record_concern(open_session)
    add_action(open_session, concern_id, NewAction("Speak to grandmother", TODAY + timedelta(days=2), ama))
    add_action(open_session, concern_id, NewAction("Meet the child", TODAY + timedelta(days=5), ama))
    view = concern_window(qtbot, open_session, closing, concern_id)
    section = view.actions_section
    section.table.setFocus()
    QTest.keyClick(section.table, Qt.Key.Key_Down)  # the second action
    assert section.selected() is not None and section.selected().text == "Meet the child"
    change = section.change_action()
    qtbot.waitExposed(change)
    screenshot(change, "actions_change_dialog")
    change.owner.setCurrentIndex(change.owner.findText("Lewis Tregarthen (Attendance officer)"))
    type_into(change.reason, "Ama is on a course this week")
    with qtbot.waitSignal(section.changed, timeout=5000):
        change.ok.click()
    assert {a.text: a.owner.name for a in section.listed} == {
        "Speak to grandmother": "Ama Boateng",
        "Meet the child": "Lewis Tregarthen",
    }
    section.table.selectRow(0)
    complete = section.complete_action()
    qtbot.waitExposed(complete)
    screenshot(complete, "actions_complete_dialog")
    type_into(complete.outcome, "Grandmother will collect him after school.")
    with qtbot.waitSignal(section.changed, timeout=5000):
        complete.ok.click()
    done = [a for a in section.listed if not a.is_open]
    assert [a.text for a in done] == ["Speak to grandmother"]
    assert "1 open, 1 done" in section.title.text()
    last = section.model.rowCount() - 1
    assert section.model.data(section.model.index(last, 1)).startswith("Done")
    assert section.model.data(section.model.index(last, 4)) == "Grandmother will collect him after school."
    section.table.selectRow(last)
    assert not section.complete_button.isEnabled() and "already completed" in section.complete_button.toolTip()
    assert {"action.reassigned", "action.completed"} <= set(audit_actions(open_session))
    screenshot(view.window(), "actions_concern_view_done")


def test_the_dashboard_marks_an_overdue_action_and_opens_its_concern(
    qtbot: Any,
    open_session: VaultSession,
    fake_ask: FakeAsker,
    closing: list[QWidget],
    screenshot: Any,
) -> None:
    ama = training.add_staff(open_session, "Ama Boateng", "Head of Year 9").staff_id
    late = record_concern(open_session, child=fictional_child("Corin", "Ashdown"))
    soon = record_concern(open_session, child=fictional_child("Tamsin", "Quillfeather"))
    add_action(
        open_session,
        late,
        NewAction("Ask the social worker for an update", TODAY - timedelta(days=3), ama),
        TODAY - timedelta(days=10),
    )
    add_action(open_session, soon, NewAction("Meet the child", TODAY + timedelta(days=2), ama))
    add_action(open_session, soon, NewAction("Review in a month", TODAY + timedelta(days=30), ama))
    host = Host(open_session)
    host.resize(1280, 740)
    closing.append(host)
    host.show()
    qtbot.waitExposed(host)
    dashboard = host.show_dashboard()
    panel = dashboard.actions_due
    assert "Actions due" in panel.heading.text() and "(2)" in panel.heading.text()
    assert "1 overdue" in panel.heading.text()
    model = panel.list.model()
    assert model.rowCount() == 2, "the action due in a month waits"
    assert model.data(model.index(0, 0)).startswith("OVERDUE 3 days")
    assert model.data(model.index(0, 1)).startswith("Corin Ashdown (")
    assert "OVERDUE" not in model.data(model.index(1, 0))
    screenshot(host, "actions_dashboard")
    panel.list.setFocus()
    panel.list.setCurrentIndex(model.index(0, 0))
    QTest.keyClick(panel.list, Qt.Key.Key_Return)
    QApplication.processEvents()
    view = host.currentWidget()
    assert isinstance(view, ConcernView) and view.concern_id == late
    assert "1 overdue" in view.actions_section.title.text()


def test_an_action_half_written_survives_the_lock(
    unlocked_window: Any,
    made_vault: Any,
    fake_ask: Any,
    qtbot: Any,
    screenshot: Any,
) -> None:
    from tests.ui.test_unfinished_work import idle_lock, no_plaintext, unlock

    win = unlocked_window
    training.add_staff(win.session, "Ama Boateng", "Head of Year 9")
    view = win.open_concern(record_concern(win.session))
    dialog = view.add_action()
    qtbot.waitExposed(dialog)
    dialog.text.setPlainText("Quillon attendance check every morning")
    dialog.owner.setCurrentIndex(0)
    idle_lock(win, qtbot)
    no_plaintext(made_vault.folder, "Quillon attendance")
    fake_ask.answer_confirm = True
    unlock(win, made_vault, qtbot)
    qtbot.waitUntil(lambda: bool(getattr(win, "resumed_windows", None)), timeout=5000)
    again = win.resumed_windows[0]
    assert again.text.toPlainText() == "Quillon attendance check every morning"
    assert again.owner.currentText() == "Ama Boateng (Head of Year 9)"
    screenshot(again, "actions_add_resumed_after_unlock")
