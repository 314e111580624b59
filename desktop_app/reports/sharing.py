"""The sharing export for the specialist exploitation service: the children chosen, their concerns, levels and
missing episodes over a period; and the same rows as CSV (attached inside the PDF, see services/child/sharing)."""

from __future__ import annotations

import csv
import io

from reportlab.platypus import Flowable

from desktop_app.domain.documents import DocumentMeta
from desktop_app.domain.sharing import SharedChild, SharingExport
from desktop_app.reports.flow import H2, INDENT, SMALL, TITLE, day, esc, field, fields, heading, markup, moment, para
from desktop_app.reports.template import build_pdf

CSV_COLUMNS = ("Child", "Date of birth", "Year group", "Latest level", "Date", "Kind", "Reference", "Level", "Summary")


def sharing_pdf(export: SharingExport, meta: DocumentMeta) -> bytes:
    story: list[Flowable] = [
        markup(f"Shared with {esc(export.recipient)}", TITLE),
        markup(
            f"Concerns, levels of risk and missing episodes from {esc(day(export.start))} to "
            f"{esc(day(export.end))}, for the {len(export.children)} "
            f"child{'ren' if len(export.children) != 1 else ''} chosen by the Designated Safeguarding Lead. "
            f"The same rows are attached to this PDF as a CSV file (open the attachments panel).",
            SMALL,
        ),
        *fields(
            [
                ("From", export.setting.name),
                ("Prepared by", export.prepared_by),
                ("Children", str(len(export.children))),
                ("Entries", str(export.event_count)),
            ]
        ),
    ]
    for child in export.children:
        story += _child(child)
    return build_pdf(
        story,
        meta,
        title=f"Shared with {export.recipient}",
        subject="Exploitation data shared with the specialist service",
    )


def _child(child: SharedChild) -> list[Flowable]:
    out: list[Flowable] = [
        heading(child.name),
        *fields(
            [
                ("Date of birth", day(child.date_of_birth) or "Not known"),
                ("Year group", child.year_group),
                ("Latest level in the period", child.latest_level),
            ]
        ),
    ]
    if not child.events:
        out.append(para("Nothing recorded in this period.", INDENT))
    for event in child.events:
        reference = f"  ·  {esc(event.reference)}" if event.reference else ""
        out.append(markup(f"{esc(moment(event.when))}  ·  {esc(event.kind)}{reference}", H2))
        if event.level:
            out.append(field("Level", event.level, INDENT))
        out.append(para(event.summary, INDENT))
    return out


def sharing_csv(export: SharingExport) -> str:
    """One row per entry (a child with nothing in the period has one row saying so). Excel opens it as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for child in export.children:
        base = [
            child.name,
            child.date_of_birth.isoformat() if child.date_of_birth else "",
            child.year_group,
            child.latest_level,
        ]
        if not child.events:
            writer.writerow([_safe_cell(c) for c in (*base, "", "", "", "", "Nothing recorded in this period.")])
        for event in child.events:
            writer.writerow(
                [
                    _safe_cell(c)
                    for c in (
                        *base,
                        event.when.astimezone().strftime("%Y-%m-%d %H:%M"),
                        event.kind,
                        event.reference,
                        event.level,
                        event.summary,
                    )
                ]
            )
    return "\ufeff" + out.getvalue()


def _safe_cell(text: str) -> str:
    """A cell a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe instead."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
