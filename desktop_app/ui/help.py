"""Help (side bar, F1): the quick reference to print, the guidance sheet, the keyboard shortcuts and how the
screening suggestion is worked out.

The guidance sheet and the suggestion come from forms/ (``services.help``); the shortcuts are read from the actions
the main window registers, so the list is always the keys that work.
"""

from __future__ import annotations

import logging
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.wording import plural
from desktop_app.ui.a11y import name_list, spoken
from desktop_app.ui.labels import note
from desktop_app.ui.workers import describe_error

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

_log = logging.getLogger(__name__)

TOPICS = ("quick_reference", "guidance", "shortcuts", "suggestion")

# Keys every list, table and field of Waymark answers to (Qt's own behaviour and the side bar's), not registrations.
EVERYWHERE = (
    ("Tab / Shift+Tab", "Move to the next / previous control."),
    ("Space or Enter", "Press the button, or tick the box, that has the cursor."),
    ("Arrow keys", "Move within a list, a table or a group of choices."),
    ("F2", "Change the number or text in the table cell that has the cursor (for example local numbers)."),
    ("Down (in the search box)", "Go to the search results."),
    ("Esc", "Close a dialog without doing anything, or clear the search box."),
    ("Ctrl+Tab / Ctrl+Shift+Tab", "Next / previous tab, on pages with tabs (such as this one)."),
)


def keys_text(sequences: list[QKeySequence]) -> str:
    return " or ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty())


def registered_shortcuts(window: QWidget | None) -> list[tuple[str, str]]:
    """(keys, what they do) for each action or shortcut ``window`` registers, in the order registered, no repeats."""
    if window is None:
        return []
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for action in window.actions():
        keys = keys_text(action.shortcuts())
        what = spoken(action.text().replace(" & ", " && ")).rstrip("…").rstrip(".").strip()  # "Transfers & retention"
        if keys and what and keys not in seen:
            seen.add(keys)
            found.append((keys, what))
    for shortcut in window.findChildren(QShortcut):
        keys = keys_text([shortcut.key()])
        what = shortcut.whatsThis() or shortcut.objectName().replace("_", " ")
        if keys and what and keys not in seen and shortcut.isEnabled():
            seen.add(keys)
            found.append((keys, what[:1].upper() + what[1:]))
    return found


def guidance_html(sections: Any, source: str) -> str:
    parts = ["<h2>The local guidance sheet</h2>"]
    for section in sections:
        parts.append(f"<h3>{escape(section.title)}</h3>")
        if section.intro:
            parts.append(f"<p>{escape(section.intro)}</p>")
        parts.append("<ul>" + "".join(f"<li>{escape(p)}</li>" for p in section.points) + "</ul>")
    parts.append(f"<p><i>From: {escape(source)}</i></p>")
    return "".join(parts)


def suggestion_html(help_: Any) -> str:
    points = "".join(
        f"<tr><td>{escape(row.what)}</td><td align='center'>{row.current}</td>"
        f"<td align='center'>{row.earlier}</td></tr>"
        for row in help_.points
    )
    bands = "".join(
        f"<tr><td><b>{escape(row.level.label)}</b></td><td align='center'>{escape(row.points_text)}</td>"
        f"<td>{escape(row.meaning)} Review within {plural(row.review_days, 'day')}.</td></tr>"
        for row in help_.bands
    )
    return (
        "<h2>How the suggestion is worked out</h2>"
        f"<p><b>{escape(help_.judgement)}</b></p>"
        '<h3>1. Each answer of "yes" adds points</h3>'
        "<table border='1' cellpadding='4' cellspacing='0'>"
        "<tr><th align='left'>A \"yes\" to</th><th>In the last three months</th><th>Only before that</th></tr>"
        f"{points}</table>"
        + "".join(f"<p>{escape(line)}</p>" for line in help_.not_scored)
        + "<h3>2. The total points give a level</h3>"
        "<table border='1' cellpadding='4' cellspacing='0'>"
        "<tr><th align='left'>Level</th><th>Total points</th><th align='left'>What it means</th></tr>"
        f"{bands}</table>"
        "<h3>3. Some answers raise the level, whatever the points</h3>"
        "<p>These can only raise the level the points give, never lower it:</p>"
        "<ul>" + "".join(f"<li>{escape(rule)}</li>" for rule in help_.raising_rules) + "</ul>"
        "<h3>Whose numbers these are</h3>"
        f"<p>{escape(help_.whose)}</p>"
        f"<p><i>{escape(help_.title)}, version {escape(help_.version)}. From: {escape(help_.source)}</i></p>"
    )


def _browser(parent: QWidget, name: str, html: str) -> QTextBrowser:
    browser = QTextBrowser(parent)
    browser.setObjectName(name)
    browser.setOpenLinks(False)
    browser.setTabChangesFocus(True)  # Tab leaves it: it is read, not typed in
    browser.setHtml(html)
    return browser


class HelpPage(QWidget):
    """Four tabs, each readable by keyboard and screen reader."""

    def __init__(self, session: VaultSession, host: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_page")
        self.session = session
        self.host = host
        title = QLabel("Help", self)
        title.setObjectName("title")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("help_topics")
        self.tabs.setAccessibleName("Help topics")
        # short tab names, so all four show at 150% beside the side bar; each page starts with its full title
        self.tabs.addTab(self._quick_reference_tab(), "Quick reference")
        self.tabs.addTab(self._guidance_tab(), "Guidance")
        self.tabs.addTab(self._shortcuts_tab(), "Shortcuts")
        self.tabs.addTab(self._suggestion_tab(), "How the suggestion works")
        for index, full in enumerate(
            (
                "Quick reference to print",
                "The local guidance sheet",
                "Keyboard shortcuts",
                "How the suggestion is worked out",
            )
        ):
            self.tabs.setTabToolTip(index, full)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

    def show_topic(self, key: str) -> QWidget:
        self.tabs.setCurrentIndex(TOPICS.index(key))
        return self.tabs.currentWidget()

    # ----- tabs -------------------------------------------------------------------------------------------------

    def _quick_reference_tab(self) -> QWidget:
        tab = QWidget()
        intro = note(
            "One A4 page for the staff-room wall: what to do about a concern, who to tell, and this setting's local "
            "numbers. Preview it, then print it or save it.",
            tab,
        )
        self.quick_button = QPushButton("Quick reference (print or save)…", tab)
        self.quick_button.setObjectName("help_quick_reference")
        self.quick_button.clicked.connect(self.quick_reference)
        self.quick_problem = note("", tab, "error_message")
        self.quick_problem.hide()
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addWidget(self.quick_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.quick_problem)
        layout.addStretch(1)
        return tab

    def _guidance_tab(self) -> QWidget:
        from desktop_app.definitions import load_forms
        from desktop_app.services.help import guidance

        try:
            html = guidance_html(guidance.guidance_for(self.session), guidance.sheet_source(load_forms()))
        except Exception as error:
            _log.warning("the guidance sheet could not be read")
            html = f"<p>{escape(describe_error(error))}</p>"
        self.guidance = _browser(self, "help_guidance", html)
        self.guidance.setAccessibleName("The local guidance sheet")
        return self.guidance

    def _shortcuts_tab(self) -> QWidget:
        rows = registered_shortcuts(self.host) + list(EVERYWHERE)
        self.shortcuts = QTableWidget(len(rows), 2)
        self.shortcuts.setObjectName("help_shortcuts")
        name_list(self.shortcuts, "Keyboard shortcuts")
        self.shortcuts.setHorizontalHeaderLabels(["Keys", "What they do"])
        self.shortcuts.verticalHeader().hide()
        self.shortcuts.setWordWrap(True)
        self.shortcuts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.shortcuts.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.shortcuts.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for row, (keys, what) in enumerate(rows):
            self.shortcuts.setItem(row, 0, QTableWidgetItem(keys))
            self.shortcuts.setItem(row, 1, QTableWidgetItem(what))
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(
            note(
                "First the keys that work anywhere in Waymark while it is unlocked (read from its own "
                "menus), then the keys every list, table and field answers to.",
                tab,
            )
        )
        layout.addWidget(self.shortcuts, 1)
        return tab

    def _suggestion_tab(self) -> QWidget:
        from desktop_app.definitions import load_forms
        from desktop_app.services.help import suggestion

        try:
            html = suggestion_html(suggestion.how_the_suggestion_works(load_forms()))
        except Exception as error:
            _log.warning("the screening definition could not be read")
            html = f"<p>{escape(describe_error(error))}</p>"
        self.suggestion = _browser(self, "help_suggestion", html)
        self.suggestion.setAccessibleName("How the suggested level is worked out")
        return self.suggestion

    def shortcut_rows(self) -> list[tuple[str, str]]:
        def text(row: int, column: int) -> str:
            item = self.shortcuts.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1)) for r in range(self.shortcuts.rowCount())]

    # ----- actions ----------------------------------------------------------------------------------------------

    def quick_reference(self) -> Any:
        """The staff quick reference the Documents page offers: preview, print or save (each audited), from Help."""
        from desktop_app.domain.documents import DocumentKind
        from desktop_app.errors import UserFacingError
        from desktop_app.services import documents
        from desktop_app.ui.documents import DocumentDialog
        from desktop_app.ui.record_windows import RECORDS_PROPERTY

        try:
            pdf, document_id, title = documents.render_quick_reference(self.session)
        except UserFacingError as error:
            self.quick_problem.setText(error.sentence)
            self.quick_problem.show()
            return None
        self.quick_problem.hide()
        on_print, on_save = documents.actions(self.session, pdf, document_id, DocumentKind.QUICK_REFERENCE)
        dialog = DocumentDialog(self.window(), title, pdf, on_print, on_save, suggested_name="Quick reference.pdf")
        dialog.setProperty(RECORDS_PROPERTY, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()
        return dialog
