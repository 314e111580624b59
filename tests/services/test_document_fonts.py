"""Every PDF Waymark makes carries every font it names (DESIGN §7).

A font left out of the file is drawn by whatever the reader's viewer has to hand, so the page looks different on the
social worker's screen than on ours, and an archive that checks PDFs for missing fonts refuses it. Each document is
made here the way the app makes it, from a demo vault holding a body map and the governors' charts (the drawings
once pulled in an unused, unembedded Helvetica on every page), and its font list is read back.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from desktop_app.domain.audit import AcademicYear
from desktop_app.domain.transfer import TransferCover
from desktop_app.services import documents
from desktop_app.services.attachments import body_map
from desktop_app.services.audit import documents as audit_documents
from desktop_app.services.child import sharing
from desktop_app.services.demo import fill_demo_data
from desktop_app.services.transfer.send import records_pdf
from desktop_app.services.vault import recovery_sheet
from tests.fixtures_vault import make_vault
from tests.reports.pdfcheck import fonts_of

TODAY = date.today()
YEAR = AcademicYear.containing(TODAY)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, bytes]]:
    """Each kind of document, from a demo vault, as the app would print or save it."""
    created = make_vault(tmp_path_factory.mktemp("fonts") / "vault")
    session = created.session
    try:
        fill_demo_data(session, children=6, concerns=12, seed=3)
        with session.uow() as uow:
            concerns = [
                (c.child_id, c.concern_id)
                for ch in uow.children.recent(100)
                for c in uow.concerns.list_for_child(ch.child_id)
            ]
        mapped = [(child, concern) for child, concern in concerns if body_map.current(session, concern) is not None]
        assert mapped, "the demo draws a body map on one concern"
        child_id, concern_id = mapped[0]
        cover = TransferCover(
            "Tamsin Quillfeather",
            None,
            session.setting.name,
            session.setting.dsl_name,
            "Riverside Academy",
            "Mr Okafor",
            TODAY,
            "0" * 32,
            ("This cover page.",),
        )
        export = sharing.build_export(session, [child_id], TODAY - timedelta(days=730), TODAY)
        yield {
            "referral summary": documents.render_referral_summary(session, concern_id)[0],
            "chronology": documents.render_chronology(session, child_id)[0],
            "blank checklist": documents.render_blank_checklist(session.setting)[0],
            "quick reference": documents.render_quick_reference(session)[0],
            "annual audit": audit_documents.render_audit(session, YEAR, today=TODAY)[0],
            "last year's signed audit": audit_documents.render_audit(session, YEAR.previous(), today=TODAY)[0],
            "governors' report": audit_documents.render_governors_report(session, YEAR, today=TODAY)[0],
            "child file shared with another agency": sharing.render(session, export)[0],
            "transferred child file": records_pdf(session, child_id, cover)[0],
            "recovery sheet": recovery_sheet.sheet_pdf(session, created.recovery_key),
        }
    finally:
        session.lock()


@pytest.mark.parametrize(
    "name",
    [
        "referral summary",
        "chronology",
        "blank checklist",
        "quick reference",
        "annual audit",
        "last year's signed audit",
        "governors' report",
        "child file shared with another agency",
        "transferred child file",
        "recovery sheet",
    ],
)
def test_every_font_the_document_uses_is_inside_it(made: dict[str, bytes], name: str) -> None:
    fonts = fonts_of(made[name])
    assert fonts, f"the {name} names no font at all"
    missing = [font for font, embedded in fonts if not embedded]
    assert not missing, f"the {name} names fonts it does not carry: {missing}"
