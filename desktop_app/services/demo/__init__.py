"""Fictional children and concerns at every stage, for trying Waymark out and for scale checks.

Everything is written through the same use cases the screens use (intake's import step, casework's screening,
referral, confirmation, correction and closing), so a demo vault holds exactly what real use would: audit rows,
status events, addenda. The same seed gives the same children, concerns and decisions (on the same day).

Each concern's history is planned first, at its own past moments in the order casework makes them: it happened, was
recorded and submitted, screened, referred, confirmed, closed. Then every step of every concern is written in time
order with the store's clock set to that step's moment (``store.clock.frozen_clock``, which only demo data may use;
no use case takes a time that real work could back-date). So references, the audit trail and each child's latest
screening follow the calendar, and a fresh demo looks lived in: waiting concerns 1 to 10 days old, most reviews
ahead, some a few days or weeks overdue, some written confirmations overdue. What is said and ticked comes from
``demo_scenarios``.
"""

from __future__ import annotations

import logging
import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.definitions import ContactsDefinition, ScreeningDefinition, load_forms
from desktop_app.domain.enums import AddendumTarget, ConcernStatus, RiskLevel, RouteId
from desktop_app.domain.records import (
    Actor,
    AnsweredItem,
    Child,
    ChildDetails,
    Concern,
    ConcernDraft,
    Decision,
    ReferralEntry,
    Setting,
)
from desktop_app.domain.screening import DefinitionRef
from desktop_app.log import Safe
from desktop_app.screening import default_review_date
from desktop_app.services import casework
from desktop_app.services.casework.referral_request import suggested
from desktop_app.services.casework.screening import start_screening
from desktop_app.services.demo import transfer as records_demo
from desktop_app.services.demo.actions import fill_actions_demo
from desktop_app.services.demo.attachments import fill_attachments_demo
from desktop_app.services.demo.audit import fill_audit_demo
from desktop_app.services.demo.child_details import with_child_file_details
from desktop_app.services.demo.connections import fill_connections
from desktop_app.services.demo.scenarios import (
    CONTACTED,
    CULTURES,
    OUTCOME_REFERRED,
    OUTCOME_SCREENED,
    OVERRIDE_REASONS,
    REFERRAL_SAID,
    SCENARIOS,
    Culture,
    Scenario,
    concern_draft,
    demo_children,
    distinct_account,
    referral_request,
    screening_answers,
)
from desktop_app.store.clock import frozen_clock
from desktop_app.store.uow import UnitOfWork

if TYPE_CHECKING:
    from desktop_app.services.vault.session import VaultSession

__all__ = [
    "CULTURES",
    "DEMO_SETTING",
    "SCENARIOS",
    "STAGES",
    "Culture",
    "DemoSummary",
    "Scenario",
    "create_demo_vault",
    "demo_children",
    "demo_passphrase",
    "fill_demo_data",
]

_log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
BATCH = 100  # steps written per transaction: fast, and a crash loses at most one batch of fiction

DEMO_SETTING = Setting(
    name="Hollybrook Academy (demo: fictional records)",
    address="1 Example Lane, Exampleton",
    phone="01632 960000",
    dsl_name="Demo DSL",
    dsl_phone="01632 960001",
)

STAGES = ("waiting", "screened", "referred", "confirmed", "closed")
OVERDUE_SHARE = 0.2  # children whose review is overdue


@dataclass(frozen=True, slots=True)
class DemoSummary:
    children: int
    concerns: int
    by_stage: dict[str, int]


@dataclass(frozen=True, slots=True)
class _Screening:
    at: datetime
    definition: DefinitionRef
    answers: tuple[AnsweredItem, ...]
    decision: Decision


@dataclass(frozen=True, slots=True)
class _Plan:
    """One concern's history, decided before anything is written; each moment is when that step is recorded."""

    number: int
    child: int  # index into the children
    stage: str  # the stage it reaches
    draft: ConcernDraft
    correction: datetime | None = None
    screening: _Screening | None = None
    referral: casework.ReferralForm | None = None
    referral_at: datetime | None = None
    confirmed_at: datetime | None = None
    closed_at: datetime | None = None
    outcome: str = ""

    def steps(self) -> list[tuple[datetime, int, int, str]]:
        """(moment, concern number, order within the concern, kind): sorting all of them gives the writing order."""
        moments = (
            ("submit", self.draft.recorded_at),
            ("correct", self.correction),
            ("screen", self.screening.at if self.screening else None),
            ("refer", self.referral_at),
            ("confirm", self.confirmed_at),
            ("close", self.closed_at),
        )
        return [(at, self.number, order, kind) for order, (kind, at) in enumerate(moments) if at is not None]


def _at(rng: random.Random, day: date, hours: tuple[int, int] = (9, 16)) -> datetime:
    return datetime.combine(day, time(rng.randint(*hours), rng.choice((0, 15, 30, 45)))).astimezone()


def _moments(rng: random.Random, scenario: Scenario, recorded_on: date) -> tuple[datetime, datetime]:
    """When it happened and when it was recorded (on ``recorded_on``: the same day, or the morning after a late
    evening)."""
    if scenario.hours[0] >= 18:
        happened = _at(rng, recorded_on - timedelta(days=1), scenario.hours)
        return happened, datetime.combine(recorded_on, time(8, 30)).astimezone()
    happened = _at(rng, recorded_on, scenario.hours)
    return happened, happened + timedelta(minutes=rng.randint(10, 150))


def _screened_days_ago(rng: random.Random, stage: str, review_days: int, overdue: bool) -> int:
    """How long ago the screening was, so its review (``review_days`` later) is ahead, or for a child whose review
    is ``overdue``, a few days or weeks past (only a child's latest screening is reviewed, so this is per child).

    A referral still awaiting written confirmation is recent: some of those confirmations are overdue, not all."""
    if stage == "referred":
        return rng.choices((rng.randint(0, 2), rng.randint(3, 8)), weights=(2, 1))[0]
    if overdue:
        return review_days + (rng.randint(1, 6) if rng.random() < 0.6 else rng.randint(7, 24))
    return review_days - rng.randint(1, review_days)


def _plan(
    rng: random.Random,
    number: int,
    child_index: int,
    details: ChildDetails,
    others: list[str],
    overdue: bool,
    today: date,
    end: datetime,
    definition: ScreeningDefinition,
    contacts: ContactsDefinition,
) -> _Plan:
    """Plan one concern (stage, what it says, the screening, each moment), all before ``end``."""
    stage = rng.choices(STAGES, weights=(20, 30, 20, 15, 15))[0]
    if overdue and stage == "referred":  # that child's screenings are weeks old: their confirmations came long ago
        stage = "confirmed"
    scenario = rng.choices(SCENARIOS, weights=[s.weight for s in SCENARIOS])[0]
    draft = concern_draft(rng, scenario, end, end, others)  # the moments are set below
    child = Child(0, details, end)
    corrected = rng.random() < 0.1
    if stage == "waiting":
        recorded_on = today - timedelta(days=rng.choices((rng.randint(1, 3), rng.randint(4, 10)), weights=(3, 1))[0])
        happened, recorded = _moments(rng, scenario, recorded_on)
        return _Plan(
            number,
            child_index,
            stage,
            replace(draft, happened_at=happened, recorded_at=recorded),
            correction=recorded + timedelta(minutes=rng.randint(20, 240)) if corrected else None,
        )

    # The screening's answers first: its level says how long ago it can be for the review to fall where wanted.
    provisional = start_screening(definition, contacts, child, _unsaved(draft), today)
    answers = screening_answers(rng, definition, scenario, details, set(provisional.from_concern))
    raise_level, override, told = rng.random() < 0.08, rng.choice(OVERRIDE_REASONS), rng.random() < 0.85
    for item_id, answer in answers.items():
        provisional.set_answer(item_id, answer)
    review_days = definition.band(_confirmed(provisional.result().suggested_level, raise_level)).review_days
    screened_on = today - timedelta(days=_screened_days_ago(rng, stage, review_days, overdue))
    recorded_on = screened_on - timedelta(days=rng.choices((0, 1, 2, 3), weights=(4, 3, 2, 1))[0])
    happened, recorded = _moments(rng, scenario, recorded_on)
    screened = max(_at(rng, screened_on), recorded + timedelta(minutes=rng.randint(30, 120)))
    correction = recorded + timedelta(minutes=rng.randint(20, 240)) if corrected else None
    contacted = screened + timedelta(minutes=rng.randint(10, 90))
    referral_at = contacted + timedelta(minutes=rng.randint(5, 30))
    confirmed_at = referral_at + timedelta(hours=rng.randint(1, 54))
    closed_at = confirmed_at + timedelta(hours=rng.randint(72, 240))  # an agency's decision takes days, not minutes
    outcome = rng.choice(OUTCOME_REFERRED)
    # Too late for ``end`` (today's steps after the clock, say): the same history a day earlier.
    last = {"screened": screened, "referred": referral_at, "confirmed": confirmed_at, "closed": closed_at}[stage]
    shift = timedelta(days=0)
    while max(last, correction or last) - shift > end:
        shift += timedelta(days=1)
    happened, recorded, screened, contacted, referral_at, confirmed_at, closed_at = (
        moment - shift for moment in (happened, recorded, screened, contacted, referral_at, confirmed_at, closed_at)
    )
    correction = correction - shift if correction else None
    draft = replace(draft, happened_at=happened, recorded_at=recorded)

    screening = _screening(definition, contacts, child, draft, answers, screened, raise_level, override, told)
    route = next((r for r in screening.decision.routes if contacts.expects_confirmation(r)), None)
    plan = _Plan(number, child_index, stage, draft, correction, screening)
    if route is None:  # monitor or early help only: nobody to refer to
        if stage == "closed":
            return replace(plan, closed_at=screened + (closed_at - confirmed_at), outcome=OUTCOME_SCREENED)
        return replace(plan, stage="screened")
    if stage == "screened":
        return plan
    form = casework.ReferralForm(
        route,
        CONTACTED[route],
        contacted,
        f"REF-{rng.randint(10000, 99999)}",
        REFERRAL_SAID[outcome],
        True,
        casework.default_confirmation_due(contacted, contacts),
        **referral_request(f"request:{number}", route, suggested(route), outcome == OUTCOME_REFERRED[1], told),
    )
    plan = replace(plan, referral=casework.check_referral(form, referral_at, recorded), referral_at=referral_at)
    if stage == "referred":
        return plan
    plan = replace(plan, confirmed_at=confirmed_at)
    return replace(plan, closed_at=closed_at, outcome=outcome) if stage == "closed" else plan


def _unsaved(draft: ConcernDraft) -> Concern:
    """The concern as the screening sees it before it is written (only its draft counts)."""
    assert draft.recorded_at is not None
    return Concern(0, "", 0, draft, draft.recorded_at, True, ConcernStatus.AWAITING_SCREENING)


def _confirmed(suggested: RiskLevel, raise_level: bool) -> RiskLevel:
    return list(RiskLevel)[suggested.rank + 1] if raise_level and suggested is not RiskLevel.HIGH else suggested


def _screening(
    definition: ScreeningDefinition,
    contacts: ContactsDefinition,
    child: Child,
    draft: ConcernDraft,
    answers: dict[str, Any],
    at: datetime,
    raise_level: bool,
    override: str,
    told: bool,
) -> _Screening:
    """The screening as the DSL completes it on the day: the tool's level, now and then raised with a reason."""
    screened_on = casework.local(at).date()
    screening = start_screening(definition, contacts, child, _unsaved(draft), screened_on)
    for item_id, answer in answers.items():
        screening.set_answer(item_id, answer)
    result = screening.result()
    level = _confirmed(result.suggested_level, raise_level)
    name = child.details.first_name
    decision = casework.check_decision(
        casework.DecisionForm(
            confirmed_level=level,
            override_reason=override if level is not result.suggested_level else "",
            childs_wishes="Wants things to calm down and to stay at this school.",
            parents_told=told,
            parents_views="Carer is worried and supports the plan." if told else "",
            parents_not_told_reason="" if told else "Telling the family could put the child at more risk.",
            danger_statement=f"{name} may be drawn further into exploitation and be harmed.",
            safety_goal=f"{name} has a trusted adult in school and is home safe each evening.",
            routes=tuple(a.route for a in result.routes) or (RouteId.MONITOR,),
            review_date=default_review_date(level, screened_on, definition),
        ),
        result,
        screened_on,
    )
    return _Screening(at, screening.definition_ref(), screening.answered_items(), decision)


def _end_of(today: date) -> datetime:
    """The latest moment a demo step may have: now, or the evening of an earlier ``today``."""
    now = datetime.now().astimezone()
    if today > now.date():
        raise ValueError("demo concerns cannot happen after today")
    return min(now, datetime.combine(today, time(23, 0)).astimezone())


def fill_demo_data(
    session: VaultSession,
    *,
    children: int,
    concerns: int,
    seed: int = 1,
    progress: Progress | None = None,
    today: date | None = None,
) -> DemoSummary:
    """Add ``children`` fictional children and ``concerns`` concerns spread over them, at every stage.

    Every moment lies before the end of ``today`` (default: today) and before now; ``today`` may not be later.
    """
    if children < 1 or concerns < 0:
        raise ValueError("need at least one child and no negative number of concerns")
    end = _end_of(today or datetime.now().astimezone().date())
    today = casework.local(end).date()
    forms = load_forms()
    definition = forms.screening()
    actor: Actor = session.actor()
    rng = random.Random(f"concerns:{seed}")  # noqa: S311 - reproducible fiction, not a secret
    details = with_child_file_details(demo_children(children, seed, today), seed, today)
    names = [d.display_name for d in details]
    overdue = [rng.random() < OVERDUE_SHARE for _ in details]
    plans = []
    for number in range(concerns):
        index = rng.randrange(children)
        other = rng.randrange(children - 1) if children > 1 else None  # another child to name, never them
        others = [names[other + (other >= index)]] if other is not None else []
        plans.append(
            _plan(rng, number, index, details[index], others, overdue[index], today, end, definition, forms.contacts)
        )
    used: set[str] = set()
    words = random.Random(f"accounts:{seed}")  # noqa: S311 - reproducible fiction; its own stream
    plans = [
        replace(
            plan,
            draft=replace(
                plan.draft, account=distinct_account(plan.draft.account, words, plan.draft.happened_at, used)
            ),
        )
        for plan in plans
    ]
    steps = sorted(step for plan in plans for step in plan.steps())
    first = min((plan.draft.happened_at for plan in plans if plan.draft.happened_at), default=end)
    records_demo.add_former_pupil(session, actor, today, first - timedelta(days=8 * 365))  # past retention
    with frozen_clock(first - timedelta(days=1)), session.uow() as uow:  # the children were on roll before
        child_ids = []
        for d in details:
            child = uow.children.add(d, actor)
            uow.audit.append(actor, "child.added", f"child:{child.child_id}", {"demo": True})
            child_ids.append(child.child_id)
        uow.commit()
    writer = _Writer(actor, seed, child_ids)
    last_step = {plan.number: max(plan.steps())[2] for plan in plans}
    done = 0
    for start in range(0, len(steps), BATCH):
        with session.uow() as uow:
            for at, number, order, kind in steps[start : start + BATCH]:
                with frozen_clock(at):
                    writer.write(uow, plans[number], kind)
                done += order == last_step[number]
            uow.commit()
        if progress is not None:
            progress(done, concerns)
    if child_ids and steps:  # a file sent to another school, its receipt overdue (logged after the last step)
        records_demo.add_transfer_awaiting_receipt(
            session, actor, child_ids[0], today, max(at for at, *_ in steps) + timedelta(seconds=1)
        )
    fill_attachments_demo(session, child_ids, end)  # the Hub's email, a photographed note, a body map
    fill_audit_demo(session, end, seed)  # the annual audit, CE Lead, deputies and training register
    fill_connections(session, child_ids, seed, end)  # links, adults, places, missing episodes (audited at ``end``)
    fill_actions_demo(session, end, seed)  # actions agreed after screenings, owned by staff on the register
    _log.info("demo data written: %s children, %s concerns", Safe(children), Safe(concerns))
    by_stage = dict.fromkeys(STAGES, 0)
    for plan in plans:
        by_stage[plan.stage] += 1
    return DemoSummary(children, concerns, by_stage)


class _Writer:
    """Writes a planned step through the casework use cases; the clock already says when."""

    def __init__(self, actor: Actor, seed: int, child_ids: list[int]) -> None:
        self._actor = actor
        self._seed = seed
        self._child_ids = child_ids
        self._concerns: dict[int, Concern] = {}
        self._referrals: dict[int, ReferralEntry] = {}

    def write(self, uow: UnitOfWork, plan: _Plan, kind: str) -> None:
        actor, number = self._actor, plan.number
        if kind == "submit":
            reference = f"DEMO-{self._seed}-{number:06d}"
            concern = uow.concerns.add(
                self._child_ids[plan.child], plan.draft, actor, sealed=True, intake_reference=reference
            )
            uow.audit.append(
                actor,
                "concern.imported",
                f"concern:{concern.concern_id}",
                {"intake_reference": reference, "demo": True},
            )
            self._concerns[number] = concern
            return
        concern_id = self._concerns[number].concern_id
        if kind == "correct":
            happened = plan.draft.happened_at
            assert happened is not None
            later = casework.local(happened) + timedelta(minutes=30)
            casework.write_addendum(
                uow,
                AddendumTarget.CONCERN,
                concern_id,
                "The time was recorded wrongly.",
                f"It happened at {later:%H:%M}, not {casework.local(happened):%H:%M}.",
                actor,
            )
        elif kind == "screen":
            assert plan.screening is not None
            s = plan.screening
            casework.save_screening(uow, concern_id, s.definition, s.answers, s.decision, actor)
        elif kind == "refer":
            assert plan.referral is not None
            self._referrals[number] = casework.add_referral(uow, concern_id, plan.referral, actor)
        elif kind == "confirm":
            assert plan.confirmed_at is not None
            casework.confirm_referral(uow, self._referrals[number], casework.local(plan.confirmed_at).date(), actor)
        elif kind == "close":
            casework.close(uow, concern_id, plan.outcome, actor)


def demo_passphrase() -> str:
    """A throw-away passphrase for a demo vault, shown on its lock screen."""
    words = ("harbour", "lantern", "orchard", "pebble", "meadow", "thimble", "copper", "willow", "saffron")
    pick = [secrets.choice(words) for _ in range(4)]
    return f"demo {' '.join(pick)} {secrets.randbelow(100)}"


def create_demo_vault(
    vault_dir: Path, *, children: int = 40, concerns: int = 120, seed: int = 1, progress: Progress | None = None
) -> str:
    """Create a throw-away vault in ``vault_dir`` filled with fictional records; return its passphrase."""
    from desktop_app.services import vault as vault_service

    passphrase = demo_passphrase()
    created = vault_service.create_vault(Path(vault_dir), DEMO_SETTING, "Demo DSL", passphrase)
    try:
        fill_demo_data(created.session, children=children, concerns=concerns, seed=seed, progress=progress)
    finally:
        created.session.lock()
    return passphrase
