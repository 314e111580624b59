"""Missing episodes feed the screening's "goes missing" item as a note for the DSL, never as an answer."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from desktop_app.definitions import load_forms
from desktop_app.screening import default_review_date
from desktop_app.services.casework.screening import screening_context
from desktop_app.services.child import missing
from desktop_app.services.child.missing import MissingEpisodeForm
from desktop_app.services.vault import VaultSession
from desktop_app.ui.screening import ScreeningWizard
from tests.services.child.helpers import add_child, add_concern

pytestmark = pytest.mark.gui
ITEM = "missing_or_found_out_of_area"


def test_two_recent_episodes_are_a_note_on_the_goes_missing_item(
    qtbot: Any, open_session: VaultSession, screenshot: Any
) -> None:
    child = add_child(open_session, "Ines", "Jubb")
    concern = add_concern(open_session, child)
    now = datetime.now(UTC)
    for days in (10, 40, 200):  # the last one is older than 3 months: not counted
        missing.record_episode(open_session, child, MissingEpisodeForm(now - timedelta(days=days)))
    forms = load_forms()
    context = screening_context(open_session, concern, forms, date.today())
    assert context.draft.hints == {ITEM: "2 missing episodes recorded in the last 3 months"}
    assert ITEM not in context.draft.answers  # a suggestion: the DSL still answers it
    definition = forms.screening()
    wizard = ScreeningWizard(
        context.draft,
        lambda form: None,
        child_name=context.child_name,
        concern_reference=context.reference,
        review_date_for=lambda level, today: default_review_date(level, today, definition),
        today=date.today(),
    )
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    page = next(p for p in wizard.section_pages.values() if ITEM in p.rows)
    wizard.setStartId(next(i for i in wizard.pageIds() if wizard.page(i) is page))
    wizard.restart()
    row = page.rows[ITEM]
    assert row.hint.isVisible()
    assert "From the records: 2 missing episodes recorded in the last 3 months" in row.hint.text()
    assert row.answer() is None
    page.scroller.ensureWidgetVisible(row)
    screenshot(wizard, "screening_missing_hint")
    other = next(r for item_id, r in page.rows.items() if item_id != ITEM)
    assert not other.hint.isVisible()
