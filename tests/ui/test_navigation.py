"""The side bar and the search box (Ctrl+F): always at hand while unlocked, gone when locked; only built pages listed;
results opened from the keyboard; two children with the same name told apart."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.domain.records import ChildDetails, ConcernDraft
from desktop_app.ui import navigation
from desktop_app.ui.concern_view import ConcernView
from desktop_app.ui.dashboard import DashboardPage
from desktop_app.ui.search import SearchPage
from tests.ui.test_lock_screen import made_vault, template_root, unlocked_window, window  # noqa: F401

pytestmark = pytest.mark.gui


def laptop(win, zoom: int, qapp) -> None:
    from desktop_app.ui.appearance import apply_zoom

    apply_zoom(qapp, zoom)
    win.resize(1366, 768)
    QApplication.processEvents()


def add_concern(session, child: ChildDetails, account: str) -> int:
    actor = session.actor()
    with session.uow() as uow:
        added = uow.children.add(child, actor)
        concern = uow.concerns.add(
            added.child_id, ConcernDraft(account=account, location="Precinct"), actor, sealed=False
        )
        uow.audit.append(actor, "concern.submitted", concern.concern_id)
        uow.commit()
    return concern.concern_id


def test_the_side_bar_lists_only_pages_that_exist_and_goes_there(
    unlocked_window, qtbot, qapp, screenshot, monkeypatch
) -> None:
    win = unlocked_window
    laptop(win, 100, qapp)
    bar = win.side_bar
    assert bar.isVisible()
    keys = bar.entry_keys()
    assert keys[0] == "dashboard" and "settings" in keys
    for key in keys:
        assert navigation.factory(key) is not None, f"{key} is listed with no page behind it"
    assert isinstance(win.current_page(), DashboardPage)
    assert bar.current_key() == "dashboard"
    screenshot(win, "main_window_side_bar")

    bar.entries.setFocus()
    bar.entries.setCurrentRow(keys.index("settings"))
    QTest.keyClick(bar.entries, Qt.Key.Key_Return)
    assert win.current_page().objectName() != "dashboard"
    assert bar.current_key() == "settings"

    # a page not built yet is hidden; once its factory is registered it appears and opens (every real page is built
    # now, so the test plants one)
    hidden = "planned"
    monkeypatch.setattr(
        navigation,
        "DESTINATIONS",
        (*navigation.DESTINATIONS, navigation.Destination(hidden, "Planned", "A page not built yet.")),
    )
    assert hidden not in bar.entry_keys()
    navigation.register(hidden, lambda session, host: QLabel(f"{hidden} page"))
    try:
        bar.reload()
        assert hidden in bar.entry_keys()
        page = win.navigate(hidden)
        assert isinstance(page, QLabel) and win.current_page() is page and bar.current_key() == hidden
    finally:
        navigation.unregister(hidden)
        bar.reload()
    assert hidden not in bar.entry_keys()

    win.lock()
    assert not bar.isVisible(), "the side bar is shown over the lock screen"
    assert not win.search_action.isEnabled()


@pytest.mark.parametrize("zoom", [100, 150])
def test_ctrl_f_searches_and_two_children_of_the_same_name_are_told_apart(
    unlocked_window, qtbot, qapp, zoom, screenshot
) -> None:
    win = unlocked_window
    session = win.session
    first = add_concern(
        session,
        ChildDetails("Leah", "Brennan", date_of_birth=date(2011, 3, 14), year_group="Year 10"),
        "Seen near the railway arches with older boys",
    )
    add_concern(
        session,
        ChildDetails("Leah", "Brennan", date_of_birth=date(2014, 9, 2), year_group="Year 7"),
        "Said a man at the park gave her a phone",
    )
    laptop(win, zoom, qapp)
    win.activateWindow()
    QTest.keySequence(win, QKeySequence("Ctrl+F"))
    box = win.side_bar.search_box
    qtbot.waitUntil(box.hasFocus, timeout=3000)
    QTest.keyClicks(box, "leah bren")
    QTest.keyClick(box, Qt.Key.Key_Return)
    page = win.current_page()
    assert isinstance(page, SearchPage)
    titles = [page.hit(r).title for r in range(page.count())]
    children = [t for t, r in zip(titles, range(page.count()), strict=True) if page.hit(r).kind == "child"]
    assert len(children) == 2
    assert children[0] != children[1], "two children called Leah Brennan look the same"
    assert any("born 14 Mar 2011" in t and "Year 10" in t for t in children)
    assert any("born 02 Sep 2014" in t for t in children)
    assert page.results.hasFocus(), "the results do not have the cursor: Enter would not open the first"
    screenshot(win, "search_two_leahs")

    # words from a concern find it too; Enter opens it
    QTest.keySequence(win, QKeySequence("Ctrl+F"))
    box.setText("railway arches")
    QTest.keyClick(box, Qt.Key.Key_Return)
    page = win.current_page()
    assert [page.hit(r).concern_id for r in range(page.count())] == [first]
    QTest.keyClick(page.results, Qt.Key.Key_Return)
    view = win.current_page()
    assert isinstance(view, ConcernView)
    screenshot(win, "search_opened_concern")

    # a child found by search opens the child's file
    box.setText("brennan")
    QTest.keyClick(box, Qt.Key.Key_Return)
    page = win.current_page()
    wanted = page.hit(0).child_id
    QTest.keyClick(page.results, Qt.Key.Key_Return)
    page = win.current_page()
    assert page.objectName() == "child_file" and page.child_id == wanted
    assert "Leah Brennan" in page.title.text()


def test_search_with_no_match_says_what_to_try(unlocked_window, qtbot) -> None:
    win = unlocked_window
    page = win.show_search("zzqx")
    assert isinstance(page, SearchPage)
    assert page.count() == 0
    assert page.empty.isVisible() and "Nothing matches" in page.empty.text()


@pytest.mark.parametrize("zoom", [100, 150])
def test_the_side_bar_keeps_its_width_on_every_page(unlocked_window, qtbot, qapp, screenshot, zoom: int) -> None:
    """Found in a real window: the side bar narrowed by about 20 px on a child's file, so every entry and the search
    box moved sideways under the pointer."""
    from desktop_app.ui.child import sections

    win = unlocked_window
    try:
        laptop(win, zoom, qapp)
        bar = win.side_bar
        concern_id = add_concern(
            win.session, ChildDetails("Ayla", "Brightwater-Okonkwo", year_group="Year 9"), "Seen at the precinct"
        )
        QApplication.processEvents()
        width = bar.width()
        entries = bar.entries
        for row in range(entries.count()):  # every entry whole
            text = entries.item(row).text()
            assert entries.viewport().width() >= entries.fontMetrics().horizontalAdvance(text) + 6, text
        widths = {"dashboard": width}
        room = win.screen().availableGeometry().width()
        for key in bar.entry_keys():
            win.navigate(key)
            QApplication.processEvents()
            widths[key] = bar.width()
            assert win.frameGeometry().width() <= room, f"{key}: the window is wider than the screen"
        with win.session.uow() as uow:
            child_id = uow.concerns.get(concern_id).child_id
        page = win.open_child(child_id)
        assert page is not None
        for section in sections.SECTIONS:
            if page.section(section.key) is None:
                continue
            page.show_section(section.key)
            QApplication.processEvents()
            widths[f"child file: {section.key}"] = bar.width()
            screenshot(win, f"side_bar_child_{section.key}")
            assert win.frameGeometry().width() <= room, f"{section.key}: the window is wider than the screen"
        win.open_concern(concern_id)
        QApplication.processEvents()
        widths["concern"] = bar.width()
        assert {k: w for k, w in widths.items() if w != width} == {}, f"the side bar is {width} px on the dashboard"
    finally:
        laptop(win, 100, qapp)


def highlighted(bar) -> list[str]:
    """The side bar's entries shown as where the user is (selected: what is drawn highlighted)."""
    return [str(item.data(Qt.ItemDataRole.UserRole)) for item in bar.entries.selectedItems()]


def read_as_selected(bar) -> list[str]:
    """The entries a screen reader is told are selected."""
    entries = QAccessible.queryAccessibleInterface(bar.entries)
    assert entries is not None
    told = []
    for index in range(entries.childCount()):
        item = entries.child(index)
        if item is not None and item.state().selected:
            told.append(item.text(QAccessible.Text.Name))
    return told


@pytest.mark.parametrize("zoom", [100, 150])
def test_the_side_bar_names_the_page_shown_however_it_was_opened(
    unlocked_window, qtbot, qapp, screenshot, zoom: int
) -> None:
    """Found in a real window (issue 16): a child opened from the dashboard, or Settings from its menu, left the side
    bar highlighting the entry before ("Help"). A child's file is under Children (its Back returns to the children);
    a concern under Dashboard (its Back returns there, where the concerns to screen, review and confirm are listed);
    search results under no entry (the search box is their place)."""
    win = unlocked_window
    try:
        laptop(win, zoom, qapp)
        bar = win.side_bar
        concern_id = add_concern(
            win.session, ChildDetails("Ayla", "Brightwater-Okonkwo", year_group="Year 9"), "Seen at the precinct"
        )

        def after_help(open_it) -> list[str]:
            win.navigate("help")
            assert highlighted(bar) == ["help"]
            open_it()
            QApplication.processEvents()
            return highlighted(bar)

        def from_dashboard() -> None:
            dashboard = win.navigate("dashboard")
            dashboard.open_child_of(dashboard.awaiting.list.model().records()[0])

        assert after_help(from_dashboard) == ["children"]
        screenshot(win, "side_bar_child_from_dashboard")
        assert read_as_selected(bar) == ["Children"]
        assert after_help(lambda: win.open_concern(concern_id)) == ["dashboard"]
        screenshot(win, "side_bar_concern")
        assert read_as_selected(bar) == ["Dashboard"]
        assert after_help(win.settings_action.trigger) == ["settings"]
        assert after_help(lambda: QTest.keySequence(win, QKeySequence("Ctrl+4"))) == ["documents"]
        assert after_help(lambda: win.show_search("Brightwater")) == []
        screenshot(win, "side_bar_search")
        assert read_as_selected(bar) == []
        # a concern opened from the child's chronology is still under Dashboard
        with win.session.uow() as uow:
            child_id = uow.concerns.get(concern_id).child_id
        page = win.open_child(child_id)
        page.show_section("chronology")
        chronology = page.section("chronology")
        assert highlighted(bar) == ["children"]
        chronology.open_event(chronology.events[0])
        QApplication.processEvents()
        assert highlighted(bar) == ["dashboard"]
    finally:
        laptop(win, 100, qapp)
