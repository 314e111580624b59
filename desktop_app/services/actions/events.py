"""A child's actions in their chronology: each action when it was agreed (with where it stands now), and each
completion with its outcome. ``services.child.chronology`` lists ``action_events`` among its sources."""

from __future__ import annotations

from desktop_app.definitions import Forms
from desktop_app.domain.actions import ActionChange, ConcernAction
from desktop_app.domain.documents import ChronologyEvent
from desktop_app.domain.records import Child
from desktop_app.reports.flow import day
from desktop_app.store.uow import UnitOfWork

KIND = "Action"
DONE_KIND = "Action completed"


def standing(action: ConcernAction) -> str:
    """Where an action stands, in a few words: "Open: Ama Boateng (Head of Year 9), due 12 Dec 2026"."""
    if action.is_open:
        return f"Open: {action.owner.described}, due {day(action.due)}"
    assert action.done_on is not None
    return f"Completed {day(action.done_on)} by {action.owner.described}"


def action_events(uow: UnitOfWork, child: Child, forms: Forms) -> list[ChronologyEvent]:
    events: list[ChronologyEvent] = []
    references: dict[int, str] = {}
    for action in uow.actions.for_child(child.child_id):
        if action.concern_id not in references:
            references[action.concern_id] = uow.concerns.get(action.concern_id).reference
        reference = references[action.concern_id]
        events.append(
            ChronologyEvent(
                action.created_at,
                KIND,
                f"Action agreed: {action.text}",
                action=standing(action),
                reference=reference,
                recorded_by=action.created_by.name,
            )
        )
        for event in action.events:
            if event.change == ActionChange.COMPLETED and event.done_on is not None:
                events.append(
                    ChronologyEvent(
                        event.at,
                        DONE_KIND,
                        f"{action.text} — done {day(event.done_on)} by {event.owner.described}",
                        outcome=event.outcome,
                        reference=reference,
                        recorded_by=event.by.name,
                    )
                )
    return events
