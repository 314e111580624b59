"""A concern worked from start to close with qtbot on a real (test) vault: screening and decision, referral contact,
written confirmation, correction, closing, referral summary; the dashboard follows each step; every step audited."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop_app.domain.enums import AnswerStatus, Basis, ConcernStatus, RiskLevel, When
from desktop_app.domain.records import ChildDetails, ConcernDraft
from desktop_app.services.intake import import_items as intake_import
from desktop_app.services.vault import VaultSession
from desktop_app.ui.concern_view import ConcernView
from desktop_app.ui.dashboard import DashboardPage
from tests.fixtures_vault import open_session  # noqa: F401
from tests.ui.fakes import FakeAsker
from tests.ui.test_dashboard import Host

pytestmark = pytest.mark.gui

ACCOUNT = "Seen being collected from the school gates by an older man in a silver car; looked frightened."
WORDS = "He said if I don't do one more run he'll tell everyone what I did."


def audit_actions(session: VaultSession) -> list[tuple[str, str]]:
    with session.uow() as uow:
        entries = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
    return [(e.action, e.object_ref) for e in entries]


def submit_concern(session: VaultSession) -> int:
    draft = ConcernDraft(
        immediate_danger=False,
        child=ChildDetails(
            "Zoë", "Wiśniewska-Nguyễn", date_of_birth=date.today() - timedelta(days=365 * 14 + 40), year_group="Year 9"
        ),
        happened_at=datetime.now().astimezone() - timedelta(hours=2),
        location="School gates",
        account=ACCOUNT,
        childs_words=WORDS,
        sign_ids=("controlling_or_older_relationships",),
        group_or_community=False,
        about_adult_working_with_children=False,
        recorder_name="Dev Marsh",
        recorder_role="Head of Year",
        recorded_at=datetime.now().astimezone(),
        declaration=True,
    )
    return intake_import.submit_in_app(session, draft).concern_id


def click_next(qtbot: Any, wizard: QWizard) -> None:
    before = wizard.currentId()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() != before)


def fill(dialog: Any, **values: str) -> None:
    for name, text in values.items():
        widget = getattr(dialog, name)
        if hasattr(widget, "setPlainText"):
            widget.setPlainText(text)
        else:
            widget.setText(text)


def test_a_concern_worked_from_screening_to_close(
    qtbot: Any,
    screenshot: Any,
    open_session: VaultSession,
    fake_ask: FakeAsker,
) -> None:
    _work_the_concern(qtbot, screenshot, open_session)


def _work_the_concern(qtbot: Any, screenshot: Any, session: VaultSession) -> None:
    concern_id = submit_concern(session)
    host = Host(session)
    qtbot.addWidget(host)
    dashboard = host.show_dashboard()
    host.show()
    qtbot.waitExposed(host)
    assert [dashboard.awaiting.list.model().record(0).concern_id] == [concern_id]

    view = dashboard.open_concern(concern_id)
    assert host.currentWidget() is view
    text = view.record.toPlainText()
    assert ACCOUNT in text and WORDS in text and "own words (verbatim)" in text
    assert "Not screened yet." in text
    assert not view.confirm_button.isEnabled()
    screenshot(host, "concern_view_new")

    # --- screening and decision ---
    qtbot.mouseClick(view.screen_button, Qt.MouseButton.LeftButton)
    wizard = view.windows[-1]
    qtbot.waitExposed(wizard)
    click_next(qtbot, wizard)  # facts
    for section_id, page in wizard.section_pages.items():
        if section_id == "warning_signs":
            page.rows["controlling_or_older_relationships"].choose(
                AnswerStatus.YES, When.CURRENT, Basis.DISCLOSED, "Told the form tutor on Monday."
            )
            page.rows["missing_or_found_out_of_area"].choose(AnswerStatus.YES, When.CURRENT, Basis.REPORTED)
        if section_id == "exchange":
            page.rows["exchange_prevention_of_harm"].choose(AnswerStatus.YES, When.CURRENT, Basis.DISCLOSED)
        if section_id == "context":
            page.rows["county_lines"].choose(AnswerStatus.YES, When.CURRENT, Basis.PROFESSIONAL_CONCERN)
        qtbot.mouseClick(page.rest_not_known, Qt.MouseButton.LeftButton)
        click_next(qtbot, wizard)
    decision = wizard.decision_page
    suggested = wizard.draft.result().suggested_level
    assert suggested is RiskLevel.HIGH
    decision.childs_wishes.setPlainText("Wants the man to leave her alone; does not want her dad told yet.")
    qtbot.mouseClick(decision.told_no, Qt.MouseButton.LeftButton)
    decision.not_told_reason.setPlainText("Zoë fears her father's reaction; advice sought from the Hub first.")
    decision.danger.setPlainText("Zoë may be made to carry drugs for the man and be hurt if she refuses.")
    decision.goal.setPlainText("Zoë has no contact with the man and is collected from school by her aunt.")
    screenshot(wizard, "concern_screening_decision_filled")
    with qtbot.waitSignal(view.changed, timeout=5000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert "High risk" in view.title.text()
    text = view.record.toPlainText()
    assert "Not screened yet." not in text and "Zoë may be made to carry drugs" in text
    assert "does not want her dad told yet" in text
    dashboard = host.show_dashboard()
    assert dashboard.awaiting.list.model().rowCount() == 0
    assert [r.concern_id for r in dashboard.high_risk.list.model().records()] == [concern_id]
    view = dashboard.open_concern(concern_id)
    screenshot(host, "concern_view_screened")

    # --- referral contact: refused until complete, then logged ---
    qtbot.mouseClick(view.referral_button, Qt.MouseButton.LeftButton)
    dialog = view.windows[-1]
    qtbot.waitExposed(dialog)
    # the decision's route comes first, with its local number
    assert dialog.route.currentText().startswith("Sheffield Safeguarding Hub — 0114 2734855")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problems["contacted_name"].isVisibleTo(dialog) and dialog.problems["outcome"].isVisibleTo(dialog)
    assert dialog.problems["consent"].isVisibleTo(dialog) and dialog.problems["parents_told"].isVisibleTo(dialog)
    # the Hub's route ticks what the school usually asks of it; the DSL adds the Amber Project
    assert dialog.asks["assessment"].isChecked() and dialog.asks["strategy_discussion"].isChecked()
    assert not dialog.asks["amber_project"].isChecked()
    screenshot(dialog, "referral_contact_problems")
    fill(
        dialog,
        contacted_name="Pat Ellory, duty social worker",
        reference="SH-55821",
        outcome="Referral accepted; strategy discussion tomorrow.",
    )
    qtbot.mouseClick(dialog.asks["amber_project"], Qt.MouseButton.LeftButton)
    dialog.consent.setCurrentIndex(dialog.consent.findText("Not sought"))
    dialog.parents_told.setCurrentIndex(dialog.parents_told.findText("No", Qt.MatchFlag.MatchStartsWith))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible(), "consent not sought needs its reason"
    assert "why consent was not sought" in dialog.problems["consent_note"].text()
    dialog.consent_note.setText("Seeking it would warn the man: her father knows him.")
    dialog.parents_reason.setText("Advice from the Hub first.")
    screenshot(dialog, "referral_contact_filled")
    with qtbot.waitSignal(view.changed, timeout=5000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert view.referral_model.rowCount() == 1
    assert "Due" in view.referral_model.data(view.referral_model.index(0, 5))
    row = [view.referral_model.data(view.referral_model.index(0, c)) for c in range(view.referral_model.columnCount())]
    assert "The Amber Project" in row[7]
    assert row[8] == "Not sought: Seeking it would warn the man: her father knows him. Parents not told"
    assert view.confirm_button.isEnabled()
    screenshot(host, "concern_view_referred")
    dashboard = host.show_dashboard()
    assert [r.concern_id for r in dashboard.confirmations.list.model().records()] == [concern_id]
    view = dashboard.open_concern(concern_id)

    # --- written confirmation ---
    qtbot.mouseClick(view.confirm_button, Qt.MouseButton.LeftButton)
    dialog = view.windows[-1]
    qtbot.waitExposed(dialog)
    screenshot(dialog, "confirmation_dialog")
    with qtbot.waitSignal(view.changed, timeout=5000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert view.referral_model.data(view.referral_model.index(0, 5)).startswith("Sent")
    assert not view.confirm_button.isEnabled()
    assert host.show_dashboard().confirmations.list.model().rowCount() == 0
    view = host.currentWidget().open_concern(concern_id)

    # --- a correction: the original stays word for word ---
    qtbot.mouseClick(view.correction_button, Qt.MouseButton.LeftButton)
    dialog = view.windows[-1]
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.problems["reason"].isVisibleTo(dialog) and dialog.problems["change"].isVisibleTo(dialog)
    screenshot(dialog, "correction_problems")
    reason = dialog.findChild(type(dialog.text_box("")), "reason")
    change = dialog.findChild(type(dialog.text_box("")), "change")
    reason.setPlainText("The car colour was misheard.")
    change.setPlainText("The car was dark blue, not silver.")
    with qtbot.waitSignal(view.changed, timeout=5000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    text = view.record.toPlainText()
    assert ACCOUNT in text, "the original account is unchanged"
    assert "The car was dark blue, not silver." in text
    assert text.index(ACCOUNT) < text.index("The car was dark blue")
    screenshot(host, "concern_view_corrected")

    # --- referral summary (PDF) ---
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    preview = view.windows[-1]
    qtbot.waitExposed(preview)
    assert preview.objectName() == "document_dialog"
    assert preview.document.pageCount() >= 1
    screenshot(preview, "referral_summary_preview")
    preview.close()

    # --- closing needs an outcome ---
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    dialog = view.windows[-1]
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.problems["outcome"].isVisibleTo(dialog)
    screenshot(dialog, "close_needs_outcome")
    dialog.findChild(type(dialog.text_box("")), "outcome").setPlainText(
        "Amber Project allocated a worker; school keeps the safety plan."
    )
    with qtbot.waitSignal(view.changed, timeout=5000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert "Closed" in view.title.text()
    assert not view.screen_button.isEnabled() and not view.referral_button.isEnabled()
    assert "Amber Project allocated a worker" in view.record.toPlainText()
    screenshot(host, "concern_view_closed")
    assert isinstance(host.show_dashboard(), DashboardPage)

    actions = [a for a, _ in audit_actions(session)]
    for expected in (
        "concern.submitted",
        "screening.completed",
        "referral.recorded",
        "referral.confirmed",
        "addendum.added",
        "concern.closed",
    ):
        assert actions.count(expected) == 1, expected
    with session.uow() as uow:
        assert uow.concerns.get(concern_id).status == ConcernStatus.CLOSED
        assert uow.concerns.get(concern_id).draft.account == ACCOUNT
    assert isinstance(view, ConcernView)


def test_a_screening_finished_after_leaving_the_concern_refreshes_the_dashboard(
    qtbot: Any,
    screenshot: Any,
    open_session: VaultSession,
) -> None:
    session = open_session
    concern_id = submit_concern(session)
    host = Host(session)
    qtbot.addWidget(host)
    view = host.show_dashboard().open_concern(concern_id)
    host.show()
    qtbot.mouseClick(view.screen_button, Qt.MouseButton.LeftButton)
    wizard = view.windows[-1]
    with qtbot.waitSignal(view.destroyed, timeout=5000):
        dashboard = host.show_dashboard()  # the DSL goes back to the dashboard with the wizard still open
    assert dashboard.awaiting.list.model().rowCount() == 1
    click_next(qtbot, wizard)
    wizard.section_pages["warning_signs"].rows["controlling_or_older_relationships"].choose(
        AnswerStatus.YES, When.CURRENT, Basis.OBSERVED
    )
    for page in wizard.section_pages.values():
        qtbot.mouseClick(page.rest_not_known, Qt.MouseButton.LeftButton)
        click_next(qtbot, wizard)
    decision = wizard.decision_page
    decision.childs_wishes.setPlainText("Could not be sought yet: Zoë was off sick.")
    qtbot.mouseClick(decision.told_yes, Qt.MouseButton.LeftButton)
    decision.parents_views.setPlainText("Aunt agrees with the plan.")
    decision.danger.setPlainText("The older man may groom Zoë into carrying drugs.")
    decision.goal.setPlainText("Zoë knows who to tell and is collected from school.")
    with qtbot.waitSignal(dashboard.refreshed, timeout=5000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert dashboard.awaiting.list.model().rowCount() == 0
    screenshot(host, "dashboard_after_screening_elsewhere")
