"""The setting obligations checklist: blank for a meeting, or completed with the year's audit (DESIGN §1, §7).

The completed audit puts what a governor reads first on page 1: the year's dates, a count of each status and the
action plan; the obligations follow, each status in words. Roles that have signed show the name and date; only roles
still to sign get lines to sign on. The blank form is a grid with room to write, its last obligation kept on the page
of the sign-off so the sign-off is never alone on a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

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
    BODY,
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

CHOICES = (ObligationStatus.MET, ObligationStatus.PARTLY_MET, ObligationStatus.NOT_MET, ObligationStatus.NOT_APPLICABLE)
SUMMARY_ORDER = (*CHOICES, ObligationStatus.NOT_ASSESSED)
ROLES = ("Designated Safeguarding Lead", "Head teacher or principal", "Safeguarding governor")
_CELL_SMALL = CELL.clone("CellSmall", fontSize=8, leading=10, textColor=SMALL.textColor)
WRITING_SPACE = 26 * mm
_HEADERS = ("Obligation", "Status", "Evidence", "Action", "Owner", "Due date")
_WIDTHS = (0.35, 0.13, 0.19, 0.15, 0.09, 0.09)


def checklist_pdf(
    setting: Setting,
    obligations: Sequence[ObligationText],
    meta: DocumentMeta,
    run: ChecklistRun | None = None,
    title: str = "Child exploitation: setting obligations checklist",
) -> bytes:
    """The checklist; blank when ``run`` is None, else filled with that year's entries (in the obligations' order)."""
    entries = _entries(obligations, run)
    kind = DocumentKind.CHECKLIST.label
    if run is None:
        return _blank(setting, entries, meta, title, kind)
    answered = _completed(entries)
    corrections = _addenda(run)
    body = [*answered, *corrections]
    # The sign-off keeps the last obligation (or correction) with it, so it never stands alone on a page.
    story: list[Flowable] = [
        markup(esc(title), TITLE),
        *_front_page(setting, run, entries, meta.printed_at.date()),
        *(f for block in body[:-1] for f in block),
        KeepTogether([*body[-1], *_sign_off(run)]),
    ]
    return build_pdf(story, meta, title=f"{kind}: {run.year}", subject="The setting's child exploitation obligations")


def _entries(obligations: Sequence[ObligationText], run: ChecklistRun | None) -> list[ChecklistEntry]:
    if run is None:
        return [ChecklistEntry(obligation=obligation) for obligation in obligations]
    by_id = {entry.obligation.obligation_id: entry for entry in run.entries}
    ordered = [by_id.pop(o.obligation_id, ChecklistEntry(obligation=o)) for o in obligations]
    return ordered + list(by_id.values())  # entries of obligations since retired still print


# ----- the blank form -------------------------------------------------------------------------------------------------


def _blank(setting: Setting, entries: list[ChecklistEntry], meta: DocumentMeta, title: str, kind: str) -> bytes:
    intro = "Blank copy: tick a status box and write the evidence, the action, who owns it and when it is due."
    name = setting.name.strip()
    story: list[Flowable] = [markup(esc(title), TITLE)]
    story.append(markup(f"<b>Setting:</b> {esc(name)}" if name else "<b>Setting:</b> " + "_" * 60, BODY))
    story.append(markup(intro, SMALL))
    rows = [_blank_row(number, entry) for number, entry in enumerate(entries, start=1)]

    def layout(heading_on_last: bool) -> list[Flowable]:
        # The last obligation goes with the dates and sign-off, so the sign-off never stands alone on a page.
        last = _grid(rows[-1:], header=heading_on_last)
        return (
            [_grid(rows[:-1], header=True), _Mark("before"), KeepTogether([last, *_blank_closing()]), _Mark("after")]
            if len(rows) > 1
            else [_grid(rows, header=True), *_blank_closing()]
        )

    story_first = story + layout(heading_on_last=False)
    pdf = build_pdf(
        story_first, meta, title=f"{kind} (blank)", subject="The setting's child exploitation obligations", wide=True
    )
    marks = {m.name: m.page for m in story_first if isinstance(m, _Mark)}
    if marks.get("before") == marks.get("after"):
        return pdf
    # The last obligation moved to a page of its own with the sign-off: it needs its column headings there.
    return build_pdf(
        story + layout(heading_on_last=True),
        meta,
        title=f"{kind} (blank)",
        subject="The setting's child exploitation obligations",
        wide=True,
    )


class _Mark(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """Zero-sized: remembers the page it was laid out on."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.page = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0.0, 0.0

    def draw(self) -> None:
        self.page = self.canv.getPageNumber()


def _blank_row(number: int, entry: ChecklistEntry) -> list[Any]:
    ob = entry.obligation
    obligation_cell = [Paragraph(f"{number}. {esc(ob.title)}", CELL_BOLD)]
    if ob.description.strip():
        obligation_cell.append(Paragraph(esc(ob.description), CELL))
    if ob.evidence.strip():
        obligation_cell.append(Paragraph(f"<i>Evidence could be:</i> {esc(ob.evidence)}", _CELL_SMALL))
    boxes = "<br/>".join(f"☐ {choice.label}" for choice in CHOICES)
    return [obligation_cell, Paragraph(boxes, CELL), Spacer(1, WRITING_SPACE), "", "", ""]


def _grid(rows: list[list[Any]], header: bool) -> Table:
    width = frame_width(wide=True)
    head = [[Paragraph(f"<b>{h}</b>", CELL) for h in _HEADERS]] if header else []
    style = [*table_basics(), ("GRID", (0, 0), (-1, -1), 0.5, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    # repeatRows keeps the headings on each page. No splitInRow: ReportLab drops a line where it splits a row.
    table = Table(head + rows, colWidths=[w * width for w in _WIDTHS], repeatRows=1 if header else 0, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def _blank_closing() -> list[Flowable]:
    width = frame_width(wide=True) * 0.7
    dates = Table(
        [[Paragraph("<b>Audit date</b>", CELL), "", Paragraph("<b>Next review</b>", CELL), ""]],
        colWidths=[0.18 * width, 0.3 * width, 0.18 * width, 0.3 * width],
        rowHeights=[10 * mm],
        hAlign="LEFT",
    )
    dates.setStyle(
        TableStyle(
            [
                *table_basics(),
                ("LINEBELOW", (1, 0), (1, 0), 0.6, RULE),
                ("LINEBELOW", (3, 0), (3, 0), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    return [Spacer(1, 4 * mm), dates, signature_lines(ROLES, width, "Sign-off")]


# ----- the completed audit -----------------------------------------------------------------------------------------


def _state(run: ChecklistRun) -> str:
    signed = len(run.sign_offs)
    if run.closed:
        return "Signed and closed: corrections are added as addenda."
    if signed:
        return f"Signing in progress: {signed} of {len(ROLES)} signatures recorded."
    return "In progress: not yet signed."


def _front_page(setting: Setting, run: ChecklistRun, entries: list[ChecklistEntry], today: date) -> list[Flowable]:
    out: list[Flowable] = [
        markup(f"{esc(setting.name.strip() or 'The setting')}: annual audit for {esc(run.year)}", H2),
        field("Audit date", day(run.completed_on)),
        field("Next review", day(run.next_review)),
        field("State", _state(run)),
        heading("Summary"),
    ]
    counts = {status: 0 for status in SUMMARY_ORDER}
    for entry in entries:
        counts[entry.status] = counts.get(entry.status, 0) + 1
    width = frame_width() * 0.6
    rows = [[Paragraph(status.label, CELL), Paragraph(f"{counts[status]}", CELL)] for status in SUMMARY_ORDER]
    rows.append([Paragraph("<b>Obligations</b>", CELL), Paragraph(f"<b>{len(entries)}</b>", CELL)])
    summary = Table(rows, colWidths=[0.75 * width, 0.25 * width], hAlign="LEFT")
    summary.setStyle(
        TableStyle(
            [
                *table_basics(),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, -1), (-1, -1), SHADE),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ]
        )
    )
    out.append(summary)
    carried = sum(1 for e in entries if e.carried)
    if carried:
        out.append(
            markup(
                f"{carried} answer{'s' if carried != 1 else ''} carried from last year "
                f"{'are' if carried != 1 else 'is'} still to be confirmed.",
                SMALL,
            )
        )
    if run.evidence_lines:
        out.append(heading("From the training register"))
        out += [markup(esc(line), BODY) for line in run.evidence_lines]
    out.append(heading("Action plan"))
    out.append(_action_plan(entries, today))
    return out


def _action_plan(entries: list[ChecklistEntry], today: date) -> Flowable:
    numbered = [(n, e) for n, e in enumerate(entries, start=1) if e.action.strip()]
    if not numbered:
        return markup("No actions: every obligation assessed is met or does not apply.", BODY)
    numbered.sort(key=lambda pair: (pair[1].due is None, pair[1].due or pair[1].obligation.title))
    width = frame_width()
    rows: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", CELL) for h in ("Obligation", "Action", "Owner", "Due")]]
    for number, entry in numbered:
        rows.append(
            [
                Paragraph(f"{number}. {esc(entry.obligation.title)}", CELL),
                Paragraph(esc(entry.action), CELL),
                Paragraph(esc(entry.owner), CELL),
                Paragraph(day(entry.due) or "No date", CELL),
            ]
        )
    table = Table(rows, colWidths=[w * width for w in (0.32, 0.4, 0.14, 0.14)], repeatRows=1, hAlign="LEFT")
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


def _due(entry: ChecklistEntry, today: date) -> str:
    if entry.due is None:
        return "No date"
    late = entry.due < today and entry.status not in (ObligationStatus.MET, ObligationStatus.NOT_APPLICABLE)
    return f"{day(entry.due)}<br/><b>past due</b>" if late else day(entry.due)


def _completed(entries: Sequence[ChecklistEntry]) -> list[list[Flowable]]:
    """The year's answers as paragraphs, not a grid, so evidence of any length flows across pages whole; one block
    of flowables per obligation."""
    blocks: list[list[Flowable]] = []
    for number, entry in enumerate(entries, start=1):
        ob = entry.obligation
        out: list[Flowable] = [heading("The obligations")] if number == 1 else []
        out.append(markup(f"{number}. {esc(ob.title)}", H2))
        if ob.description.strip():
            out.append(markup(esc(ob.description), SMALL))
        status = entry.status.label
        if entry.carried:
            status += " (carried from last year; still to be confirmed)"
        out.append(markup(f"<b>Status:</b> {esc(status)}", INDENT))
        if entry.status == ObligationStatus.NOT_APPLICABLE:
            out.append(field("Why it does not apply", entry.reason, INDENT))
        out.append(field("Evidence", entry.evidence, INDENT))
        if entry.action.strip():
            out.append(field("Action", entry.action, INDENT))
            out.append(field("Owner", entry.owner, INDENT))
            out.append(field("Due date", day(entry.due), INDENT))
        if entry.notes.strip():
            out.append(field("Notes", entry.notes, INDENT))
        blocks.append(out)
    return blocks


def _addenda(run: ChecklistRun) -> list[list[Flowable]]:
    blocks: list[list[Flowable]] = []
    for number, addendum in enumerate(run.addenda):
        out: list[Flowable] = [heading("Corrections after signing")] if number == 0 else []
        out.append(
            markup(
                f"<b>{day(addendum.written_at.date())}, {esc(addendum.author.name)}:</b> {esc(addendum.change)}", BODY
            )
        )
        out.append(field("Why", addendum.reason, INDENT))
        blocks.append(out)
    return blocks


def _sign_off(run: ChecklistRun) -> list[Flowable]:
    """Signed roles print the name and date; lines to sign only for the roles still to sign."""
    signed = {s.role: s for s in run.sign_offs}
    parts: list[Flowable] = [heading("Sign-off")]
    for role in ROLES:
        sign = signed.pop(role, None)
        if sign is not None:
            parts.append(field(role, f"{sign.name}, signed {day(sign.signed_on)}" if sign.signed_on else sign.name))
    for role, sign in signed.items():  # a role this document does not name
        parts.append(field(role, sign.name))
    waiting = [role for role in ROLES if role not in {s.role for s in run.sign_offs}]
    if waiting:
        parts.append(signature_lines(waiting, frame_width()))
    return parts
