"""A concern's referral log, readable in the room a laptop gives it (issue 16: its nine columns were too narrow to read,
the outcome and the written confirmation off to the side, at 100% as at 150%).

The table shows what a DSL reads at a glance (the route, who was contacted, when, the outcome, the written
confirmation), each wrapped to the width it is given; the rest of a referral (their reference, who recorded it, what was
asked for, consent) is written out in full under the table, for the referral selected or else the latest."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView

from desktop_app.ui.cells import SharedWidths
from desktop_app.ui.models import Column

# Written under the table, not in a column of their own.
BELOW = ("Their reference", "Recorded by", "Asked for", "Consent")


class ReferralLogShape(SharedWidths):
    """Arranges ``table`` (call ``arrange`` after each new model) and writes the selected referral in ``details``.

    Its columns are shared out as every wrapped table's are (``SharedWidths``, room to spare to Outcome); the table is
    then made as tall as its rows, so the page around it scrolls, not the table."""

    def __init__(self, table: QTableView, details: QLabel) -> None:
        super().__init__(table, spare_to="Outcome")
        self.details = details
        self.below: list[int] = []
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        details.setWordWrap(True)
        details.setTextFormat(Qt.TextFormat.RichText)
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details.setAccessibleName("The referral in full")

    def arrange(self, columns: list[Column]) -> None:
        self.below = [n for n, column in enumerate(columns) if column.title in BELOW]
        for n in range(len(columns)):
            self.table.setColumnHidden(n, n in self.below)
        selection = self.table.selectionModel()
        if selection is not None:
            selection.selectionChanged.connect(self.describe)
        self.fit()
        self.describe()

    def fit(self) -> None:
        super().fit()
        table = self.table
        model = table.model()
        rows = sum(table.rowHeight(r) for r in range(model.rowCount())) if model is not None else 0
        bar = table.horizontalScrollBar()
        sideways = bar.sizeHint().height() if bar.isVisible() else 0
        table.setFixedHeight(table.horizontalHeader().height() + rows + 2 * table.frameWidth() + sideways)

    def describe(self, *_args: object) -> None:
        """The selected referral (or the latest) written out: what its columns under the table hold, in full."""
        model = self.table.model()
        rows = model.rowCount() if model is not None else 0
        if model is None or not rows:
            self.details.setText("")
            self.details.setVisible(False)
            return
        selected = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        row = selected[0].row() if selected else rows - 1

        def full(column: int) -> str:
            return str(model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole) or "")

        title = ", ".join(p for p in (full(0), full(2)) if p)
        parts = [
            f"<b>{html.escape(str(model.headerData(c, Qt.Orientation.Horizontal)).replace(chr(10), ' '))}:</b> "
            f"{html.escape(full(c))}"
            for c in self.below
        ]
        which = "" if selected or rows == 1 else " (the latest; select another to read it)"
        self.details.setText(f"<b>{html.escape(title)}</b>{which} — " + " · ".join(parts))
        self.details.setVisible(True)
