"""Agree an action on a concern: what is to be done, by which member of staff, by when (audited ``action.added``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.actions import ConcernAction, Owner
from desktop_app.domain.audit import ExploitationRole
from desktop_app.domain.enums import ConcernStatus
from desktop_app.domain.records import Actor
from desktop_app.errors import FieldProblem, InvalidInput, UserFacingError
from desktop_app.services.actions.checks import due_problem, new_owner_problem, owner_of, text_problem, tidy
from desktop_app.services.vault import VaultSession
from desktop_app.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class NewAction:
    """What the DSL typed. The owner is someone on the staff register (``owner_staff_id``), or a new member of staff
    named here (``new_owner_name`` and ``new_owner_job_title``), who is added to the register at the same time."""

    text: str
    due: date | None
    owner_staff_id: int | None = None
    new_owner_name: str = ""
    new_owner_job_title: str = ""


def add_action(session: VaultSession, concern_id: int, form: NewAction, today: date | None = None) -> ConcernAction:
    """Check everything, then write the action (and a new member of staff, if named) in one transaction."""
    today = today or date.today()
    text = tidy(form.text)
    problems = [p for p in (text_problem(text), due_problem(form.due, today)) if p is not None]
    name, job = " ".join(form.new_owner_name.split()), " ".join(form.new_owner_job_title.split())
    if form.owner_staff_id is None and (problem := new_owner_problem(name, job)) is not None:
        problems.append(problem)
    actor = session.actor()
    with session.uow() as uow:
        if uow.concerns.status(concern_id) == ConcernStatus.CLOSED:
            raise UserFacingError("This concern is closed, so no new action can be added to it.")
        owner: Owner | None = None
        if form.owner_staff_id is not None:
            try:
                owner = owner_of(uow, form.owner_staff_id)
            except FieldProblem as problem:
                problems.append(problem)
        if problems:
            raise InvalidInput(problems)
        if owner is None:
            member = uow.training.add_staff(name, job, None, ExploitationRole.NONE)
            uow.audit.append(actor, "staff.added", f"staff:{member.staff_id}", {"role": "", "from": "action"})
            owner = Owner(member.staff_id, member.name, member.job_title)
        assert form.due is not None
        action = write(uow, concern_id, text, owner, form.due, actor)
        uow.commit()
    return action


def write(uow: UnitOfWork, concern_id: int, text: str, owner: Owner, due: date, actor: Actor) -> ConcernAction:
    """The action and its audit row, inside the caller's transaction (demo data uses this too)."""
    action = uow.actions.add(concern_id, text, owner, due, actor)
    uow.audit.append(
        actor,
        "action.added",
        f"action:{action.action_id}",
        {"concern": concern_id, "staff": owner.staff_id, "due": due.isoformat()},
    )
    return action
