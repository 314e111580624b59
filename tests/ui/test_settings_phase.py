"""Settings > About the setting: the DSL sees and changes the setting's phase of education (issue 16); the change is
audited, and staff are offered that phase's year groups, in the app and from the lock screen."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from desktop_app.services.intake import content
from desktop_app.ui.appearance import apply_zoom
from desktop_app.ui.settings import SettingsPage
from tests.ui.test_lock_screen import (  # noqa: F401 - fixtures
    made_vault,
    template_root,
    unlocked_window,
    window,
)

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("zoom", [100, 150])
def test_the_dsl_changes_the_phase_and_staff_see_its_year_groups(
    unlocked_window, made_vault, qtbot, qapp, screenshot, zoom: int
) -> None:
    apply_zoom(qapp, zoom)
    try:
        unlocked_window.show_settings("about")
        page = unlocked_window.current_page()
        assert isinstance(page, SettingsPage)
        about = page.sections["about"]
        assert about.phase.currentData() == "secondary"  # the shipped default, shown
        session = unlocked_window.session
        assert "Year 13" in content.dsl_content(session).year_groups

        about.phase.setCurrentIndex(about.phase.findData("primary"))
        about.phase.activated.emit(about.phase.currentIndex())  # as a choice from the list
        assert about.phase_status.text == "Saved. Staff are offered Nursery to Year 6."
        about.phase.setFocus()
        unlocked_window.resize(1366, 740)
        scroller = about.parentWidget()
        while scroller is not None and not hasattr(scroller, "ensureWidgetVisible"):
            scroller = scroller.parentWidget()
        if scroller is not None:
            scroller.ensureWidgetVisible(about.phase_status)
        screenshot(unlocked_window, "settings_about_phase")

        groups = content.dsl_content(session).year_groups
        assert groups[0] == "Nursery" and "Year 6" in groups and "Year 7" not in groups
        at_lock_screen = content.staff_content(made_vault.folder).year_groups
        assert at_lock_screen == groups  # the clear copy beside the vault says the same
        with session.uow() as uow:
            entries = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
        changed = [e for e in entries if e.action == "setting.phase_changed"]
        assert len(changed) == 1 and json.loads(changed[0].details) == {"from": "secondary", "to": "primary"}

        about.phase.activated.emit(about.phase.currentIndex())  # the same again: nothing new written
        with session.uow() as uow:
            entries = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
        assert len([e for e in entries if e.action == "setting.phase_changed"]) == 1
    finally:
        apply_zoom(qapp, 100)
