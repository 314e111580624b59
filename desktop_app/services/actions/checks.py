"""The checks every action use case shares: what is to be done, who does it, by when, and the outcome."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.definitions import load_forms
from desktop_app.domain.actions import ConcernAction, Owner
from desktop_app.errors import FieldProblem, UserFacingError
from desktop_app.store.uow import UnitOfWork

MAX_TEXT = 1_000  # what is to be done: a sentence or two, not a report
MAX_OUTCOME = 4_000
MAX_REASON = 1_000
MAX_NAME = 200


def tidy(text: str) -> str:
    """Leading and trailing blanks gone; inner line breaks kept (an outcome may have paragraphs)."""
    return text.strip()


def text_problem(text: str) -> FieldProblem | None:
    if not text:
        return FieldProblem("text", "Write what is to be done.")
    if len(text) > MAX_TEXT:
        return FieldProblem("text", f"Say what is to be done in at most {MAX_TEXT:,} characters.")
    return None


def due_problem(due: date | None, today: date) -> FieldProblem | None:
    if due is None:
        return FieldProblem("due", "Choose the date the action is due.")
    if due < today:
        return FieldProblem("due", "That due date has passed: choose today or a later day.")
    longest = load_forms().actions.longest_days
    if due > today + timedelta(days=longest):
        return FieldProblem("due", f"The due date is more than {longest} days away: choose an earlier day.")
    return None


def new_owner_problem(name: str, job_title: str) -> FieldProblem | None:
    if not name:
        return FieldProblem("owner", "Choose who will do it, or write the name of a new member of staff.")
    if len(name) > MAX_NAME or len(job_title) > MAX_NAME:
        return FieldProblem("owner", f"A name or job title can have at most {MAX_NAME} characters.")
    return None


def owner_of(uow: UnitOfWork, staff_id: int) -> Owner:
    """The member of staff on the register, refused if they have left the setting."""
    member = uow.training.get(staff_id)
    if not member.current:
        raise FieldProblem("owner", f"{member.name} has left the setting, so choose someone else.")
    return Owner(member.staff_id, member.name, member.job_title)


def still_open(action: ConcernAction) -> None:
    if not action.is_open:
        raise UserFacingError(
            "This action is already completed, so it cannot be changed; add a correction to the "
            "concern if its outcome needs to be put right."
        )
