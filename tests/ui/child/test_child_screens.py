"""The children list, a child's file, its details by new version, its chronology and the MIS import, driven as a
DSL drives them: by keyboard, on a real (test) vault."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.domain.child import ContactPerson
from desktop_app.domain.enums import RiskLevel
from desktop_app.domain.records import ChildDetails, ConcernDraft
from desktop_app.services.vault import VaultSession
from desktop_app.ui.child.children import ChildrenPage
from desktop_app.ui.child.file import ChildFilePage
from tests.fixtures_vault import open_session  # noqa: F401
from tests.services.child import mis_samples
from tests.services.child.screened import screen_child
from tests.ui.concern.helpers import type_text
from tests.ui.test_dashboard import Host
from tests.ui.test_lock_screen import made_vault, template_root, unlocked_window, window  # noqa: F401

pytestmark = pytest.mark.gui


def add(session: VaultSession, first: str, last: str, account: str = "", **more: Any) -> int:
    actor = session.actor()
    with session.uow() as uow:
        child = uow.children.add(ChildDetails(first, last, **more), actor)
        uow.audit.append(actor, "child.added", f"child:{child.child_id}")
        if account:
            concern = uow.concerns.add(
                child.child_id, ConcernDraft(account=account, location="Bus station"), actor, sealed=False
            )
            uow.audit.append(actor, "concern.submitted", concern.concern_id)
        uow.commit()
    return child.child_id


def shown_names(page: ChildrenPage) -> list[str]:
    model = page.list.model()
    return [model.record(r).details.full_name for r in range(model.rowCount())]


def children_host(qtbot: Any, session: VaultSession) -> tuple[Host, ChildrenPage]:
    host = Host(session)
    qtbot.addWidget(host)
    page = ChildrenPage(session, host=host, page_size=5)
    host.show_page(page)
    host.show()
    qtbot.waitExposed(host)
    return host, page


def test_type_to_search_a_word_of_a_concern_arrow_down_and_enter_opens_the_file(
    qtbot: Any, open_session: VaultSession, screenshot: Any
) -> None:
    add(open_session, "Tamsin", "Quillfeather", "Seen getting into a silver hatchback outside the chip shop")
    add(open_session, "Orrin", "Blackwood", "Late again", known_as="Ozzy")
    add(open_session, "Νίκος", "Παπαδόπουλος", latin_name="Nikos Papadopoulos")
    host, page = children_host(qtbot, open_session)
    screenshot(host, "children_list")
    by_english_spelling = ["Orrin Blackwood", "Νίκος Παπαδόπουλος", "Tamsin Quillfeather"]
    assert shown_names(page) == by_english_spelling
    with qtbot.waitSignal(page.loaded, timeout=3000):
        type_text(page.search, "hatchback")
    assert shown_names(page) == ["Tamsin Quillfeather"]
    assert page.list.model().data(page.list.model().index(0, 7)) == "what a concern says"
    screenshot(host, "children_list_search")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.list.hasFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    file = host.currentWidget()
    assert isinstance(file, ChildFilePage)
    assert "Tamsin Quillfeather" in file.title.text()


def test_odd_searches_show_a_sentence_not_an_error(
    qtbot: Any,
    open_session: VaultSession,
    screenshot: Any,
) -> None:
    add(open_session, "Tamsin", "Quillfeather", "silver hatchback")
    host, page = children_host(qtbot, open_session)
    for typed, expected in (
        ('"hatch* OR', ["Tamsin Quillfeather"]),
        ("t", ["Tamsin Quillfeather"]),
        ("x" * 10_000, []),
        ("!!!", []),
    ):
        page.search.setText(typed)
        page.first_page()
        assert shown_names(page) == expected, typed
    assert page.note.isVisible() and page.note.text().startswith("Type a letter")
    page.search.setText("t")
    page.first_page()
    assert "three letters" in page.note.text()
    screenshot(host, "children_list_single_letter")


def test_filters_and_pages(qtbot: Any, open_session: VaultSession, screenshot: Any) -> None:
    high = add(open_session, "Amara", "Holt", "Seen with older males at the park")
    add(open_session, "Bram", "Ivers", "Missed two days")
    for n in range(9):
        add(open_session, "Ada", f"Zed{n}")
    screen_child(open_session, high, RiskLevel.HIGH, date.today() - timedelta(days=3))
    host, page = children_host(qtbot, open_session)
    assert page.position.text() == "Children 1–5 (more on the next page)"
    assert shown_names(page) == ["Amara Holt", "Bram Ivers", "Ada Zed0", "Ada Zed1", "Ada Zed2"]
    assert not page.previous_button.isEnabled()
    page.next_button.click()
    page.next_button.click()
    assert shown_names(page) == ["Ada Zed8"], "by last name, across pages"
    assert page.position.text() == "Children 11–11"
    assert not page.next_button.isEnabled()
    page.previous_button.click()
    assert shown_names(page) == [f"Ada Zed{n}" for n in range(3, 8)]
    page.level.setCurrentIndex(page.level.findText("High risk"))
    assert shown_names(page) == ["Amara Holt"] and page.offset == 0, "a filter starts again at the first page"
    page.level.setCurrentIndex(0)
    page.open_only.setChecked(True)
    assert shown_names(page) == ["Amara Holt", "Bram Ivers"]
    page.review_due.setChecked(True)
    assert shown_names(page) == ["Amara Holt"]
    assert "(overdue)" in page.list.model().data(page.list.model().index(0, 5))
    screenshot(host, "children_list_filters")


def test_a_childs_file_shows_the_18_plus_flag_and_details_change_by_new_version(
    qtbot: Any, open_session: VaultSession, screenshot: Any
) -> None:
    born = date.today().replace(year=date.today().year - 18) - timedelta(days=1)
    child_id = add(
        open_session,
        "Orrin",
        "Blackwood",
        "Late again",
        date_of_birth=born,
        carers=(ContactPerson("Dev Blackwood", "Father", phone="0114 496 0001", parental_responsibility=True),),
    )
    host = Host(open_session)
    qtbot.addWidget(host)
    from desktop_app.ui.child import open_child

    file = open_child(host, open_session, child_id)
    host.show()
    qtbot.waitExposed(host)
    assert file.adult_banner.isVisible() and "adult social care" in file.adult_banner.text()
    screenshot(host, "child_file_details")
    details = file.section("details")
    assert "Dev Blackwood" in details.view.toPlainText()
    dialog = details.change_details()
    qtbot.waitExposed(dialog)
    screenshot(dialog, "child_details_dialog")
    dialog.fields["nhs_number"].setText("943 476 5918")
    dialog.fields["religion"].setCurrentText("Buddhist")
    dialog.save_button.click()
    assert dialog.isVisible(), "nothing saved without a reason and with a wrong NHS number"
    assert dialog.problems["nhs_number"].isVisible() and dialog.problems["reason"].isVisible()
    assert dialog.focusWidget() is dialog.fields["nhs_number"] or dialog.focusWidget() is dialog.fields["reason"]
    screenshot(dialog, "child_details_dialog_problems")
    dialog.fields["nhs_number"].setText("943 476 5919")
    dialog.reason.setText("Told by the young person")
    dialog.save_button.click()
    assert not dialog.isVisible()
    text = details.view.toPlainText()
    assert "943 476 5919" in text and "Buddhist" in text
    assert "Told by the young person" in details.history.toPlainText()
    file.show_section("chronology")
    chronology = file.section("chronology")
    assert "Child's details amended" in [
        chronology.table.model().record(r).kind for r in range(chronology.table.model().rowCount())
    ]


def test_the_chronology_order_filter_and_print(
    qtbot: Any,
    open_session: VaultSession,
    screenshot: Any,
    fake_ask: Any,
) -> None:
    from desktop_app.ui.documents import install_printer_chooser
    from tests.services.child.test_chronology import a_full_history

    child_id = a_full_history(open_session)
    host = Host(open_session)
    qtbot.addWidget(host)
    file = ChildFilePage(open_session, child_id, host=host)
    host.show_page(file)
    host.show()
    qtbot.waitExposed(host)
    file.show_section("chronology")
    section = file.section("chronology")
    model = section.table.model()
    whens = [model.record(r).when for r in range(model.rowCount())]
    assert whens == sorted(whens, reverse=True), "newest first by default"
    screenshot(host, "child_file_chronology")
    section.order.setCurrentIndex(1)
    model = section.table.model()
    assert [model.record(r).when for r in range(model.rowCount())] == sorted(whens)
    section.kind.setCurrentIndex(section.kind.findText("Referrals"))
    model = section.table.model()
    assert [model.record(r).kind for r in range(model.rowCount())] == ["Referral"]
    assert section.count.text().startswith("1 of ")
    seq = open_session.audit_seq()

    class Chooser:
        def choose(self, parent: Any, name: str, pages: int) -> Any:
            return None  # the DSL cancels the printer dialog

    install_printer_chooser(Chooser())
    dialog = section.print_chronology()
    qtbot.waitExposed(dialog)
    screenshot(dialog, "chronology_preview")
    assert "Chronology" in dialog.windowTitle()
    saved = Path(str(host.session.vault_dir)).parent / "chronology.pdf"
    dialog._on_save(saved, "correct horse battery")
    assert saved.exists() and saved.read_bytes().startswith(b"%PDF")
    assert open_session.audit_seq() == seq + 1, "saving is audited"
    dialog.close()


def test_mis_import_preview_then_import_then_rerun(
    qtbot: Any,
    open_session: VaultSession,
    screenshot: Any,
    fake_ask: Any,
    tmp_path: Path,
) -> None:

    path = tmp_path / "students.csv"
    path.write_bytes(mis_samples.sims_csv())
    _host, page = children_host(qtbot, open_session)
    fake_ask.open_path = lambda *_args: str(path)
    dialog = page.import_pupils()
    with qtbot.waitSignal(dialog.previewed, timeout=10000):
        pass
    screenshot(dialog, "mis_import_preview")
    assert "3 new" in dialog.heading.text() and shown_names(page) == []
    assert dialog.import_button.text() == "Import 3 new and 0 changed pupils"
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.import_button.click()
    screenshot(dialog, "mis_import_done")
    QApplication.processEvents()
    assert len(shown_names(page)) == 3
    dialog.close()
    again = page.import_pupils()
    with qtbot.waitSignal(again.previewed, timeout=10000):
        pass
    assert "3 unchanged" in again.heading.text()
    assert not again.import_button.isEnabled() and again.import_button.text() == "Nothing to import"
    again.close()


def test_the_dashboard_opens_a_childs_file_with_ctrl_enter_and_the_chronology_opens_a_concern(
    qtbot: Any, open_session: VaultSession
) -> None:
    from desktop_app.ui.concern_view import ConcernView

    add(open_session, "Tamsin", "Quillfeather", "Seen getting into an unknown car")
    host = Host(open_session)
    qtbot.addWidget(host)
    dashboard = host.show_dashboard()
    host.show()
    qtbot.waitExposed(host)
    awaiting = dashboard.awaiting.list
    awaiting.setFocus()
    awaiting.selectRow(0)
    qtbot.keyClick(awaiting, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    file = host.currentWidget()
    assert isinstance(file, ChildFilePage) and "Tamsin Quillfeather" in file.title.text()
    file.show_section("chronology")
    table = file.section("chronology").table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert isinstance(host.currentWidget(), ConcernView)


def test_the_side_bar_children_entry_opens_the_list_and_enter_opens_a_file_in_the_main_window(
    unlocked_window: Any, qtbot: Any, screenshot: Any
) -> None:
    win = unlocked_window
    add(win.session, "Tamsin", "Quillfeather", "Seen getting into an unknown car")
    page = win.navigate("children")
    assert isinstance(page, ChildrenPage)
    assert shown_names(page) == ["Tamsin Quillfeather"]
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    file = win.current_page()
    assert isinstance(file, ChildFilePage)
    screenshot(win, "main_window_child_file")
    file.back.click()
    assert isinstance(win.current_page(), ChildrenPage)
