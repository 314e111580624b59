"""The body map printed in the referral summary: front and back outlines with numbered marks, then the notes.

Drawn with ReportLab graphics from ``domain.body_outline``, the same outline the screen draws, so a mark sits on the
same part of the body on paper as on screen. No image file is used.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Ellipse, Polygon, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether

from desktop_app.domain import body_outline
from desktop_app.domain.attachments import BodyMap, BodySide
from desktop_app.reports import fonts
from desktop_app.reports.flow import BODY, SMALL, esc, heading, markup, moment

FIGURE_HEIGHT = 190.0
GAP = 60.0
CAPTION = 14.0
MARK = colors.HexColor("#b00020")
CAPTIONS = {BodySide.FRONT: "Front (facing the reader)", BodySide.BACK: "Back"}


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
        outline = {"strokeColor": colors.HexColor("#404040"), "strokeWidth": 1,
                   "fillColor": colors.HexColor("#f4f1ea")}
        drawing.add(Ellipse(hx, hy, rx * width, ry * FIGURE_HEIGHT, **outline))
        drawing.add(Polygon([c for x, y in body_outline.BODY for c in point(side, x, y)], **outline))
        drawing.add(String(origins[side] + width / 2, FIGURE_HEIGHT + 6, CAPTIONS[side], fontName=fonts.SANS,
                           fontSize=9, textAnchor="middle"))
    for number, mark in enumerate(body_map.marks, 1):
        x, y = point(mark.side, mark.x, mark.y)
        drawing.add(Circle(x, y, 6.5, strokeColor=MARK, strokeWidth=1.2, fillColor=colors.white))
        drawing.add(String(x, y - 3, str(number), fontName=fonts.SANS_BOLD, fontSize=8, fillColor=MARK,
                           textAnchor="middle"))
    return drawing


def body_map_section(body_map: BodyMap | None) -> list[Flowable]:
    """The referral summary's "Body map" section, or nothing when no map was drawn."""
    if body_map is None or not body_map.marks:
        return []
    notes = [markup(f"<b>{number}.</b> {mark.side.label}: {esc(mark.note)}", BODY)
             for number, mark in enumerate(body_map.marks, 1)]
    return [
        heading("Body map: where injuries were seen"),
        KeepTogether([
            body_map_drawing(body_map),
            *notes,
            markup(f"Version {body_map.version}, recorded by {esc(body_map.recorded_by.name)} on "
                   f"{moment(body_map.recorded_at)}. Left and right are the child's own.", SMALL),
        ]),
    ]
