"""The Connections section as a DSL uses it: the list and the diagram agree, each child keeps their own role, an
adult linked to three children shows from each file, and a link to the child itself is refused with a sentence."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from desktop_app.domain.enums import ChildRole
from desktop_app.domain.records import AdultOfConcern, Place
from desktop_app.services.vault import VaultSession
from desktop_app.ui.connections.dialogs import LinkChildDialog
from desktop_app.ui.connections.section import ConnectionsSection
from tests.services.child.helpers import add_child, add_concern
from tests.ui.test_accessibility import audit, check, fits, show

pytestmark = pytest.mark.gui


def texts(section: ConnectionsSection) -> list[str]:
    found: list[str] = []

    def walk(item: QTreeWidgetItem) -> None:
        found.append(item.text(0))
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(section.list.topLevelItemCount()):
        walk(section.list.topLevelItem(i))
    return found


def three_children_and_tee(session: VaultSession) -> list[int]:
    children = [add_child(session, first, "Example") for first in ("Dara", "Eshe", "Finn")]
    for child in children:
        add_concern(
            session,
            child,
            adults=(AdultOfConcern("'Tee'", "Man, about 20", "Silver hatchback"),),
            places=(Place("Castle Market car park"),),
        )
    return children


def test_an_adult_linked_to_three_children_is_shown_from_each_childs_file(
    qtbot: Any, open_session: VaultSession, closing: list[Any], screenshot: Any
) -> None:
    children = three_children_and_tee(open_session)
    for child, first in zip(children, ("Dara", "Eshe", "Finn"), strict=True):
        section = show(qtbot, ConnectionsSection(open_session, child), closing)
        section.resize(1100, 600)
        others = sorted(f"{name} Example" for name in ("Dara", "Eshe", "Finn") if name != first)
        listed = texts(section)
        assert "'Tee' — Man, about 20" in listed
        assert [t for t in listed if t.startswith("Also linked")] == [f"Also linked: {o}" for o in others] * 2
        tee = next(b for b in section.diagram.buttons.values() if b.node.kind == "adult")
        assert tee.accessibleName() == "Adult of concern 'Tee', also linked to 2 other children"
        shared = sorted(b.node.text for b in section.diagram.buttons.values() if b.node.key.startswith("shared:adult"))
        assert shared == others
        screenshot(section, f"connections_{first.lower()}")
    check(audit(section, "connections section"))


def test_a_link_keeps_two_different_roles_through_the_dialog(
    qtbot: Any, open_session: VaultSession, closing: list[Any], fake_ask: Any, screenshot: Any
) -> None:
    session = open_session
    ayla = add_child(session, "Ayla", "Brightwater")
    add_child(session, "Bryn", "Castleford")
    add_child(session, "Cato", "Dunmore")
    add_concern(session, ayla)
    section = show(qtbot, ConnectionsSection(session, ayla), closing)
    section.resize(1100, 600)
    screenshot(section, "connections_empty")
    for typed, role in (("bryn", ChildRole.POSSIBLE_VICTIM), ("cato", ChildRole.POSSIBLE_PERPETRATOR)):
        dialog = section.link_child()
        closing.append(dialog)
        qtbot.waitExposed(dialog)
        dialog.picker.search.setText(typed)
        dialog.role.setCurrentIndex(dialog.role.findData(role.value))
        if typed == "bryn":
            screenshot(dialog, "link_child_dialog")
            check(audit(dialog, "link a child dialog"))
        dialog.save_button.click()
        assert not dialog.isVisible()
    QApplication.processEvents()
    listed = texts(section)
    assert "Bryn Castleford — possible victim" in listed and "Cato Dunmore — possible perpetrator" in listed
    labels = {b.node.line_label for b in section.diagram.buttons.values() if b.node.kind == "child"}
    assert labels == {"possible victim", "possible perpetrator"}
    screenshot(section, "connections_two_roles")

    bryn_file = show(
        qtbot, ConnectionsSection(session, section.connections.named_in_own_concerns[-1].linked_child_id or 0), closing
    )
    assert any(
        "names Bryn Castleford as possible victim" in t or "names Cato Dunmore as possible perpetrator" in t
        for t in texts(bryn_file)
    )


def test_linking_the_child_to_their_own_concern_is_refused_in_the_dialog(
    qtbot: Any, open_session: VaultSession, closing: list[Any], screenshot: Any
) -> None:
    ayla = add_child(open_session, "Ayla", "Brightwater")
    add_concern(open_session, ayla)
    dialog = LinkChildDialog(None, open_session, ayla)
    show(qtbot, dialog, closing)
    dialog.picker.search.setText("ayla")
    dialog.role.setCurrentIndex(1)
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert dialog.problem.text().startswith("This concern is about Ayla Brightwater, so they cannot be linked")
    screenshot(dialog, "link_child_refused")


def test_the_section_fits_a_laptop_at_150_percent(
    qtbot: Any, open_session: VaultSession, closing: list[Any], zoom_150: Any, screenshot: Any
) -> None:
    children = three_children_and_tee(open_session)
    section = show(qtbot, ConnectionsSection(open_session, children[0]), closing)
    section.resize(1280, 700)
    check(fits(section, "connections section"))
    screenshot(section, "connections_dara")


def test_the_adult_is_shown_from_each_childs_file_page(
    qtbot: Any, open_session: VaultSession, closing: list[Any], screenshot: Any
) -> None:
    from desktop_app.ui.child import child_file_page

    children = three_children_and_tee(open_session)
    for child, first in zip(children, ("Dara", "Eshe", "Finn"), strict=True):
        page = show(qtbot, child_file_page(open_session, None, child), closing)
        page.resize(1300, 740)
        section = page.section("connections")
        assert isinstance(section, ConnectionsSection)
        page.show_section("connections")
        others = sorted(f"{name} Example" for name in ("Dara", "Eshe", "Finn") if name != first)
        assert [t for t in texts(section) if t.startswith("Also linked")][:2] == [f"Also linked: {o}" for o in others]
        assert page.section("missing") is not None
        screenshot(page, f"child_file_connections_{first.lower()}")
    page.show_section("missing")
    screenshot(page, "child_file_missing")


def test_refreshing_leaves_one_node_per_connection(qtbot: Any, open_session: VaultSession, closing: list[Any]) -> None:
    children = three_children_and_tee(open_session)
    section = show(qtbot, ConnectionsSection(open_session, children[0]), closing)
    section.refresh()
    section.refresh()
    visible = [b for b in section.diagram.findChildren(type(section.diagram.buttons["self"])) if b.isVisible()]
    assert len(visible) == len(section.diagram.buttons) == 7  # the child, 'Tee', the car park, two children each
