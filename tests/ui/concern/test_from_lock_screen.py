"""End to end: a member of staff records a concern from the lock screen; the DSL unlocks and imports it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QWizard

from desktop_app.services import vault as vault_service
from desktop_app.services.concern.flow import Page
from desktop_app.services.intake import sealing as intake_sealing
from desktop_app.ui.concern import ConcernWizard, SealedImportDialog
from desktop_app.ui.lock_screen import LockScreen
from tests.fixtures_vault import DSL_NAME, PASSPHRASE, make_vault
from tests.ui.concern.helpers import NAME_FIRST, NAME_LAST, press_next, type_text

pytestmark = pytest.mark.gui


def test_record_at_the_lock_screen_then_unlock_and_import(tmp_path, qtbot, asker, windows) -> None:
    vault_dir = tmp_path / "vault"
    make_vault(vault_dir).session.lock()
    screen = LockScreen(vault_dir)
    qtbot.addWidget(screen)
    screen.show()
    screen.record_button.click()
    wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ConcernWizard) and w.isVisible())
    windows.add(wizard)

    wizard.flow_pages[Page.SAFETY].danger.no.click()
    press_next(wizard)
    type_text(wizard.flow_pages[Page.CHILD].first_name, NAME_FIRST)
    type_text(wizard.flow_pages[Page.CHILD].last_name, NAME_LAST)
    press_next(wizard)
    happened = wizard.flow_pages[Page.HAPPENED]
    happened.date.setText((date.today() - timedelta(days=3)).strftime("%d/%m/%Y"))
    happened.time.setText("12:30")
    type_text(happened.account, "Waiting at the gate for a car every lunchtime.")
    press_next(wizard)
    press_next(wizard)
    press_next(wizard)
    wizard.flow_pages[Page.ROUTES].adult.no.click()
    wizard.flow_pages[Page.ROUTES].group.no.click()
    press_next(wizard)
    recorder = wizard.flow_pages[Page.RECORDER]
    type_text(recorder.name, "Jo Bright")
    type_text(recorder.role, "Lunchtime supervisor")
    recorder.declaration.setChecked(True)
    press_next(wizard)
    with qtbot.waitSignal(wizard.submitted):
        press_next(wizard)
    assert DSL_NAME in wizard.done_page.tell.text()  # "tell <the DSL by name> now", read from the clear key slots
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not shiboken6.isValid(wizard))
    qtbot.waitUntil(lambda: screen.pending_label.text() == "1 concern is waiting for the DSL.")

    session = vault_service.unlock(vault_dir, PASSPHRASE)
    try:
        dialog = SealedImportDialog(None, session)
        qtbot.addWidget(dialog)
        assert dialog.items[0].child_label == f"{NAME_FIRST} {NAME_LAST}"
        with qtbot.waitSignal(dialog.imported):
            dialog.as_new.click()
        assert intake_sealing.pending(vault_dir) == 0
    finally:
        session.lock()
