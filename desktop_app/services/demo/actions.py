"""Demo actions: after a screening, the DSL agrees one or two actions with named (fictional) staff from the training
register; most of those now past their due date are completed with an outcome, a few are overdue, some are due this
week, one in ten was handed to someone else on the way. A closed concern's actions were all done before it closed.

Written after the register exists (``fill_audit_demo``), each action at its own past moment (``frozen_clock``): an
action is agreed a few hours after its screening, so its rows are back-dated among the concern's own; the audit chain
keeps them in ``seq`` order after the register, as the store allows (rows rise in seq, not always in time).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from desktop_app.domain.actions import Owner
from desktop_app.domain.enums import ConcernStatus
from desktop_app.services.actions import add, complete
from desktop_app.services.vault import VaultSession
from desktop_app.store.clock import frozen_clock

# (what is to be done, what came of it)
ACTIONS = (
    (
        "Speak to the child's parents or carers about what staff have seen",
        "Spoke to mum by phone; she had noticed new clothes too and will tell the school about any late nights.",
    ),
    (
        "Check attendance every day and report any absence to the DSL by 10am",
        "Attendance checked daily for two weeks: one late arrival, no absences.",
    ),
    (
        "Ask the allocated social worker for an update after the strategy meeting",
        "Social worker rang back: a child protection plan is being considered; school invited to the conference.",
    ),
    (
        "Meet the child to talk about how things are going and who they spend time with",
        "Met at lunchtime. Said the older boys have stopped messaging; wants to join the football club.",
    ),
    (
        "Share the car registration and description with the police intelligence team",
        "Sent through the partnership intelligence form; reference given by the police.",
    ),
    ("Arrange a mentor from the pastoral team", "Mentor allocated; first weekly session held."),
    (
        "Tell the child's teachers what to look out for (phones, gifts, leaving early)",
        "Briefing sent to the year team; two teachers have since reported back.",
    ),
    (
        "Chase written confirmation of the referral from the Safeguarding Hub",
        "Confirmation received by secure email and saved with the referral.",
    ),
)
REASONS = ("Away on a course this week", "Now the child's key adult", "Off sick; covered by a colleague")
SHARE_WITH_ACTIONS = 0.6  # of screened concerns


def fill_actions_demo(session: VaultSession, end: datetime, seed: int = 1) -> None:
    """Actions on the demo's screened concerns (none if the register is empty or actions exist already)."""
    rng = random.Random(f"actions:{seed}")  # noqa: S311 - reproducible fiction
    actor = session.actor()
    today = end.astimezone().date()
    with session.uow() as uow:
        staff = [Owner(m.staff_id, m.name, m.job_title) for m in uow.training.staff(limit=500)]
        if not staff:
            return
        children = uow.children.recent(limit=100_000)
        concerns = [c for child in reversed(children) for c in uow.concerns.list_for_child(child.child_id)]
        concerns.sort(key=lambda c: (c.submitted_at, c.concern_id))
        for concern in concerns:
            if concern.status == ConcernStatus.AWAITING_SCREENING or uow.actions.count_for_concern(
                concern.concern_id
            ) != (0, 0):
                continue
            screenings = uow.screenings.for_concern(concern.concern_id)
            if not screenings or rng.random() > SHARE_WITH_ACTIONS:
                continue
            closed = [
                at
                for status, at, _who, _note in uow.concerns.events(concern.concern_id)
                if status == ConcernStatus.CLOSED
            ]
            agreed = screenings[0].completed_at + timedelta(hours=rng.randint(1, 3))
            for number in range(rng.choice((1, 1, 2))):
                text, outcome = ACTIONS[rng.randrange(len(ACTIONS))]
                owner = rng.choice(staff)
                due = agreed.astimezone().date() + timedelta(days=rng.randint(2, 21))
                moment = agreed + timedelta(minutes=number)
                if moment > end:
                    continue
                with frozen_clock(moment):
                    action = add.write(uow, concern.concern_id, text, owner, due, actor)
                finish = _finish(rng, moment, due, today, closed[0] if closed else None, end)
                if finish is not None:
                    with frozen_clock(finish):
                        complete.write(uow, action, outcome, finish.astimezone().date(), actor)
                elif rng.random() < 0.1 and len(staff) > 1:  # handed on while still open
                    other = rng.choice([s for s in staff if s != owner])
                    with frozen_clock(min(end, moment + timedelta(days=1))):
                        uow.actions.change(action.action_id, other, due, rng.choice(REASONS), actor)
                        uow.audit.append(
                            actor,
                            "action.reassigned",
                            f"action:{action.action_id}",
                            {"concern": concern.concern_id, "staff": other.staff_id, "demo": True},
                        )
        uow.commit()


def _finish(
    rng: random.Random, agreed: datetime, due: date, today: date, closed: datetime | None, end: datetime
) -> datetime | None:
    """When the action was completed, or None while it is still open (a fifth of those past due stay overdue)."""
    if closed is not None:  # done before the concern closed, after it was agreed
        return max(agreed + timedelta(minutes=5), closed - timedelta(hours=rng.randint(1, 20)))
    if due >= today - timedelta(days=1) or rng.random() < 0.2:
        return None
    done = max(agreed.astimezone().date(), due - timedelta(days=rng.randint(0, 3)))
    moment = datetime.combine(done, time(15, rng.randint(0, 59))).astimezone()
    return min(end, max(agreed + timedelta(minutes=5), moment))
