"""The child file: the children list, each child's file (sections as tabs), the chronology, the MIS import.

Entry points for other screens (the side bar, the dashboard, search results):
``children_page(session, host)``, ``child_file_page(session, host, child_id)``, ``open_child(host, session, id)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from desktop_app.ui.record_windows import mark_shows_records

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession


def children_page(session: VaultSession, host: Any) -> QWidget:
    from desktop_app.ui.child.children import ChildrenPage

    return ChildrenPage(session, host=host)


def child_file_page(session: VaultSession, host: Any, child_id: int) -> QWidget:
    from desktop_app.ui.child.file import ChildFilePage

    return ChildFilePage(session, child_id, host=host)


def _show(host: Any, page: QWidget) -> QWidget:
    if host is not None and hasattr(host, "show_page"):
        host.show_page(page)
    else:  # no main window (a tool or a test): a window of its own
        mark_shows_records(page)
        page.show()
    return page


def open_child(host: Any, session: VaultSession, child_id: int) -> QWidget:
    """Show a child's file: through the main window (``host.open_child``) when there is one, else in ``host``
    (``show_page``) or a window of its own."""
    if host is not None and hasattr(host, "open_child"):
        page: QWidget = host.open_child(child_id)
        return page
    return _show(host, child_file_page(session, host, child_id))


def show_children(host: Any, session: VaultSession) -> QWidget:
    """The children list: the side bar's "Children" in the main window, else shown in ``host`` or on its own."""
    if host is not None and hasattr(host, "navigate"):
        page: QWidget | None = host.navigate("children")
        if page is not None:
            return page
    return _show(host, children_page(session, host))
