"""The dashboard's "missing repeatedly" panel: children with repeated missing episodes in the period forms/ sets
(forms/missing_episodes.toml), most episodes first; a row opens the child's file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop_app.services.child import missing, sharing
from desktop_app.ui.models import Column, RecordsModel
from desktop_app.ui.panel import Panel

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

PAGE = 50


def repeated_missing_panel(dashboard: QWidget) -> Panel:
    at_least, days, _meaning = missing.repeated_threshold()
    panel = Panel(
        f"Children missing repeatedly ({at_least} or more episodes in {days} days)",
        "No child has gone missing repeatedly.",
        "repeatedly_missing",
        dashboard,
    )
    share = QPushButton(f"Share with {sharing.recipient()}…", panel)
    share.setObjectName("share_with_specialist")
    share.setToolTip("Choose children and a period, preview exactly what will be shared, then save it encrypted")
    share.clicked.connect(lambda: open_sharing(dashboard))
    layout = panel.layout()
    assert isinstance(layout, QVBoxLayout)
    row = QHBoxLayout()
    row.addWidget(share)
    row.addStretch(1)
    layout.addLayout(row)
    panel.share_button = share  # type: ignore[attr-defined]
    return panel


def show_repeated_missing(panel: Any, session: VaultSession) -> None:
    panel.show_model(
        RecordsModel(
            [
                Column("Child", lambda r: r.child_name),
                Column("Episodes", lambda r: str(r.episodes), align_right=True),
                Column("Latest", lambda r: r.latest.astimezone().strftime("%d %b %Y")),
            ],
            lambda limit: missing.repeatedly_missing(session, limit),
            PAGE,
            parent=panel,
        ),
        missing.count_repeatedly_missing(session),
    )


def open_sharing(dashboard: Any) -> Any:
    from desktop_app.ui.connections.sharing import SharingDialog

    model = dashboard.missing.list.model()
    preselected = [(r.child_id, r.child_name) for r in model.records()] if model is not None else []
    dialog = SharingDialog(dashboard.window(), dashboard.session, preselected)
    dashboard._keep(dialog)
    dialog.show()
    return dialog
