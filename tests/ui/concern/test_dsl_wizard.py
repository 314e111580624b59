"""The DSL records a concern from inside the app: a child on file found by search, or a new one; stored and audited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWizard

from desktop_app.domain.records import ChildDetails, ConcernDraft
from desktop_app.errors import UserFacingError
from desktop_app.services.concern.flow import Page
from desktop_app.services.intake import import_items as intake_import
from desktop_app.services.intake import sealing as intake_sealing
from desktop_app.services.vault import VaultSession
from desktop_app.ui.concern import open_dsl_wizard
from tests.fixtures_vault import DSL_NAME, open_session  # noqa: F401 (a fixture)
from tests.ui.concern.helpers import NAME_FIRST, NAME_LAST, press_next, sealed_files, settle, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def session(open_session: VaultSession) -> VaultSession:
    with open_session.uow() as uow:
        actor = open_session.actor()
        for details in (ChildDetails(NAME_FIRST, NAME_LAST, year_group="Year 9"), ChildDetails("Zoe", "Smith")):
            child = uow.children.add(details, actor)
            uow.audit.append(actor, "child.added", f"child:{child.child_id}", {})
        uow.commit()
    return open_session


def fill_after_child(wizard, qtbot) -> None:
    happened = wizard.current_flow_page()
    type_text(happened.date, (datetime.now() - timedelta(days=2)).strftime("%d/%m/%Y"))
    type_text(happened.time, "9.05am")
    type_text(happened.account, "Told me she is being made to carry parcels for an older boy.")
    type_text(happened.words, "I owe them, it's my fault")
    press_next(wizard)
    assert wizard.page_id() is Page.ROUTES  # signs and others only when asked for
    routes = wizard.current_flow_page()
    routes.adult.no.click()
    routes.group.yes.click()
    qtbot.waitUntil(lambda: "police_101" in routes.notices.labels)
    assert "101" in routes.notices.labels["police_101"].text()
    press_next(wizard)
    recorder = wizard.current_flow_page()
    type_text(recorder.name, DSL_NAME)
    type_text(recorder.role, "Designated Safeguarding Lead")
    recorder.declaration.setChecked(True)
    press_next(wizard)
    assert wizard.page_id() is Page.REVIEW


def audit_actions(session: VaultSession) -> list[str]:
    now = datetime.now(UTC)
    with session.uow() as uow:
        return [e.action for e in uow.audit.entries(now - timedelta(days=1), now + timedelta(days=1))]


def test_dsl_picks_a_child_on_file_by_searching_in_any_script(session, qtbot, asker, windows, screenshot) -> None:
    wizard = windows.add(open_dsl_wizard(None, session))
    qtbot.waitExposed(wizard)
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "&Save the concern"
    wizard.current_flow_page().danger.no.click()
    press_next(wizard)

    child_page = wizard.current_flow_page()
    child_page.on_file.click()
    press_next(wizard)
    assert "choose them from the list" in child_page.problem_text("child.existing")
    type_text(child_page.search_box, "Wiś")
    qtbot.waitUntil(lambda: child_page.found.count() == 1)
    assert child_page.found.item(0).text() == f"{NAME_FIRST} {NAME_LAST}, Year 9"
    settle(qtbot, wizard)
    screenshot(wizard, "concern_wizard_2_child_dsl_search")
    child_page.found.setFocus()
    qtbot.keyClick(child_page.found, Qt.Key.Key_Down)
    assert child_page.found.currentRow() == 0
    press_next(wizard)
    fill_after_child(wizard, qtbot)
    qtbot.waitUntil(lambda: "Child on file" in " ".join(lbl.text() for lbl in wizard.findChildren(QLabel)))
    screenshot(wizard, "concern_wizard_8_review_dsl")
    assert len(sealed_files(session.vault_dir)) == 1  # the DSL's draft, sealed, resumable

    with qtbot.waitSignal(wizard.submitted) as sent:
        press_next(wizard)
    reference = sent.args[0]
    assert reference.startswith("WM-")
    assert wizard.done_page.reference.text() == reference
    assert "awaiting screening" in wizard.done_page.tell.text()
    screenshot(wizard, "concern_wizard_9_done_dsl")
    assert sealed_files(session.vault_dir) == []  # stored in the vault; the sealed draft is gone
    with session.uow() as uow:
        [child] = uow.children.search("Wiśniewska")
        [concern] = uow.concerns.list_for_child(child.child_id)
    assert concern.reference == reference and not concern.sealed
    assert concern.draft.childs_words == "I owe them, it's my fault"
    assert concern.draft.group_or_community is True
    assert audit_actions(session)[-1] == "concern.submitted"
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not shiboken6.isValid(wizard))


def test_dsl_adds_a_new_child_typed_with_key_events(session, qtbot, asker, windows) -> None:
    wizard = windows.add(open_dsl_wizard(None, session))
    wizard.current_flow_page().danger.no.click()
    press_next(wizard)
    child_page = wizard.current_flow_page()
    assert child_page.new_child.isChecked()
    type_text(child_page.first_name, "Nguyễn")
    type_text(child_page.last_name, "Thị Minh Anh")
    type_text(child_page.age, "19")
    qtbot.waitUntil(lambda: "over_18" in child_page.notices.labels)
    assert "under 18" in child_page.notices.labels["over_18"].text()  # allowed: the DSL decides
    press_next(wizard)
    assert wizard.page_id() is Page.HAPPENED
    fill_after_child(wizard, qtbot)
    with qtbot.waitSignal(wizard.submitted):
        press_next(wizard)
    with session.uow() as uow:
        [child] = uow.children.search("Thị Minh")
    assert child.details.first_name == "Nguyễn" and child.details.age_years == 19
    assert audit_actions(session)[-2:] == ["child.added", "concern.submitted"]


def test_the_dsl_resumes_an_unfinished_draft(session, qtbot, asker, windows) -> None:
    wizard = windows.add(open_dsl_wizard(None, session))
    wizard.current_flow_page().danger.yes.click()
    press_next(wizard)
    type_text(wizard.current_flow_page().first_name, "Ayodele")
    assert wizard.save_now()
    wizard.deleteLater()  # the laptop's battery died
    qtbot.waitUntil(lambda: not shiboken6.isValid(wizard))

    [draft] = intake_import.list_pending(session)
    again = windows.add(open_dsl_wizard(None, session, resume=draft))
    assert again.flow_pages[Page.SAFETY].danger.value is True
    assert again.flow_pages[Page.CHILD].first_name.text() == "Ayodele"
    assert again.writer is not None and again.writer.path.name == f"{draft.item_id}{intake_sealing.SUFFIX}"


def test_closing_keeps_the_dsls_draft_without_asking_and_the_dsl_can_delete_it_later(
    session, qtbot, asker, windows
) -> None:
    from desktop_app.ui.concern import SealedImportDialog

    wizard = windows.add(open_dsl_wizard(None, session))
    wizard.current_flow_page().danger.no.click()
    wizard.close()  # also what happens when the vault locks itself
    assert asker.asked == [] and len(sealed_files(session.vault_dir)) == 1

    asker.answer_confirm = True
    dialog = SealedImportDialog(None, session)
    qtbot.addWidget(dialog)
    assert dialog.items[0].origin.value == "dsl" and not dialog.discard.isHidden()
    dialog.discard.click()
    assert sealed_files(session.vault_dir) == []
    assert dialog.heading.text() == "No concerns recorded by staff are waiting."
    assert audit_actions(session)[-1] == "sealed.deleted"


def test_a_staff_concern_cannot_be_deleted_as_if_it_were_a_draft(session) -> None:
    writer = intake_sealing.SealedIntake.for_vault(session.vault_dir)
    writer.save_draft(ConcernDraft(account="x"))
    with pytest.raises(UserFacingError, match="must be imported"):
        intake_import.discard_own_draft(session, writer.item_id)
    assert writer.path.exists()
