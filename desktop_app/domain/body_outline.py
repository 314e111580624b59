"""The outline of a body drawn on the body map, front and back alike, in coordinates 0..1 (across) by 0..1 (down).

One description for the screen (QPainterPath) and the printed summary (ReportLab), so a mark lands on the same part
of the body in both. The drawing area is half as wide as it is tall (``ASPECT``).
"""

from __future__ import annotations

ASPECT = 0.5  # width / height of one figure's drawing area

HEAD = (0.5, 0.07, 0.12, 0.06)  # centre x, centre y, radius across, radius down

# The viewer's right-hand half of the figure, from the neck round the arm and down the leg to the middle.
_RIGHT = (
    (0.55, 0.125),
    (0.56, 0.16),
    (0.70, 0.18),
    (0.79, 0.21),
    (0.83, 0.30),
    (0.87, 0.42),
    (0.90, 0.52),
    (0.93, 0.575),
    (0.89, 0.595),
    (0.85, 0.545),
    (0.81, 0.45),
    (0.77, 0.34),
    (0.73, 0.28),
    (0.72, 0.40),
    (0.74, 0.50),
    (0.72, 0.70),
    (0.68, 0.92),
    (0.73, 0.975),
    (0.58, 0.975),
    (0.58, 0.92),
    (0.56, 0.70),
    (0.515, 0.53),
)

BODY: tuple[tuple[float, float], ...] = _RIGHT + tuple((1 - x, y) for x, y in reversed(_RIGHT))
"""The closed outline of the neck, arms, trunk and legs (join the last point to the first)."""


def inside(x: float, y: float) -> bool:
    """Whether (x, y) is on the body: inside the head or the outline (even-odd rule)."""
    cx, cy, rx, ry = HEAD
    if ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1.0:
        return True
    hit = False
    points = BODY
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit
