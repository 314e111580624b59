"""The setting obligations checklist: blank for a meeting, or completed with the year's audit (DESIGN §1, §7)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop_app.domain.documents import (
    ChecklistEntry,
    ChecklistRun,
    DocumentKind,
    DocumentMeta,
    ObligationStatus,
    ObligationText,
)
from desktop_app.domain.records import Setting
from desktop_app.reports.flow import (
    CELL,
    CELL_BOLD,
    H2,
    INDENT,
    RULE,
    SHADE,
    SMALL,
    TITLE,
    day,
    esc,
    field,
    heading,
    markup,
    signature_lines,
    table_basics,
)
from desktop_app.reports.template import build_pdf, frame_width

CHOICES = (ObligationStatus.MET, ObligationStatus.PARTLY_MET, ObligationStatus.NOT_MET)
_CELL_SMALL = CELL.clone("CellSmall", fontSize=8, leading=10, textColor=SMALL.textColor)
WRITING_SPACE = 26 * mm
_HEADERS = ("Obligation", "Status", "Evidence", "Action", "Owner", "Due date")


def checklist_pdf(
    setting: Setting,
    obligations: Sequence[ObligationText],
    meta: DocumentMeta,
    run: ChecklistRun | None = None,
    title: str = "Child exploitation: setting obligations checklist",
) -> bytes:
    """The checklist; blank when ``run`` is None, else filled with that year's entries (in the obligations' order)."""
    entries = _entries(obligations, run)
    intro = (
        f"Completed for {esc(run.year)}."
        if run
        else "Blank copy: tick a status box and write the evidence, the action, who owns it and when it is due."
    )
    story: list[Flowable] = [
        markup(esc(title), TITLE),
        markup(f"{esc(setting.name)}. {intro}", SMALL),
        *(_table(entries) if run is None else _completed(entries)),
    ]
    if run is not None and run.completed_on:
        story.append(field("Completed on", day(run.completed_on)))
    roles = ("Designated Safeguarding Lead", "Head teacher or principal", "Safeguarding governor")
    if run is not None and run.sign_offs:
        story.append(heading("Sign-off"))
        for sign in run.sign_offs:
            story.append(field(sign.role, f"{sign.name}{', ' + day(sign.signed_on) if sign.signed_on else ''}"))
        story.append(signature_lines(roles, frame_width(wide=False)))
    else:
        story.append(signature_lines(roles, frame_width(wide=run is None) * (0.7 if run is None else 1), "Sign-off"))
    kind = DocumentKind.CHECKLIST.label
    return build_pdf(
        story,
        meta,
        title=f"{kind}: {run.year}" if run else f"{kind} (blank)",
        subject="The setting's child exploitation obligations",
        wide=run is None,
    )


def _entries(obligations: Sequence[ObligationText], run: ChecklistRun | None) -> list[ChecklistEntry]:
    if run is None:
        return [ChecklistEntry(obligation=obligation) for obligation in obligations]
    by_id = {entry.obligation.obligation_id: entry for entry in run.entries}
    ordered = [by_id.pop(o.obligation_id, ChecklistEntry(obligation=o)) for o in obligations]
    return ordered + list(by_id.values())  # entries of obligations since retired still print


def _table(entries: Sequence[ChecklistEntry]) -> list[Flowable]:
    """The blank form: a grid with room to write. Its cells hold only the short obligation texts from forms/."""
    width = frame_width(wide=True)
    widths = [w * width for w in (0.35, 0.11, 0.20, 0.16, 0.09, 0.09)]
    rows: list[list[object]] = [[Paragraph(f"<b>{h}</b>", CELL) for h in _HEADERS]]
    for number, entry in enumerate(entries, start=1):
        ob = entry.obligation
        obligation_cell = [Paragraph(f"{number}. {esc(ob.title)}", CELL_BOLD)]
        if ob.description.strip():
            obligation_cell.append(Paragraph(esc(ob.description), CELL))
        if ob.evidence.strip():
            obligation_cell.append(Paragraph(f"<i>Evidence could be:</i> {esc(ob.evidence)}", _CELL_SMALL))
        rows.append(
            [
                obligation_cell,
                Paragraph(_status_boxes(entry.status, "<br/>"), CELL),
                Spacer(1, WRITING_SPACE),  # room to write; the row grows with a long obligation text
                "",
                "",
                "",
            ]
        )
    style = [
        *table_basics(),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    # repeatRows keeps the headings on each page. No splitInRow: ReportLab drops a line where it splits a row.
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return [table]


def _completed(entries: Sequence[ChecklistEntry]) -> list[Flowable]:
    """The year's answers as paragraphs, not a grid, so evidence of any length flows across pages whole."""
    out: list[Flowable] = []
    for number, entry in enumerate(entries, start=1):
        ob = entry.obligation
        out.append(markup(f"{number}. {esc(ob.title)}", H2))
        if ob.description.strip():
            out.append(markup(esc(ob.description), SMALL))
        out.append(markup(f"<b>Status:</b> {_status_boxes(entry.status, '&nbsp;&nbsp;&nbsp;')}", INDENT))
        out.append(field("Evidence", entry.evidence, INDENT))
        out.append(field("Action", entry.action, INDENT))
        out.append(field("Owner", entry.owner, INDENT))
        out.append(field("Due date", day(entry.due), INDENT))
    return out


def _status_boxes(status: ObligationStatus, separator: str) -> str:
    return separator.join(f"{'☒' if status == choice else '☐'} {choice.label}" for choice in CHOICES)
