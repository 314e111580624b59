"""On unlock the DSL imports the sealed concerns waiting, each for a new child or one on file, by keyboard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.records import ChildDetails, ConcernDraft
from desktop_app.services import vault as vault_service
from desktop_app.services.intake import sealing as intake_sealing
from desktop_app.services.vault import VaultSession
from desktop_app.ui.appearance import apply_zoom
from desktop_app.ui.concern import SealedImportDialog
from tests.fixtures_vault import PASSPHRASE, open_session  # noqa: F401 (a fixture)
from tests.ui.concern.helpers import NAME_FIRST, NAME_LAST, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def session(open_session: VaultSession):
    """Two staff concerns sealed at the lock screen (one sent, one left unfinished), then the DSL unlocks."""
    vault_dir = open_session.vault_dir
    with open_session.uow() as uow:
        child = uow.children.add(ChildDetails("Kwame", "Mensah-Boateng", year_group="Year 10"), open_session.actor())
        uow.audit.append(open_session.actor(), "child.added", f"child:{child.child_id}", {})
        uow.commit()
    open_session.lock()
    sent = intake_sealing.SealedIntake.for_vault(vault_dir)
    sent.submit(ConcernDraft(
        immediate_danger=False, child=ChildDetails(NAME_FIRST, NAME_LAST, year_group="Year 9"),
        account="Seen with a new phone and cash she could not explain.", childs_words="A friend gave it me",
        recorder_name="Priya Ramanathan", recorder_role="Learning mentor", declaration=True,
        recorded_at=datetime(2026, 11, 27, 16, 0),
    ))  # fmt: skip
    unfinished = intake_sealing.SealedIntake.for_vault(vault_dir)
    unfinished.save_draft(ConcernDraft(child=ChildDetails("Kwame", "", year_group="Year 10"), account="He said"))
    unlocked = vault_service.unlock(vault_dir, PASSPHRASE)
    yield unlocked
    unlocked.lock()


def test_import_each_waiting_concern_by_keyboard_with_audit(session, qtbot, asker, screenshot) -> None:
    dialog = SealedImportDialog(None, session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.heading.text() == "2 concerns recorded by staff are waiting to be imported."
    screenshot(dialog, "sealed_import_1_waiting")

    rows = {dialog.items[i].child_label: i for i in range(len(dialog.items))}
    dialog.list.setCurrentRow(rows[f"{NAME_FIRST} {NAME_LAST}"])
    assert dialog.status.text().startswith("Sent by the recorder — reference INT-")
    assert "A friend gave it me" in dialog.words.text()
    assert dialog.matches.count() == 0 and dialog.as_new.isEnabled() and not dialog.for_child.isEnabled()
    with qtbot.waitSignal(dialog.imported) as done:
        dialog.as_new.setFocus()
        qtbot.keyClick(dialog.as_new, Qt.Key.Key_Space)
    assert done.args[0].startswith("WM-")
    assert dialog.heading.text().startswith(f"Imported as {done.args[0]}. 1 concern recorded by staff is waiting")

    item = dialog.current()
    assert item is not None and item.status == "Unfinished — the recorder did not submit it"
    assert dialog.matches.count() == 1 and "Kwame Mensah-Boateng" in dialog.matches.item(0).text()
    dialog.matches.setFocus()
    dialog.matches.setCurrentRow(0)
    assert dialog.for_child.text() == "&Import for Kwame Mensah-Boateng"  # the list above shows the year group
    screenshot(dialog, "sealed_import_2_match")
    with qtbot.waitSignal(dialog.imported):
        qtbot.keyClick(dialog.for_child, Qt.Key.Key_Space)
    assert dialog.heading.text().endswith("No concerns recorded by staff are waiting.")
    assert intake_sealing.pending(session.vault_dir) == 0
    screenshot(dialog, "sealed_import_3_done")

    now = datetime.now(UTC)
    with session.uow() as uow:
        actions = [e.action for e in uow.audit.entries(now - timedelta(days=1), now + timedelta(days=1))]
        [kwame] = uow.children.search("Mensah")
        [concern] = uow.concerns.list_for_child(kwame.child_id)
    assert actions.count("concern.imported") == 2 and actions.count("sealed.deleted") == 2
    assert concern.sealed and concern.draft.account == "He said"


def test_search_for_another_child_when_the_suggestions_are_wrong(session, qtbot, asker) -> None:
    dialog = SealedImportDialog(None, session)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow([i.child_label for i in dialog.items].index(f"{NAME_FIRST} {NAME_LAST}"))
    type_text(dialog.search, "Mensah")
    qtbot.waitUntil(lambda: dialog.matches.count() == 1)
    dialog.matches.setCurrentRow(0)
    assert dialog.for_child.isEnabled()


def test_the_waiting_list_at_150_percent(session, qtbot, qapp, asker, screenshot) -> None:
    apply_zoom(qapp, 150)
    try:
        dialog = SealedImportDialog(None, session)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.font().pointSizeF() > 11
        screenshot(dialog, "sealed_import_1_waiting")
    finally:
        apply_zoom(qapp, 100)
