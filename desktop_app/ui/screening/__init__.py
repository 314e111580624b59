"""The screening wizard for one concern, and how the concern view opens it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from desktop_app.ui.screening.wizard import ScreeningWizard

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

__all__ = ["ScreeningWizard", "open_screening_wizard"]


def open_screening_wizard(
    parent: QWidget | None,
    session: VaultSession,
    concern_id: int,
    today: date | None = None,
    resume: dict[str, Any] | None = None,
) -> ScreeningWizard:
    """Build the wizard for ``concern_id`` from the vault and show it (not modal); it saves through casework.

    ``resume`` is the state of unfinished work kept when the vault locked (``casework.drafts``): every answer, fact
    and decision field is put back. A screening again carries the last decision's voices and plan to confirm.
    """
    from desktop_app.definitions import load_forms
    from desktop_app.screening import default_review_date
    from desktop_app.services.casework import screening as screening_flow
    from desktop_app.services.setting import closures

    today = today or date.today()
    closed = closures.closures(session)
    forms = load_forms()
    from desktop_app.services.casework import drafts

    context = screening_flow.screening_context(session, concern_id, forms, today)
    definition = context.draft.definition
    if resume is not None:
        context.draft.answers = drafts.answers_from_state(resume.get("answers", {}))
        context.draft.from_concern = set(resume.get("from_concern", ()))
        context.draft.set_facts(*drafts.facts_from_state(resume.get("facts", {})))
    title = f"Screening of {context.reference} — {context.child_name}"
    wizard = ScreeningWizard(
        context.draft,
        lambda form: screening_flow.complete_screening(session, concern_id, context.draft, form, today),
        child_name=context.child_name,
        concern_reference=context.reference,
        review_date_for=lambda level, day: default_review_date(level, day, definition, closed),
        today=today,
        overrides=context.phone_overrides,
        keep=lambda state: drafts.keep(session, "screening", concern_id, title, state),
        forget=lambda: drafts.discard_for(session, "screening", concern_id),
        parent=parent,
    )
    if resume is not None:
        wizard.restore_work(resume)
        wizard._resumed = True
    elif context.previous_decision is not None:
        wizard.decision_page.carry_forward(context.previous_decision, context.previous_when)
        wizard._started_with = wizard.work_state()
    from desktop_app.ui.models import record_events

    wizard.completed.connect(record_events().changed)  # the dashboard refreshes even if the concern view has gone
    wizard.show()
    return wizard
