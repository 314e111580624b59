"""The shared form dialog holds its shape (issues 13 and 16): at 150% on 1366×768 its buttons stay on the screen and
its fields scroll; problems appear in room kept for them, so nothing moves under the pointer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from desktop_app.domain.enums import RouteId
from desktop_app.services.vault import VaultSession
from desktop_app.ui.appearance import apply_zoom
from desktop_app.ui.referrals import ReferralContactDialog
from tests.fixtures_vault import open_session, record_concern  # noqa: F401

pytestmark = pytest.mark.gui


@pytest.fixture(params=[100, 150])
def zoom(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[int]:
    apply_zoom(qapp, request.param)
    yield request.param
    apply_zoom(qapp, 100)


def on_screen(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _dialog(qtbot, session: VaultSession) -> ReferralContactDialog:
    dialog = ReferralContactDialog(None, session, record_concern(session), [RouteId.SAFEGUARDING_HUB])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_referral_dialog_fits_the_screen_with_its_buttons(
    qtbot,
    open_session: VaultSession,
    screenshot,
    fake_ask,
    zoom: int,
) -> None:
    dialog = _dialog(qtbot, open_session)
    available = dialog.screen().availableGeometry()
    assert available.contains(dialog.frameGeometry()), (dialog.frameGeometry(), available)
    for button in (dialog.ok, *dialog.buttons.buttons()):
        assert button.isVisible()
        assert dialog.rect().contains(QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())), button.text()
        assert available.contains(on_screen(button)), button.text()
    scroller = dialog.findChild(QScrollArea, "form_scroll")
    assert scroller is not None
    content = scroller.widget()
    if content.minimumSizeHint().height() > scroller.viewport().height():  # taller than the screen: it scrolls
        assert scroller.verticalScrollBar().maximum() > 0
    if zoom == 150:
        assert scroller.verticalScrollBar().maximum() > 0  # the referral's rows are taller than 768 px at 150%
    assert scroller.horizontalScrollBar().maximum() == 0  # never sideways
    screenshot(dialog, "referral_contact_fits")
    dialog.reject()


def test_problems_appear_without_moving_the_buttons_or_the_fields(
    qtbot,
    open_session: VaultSession,
    screenshot,
    fake_ask,
    zoom: int,
) -> None:
    dialog = _dialog(qtbot, open_session)
    dialog.consent.setCurrentIndex(0)
    before = {w.objectName(): on_screen(w) for w in (dialog.ok, dialog.route, dialog.contacted_name, dialog.reference)}
    dialog.ok.click()  # nothing filled in: refused
    QApplication.processEvents()
    assert dialog.isVisible() and dialog.problems["contacted_name"].text()
    after = {w.objectName(): on_screen(w) for w in (dialog.ok, dialog.route, dialog.contacted_name, dialog.reference)}
    screenshot(dialog, "referral_contact_refused")
    # every sentence fits the room kept for it, at 150% too where a longer one takes a second line
    assert after == before
    fake_ask.answer_confirm = True
    dialog.reject()
