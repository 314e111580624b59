"""The staff 'what to do' quick reference: the steps and the local numbers, on one page.

It is meant for a staff-room wall, so it must stay one sheet however many contacts a local authority lists: the
text is made a little smaller until it fits.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from desktop_app.domain.documents import DocumentKind, DocumentMeta, QuickReference
from desktop_app.reports.flow import BODY, CELL, CELL_BOLD, H1, RULE, SHADE, SMALL, TITLE, esc, markup, table_basics
from desktop_app.reports.template import build_pdf_counted, frame_width

SCALES = (1.0, 0.92, 0.85, 0.78, 0.72, 0.66)


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

        self.body = sized(BODY, "QrBody")
        self.small = sized(SMALL, "QrSmall")
        self.heading = sized(H1, "QrHeading", spaceBefore=H1.spaceBefore * scale)
        self.step = sized(BODY, "QrStep", 10.5, 14, leftIndent=7 * mm, firstLineIndent=-7 * mm)
        self.cell = sized(CELL, "QrCell")
        self.cell_bold = sized(CELL_BOLD, "QrCellBold")
        self.note = sized(SMALL, "QrNote", 7.5, 9.5)
        self.phone = sized(CELL_BOLD, "QrPhone", 10.5, 13)


def _story(reference: QuickReference, styles: _Styles) -> list[Flowable]:
    setting = reference.setting
    dsl = ", ".join(part for part in (setting.dsl_name, setting.dsl_phone) if part.strip())
    return [
        markup("Child exploitation: what to do", TITLE),
        markup(
            f"For every member of staff at {esc(setting.name)}. Your safeguarding duty does not depend on the child "
            "wanting to be safeguarded.",
            styles.small,
        ),
        markup(f"<b>Designated Safeguarding Lead:</b> {esc(dsl) if dsl else 'see the staff room notice'}", styles.body),
        markup("What to do", styles.heading),
        *[
            markup(f"<b>{number}.</b>&nbsp;&nbsp;{esc(step)}", styles.step)
            for number, step in enumerate(reference.steps, start=1)
        ],
        markup("Local numbers", styles.heading),
        _contacts(reference, styles),
    ]


def _contacts(reference: QuickReference, styles: _Styles) -> Flowable:
    width = frame_width()
    rows: list[list[object]] = [[Paragraph(f"<b>{h}</b>", styles.cell) for h in ("When", "Who", "Number")]]
    for contact in reference.contacts:
        who: list[Flowable] = [Paragraph(esc(contact.title), styles.cell_bold)]
        if contact.notes.strip():
            who.append(Paragraph(esc(contact.notes), styles.note))
        phone = esc(contact.phone) if contact.phone.strip() else "Ask the DSL"
        rows.append([Paragraph(esc(contact.when_to_use), styles.cell), who, Paragraph(phone, styles.phone)])
    table = Table(rows, colWidths=[0.42 * width, 0.36 * width, 0.22 * width], repeatRows=1, hAlign="LEFT")
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
