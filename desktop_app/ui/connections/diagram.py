"""A simple drawn diagram of a child's connections: the child in the middle; linked children, adults and places
round them; children linked to the same adult or place on an outer ring. Lines are painted (QPainter); every node is
a real button, so Tab reaches each one, a screen reader says its name, and Enter opens a linked child's file. The
list beside it says the same in words (the accessible equivalent)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from desktop_app.domain.connections import ChildConnections

# Kind of node -> (fill, border); the kind is also said in words on every node, so colour is never the only signal.
COLOURS = {
    "self": ("#1f4e79", "#1f4e79"),
    "child": ("#e8f1fb", "#1f4e79"),
    "adult": ("#fde2e1", "#8a1c14"),
    "place": ("#fff4d6", "#7a4a00"),
    "shared": ("#f1f1f1", "#505050"),
}


SHARED_SHOWN = 5  # children drawn round one adult or place; the list names the rest


@dataclass(frozen=True, slots=True)
class Node:
    key: str
    kind: str  # self | child | adult | place | shared
    text: str  # on the node
    spoken: str  # what a screen reader says
    child_id: int | None = None
    parent_key: str = ""  # the node it hangs from ("" for the middle)
    line_label: str = ""  # said on the line (a linked child's own role)


def nodes_for(connections: ChildConnections) -> list[Node]:
    """The diagram's nodes, plain data (tested without drawing)."""
    me = Node(
        "self", "self", connections.child_name, f"{connections.child_name}, whose file this is", connections.child_id
    )
    nodes = [me]
    seen_children: set[int] = {connections.child_id}
    for link in connections.named_in_own_concerns:
        key = f"child:{link.linked_child_id}" if link.linked_child_id is not None else f"link:{link.link_id}"
        if any(n.key == key for n in nodes):
            continue
        role = link.role.label.lower()
        nodes.append(
            Node(
                key,
                "child",
                link.linked_name,
                f"Child {link.linked_name}, {role} in concern {link.concern_reference}"
                + (
                    ". Press Enter to open their file"
                    if link.linked_child_id is not None
                    else ", not matched to a child on file"
                ),
                link.linked_child_id,
                "self",
                role,
            )
        )
        if link.linked_child_id is not None:
            seen_children.add(link.linked_child_id)
    for link in connections.named_in_others_concerns:
        key = f"child:{link.subject_child_id}"
        if any(n.key == key for n in nodes):
            continue
        role = link.role.label.lower()
        nodes.append(
            Node(
                key,
                "child",
                link.subject_name,
                f"Child {link.subject_name}: concern {link.concern_reference} about them names "
                f"{connections.child_name} as {role}. Press Enter to open their file",
                link.subject_child_id,
                "self",
                f"their concern names this child as {role}",
            )
        )
        seen_children.add(link.subject_child_id)
    shared: list[Node] = []
    for kind, items in (("adult", connections.adults), ("place", connections.places)):
        for item in items:
            record = item.adult if kind == "adult" else item.place  # type: ignore[union-attr]
            record_id = record.adult_id if kind == "adult" else record.place_id  # type: ignore[union-attr]
            others = len(item.children) + item.more
            also = f", also linked to {others} other child{'ren' if others != 1 else ''}" if others else ""
            what = "Adult of concern" if kind == "adult" else "Place"
            key = f"{kind}:{record_id}"
            nodes.append(Node(key, kind, f"{record.name}\n{what.lower()}", f"{what} {record.name}{also}", None, "self"))
            for child in item.children[:SHARED_SHOWN]:
                shared_key = f"shared:{key}:{child.child_id}"
                shared.append(
                    Node(
                        shared_key,
                        "shared",
                        child.name,
                        f"Child {child.name}, also linked to {record.name}. Press Enter to open their file",
                        child.child_id,
                        key,
                    )
                )
            hidden = len(item.children) - SHARED_SHOWN + item.more
            if hidden > 0:
                shared.append(
                    Node(
                        f"more:{key}",
                        "shared",
                        f"and {hidden} more",
                        f"{hidden} more children linked to {record.name}: they are named in the list",
                        None,
                        key,
                    )
                )
    return nodes + shared


class NodeButton(QPushButton):
    def __init__(self, node: Node, parent: QWidget) -> None:
        super().__init__(node.text, parent)
        self.node = node
        self.setObjectName(f"node_{node.key}")
        self.setAccessibleName(node.spoken)
        self.setToolTip(node.spoken)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("node", node.kind)  # its colours: resources/style.qss, QPushButton[node=…]
        if node.kind == "self":
            font = QFont(self.font())
            font.setBold(True)
            self.setFont(font)
        self.adjustSize()


class ConnectionsDiagram(QWidget):
    """``child_chosen(child_id)`` when a linked child's node is pressed (Enter, Space or a click)."""

    child_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connections_diagram")
        self.setAccessibleName("Connections diagram")
        self.setAccessibleDescription(
            "Each linked child, adult and place is a button: press Tab to move between "
            "them. The list beside it says the same in words."
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(420, 320)
        self.buttons: dict[str, NodeButton] = {}
        self._nodes: list[Node] = []

    def sizeHint(self) -> QSize:
        return QSize(640, 460)

    def show_connections(self, connections: ChildConnections) -> None:
        for button in self.buttons.values():
            button.hide()  # at once: the deletion itself waits for the event loop
            button.deleteLater()
        self.buttons = {}
        self._nodes = nodes_for(connections)
        previous: QWidget | None = None
        for node in self._nodes:
            button = NodeButton(node, self)
            if node.child_id is not None and node.kind != "self":
                button.clicked.connect(self._chosen(node.child_id))
            button.show()
            self.buttons[node.key] = button
            if previous is not None:
                QWidget.setTabOrder(previous, button)
            previous = button
        self._place()
        self.update()

    def _chosen(self, child_id: int) -> Callable[[], None]:
        return lambda: self.child_chosen.emit(child_id)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        """The middle node at the centre, its neighbours on a ring, shared children on an outer ring beside their
        adult or place."""
        if not self._nodes:
            return
        centre = QPointF(self.width() / 2, self.height() / 2)
        inner = [n for n in self._nodes if n.parent_key == "self"]
        outer = [n for n in self._nodes if n.parent_key not in ("", "self")]
        rx, ry = self.width() * 0.27, self.height() * 0.27
        angles: dict[str, float] = {}
        for i, node in enumerate(inner):
            angle = 2 * math.pi * i / max(1, len(inner)) - math.pi / 2
            angles[node.key] = angle
            self._move(node.key, QPointF(centre.x() + rx * math.cos(angle), centre.y() + ry * math.sin(angle)))
        by_parent: dict[str, list[Node]] = {}
        for node in outer:
            by_parent.setdefault(node.parent_key, []).append(node)
        for parent, children in by_parent.items():
            base = angles.get(parent, 0.0)
            spread = min(0.9, 2.4 / max(1, len(inner)))
            for j, node in enumerate(children):
                offset = (j - (len(children) - 1) / 2) * (
                    spread / max(1, len(children) - 1) if len(children) > 1 else 0
                )
                angle = base + offset
                self._move(
                    node.key,
                    QPointF(centre.x() + rx * 1.75 * math.cos(angle), centre.y() + ry * 1.65 * math.sin(angle)),
                )
        self._move("self", centre)

    def _move(self, key: str, point: QPointF) -> None:
        button = self.buttons.get(key)
        if button is None:
            return
        x = min(max(0.0, point.x() - button.width() / 2), max(0.0, self.width() - button.width()))
        y = min(max(0.0, point.y() - button.height() / 2), max(0.0, self.height() - button.height()))
        button.move(int(x), int(y))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        for node in self._nodes:
            if not node.parent_key or node.parent_key not in self.buttons or node.key not in self.buttons:
                continue
            start = QRectF(self.buttons[node.parent_key].geometry()).center()
            end = QRectF(self.buttons[node.key].geometry()).center()
            colour = QColor(COLOURS[node.kind][1])
            pen = QPen(colour, 2, Qt.PenStyle.DashLine if node.kind == "shared" else Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.drawLine(start, end)
            if node.line_label:
                middle = (start + end) / 2
                painter.setPen(QColor("#1a1a1a"))
                metrics = painter.fontMetrics()
                width = metrics.horizontalAdvance(node.line_label) + 8
                box = QRectF(middle.x() - width / 2, middle.y() - metrics.height() / 2 - 1, width, metrics.height() + 2)
                painter.fillRect(box, QColor(255, 255, 255, 230))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, node.line_label)
        painter.end()
