"""Every call the dashboard makes when it is shown (DESIGN §1), for the unlock figure and for its plain-SQLite floor.

One list for both sides, so the unlock ratio compares the same queries (issue 17): when a panel is added to the
dashboard, add its call here and both the figure and its floor include it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from benchmarks import connections as connection_figures
from desktop_app.services.actions import lists as action_lists
from desktop_app.services.casework import dashboard
from desktop_app.services.retention import dates as retention_dates
from desktop_app.services.transfer import log as transfer_log

PAGE = 50  # rows per dashboard list, as the dashboard asks


def dashboard_queries(s: Any, today: date) -> dict[str, Callable[[], object]]:
    """What the dashboard loads when it is shown (DESIGN §1), each as one call; ``s`` is a VaultSession or the plain
    copy's stand-in (``plain._Store``), which has the same ``uow()`` and ``vault_dir``."""
    return {
        "counts": lambda: dashboard.counts(s),
        "awaiting screening": lambda: dashboard.awaiting_screening(s, PAGE, today),
        "confirmations awaited": lambda: dashboard.confirmations_awaited(s, PAGE, today),
        "reviews due": lambda: dashboard.reviews_due(s, PAGE, today),
        "high-risk children": lambda: dashboard.high_risk_children(s, PAGE),
        "sealed concerns waiting": lambda: dashboard.sealed_waiting(s.vault_dir),
        "children missing repeatedly": connection_figures.dashboard_query(s, today, PAGE),
        "transfer receipts overdue": lambda: transfer_log.overdue_receipts(s, today, PAGE),
        "files past retention (count)": lambda: retention_dates.count_past(s, today),
        "files past retention (first page)": lambda: retention_dates.review_list(s, today, PAGE),
        "actions due (counts)": lambda: action_lists.count_due(s, today),
        "actions due (first page)": lambda: action_lists.due_actions(s, today, PAGE),
    }
