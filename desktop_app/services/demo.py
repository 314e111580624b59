"""Fictional children and concerns at every stage, for trying Waymark out and for scale checks.

Everything is written through the same use cases the screens use (intake's import step, casework's screening,
referral, confirmation, correction and closing), so a demo vault holds exactly what real use would: audit rows,
status events, addenda. The same seed gives the same children, concerns and decisions.
"""

from __future__ import annotations

import logging
import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from desktop_app.definitions import load_forms
from desktop_app.domain.enums import AnswerStatus, Basis, ChildRole, RiskLevel, RouteId, When
from desktop_app.domain.records import (
    Actor,
    AdultOfConcern,
    ChildDetails,
    Concern,
    ConcernDraft,
    OtherChild,
    Place,
    Setting,
)
from desktop_app.domain.screening import Answer
from desktop_app.log import Safe
from desktop_app.services import casework
from desktop_app.services.screening_flow import start_screening

_log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
BATCH = 25  # concerns written per transaction: fast, and a crash loses at most one batch of fiction

DEMO_SETTING = Setting(name="Hollybrook Academy (demo: fictional records)", address="1 Example Lane, Exampleton",
                       phone="01632 960000", dsl_name="Demo DSL", dsl_phone="01632 960001")

# Plainly fictional names in several scripts. Never real cases; any likeness is chance.
FIRST_NAMES = (
    "Zoë", "Ahmed", "Siobhán", "Björn", "Amara", "Tomasz", "Leilani", "Kwame", "Ines", "Jamie", "Priya", "Oisín",
    "Noor", "Mateo", "Freya", "Chidi", "Elif", "Rory", "Aisha", "Dawid", "Saoirse", "Yusuf", "Maja", "Kofi",
    "小龙", "美玲", "Олександр", "Аня", "Νίκος", "Ελένη", "Łucja", "Dương", "Ngozi", "Tariq", "Anouk", "Ștefan",
)
LAST_NAMES = (
    "Wiśniewska-Nguyễn", "Al-Sayed", "Quillfeather", "Brightwater", "Thistlewood", "Marrowby", "Ó Dálaigh",
    "Øvergård", "Okonkwo-Pike", "Fairbairn", "Mensah", "Haddad", "Kowalczyk", "Lindqvist", "Ferreira-Watts",
    "Penhallow", "Asante", "Żuławski", "Nakamura-Rhys", "Oyelaran", "Gallagher", "Petrović", "Demir",
    "李", "陈", "Коваленко", "Смирнова", "Παπαδόπουλος", "Γεωργίου", "Trần", "Abernethy", "Cruz-Holloway",
)
YEARS = ("Year 7", "Year 8", "Year 9", "Year 10", "Year 11", "Year 12", "Year 13")
PLACES = ("the bus station", "the retail park car park", "the underpass by the canal", "the chicken shop on "
          "Mill Road", "the park behind the leisure centre", "the school gates", "the tram stop", "a flat on "
          "Orchard Rise")
ACCOUNTS = (
    "Seen getting into a silver car driven by an older male after school, on {place}.",
    "Arrived late with new designer trainers and two phones; would not say where they came from.",
    "Was found by a parent's friend at {place} at 11pm on a school night; said they were 'just with mates'.",
    "Friends report they have been asked to carry a bag to another town for an older group.",
    "Missed afternoon lessons three days running; seen near {place} with youths not from the school.",
    "Showed a staff member messages from an adult offering money for photos.",
    "Has an unexplained injury to the hand and was anxious when their phone rang during the lesson.",
    "Told a teaching assistant they owe someone money and 'have to work it off'.",
)
WORDS = (
    "I'm fine, it's just some friends from town.",
    "If I don't do it they'll go after my little brother.",
    "He buys me stuff. He says I'm mature for my age.",
    "I can't tell you, they'll know it was me.",
    "It's only dropping off a bag, it's not a big deal.",
    "",
)
OVERRIDE_REASONS = (
    "Known to the youth offending team, who already have a plan in place this week.",
    "New information from a parent after the screening raises my concern.",
)
OUTCOMES = (
    "Assessed by the Safeguarding Hub; no further action. School to keep monitoring.",
    "Family engaged with early help; attendance now good. Closed after review.",
    "Amber Project allocated a worker; concern closed here and held on the child's file.",
)
CORRECTIONS = (
    ("The time was recorded wrongly.", "It happened at 4.15pm, not 3.15pm."),
    ("The location was misheard.", "It was the tram stop, not the bus station."),
    ("Information from a parent afterwards.", "Mother says the trainers were a present from an uncle."),
)


@dataclass(frozen=True, slots=True)
class DemoSummary:
    children: int
    concerns: int
    by_stage: dict[str, int]


def _dob(rng: random.Random, today: date) -> date:
    age = rng.randint(10, 17)
    return date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))


def demo_children(count: int, seed: int, today: date) -> list[ChildDetails]:
    """``count`` fictional children, the same list for the same seed."""
    rng = random.Random(f"children:{seed}")  # noqa: S311 - reproducible fiction, not a secret
    children = []
    for _ in range(count):
        dob = _dob(rng, today)
        social_worker = rng.random() < 0.2
        children.append(ChildDetails(
            first_name=rng.choice(FIRST_NAMES), last_name=rng.choice(LAST_NAMES), date_of_birth=dob,
            year_group=rng.choice(YEARS), gender=rng.choice(("Girl", "Boy", "Non-binary", "")),
            social_worker="Sam Okafor (children's social care, 01632 960555)" if social_worker else "",
            learning_disability=rng.random() < 0.08, address=f"{rng.randint(1, 120)} Example Street, Exampleton",
        ))
    return children


def _draft(rng: random.Random, signs: list[str], happened: datetime, child_names: list[str]) -> ConcernDraft:
    place = rng.choice(PLACES)
    others = (OtherChild(rng.choice(child_names), rng.choice(list(ChildRole))),) if rng.random() < 0.3 else ()
    adults = (AdultOfConcern("'Tee'", "Older male, about 20, grey hoodie", "Silver hatchback"),) \
        if rng.random() < 0.25 else ()
    return ConcernDraft(
        immediate_danger=rng.random() < 0.03, happened_at=happened, location=place,
        account=rng.choice(ACCOUNTS).format(place=place), childs_words=rng.choice(WORDS),
        action_taken="Listened, did not promise secrecy, told the DSL straight away.",
        sign_ids=tuple(rng.sample(signs, k=min(len(signs), rng.randint(0, 3)))),
        other_children=others, adults=adults, places=(Place(place),),
        about_adult_working_with_children=rng.random() < 0.02, group_or_community=rng.random() < 0.1,
        recorder_name=rng.choice(("Ola Brightwater", "Dev Marsh", "Ruth Kinsella", "Yara Haddad")),
        recorder_role=rng.choice(("Form tutor", "Teaching assistant", "Head of Year", "Receptionist")),
        recorded_at=happened + timedelta(hours=1), declaration=True,
    )


STAGES = ("waiting", "screened", "referred", "confirmed", "closed")


def _answers(rng: random.Random, definition: Any, intensity: int, prefilled: set[str]) -> dict[str, Answer]:
    """Yes to a few items (more with ``intensity``), including the recorder's ticks; no or not known otherwise."""
    by_kind: dict[str, list[str]] = {}
    for section, item in definition.items():
        by_kind.setdefault(section.kind.value, []).append(item.id)
    yes = set(prefilled)
    plan = {0: {"protective": 2}, 1: {"vulnerabilities": 2, "protective": 2},
            2: {"vulnerabilities": 2, "warning_signs": 2, "protective": 1},
            3: {"vulnerabilities": 3, "warning_signs": 4, "exchange": 1, "context": 1}}[intensity]
    for kind, count in plan.items():
        pool = by_kind.get(kind, [])
        yes.update(rng.sample(pool, k=min(count, len(pool))))
    answers: dict[str, Answer] = {}
    for _section, item in definition.items():
        if item.id in yes:
            answers[item.id] = Answer(AnswerStatus.YES, rng.choice((When.CURRENT, When.CURRENT, When.EARLIER)),
                                      rng.choice(list(Basis)), "Noted by staff; see the concern.")
        else:
            answers[item.id] = Answer(AnswerStatus.NO if rng.random() < 0.7 else AnswerStatus.NOT_KNOWN)
    return answers


def fill_demo_data(session: Any, *, children: int, concerns: int, seed: int = 1,
                   progress: Progress | None = None, today: date | None = None) -> DemoSummary:
    """Add ``children`` fictional children and ``concerns`` concerns spread over them, at every stage."""
    if children < 1 or concerns < 0:
        raise ValueError("need at least one child and no negative number of concerns")
    today = today or date.today()
    forms = load_forms()
    definition = forms.screening()
    signs = [item.id for section, item in definition.items() if section.kind.value == "warning_signs"]
    actor: Actor = session.actor()
    rng = random.Random(f"concerns:{seed}")  # noqa: S311 - reproducible fiction, not a secret
    details = demo_children(children, seed, today)
    names = [d.display_name for d in details]
    child_ids: list[int] = []
    with session.uow() as uow:
        for d in details:
            child = uow.children.add(d, actor)
            uow.audit.append(actor, "child.added", f"child:{child.child_id}", {"demo": True})
            child_ids.append(child.child_id)
        uow.commit()
    by_stage = dict.fromkeys(STAGES, 0)
    done = 0
    while done < concerns:
        with session.uow() as uow:
            for _ in range(min(BATCH, concerns - done)):
                index = rng.randrange(children)
                stage = rng.choices(STAGES, weights=(20, 30, 20, 15, 15))[0]
                by_stage[stage] += 1
                _one_concern(uow, rng, actor, definition, forms.contacts, child_ids[index], details[index], stage,
                             today, signs, names, f"DEMO-{seed}-{done:06d}")
                done += 1
            uow.commit()
        if progress is not None:
            progress(done, concerns)
    _log.info("demo data written: %s children, %s concerns", Safe(children), Safe(concerns))
    return DemoSummary(children, concerns, by_stage)


def _one_concern(uow: Any, rng: random.Random, actor: Actor, definition: Any, contacts: Any, child_id: int,
                 details: ChildDetails, stage: str, today: date, signs: list[str], names: list[str],
                 intake_reference: str) -> None:
    days_ago = {"waiting": rng.randint(0, 6), "referred": rng.randint(1, 20)}.get(stage, rng.randint(3, 400))
    happened = datetime.combine(today - timedelta(days=days_ago), time(rng.randint(8, 17), rng.choice((0, 15, 30))),
                                tzinfo=UTC)
    draft = _draft(rng, signs, happened, names)
    concern: Concern = uow.concerns.add(child_id, draft, actor, sealed=True, intake_reference=intake_reference)
    uow.audit.append(actor, "concern.imported", f"concern:{concern.concern_id}",
                     {"intake_reference": intake_reference, "demo": True})
    if rng.random() < 0.1:
        reason, change = rng.choice(CORRECTIONS)
        casework.write_addendum(uow, "concern", concern.concern_id, reason, change, actor)
    if stage == "waiting":
        return
    screened_on = happened.date() + timedelta(days=rng.randint(0, 2))
    from desktop_app.domain.records import Child

    child = Child(child_id, details, happened)
    draft_screening = start_screening(definition, contacts, child, concern, screened_on)
    intensity = rng.choices((0, 1, 2, 3), weights=(15, 25, 35, 25))[0]
    for item_id, answer in _answers(rng, definition, intensity, set(draft_screening.from_concern)).items():
        draft_screening.set_answer(item_id, answer)
    result = draft_screening.result()
    level = result.suggested_level
    override = ""
    if rng.random() < 0.08 and level is not RiskLevel.HIGH:
        level, override = RiskLevel(list(RiskLevel)[level.rank + 1]), rng.choice(OVERRIDE_REASONS)
    routes = tuple(a.route for a in result.routes) or (RouteId.MONITOR,)
    told = rng.random() < 0.85
    decision = casework.check_decision(casework.DecisionForm(
        confirmed_level=level, override_reason=override,
        childs_wishes="Wants things to calm down and to stay at this school.",
        parents_told=told, parents_views="Carer is worried and supports the plan." if told else "",
        parents_not_told_reason="" if told else "Telling the family could put the child at more risk.",
        danger_statement=f"{details.first_name} may be drawn further into exploitation and be harmed.",
        safety_goal=f"{details.first_name} has a trusted adult in school and is home safe each evening.",
        routes=routes, review_date=screened_on + timedelta(days=result.review_after_days or 28),
    ), result, screened_on)
    casework.save_screening(uow, concern.concern_id, draft_screening.definition_ref(),
                            draft_screening.answered_items(), decision, actor)
    if stage == "screened":
        return
    contacted = datetime.combine(screened_on, time(rng.randint(9, 16), 0), tzinfo=UTC)
    route = next((r for r in decision.routes if r in casework.ROUTES_NEEDING_CONFIRMATION), RouteId.SAFEGUARDING_HUB)
    form = casework.check_referral(casework.ReferralForm(
        route, rng.choice(("Duty social worker", "PC on the 101 desk", "LADO duty officer")) + " (fictional)",
        contacted, f"REF-{rng.randint(10000, 99999)}", "Referral accepted; they will contact the family.",
        True, contacted.date() + timedelta(days=casework.CONFIRMATION_DAYS)), contacted + timedelta(hours=1))
    entry = casework.add_referral(uow, concern.concern_id, form, actor)
    if stage == "referred":
        return
    casework.confirm_referral(uow, entry, contacted.date() + timedelta(days=rng.randint(0, 2)), actor)
    if stage == "closed":
        casework.close(uow, concern.concern_id, rng.choice(OUTCOMES), actor)


def demo_passphrase() -> str:
    """A throw-away passphrase for a demo vault, shown on its lock screen."""
    words = ("harbour", "lantern", "orchard", "pebble", "meadow", "thimble", "copper", "willow", "saffron")
    pick = [secrets.choice(words) for _ in range(4)]
    return f"demo {' '.join(pick)} {secrets.randbelow(100)}"


def create_demo_vault(vault_dir: Path, *, children: int = 40, concerns: int = 120, seed: int = 1,
                      progress: Progress | None = None) -> str:
    """Create a throw-away vault in ``vault_dir`` filled with fictional records; return its passphrase."""
    from desktop_app.services import vault as vault_service

    passphrase = demo_passphrase()
    created = vault_service.create_vault(Path(vault_dir), DEMO_SETTING, "Demo DSL", passphrase)
    try:
        fill_demo_data(created.session, children=children, concerns=concerns, seed=seed, progress=progress)
    finally:
        created.session.lock()
    return passphrase
