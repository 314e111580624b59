"""Windows that show records carry a Qt property, so locking the vault can find and close every one of them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

RECORDS_PROPERTY = "waymark_shows_records"  # set True on any top-level window that shows records


def mark_shows_records(widget: QWidget) -> None:
    """The main window closes this window when the vault locks."""
    widget.setProperty(RECORDS_PROPERTY, True)
