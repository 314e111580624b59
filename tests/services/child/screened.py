"""Test helper: a child screened at a level with a review date, through the casework service."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.enums import RiskLevel
from desktop_app.domain.records import Decision
from desktop_app.services.vault import VaultSession


def screen_child(session: VaultSession, child_id: int, level: RiskLevel, review: date) -> int:
    from desktop_app.definitions import load_forms

    definition = load_forms().screening()
    from desktop_app.domain.screening import DefinitionRef

    actor = session.actor()
    with session.uow() as uow:
        concern_id = uow.concerns.list_for_child(child_id)[-1].concern_id
        decision = Decision(
            suggested_level=level,
            suggested_reasons=(),
            confirmed_level=level,
            override_reason="",
            childs_wishes="",
            parents_views="",
            parents_told=True,
            parents_not_told_reason="",
            danger_statement="",
            safety_goal="",
            routes=(),
            review_date=review,
        )
        record = uow.screenings.add(
            concern_id, DefinitionRef(definition.id, definition.version, definition.hash), (), decision, actor
        )
        uow.audit.append(actor, "screening.completed", record.screening_id)
        uow.commit()
    return record.screening_id
