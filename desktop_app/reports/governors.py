"""The annual summary for governors (DESIGN §7): aggregates only, charts with their numbers beside them.

No child is named and no record's words appear: every figure is a count. Counts from 1 to 4 print as "fewer than 5"
(the report's ``suppress_below``), in the tables and on the charts alike, and a chart draws no bar for them, so its
height cannot give the number away. Where a row prints its total and the hidden counts add up to less than 5, the
smallest counts still shown are hidden too (as "5 or more"), so the total cannot be used to work them out.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from desktop_app.domain.audit import (
    AuditStatus,
    GovernorsReport,
    MonthlyCounts,
    Tally,
    shown_count,
    suppressed_cells,
)
from desktop_app.domain.documents import DocumentKind, DocumentMeta
from desktop_app.reports import fonts
from desktop_app.reports.flow import BODY, CELL, RULE, SHADE, SMALL, TITLE, day, esc, heading, markup, table_basics
from desktop_app.reports.template import build_pdf, frame_width

BAR = colors.HexColor("#3d6a8f")
_CELL_NUM = CELL.clone("CellNumber", fontSize=7.5, leading=9, alignment=2)
_CELL_HEAD = CELL.clone("CellHead", fontSize=7.5, leading=9)


def governors_report_pdf(report: GovernorsReport, meta: DocumentMeta) -> bytes:
    below = report.suppress_below
    year = report.year
    story: list[Flowable] = [
        markup(f"Governors' report: child exploitation, {year}", TITLE),
        markup(
            f"{esc(report.setting_name)}. The academic year from {day(year.first_day)} to {day(year.last_day)}.", BODY
        ),
        markup(
            f"No child is named in this report and no record is quoted: every figure is a count. Counts from 1 "
            f"to {below - 1} are shown as \u201cfewer than {below}\u201d so that no child can be recognised; where "
            f"a total would give such a count away, another count is shown only as \u201c{below} or more\u201d.",
            SMALL,
        ),
    ]
    story += _monthly_chart(report.concerns_by_month, below)
    for monthly in (report.by_category, report.by_level, report.by_route):
        story += _monthly_section(monthly, below)
    story += _tally_section(report.referral_outcomes, below, chart=False)
    story += _missing(report)
    story += _audit(report)
    story += _training(report)
    return build_pdf(
        story,
        meta,
        title=f"{DocumentKind.GOVERNORS_REPORT.label}: {year}",
        subject="Child exploitation: the year in numbers",
        wide=True,
    )


def _month_names(monthly: MonthlyCounts) -> list[str]:
    return [f"{m:%b}" for m in monthly.months]


def _bar_chart(
    labels: list[str], values: list[int], shown: list[str], width: float, height: float, horizontal: bool, below: int
) -> Drawing:
    drawing = Drawing(width, height)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    left = 150 if horizontal else 30
    chart.x, chart.y = left, 20
    chart.width, chart.height = width - left - 70, height - 35
    # A hidden count draws no bar: its height would tell the number.
    chart.data = [[v if text.isdigit() else 0 for v, text in zip(values, shown, strict=True)]]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = fonts.SANS
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = fonts.SANS
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    top = max([v for v, text in zip(values, shown, strict=True) if text.isdigit()] + [below])
    chart.valueAxis.valueMax = top * 1.2
    chart.valueAxis.valueStep = max(1, round(top / 4))
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "values"
    chart.barLabelArray = [shown]
    chart.barLabels.fontName = fonts.SANS
    chart.barLabels.fontSize = 7
    if horizontal:
        chart.categoryAxis.reverseDirection = True
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
    else:
        chart.barLabels.boxAnchor = "s"
        chart.barLabels.dy = 2
    drawing.add(chart)
    return drawing


def _monthly_chart(monthly: MonthlyCounts, below: int) -> list[Flowable]:
    values = list(monthly.counts[0])
    shown = list(suppressed_cells(tuple(values), below))
    total = sum(values)
    chart = _bar_chart(
        _month_names(monthly),
        values,
        [s if s != "0" else "" for s in shown],
        frame_width(wide=True) * 0.62,
        60 * mm,
        horizontal=False,
        below=below,
    )
    rows = [[Paragraph("<b>Month</b>", CELL), Paragraph("<b>Concerns</b>", CELL)]]
    rows += [[Paragraph(f"{m:%B %Y}", CELL), Paragraph(s, CELL)] for m, s in zip(monthly.months, shown, strict=True)]
    rows.append([Paragraph("<b>The year</b>", CELL), Paragraph(f"<b>{shown_count(total, below)}</b>", CELL)])
    numbers = _table(rows, [0.2, 0.14])
    return [
        heading("Concerns recorded, month by month"),
        Table(
            [[chart, numbers]],
            colWidths=[frame_width(wide=True) * 0.64, frame_width(wide=True) * 0.36],
            style=[*table_basics(), ("VALIGN", (0, 0), (-1, -1), "TOP")],
            hAlign="LEFT",
        ),
    ]


def _monthly_section(monthly: MonthlyCounts, below: int) -> list[Flowable]:
    months = _month_names(monthly)
    header = [
        Paragraph("", _CELL_HEAD),
        *(Paragraph(f"<b>{m}</b>", _CELL_NUM) for m in months),
        Paragraph("<b>Year</b>", _CELL_NUM),
    ]
    rows = [header]
    totals = []
    for label, counts in zip(monthly.labels, monthly.counts, strict=True):
        total = sum(counts)
        totals.append((label, total))
        cells = (*suppressed_cells(counts, below), shown_count(total, below))
        rows.append([Paragraph(esc(label), _CELL_HEAD), *(Paragraph(c, _CELL_NUM) for c in cells)])
    width = frame_width(wide=True)
    label_share = 0.22
    month_share = (1 - label_share - 0.07) / 12
    table = Table(
        rows, colWidths=[label_share * width, *([month_share * width] * 12), 0.07 * width], repeatRows=1, hAlign="LEFT"
    )
    table.setStyle(
        TableStyle(
            [
                *table_basics(),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    tally = Tally(monthly.title, tuple(totals))
    chart = _tally_section(tally, below, chart=True, title=f"{monthly.title}, month by month and the year")
    return [KeepTogether([*chart, table])]


def _tally_section(tally: Tally, below: int, chart: bool, title: str | None = None) -> list[Flowable]:
    labels = [label for label, _ in tally.rows]
    values = [count for _, count in tally.rows]
    shown = [shown_count(v, below) for v in values]
    rows = [[Paragraph(esc(label), CELL), Paragraph(s, CELL)] for label, s in zip(labels, shown, strict=True)]
    numbers = _table(rows, [0.26, 0.1])
    head = heading(title or tally.title)
    if not chart:
        return [KeepTogether([head, numbers])]
    # The chart's labels say what a hidden count is; its bars are drawn only for counts that are shown.
    height = max(35 * mm, (len(labels) * 7 + 12) * mm / 1.6)
    drawing = _bar_chart(labels, values, shown, frame_width(wide=True) * 0.6, height, horizontal=True, below=below)
    both = Table(
        [[drawing, numbers]],
        colWidths=[frame_width(wide=True) * 0.62, frame_width(wide=True) * 0.38],
        style=[*table_basics(), ("VALIGN", (0, 0), (-1, -1), "TOP")],
        hAlign="LEFT",
    )
    return [head, both]


def _table(rows: list[list[Paragraph]], shares: list[float]) -> Table:
    width = frame_width(wide=True)
    table = Table(rows, colWidths=[s * width for s in shares], hAlign="LEFT")
    table.setStyle(
        TableStyle([*table_basics(), ("GRID", (0, 0), (-1, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return table


def _missing(report: GovernorsReport) -> list[Flowable]:
    if report.missing_episodes is None:
        return [heading("Missing episodes"), markup("Missing episodes are not recorded in this vault.", BODY)]
    return _monthly_section(report.missing_episodes, report.suppress_below)


def _audit(report: GovernorsReport) -> list[Flowable]:
    out: list[Flowable] = [heading("The annual audit of the setting's duties")]
    record = report.audit
    if record is None:
        return [*out, markup(f"The {report.year} audit has not been started.", BODY)]
    if record.closed:
        state = "signed by the DSL, the head teacher and the safeguarding governor, and closed"
    elif record.sign_offs:
        state = f"being signed ({len(record.sign_offs)} of 3 signatures)"
    else:
        state = "in progress"
    dated = f" Audit date {day(record.audit_date)}." if record.audit_date else ""
    review = f" Next review {day(record.next_review)}." if record.next_review else ""
    out.append(markup(f"The {report.year} audit is {state}.{dated}{review}", BODY))
    counts = record.counts()
    rows = [[Paragraph(s.label, CELL), Paragraph(str(counts[s]), CELL)] for s in AuditStatus]
    out.append(_table(rows, [0.26, 0.1]))
    actions = record.actions()
    if actions:
        out.append(markup(f"<b>Actions ({len(actions)})</b>", BODY))
        action_rows = [[Paragraph(f"<b>{h}</b>", CELL) for h in ("Obligation", "Action", "Owner", "Due")]]
        for answer in actions:
            action_rows.append(
                [
                    Paragraph(esc(answer.title), CELL),
                    Paragraph(esc(answer.form.action), CELL),
                    Paragraph(esc(answer.form.owner), CELL),
                    Paragraph(day(answer.form.due), CELL),
                ]
            )
        table = Table(
            action_rows,
            colWidths=[w * frame_width(wide=True) for w in (0.3, 0.44, 0.14, 0.12)],
            repeatRows=1,
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    *table_basics(),
                    ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                    ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        out.append(table)
    else:
        out.append(markup("The audit has no actions outstanding.", BODY))
    return out


def _training(report: GovernorsReport) -> list[Flowable]:
    figures = report.training
    out: list[Flowable] = [heading("Staff training")]
    if figures is None:
        return [*out, markup("No training register is kept in this vault.", BODY)]
    out.append(markup(esc(figures.sentence()) + f" (on {day(figures.on)}).", BODY))
    out.append(
        markup(
            f"{figures.due_or_overdue} member{'s' if figures.due_or_overdue != 1 else ''} of staff "
            f"{'have' if figures.due_or_overdue != 1 else 'has'} training due, overdue or not recorded.",
            BODY,
        )
    )
    out.append(markup(esc(figures.lead_sentence()) + ".", BODY))
    return out
