"""Give an open action to another member of staff, or move its due date, with the reason (a new event: the earlier
owner and date stay in its history). Audited ``action.reassigned`` or ``action.redated``."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.actions import ActionChange, ConcernAction
from desktop_app.errors import FieldProblem, InvalidInput, UserFacingError
from desktop_app.services.actions.checks import MAX_REASON, due_problem, owner_of, still_open, tidy
from desktop_app.services.vault import VaultSession


def change_action(
    session: VaultSession, action_id: int, owner_staff_id: int, due: date | None, reason: str, today: date | None = None
) -> ConcernAction:
    today = today or date.today()
    reason = tidy(reason)
    actor = session.actor()
    with session.uow() as uow:
        action = uow.actions.get(action_id)
        still_open(action)
        problems: list[FieldProblem] = []
        if due != action.due and (problem := due_problem(due, today)) is not None:
            problems.append(problem)
        try:
            owner = owner_of(uow, owner_staff_id) if owner_staff_id != action.owner.staff_id else action.owner
        except FieldProblem as problem:
            problems.append(problem)
            owner = action.owner
        if not reason:
            problems.append(FieldProblem("reason", "Say why the action changes hands or its due date moves."))
        elif len(reason) > MAX_REASON:
            problems.append(FieldProblem("reason", f"Give the reason in at most {MAX_REASON:,} characters."))
        if problems:
            raise InvalidInput(problems)
        assert due is not None
        if owner.staff_id == action.owner.staff_id and due == action.due:
            raise UserFacingError("Nothing was changed: choose another member of staff or another due date.")
        changed = uow.actions.change(action_id, owner, due, reason, actor)
        kind = changed.events[-1].change
        verb = "action.reassigned" if kind == ActionChange.REASSIGNED else "action.redated"
        uow.audit.append(
            actor,
            verb,
            f"action:{action_id}",
            {"concern": action.concern_id, "staff": owner.staff_id, "due": due.isoformat()},
        )
        uow.commit()
    return changed
