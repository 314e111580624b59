"""The cover page of a child protection file sent to a new setting (Keeping children safe in education)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from desktop_app.domain.documents import DocumentMeta
from desktop_app.domain.transfer import TransferCover
from desktop_app.reports.flow import SMALL, TITLE, day, esc, fields, heading, markup, para
from desktop_app.reports.template import build_pdf


def transfer_cover_pdf(cover: TransferCover, meta: DocumentMeta) -> bytes:
    story: list[Flowable] = [
        markup(f"Child protection file: {esc(cover.child_name)}", TITLE),
        markup(
            "Sent to the receiving setting's Designated Safeguarding Lead, separately from the main pupil file. "
            "Please confirm receipt to the sending DSL as soon as it arrives, and keep this file securely.",
            SMALL,
        ),
        *fields(
            [
                ("Child", cover.child_name),
                ("Date of birth", day(cover.date_of_birth)),
                ("Sent by", f"{cover.from_dsl}, {cover.from_setting}" if cover.from_dsl else cover.from_setting),
                ("Sent to", f"{cover.to_person}, {cover.to_setting}" if cover.to_person else cover.to_setting),
                ("Date sent", day(cover.sent_on)),
                ("Transfer reference", cover.package_id),
            ]
        ),
        heading("What this file holds"),
    ]
    story += [para(f"{n}. {line}") for n, line in enumerate(cover.contents, start=1)]
    return build_pdf(
        story,
        meta,
        title=f"Child protection file transfer {cover.package_id}",
        subject="Transfer of a child protection file to a new setting",
    )
