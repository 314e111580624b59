"""The referral contact dialog: whether written confirmation is expected follows the route's contact in forms/."""

from __future__ import annotations

import pytest

from desktop_app.domain.enums import RouteId
from desktop_app.services.vault import VaultSession
from desktop_app.ui.referrals import ReferralContactDialog
from tests.fixtures_vault import open_session, record_concern  # noqa: F401

pytestmark = pytest.mark.gui


def test_written_confirmation_is_ticked_for_an_agency_and_not_for_monitoring(
    qtbot, open_session: VaultSession, screenshot, fake_ask
) -> None:
    dialog = ReferralContactDialog(None, open_session, record_concern(open_session), [RouteId.MONITOR])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.route.currentData() == RouteId.MONITOR.value
    assert not dialog.needs_confirmation.isChecked()
    screenshot(dialog, "referral-contact-monitor")
    for route, expected in (
        (RouteId.SAFEGUARDING_HUB, True),
        (RouteId.EARLY_HELP, False),
        (RouteId.LADO, True),
        (RouteId.EMERGENCY_999, False),
    ):
        dialog.route.setCurrentIndex(dialog.route.findData(route.value))
        assert dialog.needs_confirmation.isChecked() is expected, route
    dialog.close()
    assert [title for _kind, title, _text in fake_ask.asked] == ["Stop without saving?"]  # a route was chosen
