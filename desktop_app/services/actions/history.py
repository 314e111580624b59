"""An action's whole history in plain words, oldest first: agreed, handed on, due date moved, completed with its
outcome. The concern's record view lists it under each action (issue 16); nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.actions import ActionChange, ActionEvent, ConcernAction


@dataclass(frozen=True, slots=True)
class HistoryLine:
    event: ActionEvent
    what: str  # "Given to Ben Okafor (Head of Year 9) instead of Ama Boateng, due 12 Dec 2026"
    why: str = ""  # the reason for a change, or the outcome of a completion


def _day(value: date) -> str:
    return value.strftime("%d %b %Y")


def history(action: ConcernAction) -> list[HistoryLine]:
    lines: list[HistoryLine] = []
    owner, due = action.owner, action.due
    for number, event in enumerate(action.events):
        if number == 0 or event.change is ActionChange.ADDED:
            what = f"Agreed: {event.owner.described} to do it by {_day(event.due)}"
            lines.append(HistoryLine(event, what))
        elif event.change is ActionChange.REASSIGNED:
            what = f"Given to {event.owner.described} instead of {owner.described}"
            if event.due != due:
                what += f"; due {_day(event.due)} instead of {_day(due)}"
            lines.append(HistoryLine(event, what, event.reason))
        elif event.change is ActionChange.REDATED:
            lines.append(HistoryLine(event, f"Due date moved from {_day(due)} to {_day(event.due)}", event.reason))
        elif event.change is ActionChange.COMPLETED:
            done = f"Done {_day(event.done_on)}" if event.done_on is not None else "Done"
            lines.append(HistoryLine(event, f"{done} by {event.owner.described}", event.outcome))
        owner, due = event.owner, event.due
    return lines
