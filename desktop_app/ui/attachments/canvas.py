"""The body map picture: front and back outlines drawn with QPainterPath (no image file), numbered marks on them."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.domain import body_outline
from desktop_app.domain.attachments import BodyMark, BodySide

CAPTION = {BodySide.FRONT: "Front (facing you)", BodySide.BACK: "Back"}
SHORT_CAPTION = {BodySide.FRONT: "Front", BodySide.BACK: "Back"}  # when the picture is small
MARK_COLOUR = QColor("#b00020")


def outline_path(area: QRectF) -> QPainterPath:
    """The outline of ``body_outline`` scaled into ``area``."""
    path = QPainterPath()
    cx, cy, rx, ry = body_outline.HEAD
    path.addEllipse(
        QPointF(area.left() + cx * area.width(), area.top() + cy * area.height()), rx * area.width(), ry * area.height()
    )
    points = [QPointF(area.left() + x * area.width(), area.top() + y * area.height()) for x, y in body_outline.BODY]
    path.moveTo(points[0])
    for point in points[1:]:
        path.lineTo(point)
    path.closeSubpath()
    return path


class BodyMapCanvas(QWidget):
    """Emits ``placed(side, x, y)`` when the body is clicked (when ``editable``); clicks beside the body are ignored."""

    placed = Signal(str, float, float)

    def __init__(self, parent: QWidget | None = None, editable: bool = False) -> None:
        super().__init__(parent)
        self.editable = editable
        self.marks: list[BodyMark] = []
        self.chosen = -1
        self.setObjectName("body_map_picture")
        self.setAccessibleName("Body map picture, front and back")
        self.setAccessibleDescription("The marks on the picture are listed, numbered, beside it.")
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        if editable:
            self.setCursor(Qt.CursorShape.CrossCursor)
            self.setToolTip("Click where the injury was seen to place a numbered mark.")

    def sizeHint(self) -> QSize:
        return QSize(420, 440)

    def set_marks(self, marks: list[BodyMark], chosen: int = -1) -> None:
        self.marks = list(marks)
        self.chosen = chosen
        self.update()

    def figure_areas(self) -> dict[BodySide, QRectF]:
        caption = self.fontMetrics().height() + 6
        height = max(10.0, self.height() - caption - 8)
        width = height * body_outline.ASPECT
        gap = 24.0
        if 2 * width + gap > self.width() - 8:
            width = max(10.0, (self.width() - 8 - gap) / 2)
            height = width / body_outline.ASPECT
        left = (self.width() - (2 * width + gap)) / 2
        return {
            BodySide.FRONT: QRectF(left, caption, width, height),
            BodySide.BACK: QRectF(left + width + gap, caption, width, height),
        }

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        areas = self.figure_areas()
        for side, area in areas.items():
            painter.setPen(QColor("#202020"))
            room = QRectF(area.left() - 12, 0, area.width() + 24, area.top())
            fits = self.fontMetrics().horizontalAdvance(CAPTION[side]) <= room.width()
            painter.drawText(room, Qt.AlignmentFlag.AlignCenter, CAPTION[side] if fits else SHORT_CAPTION[side])
            painter.setPen(QPen(QColor("#404040"), 1.6))
            painter.setBrush(QColor("#f4f1ea"))
            painter.drawPath(outline_path(area))
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        radius = max(7.0, self.fontMetrics().height() * 0.62)
        narrowest = min(area.width() for area in areas.values())
        if radius > narrowest * 0.13:  # a small picture: smaller marks, so they do not hide the body
            radius = max(6.0, narrowest * 0.13)
            font.setPixelSize(max(7, round(radius * 1.3)))
            painter.setFont(font)
        for number, mark in enumerate(self.marks, 1):
            area = areas[mark.side]
            centre = QPointF(area.left() + mark.x * area.width(), area.top() + mark.y * area.height())
            chosen = number - 1 == self.chosen
            painter.setPen(QPen(QColor("#000000") if chosen else MARK_COLOUR, 3 if chosen else 1.5))
            painter.setBrush(QColor("#ffffff"))
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(MARK_COLOUR)
            painter.drawText(
                QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                Qt.AlignmentFlag.AlignCenter,
                str(number),
            )
        painter.end()

    def point_at(self, position: QPointF) -> tuple[BodySide, float, float] | None:
        """The side and normalised point under ``position``, if it is on the body."""
        for side, area in self.figure_areas().items():
            if area.contains(position):
                x = (position.x() - area.left()) / area.width()
                y = (position.y() - area.top()) / area.height()
                if body_outline.inside(x, y):
                    return side, round(x, 4), round(y, 4)
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.editable or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        found = self.point_at(event.position())
        if found is not None:
            side, x, y = found
            self.placed.emit(str(side), x, y)
