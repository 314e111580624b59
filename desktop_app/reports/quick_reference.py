"""The staff 'what to do' quick reference: the steps and the local numbers, on one page."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from desktop_app.domain.documents import DocumentKind, DocumentMeta, QuickReference
from desktop_app.reports.flow import (
    BODY,
    CELL,
    CELL_BOLD,
    H1,
    RULE,
    SHADE,
    SMALL,
    TITLE,
    esc,
    markup,
    table_basics,
)
from desktop_app.reports.template import build_pdf, frame_width

_STEP = BODY.clone("Step", fontSize=10.5, leading=14, leftIndent=7 * mm, firstLineIndent=-7 * mm, spaceAfter=4)
_PHONE = CELL_BOLD.clone("Phone", fontSize=10.5, leading=13)


def quick_reference_pdf(reference: QuickReference, meta: DocumentMeta) -> bytes:
    setting = reference.setting
    dsl = ", ".join(part for part in (setting.dsl_name, setting.dsl_phone) if part.strip())
    story: list[Flowable] = [
        markup("Child exploitation: what to do", TITLE),
        markup(
            f"For every member of staff at {esc(setting.name)}. Your safeguarding duty does not depend on the child "
            "wanting to be safeguarded.",
            SMALL,
        ),
        markup(f"<b>Designated Safeguarding Lead:</b> {esc(dsl) if dsl else 'see the staff room notice'}", BODY),
        markup("What to do", H1),
        *[
            markup(f"<b>{number}.</b>&nbsp;&nbsp;{esc(step)}", _STEP)
            for number, step in enumerate(reference.steps, start=1)
        ],
        markup("Local numbers", H1),
        _contacts(reference),
    ]
    return build_pdf(
        story,
        meta,
        title=f"{DocumentKind.QUICK_REFERENCE.label}: {setting.name}",
        subject="What to do about a concern of child exploitation",
    )


def _contacts(reference: QuickReference) -> Flowable:
    width = frame_width()
    rows: list[list[object]] = [[Paragraph(f"<b>{h}</b>", CELL) for h in ("When", "Who", "Number")]]
    for contact in reference.contacts:
        who = [Paragraph(esc(contact.title), CELL_BOLD)]
        if contact.notes.strip():
            who.append(Paragraph(esc(contact.notes), SMALL.clone("ContactNote", fontSize=7.5, leading=9.5)))
        rows.append(
            [
                Paragraph(esc(contact.when_to_use), CELL),
                who,
                Paragraph(esc(contact.phone) if contact.phone.strip() else "Ask the DSL", _PHONE),
            ]
        )
    table = Table(rows, colWidths=[0.42 * width, 0.36 * width, 0.22 * width], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *table_basics(),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table
