"""Missing episodes and sharing, through the screens: a returned-before-started episode is refused beside its field,
a repeated episode raises the child on the dashboard, and the sharing preview saves only the children chosen."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.services.child import missing
from desktop_app.services.child.missing import MissingEpisodeForm
from desktop_app.services.vault import VaultSession
from desktop_app.ui.connections.missing import MissingEpisodesSection, _to_qt
from desktop_app.ui.connections.sharing import SharingDialog
from desktop_app.ui.dashboard import DashboardPage
from tests.services.child.helpers import add_child, add_concern
from tests.services.child.test_sharing import read_back
from tests.ui.fakes import FakeAsker, answering
from tests.ui.test_accessibility import audit, check, fits, show
from tests.ui.test_documents import wait_for_pages

pytestmark = pytest.mark.gui


def test_returned_before_it_started_is_refused_beside_the_field_and_nothing_saved(
    qtbot: Any, open_session: VaultSession, closing: list[Any], screenshot: Any
) -> None:
    child = add_child(open_session, "Gale", "Holloway")
    section = show(qtbot, MissingEpisodesSection(open_session, child), closing)
    screenshot(section, "missing_episodes_empty")
    dialog = section.record_episode()
    closing.append(dialog)
    qtbot.waitExposed(dialog)
    went = datetime.now(UTC) - timedelta(days=2)
    dialog.went.setDateTime(_to_qt(went))
    dialog.returned_box.setChecked(True)
    dialog.returned.setDateTime(_to_qt(went - timedelta(hours=3)))
    dialog.save_button.click()
    problem = dialog.problems["returned_at"]
    assert dialog.isVisible() and problem.isVisible()
    assert problem.text().startswith("The child cannot have returned before they went missing")
    assert missing.episodes(open_session, child) == []
    screenshot(dialog, "missing_episode_refused")
    check(audit(dialog, "missing episode dialog"))

    dialog.returned.setDateTime(_to_qt(went + timedelta(hours=20)))
    dialog.where.setText("Doncaster station")
    dialog.out_of_area.setChecked(True)
    dialog.police.setChecked(True)
    dialog.reference.setText("SY-20261203-0042")
    dialog.save_button.click()
    assert not dialog.isVisible()
    QApplication.processEvents()
    assert section.model.rowCount() == 1
    assert "Doncaster station (out of area)" in section.model.data(section.model.index(0, 2))
    screenshot(section, "missing_episodes_one")
    check(audit(section, "missing episodes section"))


def test_a_repeated_missing_episode_raises_the_child_on_the_dashboard(
    qtbot: Any, open_session: VaultSession, closing: list[Any], screenshot: Any
) -> None:
    child = add_child(open_session, "Ines", "Jubb")
    add_concern(open_session, child)
    now = datetime.now(UTC)
    missing.record_episode(open_session, child, MissingEpisodeForm(now - timedelta(days=30), now - timedelta(days=29)))
    page = show(qtbot, DashboardPage(open_session), closing)
    page.resize(1200, 900)
    assert page.missing.list.model().rowCount() == 0
    assert page.missing.empty.isVisible()

    section = show(qtbot, MissingEpisodesSection(open_session, child), closing)
    dialog = section.record_episode()
    closing.append(dialog)
    dialog.went.setDateTime(_to_qt(now - timedelta(days=2)))
    dialog.save_button.click()
    QApplication.processEvents()
    assert "2 in the last 90 days" in section.summary.text()
    page.refresh()
    model = page.missing.list.model()
    assert model.rowCount() == 1 and model.record(0).child_name == "Ines Jubb" and model.record(0).episodes == 2
    assert "(1)" in page.missing.heading.text()
    screenshot(page, "dashboard_missing_repeatedly")


def test_the_sharing_preview_holds_only_the_children_chosen_and_saves_encrypted(
    qtbot: Any, open_session: VaultSession, closing: list[Any], tmp_path: Path, screenshot: Any
) -> None:
    session = open_session
    ayla, bryn = add_child(session, "Ayla", "Brightwater"), add_child(session, "Bryn", "Castleford")
    for child in (ayla, bryn):
        add_concern(session, child)
    now = datetime.now(UTC)
    missing.record_episode(session, ayla, MissingEpisodeForm(now - timedelta(days=3)))
    dialog = show(qtbot, SharingDialog(None, session, [(bryn, "Bryn Castleford")]), closing)
    dialog.picker.search.setText("ayla")
    dialog.add_button.click()
    assert dialog.child_ids() == [bryn, ayla]
    dialog.chosen.setCurrentRow(0)
    dialog.remove_button.click()
    assert dialog.child_ids() == [ayla]
    screenshot(dialog, "sharing_dialog")
    check(audit(dialog, "sharing dialog"))

    dialog.start.setDate(dialog.end.date().addDays(1))
    assert dialog.show_preview() is None
    assert dialog.problem.text().startswith("The last day of the period is before the first day")
    dialog.start.setDate(dialog.end.date().addDays(-30))

    preview = dialog.show_preview()
    assert preview is not None
    closing.append(preview)
    qtbot.waitExposed(preview)
    wait_for_pages(qtbot, preview)
    screenshot(preview, "sharing_preview")
    with answering(FakeAsker(confirm=True, save_path=str(tmp_path / "amber"))):
        preview.save_encrypted_button.click()
        preview.password.setText("amber share 2026")
        preview.password_again.setText("amber share 2026")
        preview.save_encrypted_confirm.click()
    text, rows = read_back(tmp_path / "amber.pdf")
    assert {r[0] for r in rows[1:]} == {"Ayla Brightwater"} and "Bryn" not in text
    assert date.today().strftime("%Y") in text


def test_the_missing_and_sharing_screens_fit_at_150_percent(
    qtbot: Any, open_session: VaultSession, closing: list[Any], zoom_150: Any, screenshot: Any
) -> None:
    child = add_child(open_session, "Gale", "Holloway")
    section = show(qtbot, MissingEpisodesSection(open_session, child), closing)
    problems = fits(section, "missing episodes section")
    dialog = section.record_episode()
    closing.append(dialog)
    qtbot.waitExposed(dialog)
    problems += fits(dialog, "missing episode dialog")
    screenshot(dialog, "missing_episode_dialog")
    sharing = show(qtbot, SharingDialog(None, open_session, [(child, "Gale Holloway")]), closing)
    problems += fits(sharing, "sharing dialog")
    screenshot(sharing, "sharing_dialog")
    check(problems)
