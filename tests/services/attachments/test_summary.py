"""The referral summary carries the concern's newest body map and the files still kept (withdrawn ones left out)."""

from __future__ import annotations

from desktop_app.domain.attachments import BodyMark, BodySide
from desktop_app.services import documents
from desktop_app.services.attachments import body_map, files
from desktop_app.services.demo.attachments import png_picture
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import open_session, record_concern  # noqa: F401
from tests.reports.pdfcheck import all_text


def test_the_summary_prints_the_newest_body_map_and_the_files_still_kept(open_session: VaultSession) -> None:
    concern_id = record_concern(open_session)
    first = BodyMark(BodySide.FRONT, 0.86, 0.46, "Bruise, left forearm")
    body_map.save_body_map(open_session, concern_id, [first])
    body_map.save_body_map(open_session, concern_id, [first, body_map.mark_at("upper_back", "Upper back: scratches")])
    kept = files.add_bytes(open_session, concern_id, "note.png", png_picture(), "Photo of the tutor's note")
    wrong = files.add_bytes(open_session, concern_id, "other.png", png_picture(80, 60), "Photo, wrong child")
    files.withdraw(open_session, wrong.attachment_id, "Attached to the wrong concern")
    with open_session.uow() as uow:
        summary = documents.referral_summary(uow, concern_id)
    assert summary.body_map is not None and summary.body_map.version == 2 and len(summary.body_map.marks) == 2
    assert [f.attachment_id for f in summary.files] == [kept.attachment_id] and summary.files_more == 0
    pdf, _id, _title = documents.render_referral_summary(open_session, concern_id)
    text = all_text(pdf)
    assert "1. Front: Bruise, left forearm" in text and "2. Back: Upper back: scratches" in text
    assert "Photo of the tutor's note (PNG picture" in text and "wrong child" not in text
