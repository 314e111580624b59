"""The side bar's destinations, as data: each engineer fills their own entry's ``factory`` when their page exists.

A destination whose ``factory`` is empty (and that nobody ``register``-ed at run time) is not shown at all: the side
bar never offers a placeholder screen. A factory is ``"package.module:callable"`` (imported only when first opened,
so start-up stays quick) taking ``(session, host)`` and returning the page widget; ``host`` is the main window
(``show_page``, ``navigate``, ``open_concern``, ``open_child``, ``session``).

``OPENERS`` are the same idea for one record: ``open_child`` is filled by the child-file engineer with a callable
``(session, host, child_id) -> QWidget`` (the page to show); until then a child found by search shows its concerns.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

PageFactory = Callable[[Any, Any], Any]

# On a page: the key of the side bar entry it is shown under (the main window highlights that entry).
NAV_PROPERTY = "waymark_nav"


@dataclass(frozen=True, slots=True)
class Destination:
    key: str
    title: str  # what the side bar says
    description: str  # said by a screen reader, and shown as the tool tip
    factory: str = ""  # "module:callable" (session, host) -> QWidget; empty while the page is not built
    shortcut: str = ""  # e.g. "Ctrl+1"


DESTINATIONS: tuple[Destination, ...] = (
    Destination(
        "dashboard",
        "Dashboard",
        "What is waiting: concerns to screen, reviews, confirmations, high risk.",
        "desktop_app.ui.dashboard:DashboardPage",
        "Ctrl+1",
    ),
    # Children: the child-file engineer's list of children and each child's file.
    Destination(
        "children",
        "Children",
        "Every child on file, and each child's chronology.",
        "desktop_app.ui.child:children_page",
        "Ctrl+2",
    ),
    # Audit: the annual audit engineer's obligations checklist.
    Destination(
        "audit",
        "Audit",
        "The setting's yearly audit of its duties, sign-off, last year beside it, training register, CE Lead.",
        "desktop_app.ui.audit:AuditPage",
        "Ctrl+3",
    ),
    # Documents: the documents engineer's page of printable documents.
    Destination(
        "documents",
        "Documents",
        "Documents to print or save: quick reference, blank checklist.",
        "desktop_app.ui.documents_page:DocumentsPage",
        "Ctrl+4",
    ),
    # Transfers & retention: the transfer engineer's page.
    Destination(
        "transfers",
        "Transfers & retention",
        "Send a child's file to a new setting, receive one, and records past their retention date.",
        "desktop_app.ui.transfer.page:TransfersPage",
        "Ctrl+5",
    ),
    Destination(
        "settings",
        "Settings",
        "People, passphrase, local numbers, auto-lock, backup, recovery key.",
        "desktop_app.ui.settings:SettingsPage",
        "Ctrl+,",
    ),
    Destination(
        "help",
        "Help",
        "Quick reference, guidance, keyboard shortcuts and how the suggestion is worked out.",
        "desktop_app.ui.help:HelpPage",
        "F1",
    ),
)

# One record opened from anywhere (search results, lists): "module:callable" (session, host, record_id) -> QWidget.
OPENERS: dict[str, str] = {
    "child": "desktop_app.ui.child:child_file_page",  # (session, host, child_id) -> the child's file page
}

_registered: dict[str, PageFactory] = {}
_registered_openers: dict[str, Callable[[Any, Any, int], Any]] = {}


def register(key: str, factory: PageFactory) -> None:
    """Give a destination its page at run time (tests, plug-ins); wins over the entry's own ``factory``."""
    destination(key)  # refuses an unknown key
    _registered[key] = factory


def unregister(key: str) -> None:
    _registered.pop(key, None)


def register_opener(kind: str, opener: Callable[[Any, Any, int], Any]) -> None:
    _registered_openers[kind] = opener


def unregister_opener(kind: str) -> None:
    _registered_openers.pop(kind, None)


def destination(key: str) -> Destination:
    for entry in DESTINATIONS:
        if entry.key == key:
            return entry
    raise KeyError(f"no destination {key!r} in the side bar")


def _load(path: str) -> Any:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


def factory(key: str) -> PageFactory | None:
    """The page builder of a destination, or None while that page is not built."""
    if key in _registered:
        return _registered[key]
    path = destination(key).factory
    return _load(path) if path else None


def opener(kind: str) -> Callable[[Any, Any, int], Any] | None:
    if kind in _registered_openers:
        return _registered_openers[kind]
    path = OPENERS.get(kind, "")
    return _load(path) if path else None


def available() -> tuple[Destination, ...]:
    """The destinations the side bar shows, in order: only those whose page exists."""
    return tuple(d for d in DESTINATIONS if d.key in _registered or d.factory)


def belongs_to(page: Any, key: str) -> Any:
    """Show ``page`` under the side bar entry ``key`` however it is opened (a child's file is under Children
    whether opened from the list, the dashboard or a search). A page under no entry (search results) leaves none
    highlighted."""
    destination(key)  # refuses an unknown key
    page.setProperty(NAV_PROPERTY, key)
    return page
