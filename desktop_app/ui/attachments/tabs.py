"""The concern view's tabs below the record: the referral log, then the concern's files and its body map."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop_app.ui.attachments.body_map import BodyMapSection
from desktop_app.ui.attachments.section import AttachmentsSection


def concern_tabs(view: Any, referral_log: QWidget) -> QTabWidget:
    """A tab widget holding ``referral_log`` and the Attachments and Body map sections (``view.attachments``,
    ``view.body_map``); a change in either renames its tab and tells every list (``record_events``)."""
    from desktop_app.ui.models import record_events

    tabs = QTabWidget(view)
    tabs.setObjectName("concern_sections")
    tabs.setAccessibleName("Referral log, attachments and body map")
    tabs.addTab(referral_log, "Referral log")
    view.attachments = AttachmentsSection(view.session, view.concern_id, tabs)
    view.body_map = BodyMapSection(view.session, view.concern_id, tabs)
    for section in (view.attachments, view.body_map):
        tabs.addTab(section, section.title())

    def renamed() -> None:
        for section in (view.attachments, view.body_map):
            tabs.setTabText(tabs.indexOf(section), section.title())
        record_events().changed.emit()

    view.attachments.changed.connect(renamed)
    view.body_map.changed.connect(renamed)
    return tabs
