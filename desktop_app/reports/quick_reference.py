"""The staff 'what to do' quick reference: the steps and the local numbers, on one page.

It is meant for a staff-room wall, so it must stay one sheet however many contacts a local authority lists: the
text is made a little smaller until it fits.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from desktop_app.domain.contact_checks import format_phone
from desktop_app.domain.documents import DocumentKind, DocumentMeta, QuickReference
from desktop_app.reports.flow import BODY, CELL, CELL_BOLD, H1, RULE, SHADE, SMALL, TITLE, esc, markup, table_basics
from desktop_app.reports.template import build_pdf_counted, frame_width

# Readable on a wall: body text never under 10.5 pt, numbers never under 14 pt; the page shrinks to fit only
# down to those sizes (the scales apply to the larger starting sizes below).
SCALES = (1.0, 0.95, 0.9, 0.85)
BODY_PT, NUMBER_PT, MIN_BODY_PT, MIN_NUMBER_PT = 12.5, 16.0, 10.5, 14.0
ASK_THE_DSL = "A number not shown here: ask the Designated Safeguarding Lead."


def quick_reference_pdf(reference: QuickReference, meta: DocumentMeta) -> bytes:
    title = f"{DocumentKind.QUICK_REFERENCE.label}: {reference.setting.name}"
    subject = "What to do about a concern of child exploitation"
    pdf = b""
    for scale in SCALES:
        pdf, pages = build_pdf_counted(_story(reference, _Styles(scale)), meta, title=title, subject=subject)
        if pages == 1:
            break
    return pdf


class _Styles:
    def __init__(self, scale: float) -> None:
        def sized(
            style: ParagraphStyle, name: str, size: float | None = None, leading: float | None = None, **extra: object
        ) -> ParagraphStyle:
            return style.clone(
                name,
                fontSize=(size or style.fontSize) * scale,
                leading=(leading or style.leading) * scale,
                **extra,
            )

        body = max(BODY_PT * scale, MIN_BODY_PT)
        number = max(NUMBER_PT * scale, MIN_NUMBER_PT)

        def at(style: ParagraphStyle, name: str, size: float, **extra: object) -> ParagraphStyle:
            return style.clone(name, fontSize=size, leading=size * 1.28, **extra)

        self.body = at(BODY, "QrBody", body)
        self.small = at(SMALL, "QrSmall", body)
        self.heading = sized(H1, "QrHeading", 15, 19, spaceBefore=H1.spaceBefore * scale)
        self.step = at(BODY, "QrStep", body, leftIndent=7 * mm, firstLineIndent=-7 * mm, spaceAfter=2)
        self.cell = at(CELL, "QrCell", body)
        self.cell_bold = at(CELL_BOLD, "QrCellBold", body)
        self.note = at(SMALL, "QrNote", body)
        self.phone = at(CELL_BOLD, "QrPhone", number)


def _story(reference: QuickReference, styles: _Styles) -> list[Flowable]:
    setting = reference.setting
    story: list[Flowable] = [
        markup("Child exploitation: what to do", TITLE),
        markup(
            f"For every member of staff at {esc(setting.name)}. Your safeguarding duty does not depend on the child "
            "wanting to be safeguarded.",
            styles.small,
        ),
    ]
    if reference.people:
        story += [markup("Who to tell", styles.heading), _people(reference, styles)]
    story += [
        markup("What to do", styles.heading),
        *[
            markup(f"<b>{number}.</b>&nbsp;&nbsp;{esc(step)}", styles.step)
            for number, step in enumerate(reference.steps, start=1)
        ],
        markup("Local numbers", styles.heading),
        _contacts(reference, styles),
    ]
    if any(not c.phone.strip() for c in (*reference.contacts, *reference.people)):
        story.append(markup(esc(ASK_THE_DSL), styles.body))
    return story


def _people(reference: QuickReference, styles: _Styles) -> Flowable:
    width = frame_width()
    rows = [
        [
            Paragraph(f"<b>{esc(person.title)}</b><br/>{esc(person.when_to_use)}", styles.cell),
            Paragraph(esc(format_phone(person.phone)), styles.phone),
        ]
        for person in reference.people
    ]
    table = Table(rows, colWidths=[0.62 * width, 0.38 * width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *table_basics(),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _contacts(reference: QuickReference, styles: _Styles) -> Flowable:
    width = frame_width()
    rows: list[list[object]] = [[Paragraph(f"<b>{h}</b>", styles.cell) for h in ("When", "Who", "Number")]]
    for contact in reference.contacts:
        if not contact.phone.strip():
            continue  # left out; one line below the table says to ask the DSL
        who: list[Flowable] = [Paragraph(esc(contact.title), styles.cell_bold)]
        rows.append(
            [
                Paragraph(esc(contact.when_to_use), styles.cell),
                who,
                Paragraph(esc(format_phone(contact.phone)), styles.phone),
            ]
        )
    table = Table(rows, colWidths=[0.4 * width, 0.28 * width, 0.32 * width], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *table_basics(),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table
