"""The form dialogs as a DSL types into them (issue 16, found in a real window at 1366×768): the first word typed
lands in the box where the correction is written, not in the "Correction to" list or on the Add button; problems
appear only when the DSL tries to save, then go as each is put right; and a problem that wraps onto a second line
moves nothing below it, at 100% and at 150%."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from desktop_app.domain.enums import RouteId
from desktop_app.services.vault import VaultSession
from desktop_app.ui.actions import AddActionDialog
from desktop_app.ui.appearance import apply_zoom
from desktop_app.ui.concern_view import ConcernView
from desktop_app.ui.referrals import FormDialog, ReferralContactDialog
from desktop_app.ui.transfer.dialogs import HoldDialog, SendDialog
from tests.fixtures_vault import open_session, record_concern  # noqa: F401

pytestmark = pytest.mark.gui

REASON = "The date of the incident was wrong"


@pytest.fixture(params=[100, 150])
def zoom(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[int]:
    apply_zoom(qapp, request.param)
    yield request.param
    apply_zoom(qapp, 100)


def on_screen(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _view(qtbot: Any, session: VaultSession) -> ConcernView:
    view = ConcernView(session, record_concern(session))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def _shown(qtbot: Any, dialog: QWidget) -> QWidget:
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    return dialog


def typed(qtbot: Any, text: str) -> QWidget:
    """Type as a person does: into whatever has the keyboard focus."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClicks(target, text)
    QApplication.processEvents()
    return target


def shown_problems(dialog: FormDialog) -> dict[str, str]:
    return {name: label.text() for name, label in dialog.problems.items() if label.isVisibleTo(dialog)}


def test_the_first_word_typed_goes_into_the_correction_and_no_problem_shows_while_typing(
    qtbot: Any, open_session: VaultSession, fake_ask: Any, screenshot: Any, zoom: int
) -> None:
    view = _view(qtbot, open_session)
    dialog = _shown(qtbot, view.add_correction())
    reason = dialog.fields["reason"]
    where = typed(qtbot, REASON)
    assert shown_problems(dialog) == {}, "problems shown before Add was pressed"
    assert where is reason, f"typing went to {where.objectName()!r}"
    assert isinstance(reason, QPlainTextEdit) and reason.toPlainText() == REASON  # not one word lost
    qtbot.keyClick(reason, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.fields["change"]
    typed(qtbot, "It was the 3rd of May")
    assert dialog.isVisible() and shown_problems(dialog) == {}, "problems shown before Add was pressed"
    qtbot.keyClick(dialog.fields["change"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.ok  # then the buttons, after the fields
    screenshot(dialog, "correction_typing")
    fake_ask.answer_confirm = True
    dialog.reject()


def test_problems_appear_on_add_and_go_as_each_is_put_right(
    qtbot: Any, open_session: VaultSession, fake_ask: Any, screenshot: Any, zoom: int
) -> None:
    view = _view(qtbot, open_session)
    dialog = _shown(qtbot, view.add_correction())
    assert shown_problems(dialog) == {}
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert set(shown_problems(dialog)) == {"reason", "change"}
    screenshot(dialog, "correction_refused")
    assert QApplication.focusWidget() is dialog.fields["reason"]  # the first to put right
    typed(qtbot, REASON)
    assert set(shown_problems(dialog)) == {"change"}, "the reason is given: its problem goes at once"
    dialog.fields["reason"].clear()  # emptied again: nothing new appears until Add is pressed again
    QApplication.processEvents()
    assert set(shown_problems(dialog)) == {"change"}
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert set(shown_problems(dialog)) == {"reason", "change"}
    fake_ask.answer_confirm = True
    dialog.reject()


def test_a_problem_that_wraps_moves_nothing_below_it(
    qtbot: Any, open_session: VaultSession, fake_ask: Any, screenshot: Any, zoom: int
) -> None:
    view = _view(qtbot, open_session)
    dialog = _shown(qtbot, view.add_correction())
    watched = [*dialog.fields.values(), dialog.ok]
    before = [on_screen(w) for w in watched]
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    change = dialog.problems["change"]
    assert change.isVisible()
    after = [on_screen(w) for w in watched]
    screenshot(dialog, "correction_refused_shape")
    assert after == before, "a field moved when the problems appeared"
    line = change.fontMetrics().lineSpacing()
    assert change.height() >= change.heightForWidth(change.width()) >= line  # the whole sentence, none cut off
    fake_ask.answer_confirm = True
    dialog.reject()


def test_every_form_dialog_starts_where_typing_makes_sense(
    qtbot: Any, open_session: VaultSession, fake_ask: Any
) -> None:
    view = _view(qtbot, open_session)
    concern_id = view.concern_id
    child_id = view.file.concern.child_id
    dialogs: list[tuple[QWidget, QWidget]] = []
    closing = view.close_concern()
    dialogs.append((closing, closing.fields["outcome"]))
    referral = ReferralContactDialog(None, open_session, concern_id, [RouteId.SAFEGUARDING_HUB])
    dialogs.append((referral, referral.contacted_name))
    action = AddActionDialog(None, open_session, concern_id)
    dialogs.append((action, action.text))
    send = SendDialog(None, open_session, child_id, "Tamsin")
    dialogs.append((send, send.to_setting))
    hold = HoldDialog(None, open_session, child_id, "Tamsin")
    dialogs.append((hold, hold.reason))
    for dialog, expected in dialogs:
        if dialog.parent() is None:
            qtbot.addWidget(dialog)
        if not dialog.isVisible():
            dialog.show()
        _shown(qtbot, dialog)
        dialog.activateWindow()
        QApplication.processEvents()
        focused = QApplication.focusWidget()
        assert focused is expected, f"{dialog.objectName()}: typing starts in {focused and focused.objectName()!r}"
        fake_ask.answer_confirm = True
        dialog.reject()


def test_a_one_line_box_put_right_loses_its_problem_too(qtbot: Any, open_session: VaultSession, fake_ask: Any) -> None:
    dialog = ReferralContactDialog(None, open_session, record_concern(open_session), [RouteId.SAFEGUARDING_HUB])
    qtbot.addWidget(dialog)
    dialog.show()
    _shown(qtbot, dialog)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    refused = shown_problems(dialog)
    assert "contacted_name" in refused
    qtbot.keyClicks(dialog.contacted_name, "Duty social worker")
    QApplication.processEvents()
    assert set(shown_problems(dialog)) == set(refused) - {"contacted_name"}  # the others stay until put right
    fake_ask.answer_confirm = True
    dialog.reject()
