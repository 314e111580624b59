"""The labels every screen builds: a wrapped note, and wrapped plain text the reader can select and copy; a button;
and the field a passphrase or password is typed into (here rather than beside the passphrase fields, so the lock
screen loads one small module for all before it is first shown).

How a widget looks is in the application style sheet (resources/style.qss), never inline: a widget is given a
``tone`` (``set_tone``: a problem, a hint, a caution…) or an object name, and the sheet says how that looks.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget


def set_tone(widget: QWidget, tone: str) -> None:
    """Give ``widget`` the look resources/style.qss gives ``[tone="…"]`` ("" for its plain look), at once if shown."""
    if (widget.property("tone") or "") == tone:
        return
    widget.setProperty("tone", tone)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def note(text: str = "", parent: QWidget | None = None, name: str = "", tone: str = "") -> QLabel:
    """A label whose text wraps. No Qt enum is touched: the lock screen builds these before its first show."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if tone:
        label.setProperty("tone", tone)
    return label


def plain_text(text: str = "", name: str = "", tone: str = "") -> QLabel:
    """A wrapped label shown as plain text (never read as HTML) that can be selected and copied."""
    from PySide6.QtCore import Qt  # not at module level: importing Qt's namespace builds ~100 enums (~20 ms)

    label = note(text, name=name, tone=tone)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return label


def button(text: str, parent: QWidget, name: str = "") -> QPushButton:
    """A push button with ``text``. Made with its parent only, then given the text: choosing among the constructor's
    overloads (one takes an icon first) makes Qt's icon type, ~2.5 ms, which the lock screen does not otherwise need
    before its first show."""
    made = QPushButton(parent)
    made.setText(text)
    if name:
        made.setObjectName(name)
    return made


def secret_field(parent: QWidget | None = None, name: str = "") -> QLineEdit:
    """A field whose text is shown as dots: for a passphrase or a password."""
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setObjectName(name)
    field.setMinimumWidth(320)
    return field
