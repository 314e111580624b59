"""An action's whole history in the concern's record view (issue 16): agreed, handed on, due date moved, completed
with its outcome, each with who and when, in order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_app.services.actions.add import NewAction, add_action
from desktop_app.services.actions.change import change_action
from desktop_app.services.actions.complete import complete_action
from desktop_app.services.audit import training
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import open_session, record_concern  # noqa: F401
from tests.ui.test_actions import concern_window

pytestmark = pytest.mark.gui
TODAY = date.today()


@pytest.fixture
def closing() -> Iterator[list[QWidget]]:
    opened: list[QWidget] = []
    yield opened
    for widget in opened:
        if shiboken6.isValid(widget):
            widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            widget.close()
            widget.deleteLater()


def test_the_record_view_shows_every_step_of_an_action(
    qtbot: Any,
    open_session: VaultSession,
    fake_ask: Any,
    closing: list[QWidget],
    screenshot: Any,
) -> None:
    ama = training.add_staff(open_session, "Ama Boateng", "Head of Year 9")
    ben = training.add_staff(open_session, "Ben Okafor", "Pastoral lead")
    concern_id = record_concern(open_session)
    ama_id = ama.staff_id
    ben_id = ben.staff_id
    action = add_action(
        open_session,
        concern_id,
        NewAction("Speak to the bus company about the CCTV", TODAY + timedelta(days=3), ama_id),
        TODAY,
    )
    change_action(
        open_session, action.action_id, ben_id, TODAY + timedelta(days=3), "Ama is on a course this week", TODAY
    )
    change_action(
        open_session, action.action_id, ben_id, TODAY + timedelta(days=10), "The company replies in a week", TODAY
    )
    complete_action(open_session, action.action_id, "CCTV kept; the police have a copy.", TODAY, TODAY)

    view = concern_window(qtbot, open_session, closing, concern_id)
    text = view.record.toPlainText()
    assert "Actions and what happened to them" in text
    steps = [
        "Speak to the bus company about the CCTV",
        "Agreed: Ama Boateng (Head of Year 9) to do it by",
        "Given to Ben Okafor (Pastoral lead) instead of Ama Boateng (Head of Year 9)",
        "Ama is on a course this week",
        f"Due date moved from {(TODAY + timedelta(days=3)).strftime('%d %b %Y')} to "
        f"{(TODAY + timedelta(days=10)).strftime('%d %b %Y')}",
        "The company replies in a week",
        f"Done {TODAY.strftime('%d %b %Y')} by Ben Okafor (Pastoral lead)",
        "CCTV kept; the police have a copy.",
    ]
    at = [text.find(step) for step in steps]
    assert all(position >= 0 for position in at), dict(zip(steps, at, strict=True))
    assert at == sorted(at)  # in the order they happened
    view.record.scrollToAnchor("actions")
    screenshot(view, "concern_record_action_history")
