"""The screening wizard for one concern, and how the concern view opens it."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop_app.ui.screening.wizard import ScreeningWizard

__all__ = ["ScreeningWizard", "open_screening_wizard"]


def open_screening_wizard(parent: QWidget | None, session: Any, concern_id: int,
                          today: date | None = None) -> ScreeningWizard:
    """Build the wizard for ``concern_id`` from the vault and show it (not modal); it saves through casework."""
    from desktop_app.definitions import load_forms
    from desktop_app.screening import default_review_date
    from desktop_app.services import casework
    from desktop_app.services.casework import screening as screening_flow
    today = today or date.today()
    forms = load_forms()
    context = screening_flow.screening_context(session, concern_id, forms, today)
    definition = context.draft.definition
    wizard = ScreeningWizard(
        context.draft,
        lambda form: casework.complete_screening(session, concern_id, context.draft, form, today),
        child_name=context.child_name,
        concern_reference=context.reference,
        review_date_for=lambda level, day: default_review_date(level, day, definition),
        today=today,
        overrides=context.phone_overrides,
        parent=parent,
    )
    from desktop_app.ui.models import record_events

    wizard.completed.connect(record_events().changed)  # the dashboard refreshes even if the concern view has gone
    wizard.show()
    return wizard
