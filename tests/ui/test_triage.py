"""Triage: the awaiting list puts immediate danger and significant signs first with a marker; the high-risk panel
shows children, leaves out closed concerns and marks overdue reviews; names carry a date of birth or year group;
the import dialog's buttons fit, its count agrees with the banner, and "Screen it now" opens the screening."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication

from desktop_app.domain.enums import RiskLevel, RouteId
from desktop_app.domain.records import ChildDetails, ConcernDraft
from desktop_app.services import casework
from desktop_app.services.casework.screening import complete_screening, screening_context
from desktop_app.services.intake.sealing import SealedIntake
from desktop_app.services.vault import VaultSession
from desktop_app.ui.app import apply_zoom
from desktop_app.ui.concern_view import ConcernView
from desktop_app.ui.screening import ScreeningWizard
from tests.fixtures_vault import open_session as open_session
from tests.ui.test_dashboard import Host

pytestmark = pytest.mark.gui


def add(
    session: VaultSession,
    first: str,
    last: str,
    *,
    born: date | None = None,
    year: str = "Year 9",
    danger: bool = False,
    signs: tuple[str, ...] = (),
    account: str = "Seen with older teenagers",
) -> int:
    actor = session.actor()
    with session.uow() as uow:
        child = uow.children.add(ChildDetails(first, last, date_of_birth=born, year_group=year), actor)
        concern = uow.concerns.add(
            child.child_id, ConcernDraft(account=account, immediate_danger=danger, sign_ids=signs), actor, sealed=False
        )
        uow.audit.append(actor, "concern.submitted", concern.concern_id)
        uow.commit()
    return concern.concern_id


def host_at(session: VaultSession, qtbot: Any, zoom: int) -> Host:
    app = QApplication.instance()
    apply_zoom(app, zoom)
    host = Host(session)
    host.resize(1366, 768)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    return host


@pytest.mark.parametrize("zoom", [100, 150])
def test_the_awaiting_list_puts_immediate_danger_first(
    open_session: VaultSession,
    qtbot,
    zoom,
    screenshot,
) -> None:
    session = open_session
    older = add(session, "Leah", "Brennan", born=date(2011, 3, 14), year="Year 10")
    signs = add(session, "Leah", "Brennan", born=date(2014, 9, 2), year="Year 7", signs=("gang_association",))
    danger = add(session, "Oskar", "Lindqvist", danger=True, account="Said he is being made to hold drugs tonight")
    try:
        host = host_at(session, qtbot, zoom)
        page = host.show_dashboard()
        model = page.awaiting.list.model()
        rows = [model.record(r) for r in range(model.rowCount())]
        assert [r.concern_id for r in rows] == [danger, signs, older]
        assert rows[0].urgency_text == "IMMEDIATE DANGER" and rows[1].urgency_text == "Significant signs"
        assert model.data(model.index(0, 0)) == "IMMEDIATE DANGER"
        assert "most urgent first" in page.awaiting.heading.text()
        names = [r.child_name for r in rows[1:]]
        assert names[0] != names[1], "two children called Leah Brennan look the same on the dashboard"
        assert "born 02 Sep 2014" in names[0] and "born 14 Mar 2011" in names[1]
        screenshot(host, "dashboard_awaiting_urgent_first")
    finally:
        apply_zoom(QApplication.instance(), 100)


def test_high_risk_shows_children_leaves_out_closed_and_marks_overdue(
    open_session: VaultSession,
    qtbot,
    screenshot,
) -> None:
    session = open_session
    due = add(session, "Kacper", "Nowak", year="Year 11")
    late = add(session, "Amara", "Okafor", year="Year 8")
    closed = add(session, "Finn", "Doyle", year="Year 10")
    forms_today = date.today()
    for concern_id, review in (
        (due, forms_today + timedelta(days=20)),
        (late, forms_today - timedelta(days=3)),
        (closed, forms_today + timedelta(days=5)),
    ):
        _screen(session, concern_id, review)
    casework.close_concern(session, closed, "Moved out of the area; the new school has been told.")
    host = host_at(session, qtbot, 100)
    page = host.show_dashboard()
    model = page.high_risk.list.model()
    rows = [model.record(r) for r in range(model.rowCount())]
    assert [r.concern_id for r in rows] == [late, due], "a closed concern's child is still listed as high risk"
    assert rows[0].review_overdue and not rows[1].review_overdue
    assert model.data(model.index(0, 1)).startswith("OVERDUE ")
    assert rows[0].child_name == "Amara Okafor (Year 8)"
    screenshot(host, "dashboard_high_risk")


def _screen(session: VaultSession, concern_id: int, review: date) -> None:
    from desktop_app.definitions import load_forms
    from desktop_app.domain.enums import AnswerStatus
    from desktop_app.domain.screening import Answer

    context = screening_context(session, concern_id, load_forms(), date.today())
    draft = context.draft
    for _section, item in draft.definition.items():
        draft.answers[item.id] = Answer(AnswerStatus.NOT_KNOWN)
    form = casework.DecisionForm(
        confirmed_level=RiskLevel.HIGH,
        override_reason="Older males, a car and cash: I judge it high.",
        childs_wishes="Wants it to stop.",
        parents_told=True,
        parents_views="Worried.",
        parents_not_told_reason="",
        danger_statement="May be hurt.",
        safety_goal="Safe adult to tell.",
        routes=(RouteId.SAFEGUARDING_HUB,),
        review_date=review,
        actions="",
    )
    complete_screening(
        session,
        concern_id,
        draft,
        form,
        review - timedelta(days=30) if review > date.today() else date.today() - timedelta(days=30),
    )


def inside(button: QAbstractButton, dialog: Any) -> bool:
    top_left = button.mapTo(dialog, QPoint(0, 0))
    return QRect(QPoint(0, 0), dialog.size()).contains(QRect(top_left, button.size()))


@pytest.mark.parametrize("zoom", [100, 150])
def test_the_import_dialog_fits_counts_like_the_banner_and_offers_screen_it_now(
    open_session: VaultSession,
    qtbot,
    zoom,
    screenshot,
) -> None:
    session = open_session
    writer = SealedIntake.for_vault(session.vault_dir)
    writer.submit(
        ConcernDraft(
            immediate_danger=False,
            child=ChildDetails("Mei", "王", date_of_birth=date(2012, 6, 1), year_group="Year 9"),
            happened_at=datetime.now().astimezone() - timedelta(hours=2),
            account="Seen with a man in a grey car.",
            recorder_name="Ruth Kinsella",
            recorder_role="Teaching assistant",
            declaration=True,
        )
    )
    add(session, "Mei", "王", born=date(2010, 1, 9), year="Year 11")  # a child on file of the same name
    from desktop_app.services.concern.pages import Mode

    own = SealedIntake.for_vault(session.vault_dir, origin=Mode.DSL)
    own.save_draft(ConcernDraft(child=ChildDetails("Tom", "Reid"), account="half written"))
    try:
        host = host_at(session, qtbot, zoom)
        dashboard = host.show_dashboard()
        dialog = dashboard.import_sealed()
        qtbot.waitExposed(dialog)
        assert dashboard.sealed_waiting == 1
        assert dialog.heading.text().startswith("1 concern recorded by staff is waiting"), dialog.heading.text()
        staff_row = next(i for i, item in enumerate(dialog.items) if item.origin is not Mode.DSL)
        dialog.list.setCurrentRow(staff_row)
        dialog.matches.setCurrentRow(0)
        QApplication.processEvents()
        for button in dialog.findChildren(QAbstractButton):
            if button.isVisible():
                assert inside(button, dialog), f"{button.text()!r} is outside the dialog at its default size"
                assert button.width() >= button.minimumSizeHint().width(), f"{button.text()!r} is clipped"
        screenshot(dialog, "import_dialog_default_size")
        dialog.as_new.click()
        assert dialog.screen_now.isVisible() and "now" in dialog.screen_now.text()
        assert inside(dialog.screen_now, dialog)
        screenshot(dialog, "import_dialog_screen_it_now")
        dialog.screen_now.click()
        view = host.currentWidget()
        assert isinstance(view, ConcernView)
        wizard = next(w for w in view.windows if isinstance(w, ScreeningWizard))
        qtbot.waitExposed(wizard)
        assert wizard.isVisible()
        wizard.close()
    finally:
        apply_zoom(QApplication.instance(), 100)
