"""The Audit page driven as a DSL would: a year answered, dated, signed, corrected, carried forward, compared, printed.

The training register is filled through its own tab and feeds the audit's evidence line.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_app.domain.audit import AuditStatus, SignRole
from desktop_app.services.vault import VaultSession
from desktop_app.ui import documents as ui_documents
from desktop_app.ui.audit import AuditPage
from tests.fixtures_vault import open_session  # noqa: F401
from tests.ui.test_dashboard import Host
from tests.ui.test_documents import PdfPrinterChooser

pytestmark = pytest.mark.gui

LAST_YEAR_DAY = date(2025, 11, 20)  # in 2025-26
THIS_YEAR_DAY = date(2026, 10, 5)  # in 2026-27


def page_on(qtbot: Any, session: VaultSession, day: date) -> tuple[Host, AuditPage]:
    host = Host(session)
    host.resize(1300, 760)
    qtbot.addWidget(host)
    page = AuditPage(session, host=host, today=lambda: day)
    host.show_page(page)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    return host, page


def fill_dialog(qtbot: Any, page: AuditPage, opener: Any, values: dict[str, Any]) -> None:
    dialog = opener()
    qtbot.waitExposed(dialog)
    for name, value in values.items():
        field = dialog.fields[name]
        if hasattr(field, "setDate"):
            from PySide6.QtCore import QDate

            field.setDate(QDate(value.year, value.month, value.day))
        elif hasattr(field, "setPlainText"):
            field.setPlainText(value)
        elif hasattr(field, "findData") and field.findData(value) >= 0:
            field.setCurrentIndex(field.findData(value))
        else:
            field.setText(value)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.ok.click()


def answer(
    qtbot: Any,
    page: AuditPage,
    row: int,
    status: AuditStatus,
    evidence: str = "",
    action: str = "",
    owner: str = "",
    due: date | None = None,
    reason: str = "",
) -> None:
    tab = page.answers
    tab.select(row)
    tab.status.setCurrentIndex(tab.status.findData(status.value))
    tab.reason.setText(reason)
    tab.evidence.setPlainText(evidence)
    tab.action.setPlainText(action)
    tab.owner.setText(owner)
    tab.has_due.setChecked(due is not None)
    if due is not None:
        from PySide6.QtCore import QDate

        tab.due.setDate(QDate(due.year, due.month, due.day))
    page.window().activateWindow()  # a dialog closed a moment ago may still hold the keyboard
    QApplication.processEvents()
    tab.evidence.setFocus()
    with qtbot.waitSignal(tab.save.clicked, timeout=3000):  # a button's shortcut clicks it a moment later
        QTest.keyClick(tab.evidence, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves


def open_document(qtbot: Any, page: AuditPage, opener: Any) -> Any:
    with qtbot.waitSignal(page.document_opened, timeout=20000) as opened:
        opener()
    dialog = opened.args[0]
    qtbot.waitExposed(dialog)
    return dialog


def pdf_text(dialog: Any) -> str:
    buffer = dialog._buffer
    data = bytes(buffer.data())
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_a_full_audit_through_the_screens(
    qtbot,
    open_session: VaultSession,
    fake_ask,
    screenshot,
    tmp_path: Path,
) -> None:
    session = open_session
    host, page = page_on(qtbot, session, LAST_YEAR_DAY)
    screenshot(host, "audit_not_started")
    assert page.start_button.isVisible() and page.start_button.text() == "Start the 2025-26 audit"

    # The training register, through its tab: the CE Lead, a deputy and two teachers, three of them trained.
    page.tabs.setCurrentWidget(page.register)
    people = [
        ("Rosa Marsden", "Assistant head", "ce_lead"),
        ("Kofi Oduya", "Head of Year 9", "deputy"),
        ("Alison Hollis", "Teacher", ""),
        ("Bilal Sykes", "Teacher", ""),
    ]
    for name, job, role in people:
        fill_dialog(
            qtbot,
            page,
            page.register.add_staff,
            {"name": name, "job_title": job, "role": role, "started_on": date(2020, 9, 1)},
        )
    for row, course in ((0, "exploitation_awareness"), (2, "exploitation_awareness"), (3, "ce_lead_training")):
        page.register.table.selectRow(row)  # by name: Alison, Bilal, Kofi, Rosa
        fill_dialog(qtbot, page, page.register.record_training, {"course": course, "completed_on": date(2025, 10, 1)})
    assert "3 of 4 staff trained in the last 12 months" in page.register.figures.text()
    screenshot(host, "audit_training_register")
    page.tabs.setCurrentWidget(page.leads)
    assert "Rosa Marsden" in page.leads.summary.text() and "Kofi Oduya" in page.leads.summary.text()
    assert "Last trained 1 Oct 2025; training next due 1 Oct 2027" in page.leads.summary.text()
    screenshot(host, "audit_ce_lead_and_deputies")

    page.start_button.click()
    assert "3 of 4 staff trained in the last 12 months" in page.answers.register_line.text(), (
        "the register's figures are the audit's evidence"
    )
    rows = page.answers.model.rowCount()
    for row in range(rows):
        if row == 1:
            answer(qtbot, page, row, AuditStatus.NOT_MET)  # refused: an unmet duty needs an action
            assert page.answers.problems["action"].isVisible()
            answer(
                qtbot,
                page,
                row,
                AuditStatus.NOT_MET,
                "No meetings minuted",
                "Half-termly meetings",
                "Rosa Marsden",
                date(2026, 2, 1),
            )
        elif row == 2:
            answer(qtbot, page, row, AuditStatus.NOT_APPLICABLE, reason="Covered by the trust's central team")
        else:
            answer(qtbot, page, row, AuditStatus.MET, f"Evidence for obligation {row + 1}")
    screenshot(host, "audit_answered")
    record = page.record()
    assert record is not None and record.counts()[AuditStatus.MET] == rows - 2
    page.answers.audit_date.setDate(page.answers.audit_date.date().addDays(-1))
    page.answers.save_dates.click()
    assert page.record().audit_date == date(2025, 11, 19)  # type: ignore[union-attr]

    page.tabs.setCurrentWidget(page.sign_off)
    for role, name in (
        (SignRole.DSL, "Morgan Fairweather"),
        (SignRole.HEAD, ""),
        (SignRole.HEAD, "Ruth Oyelaran"),
        (SignRole.GOVERNOR, "Dana Whitfield"),
    ):
        row = page.sign_off.rows[role]
        row.name.setText(name)
        row.button.click()
        if not name:
            assert row.problem.isVisible() and "name" in row.problem.text()
    assert page.record().closed  # type: ignore[union-attr]
    assert "Signed by Dana Whitfield" in page.sign_off.rows[SignRole.GOVERNOR].signed.text()
    assert not page.answers.save.isEnabled(), "a signed audit is closed"
    fill_dialog(
        qtbot,
        page,
        page.sign_off.add_correction,
        {"change": "Two meetings were minuted in May.", "reason": "Minutes found after signing"},
    )
    assert "Two meetings were minuted in May." in page.sign_off.corrections.text()
    screenshot(host, "audit_signed")

    dialog = open_document(qtbot, page, page.print_audit)
    text = pdf_text(dialog)
    assert "Signed and closed" in text and "Ruth Oyelaran, signed" in text and "Not applicable" in text
    assert "3 of 4 staff trained in the last 12 months" in text and "Two meetings were minuted in May." in text
    chooser = PdfPrinterChooser(tmp_path / "printed.pdf")
    previous = ui_documents.install_printer_chooser(chooser)
    try:
        dialog.print_button.click()
    finally:
        ui_documents.install_printer_chooser(previous)
    assert chooser.asked == 1
    with session.uow() as uow:
        assert uow.audit.entries(*_ever(), limit=5000)[-1].action == "document.printed"
    screenshot(dialog, "audit_printed_preview")
    dialog.reject()

    # A year later: the new year starts from last year's answers, each to confirm; the two years side by side.
    host.close()
    host, page = page_on(qtbot, session, THIS_YEAR_DAY)
    page.start_button.click()
    assert "carried from 2025-26" in page.status.text()
    assert page.answers.model.item(1, 1).text() == "To confirm · action past due"
    assert page.answers.model.item(0, 1).text() == "To confirm"
    page.answers.select(1)
    assert page.answers.evidence.toPlainText() == "No meetings minuted" and page.answers.owner.text() == "Rosa Marsden"
    screenshot(host, "audit_carried_forward")
    answer(
        qtbot,
        page,
        0,
        AuditStatus.PARTLY_MET,
        "Lead named; refresher late",
        "Refresher booked",
        "Rosa Marsden",
        date(2026, 12, 1),
    )
    answer(qtbot, page, 1, AuditStatus.MET, "Minutes of three meetings")
    page.tabs.setCurrentWidget(page.compare)
    assert "1 improved, 1 slipped" in page.compare.sentence.text()
    assert [page.compare.model.item(r, 3).text() for r in (0, 1)] == ["SLIPPED", "Improved"]
    screenshot(host, "audit_compared")
    page.tabs.setCurrentWidget(page.answers)
    page.answers.save_dates.click()
    page.tabs.setCurrentWidget(page.sign_off)
    row = page.sign_off.rows[SignRole.DSL]
    row.name.setText("Morgan Fairweather")
    row.button.click()
    assert "still to be confirmed" in row.problem.text(), "nobody signs over answers carried without a look"
    screenshot(host, "audit_sign_refused")
    dialog = open_document(qtbot, page, page.print_audit)
    assert "still to be confirmed" in pdf_text(dialog) and "In progress" in pdf_text(dialog)
    dialog.reject()
    host.close()


def _ever() -> tuple[Any, Any]:
    from datetime import UTC, datetime

    return datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)


def test_the_dashboard_says_the_audit_is_due_its_actions_past_due_and_training_due(
    qtbot, open_session: VaultSession, fake_ask, screenshot
) -> None:
    from desktop_app.domain.audit import AcademicYear, AnswerForm, ExploitationRole
    from desktop_app.services.audit import checklist, training

    day = date(2027, 7, 20)  # the 2026-27 year ends in six weeks
    year = AcademicYear(2026)
    checklist.start_year(open_session, year)
    first = checklist.year_audit(open_session, year).answers[0].obligation_id  # type: ignore[union-attr]
    checklist.record_answer(
        open_session,
        year,
        first,
        AnswerForm(
            AuditStatus.NOT_MET, action="Name the CE Lead on the posters", owner="Rosa Marsden", due=date(2027, 5, 1)
        ),
    )
    training.add_staff(open_session, "Rosa Marsden", "Assistant head", role=ExploitationRole.CE_LEAD, today=day)
    host = Host(open_session, today=day)
    qtbot.addWidget(host)
    host.show()
    dashboard = host.show_dashboard()
    text = dashboard.audit_banner.text.text()
    assert "The 2026-27 audit is not yet signed (3 signatures to come)" in text
    assert "1 audit action is past its due date." in text
    assert "1 member of staff has training due or overdue." in text
    screenshot(host, "dashboard_audit_reminders")
    page = dashboard.audit_banner.open_audit()
    assert isinstance(page, AuditPage) and host.currentWidget() is page
    assert page.answers.model.item(0, 1).text() == "Not met · action past due"
