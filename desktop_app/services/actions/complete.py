"""Complete an action with its outcome: what was done and what came of it (audited ``action.completed``)."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.actions import ConcernAction
from desktop_app.domain.records import Actor
from desktop_app.errors import FieldProblem, InvalidInput
from desktop_app.services.actions.checks import MAX_OUTCOME, still_open, tidy
from desktop_app.services.vault import VaultSession
from desktop_app.store.uow import UnitOfWork


def complete_action(
    session: VaultSession, action_id: int, outcome: str, done_on: date | None = None, today: date | None = None
) -> ConcernAction:
    today = today or date.today()
    done_on = done_on or today
    outcome = tidy(outcome)
    actor = session.actor()
    with session.uow() as uow:
        action = uow.actions.get(action_id)
        still_open(action)
        problems = []
        if not outcome:
            problems.append(FieldProblem("outcome", "Write the outcome: what was done and what came of it."))
        elif len(outcome) > MAX_OUTCOME:
            problems.append(FieldProblem("outcome", f"Write the outcome in at most {MAX_OUTCOME:,} characters."))
        if done_on > today:
            problems.append(FieldProblem("done_on", "The day it was done cannot be in the future."))
        elif done_on < action.created_at.astimezone().date():
            problems.append(FieldProblem("done_on", "The day it was done is before the action was agreed."))
        if problems:
            raise InvalidInput(problems)
        done = write(uow, action, outcome, done_on, actor)
        uow.commit()
    return done


def write(uow: UnitOfWork, action: ConcernAction, outcome: str, done_on: date, actor: Actor) -> ConcernAction:
    done = uow.actions.complete(action.action_id, done_on, outcome, actor)
    uow.audit.append(
        actor,
        "action.completed",
        f"action:{action.action_id}",
        {"concern": action.concern_id, "done_on": done_on.isoformat()},
    )
    return done
