"""The body map printed in the referral summary: front and back outlines with numbered marks, then the notes; and
the list of files kept with the concern.

Drawn with ReportLab graphics from ``domain.body_outline``, the same outline the screen draws, so a mark sits on the
same part of the body on paper as on screen. No image file is used.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Ellipse, Polygon, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether

from desktop_app.domain import body_outline
from desktop_app.domain.attachments import BodyMap, BodySide, size_text
from desktop_app.domain.documents import ReferralSummary
from desktop_app.reports import fonts
from desktop_app.reports.flow import BODY, INDENT, SMALL, day, esc, heading, markup, moment, with_next

FIGURE_HEIGHT = 190.0
GAP = 60.0
CAPTION = 14.0
MARK = colors.HexColor("#b00020")
CAPTIONS = {BodySide.FRONT: "Front (facing the reader)", BodySide.BACK: "Back"}
TITLE = "Body map: where injuries were seen"


def body_map_drawing(body_map: BodyMap) -> Drawing:
    """Two outlines side by side with each mark numbered as in the notes."""
    width = FIGURE_HEIGHT * body_outline.ASPECT
    drawing = Drawing(2 * width + GAP + 40, FIGURE_HEIGHT + CAPTION + 4)
    origins = {BodySide.FRONT: 20.0, BodySide.BACK: 20.0 + width + GAP}

    def point(side: BodySide, x: float, y: float) -> tuple[float, float]:
        return origins[side] + x * width, FIGURE_HEIGHT - y * FIGURE_HEIGHT  # ReportLab's y runs upwards

    for side in BodySide:
        cx, cy, rx, ry = body_outline.HEAD
        hx, hy = point(side, cx, cy)
        outline = {"strokeColor": colors.HexColor("#404040"), "strokeWidth": 1, "fillColor": colors.HexColor("#f4f1ea")}
        drawing.add(Ellipse(hx, hy, rx * width, ry * FIGURE_HEIGHT, **outline))
        drawing.add(Polygon([c for x, y in body_outline.BODY for c in point(side, x, y)], **outline))
        drawing.add(
            String(
                origins[side] + width / 2,
                FIGURE_HEIGHT + 6,
                CAPTIONS[side],
                fontName=fonts.SANS,
                fontSize=9,
                textAnchor="middle",
            )
        )
    for number, mark in enumerate(body_map.marks, 1):
        x, y = point(mark.side, mark.x, mark.y)
        drawing.add(Circle(x, y, 6.5, strokeColor=MARK, strokeWidth=1.2, fillColor=colors.white))
        drawing.add(
            String(x, y - 3, str(number), fontName=fonts.SANS_BOLD, fontSize=8, fillColor=MARK, textAnchor="middle")
        )
    return drawing


def body_map_section(body_map: BodyMap | None) -> list[Flowable]:
    """The referral summary's body map section, kept whole on one page; nothing when no map was drawn."""
    if body_map is None or not body_map.marks:
        return []
    notes = [
        markup(f"<b>{number}.</b> {mark.side.label}: {esc(mark.note)}", INDENT)
        for number, mark in enumerate(body_map.marks, 1)
    ]
    return [
        KeepTogether(
            [
                heading(TITLE),
                body_map_drawing(body_map),
                *notes,
                markup(
                    f"Version {body_map.version}, recorded by {esc(body_map.recorded_by.name)} on "
                    f"{esc(moment(body_map.recorded_at))}. Left and right are the child's own; the front view "
                    "faces the reader, so the child's left is on the right of the picture.",
                    SMALL,
                ),
            ]
        )
    ]


def body_map_glance(body_map: BodyMap | None) -> list[tuple[str, str]]:
    """Page 1's row telling the reader injuries were marked, and where to find them."""
    if body_map is None or not body_map.marks:
        return []
    count = len(body_map.marks)
    return [("Injuries seen", f"{count} marked on the body map (see “{TITLE}”)")]


def files_section(summary: ReferralSummary) -> list[Flowable]:
    """The files kept with the concern, by what they are; the files themselves are not part of the summary."""
    if not summary.files and not summary.files_more:
        return []
    lines: list[Flowable] = [
        markup(
            f"•&nbsp;&nbsp;<b>{esc(f.description)}</b> ({esc(summary.file_kind(f.media_type))}, "
            f"{esc(size_text(f.size))}, file {esc(f.file_name)}), added {esc(day(f.added_at.date()))} by "
            f"{esc(f.added_by.name)}",
            INDENT,
        )
        for f in summary.files
    ]
    if summary.files_more:
        lines.append(markup(f"…and {summary.files_more} more, listed in Waymark with the concern.", INDENT))
    return [
        heading("Files kept with this concern"),
        with_next(
            markup(
                "These are kept, encrypted, by the school's Designated Safeguarding Lead. They are not part "
                "of this summary; ask the DSL for a copy of any you need.",
                BODY,
            )
        ),
        *lines,
    ]
