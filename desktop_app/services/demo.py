"""Fictional children and concerns at every stage, for trying Waymark out and for scale checks.

Everything is written through the same use cases the screens use (intake's import step, casework's screening,
referral, confirmation, correction and closing), so a demo vault holds exactly what real use would: audit rows,
status events, addenda. The same seed gives the same children, concerns and decisions (on the same day).

Each concern comes from a small scenario (account, the child's words, place, signs ticked, category), so what it says
and what is ticked agree. Its moments are in the order real casework makes them: it happened, was recorded and
submitted, then screened, referred and confirmed. The store stamps a screening with the clock (it takes no other
time), so demo screenings are all "now": their review dates lie ahead, and concerns are at most three weeks old.
"""

from __future__ import annotations

import logging
import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from desktop_app.definitions import load_forms
from desktop_app.domain.enums import AnswerStatus, Basis, ChildRole, RiskLevel, RouteId, When
from desktop_app.domain.records import (
    Actor,
    AdultOfConcern,
    Child,
    ChildDetails,
    Concern,
    ConcernDraft,
    OtherChild,
    Place,
    ScreeningRecord,
    Setting,
)
from desktop_app.domain.screening import Answer
from desktop_app.log import Safe
from desktop_app.screening import default_review_date
from desktop_app.services import casework
from desktop_app.services.screening_flow import start_screening

_log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
BATCH = 25  # concerns written per transaction: fast, and a crash loses at most one batch of fiction

DEMO_SETTING = Setting(name="Hollybrook Academy (demo: fictional records)", address="1 Example Lane, Exampleton",
                       phone="01632 960000", dsl_name="Demo DSL", dsl_phone="01632 960001")


@dataclass(frozen=True, slots=True)
class Culture:
    """First and family names from one naming tradition, so a child's two names belong together."""

    name: str
    girls: tuple[str, ...]
    boys: tuple[str, ...]
    families: tuple[str | tuple[str, str], ...]  # (a boy's form, a girl's form) where the language inflects it

    def family_names(self) -> set[str]:
        return {form for family in self.families for form in ((family,) if isinstance(family, str) else family)}

    def family_name(self, rng: random.Random, girl: bool) -> str:
        family = rng.choice(self.families)
        return family if isinstance(family, str) else family[1 if girl else 0]


# Plainly fictional children: common given names with invented or everyday family names. Any likeness is chance.
CULTURES = (
    Culture("English", ("Poppy", "Isla", "Evie", "Daisy", "Amelia", "Freya"),
            ("Alfie", "Archie", "Harry", "Freddie", "Oliver", "Rory"),
            ("Thistlewood", "Brightwater", "Marrowby", "Quillfeather", "Ashcombe", "Fernsby")),
    Culture("Irish", ("Saoirse", "Siobhán", "Aoife", "Niamh"), ("Oisín", "Cian", "Darragh", "Tadhg"),
            ("Gallagher", "Donnelly", "Mulcahy", "Brennan")),
    Culture("Polish", ("Łucja", "Zofia", "Wiktoria", "Maja"), ("Tomasz", "Dawid", "Jakub", "Szymon"),
            ("Kowalczyk", ("Wiśniewski", "Wiśniewska"), ("Żuławski", "Żuławska"), ("Nowicki", "Nowicka"))),
    Culture("Vietnamese", ("Linh", "Thảo", "Ngọc", "Hương"), ("Dương", "Minh", "Quang", "Huy"),
            ("Trần", "Nguyễn", "Phạm", "Lê")),
    Culture("Arabic", ("Noor", "Aisha", "Layla", "Maryam"), ("Yusuf", "Tariq", "Omar", "Karim"),
            ("Haddad", "Al-Sayed", "Mansour", "Khalil")),
    Culture("Greek", ("Ελένη", "Δήμητρα", "Κατερίνα", "Σοφία"), ("Νίκος", "Γιώργος", "Κώστας", "Άγγελος"),
            (("Παπαδόπουλος", "Παπαδοπούλου"), "Γεωργίου", "Οικονόμου", ("Νικολαΐδης", "Νικολαΐδου"))),
    Culture("Russian", ("Дарья", "Полина", "Ксения", "Аня"), ("Максим", "Артём", "Илья", "Кирилл"),
            (("Смирнов", "Смирнова"), ("Волков", "Волкова"), ("Соколов", "Соколова"), ("Морозов", "Морозова"))),
    Culture("Chinese", ("美玲", "雅婷", "思雨", "欣怡"), ("子轩", "浩然", "宇航", "俊杰"),
            ("陈", "王", "张", "刘", "黄")),
    Culture("Nigerian (Igbo)", ("Ngozi", "Chiamaka", "Adaeze", "Nneka"), ("Chidi", "Emeka", "Obinna", "Ikenna"),
            ("Okonkwo", "Eze", "Nwosu", "Okeke")),
    Culture("Ghanaian (Akan)", ("Ama", "Akosua", "Abena", "Efua"), ("Kwame", "Kofi", "Yaw", "Kwabena"),
            ("Mensah", "Asante", "Owusu", "Boateng")),
    Culture("Turkish", ("Elif", "Zeynep", "Defne", "Ayşe"), ("Emir", "Kerem", "Arda", "Barış"),
            ("Demir", "Yıldız", "Şahin", "Aydın")),
    Culture("Somali", ("Hodan", "Ayaan", "Sahra", "Ifrah"), ("Abdi", "Mahad", "Liban", "Guled"),
            ("Warsame", "Jama", "Farah", "Egal")),
)


@dataclass(frozen=True, slots=True)
class Scenario:
    """One kind of concern as a member of staff would record it; what is ticked is what the account describes."""

    category: str
    account: str  # may name {place}
    words: tuple[str, ...]  # the child's own words, one chosen ("" when they said nothing)
    places: tuple[str, ...]
    signs: tuple[str, ...]  # warning signs the recorder ticks
    further: tuple[str, ...] = ()  # what a screening may also find (more signs, exchange, context)
    hours: tuple[int, int] = (8, 15)  # when in the day it happens
    adult: AdultOfConcern | None = None
    about_staff: bool = False
    group: bool = False
    immediate_danger: bool = False
    weight: int = 3

    @property
    def benign(self) -> bool:
        return not self.signs and not self.further


SCENARIOS = (
    Scenario("cse", "Seen getting into a silver car driven by an older man after school at {place}. Friends say "
             "he picks them up most days and buys them things.",
             ("He's my boyfriend, he's nineteen, it's fine.", "He buys me stuff. He says I'm mature for my age.", ""),
             ("the school gates", "the retail park car park"), ("controlling_or_older_relationships",),
             ("exchange_tangible", "exchange_intangible", "increasing_secretiveness", "missing_or_found_out_of_area"),
             hours=(15, 16), adult=AdultOfConcern("'Tee'", "Man, about 20, grey hoodie", "Silver hatchback")),
    Scenario("cce", "Came into the form room with new designer trainers and two phones and would not say where "
             "they came from. One of the phones rang again and again during registration.",
             ("My cousin gave me them.", "I'm fine, it's just some friends from town."), ("the form room",),
             ("unexplained_money_or_goods", "excessive_calls_or_multiple_phones"),
             ("exchange_tangible", "gang_association", "multiple_callers", "increasing_secretiveness"), hours=(8, 9)),
    Scenario("missing", "A family friend found them at {place} at eleven at night on a school night. Their carer "
             "told me this morning it is the third late night this month.",
             ("I was just with mates.", ""), ("the underpass by the canal", "the park behind the leisure centre"),
             ("missing_or_found_out_of_area", "parental_concerns"),
             ("returns_under_influence", "increasing_secretiveness", "exchange_intangible"), hours=(23, 23)),
    Scenario("county_lines", "Friends say an older group asked them to take a bag on the train to another town. "
             "They were absent on Thursday with no explanation from home.",
             ("It's only dropping off a bag, it's not a big deal.", "I can't tell you, they'll know it was me."),
             ("the railway station",), ("exclusion_or_unexplained_absence", "missing_or_found_out_of_area"),
             ("county_lines", "gang_association", "exchange_tangible", "exchange_prevention_of_harm"), group=True),
    Scenario("cce", "Missed afternoon lessons three days running; seen near {place} with older teenagers who are "
             "not from this school.", ("I just didn't feel like going.", ""),
             ("the chicken shop on Mill Road", "the tram stop"),
             ("exclusion_or_unexplained_absence", "isolated_from_peers"),
             ("gang_association", "decline_in_attainment", "exchange_intangible"), hours=(13, 15)),
    Scenario("online", "Showed me messages from an adult they met online offering money for photos. They have "
             "been tired and withdrawn in lessons for two weeks.",
             ("He said he'd send them to everyone if I stop answering.", "I didn't know what to do."),
             ("online (messaging app)",), ("concerning_online_use", "self_harm_or_wellbeing_change"),
             ("online_exploitation", "exchange_tangible", "exchange_prevention_of_harm",
              "controlling_or_older_relationships"), hours=(10, 14)),
    Scenario("cce", "Has a cut and swelling across the knuckles that they would not explain, and was anxious "
             "when their phone rang in the lesson; asked to leave the room to answer it.",
             ("I fell off my bike.", "I can't tell you, they'll know it was me."), ("the science block",),
             ("assault_or_unexplained_injuries", "excessive_calls_or_multiple_phones"),
             ("gang_association", "exchange_prevention_of_harm", "carrying_weapons"), hours=(9, 14)),
    Scenario("cce", "Told me at the end of the lesson that they owe someone money and 'have to work it off'. "
             "Would not say who, and asked me not to tell anyone.",
             ("If I don't do it they'll go after my little brother.", "I have to pay it back, that's all."),
             ("the library",), ("increasing_secretiveness",),
             ("exchange_prevention_of_harm", "county_lines", "gang_association"), hours=(11, 15)),
    Scenario("cse", "Friends say they have been going to parties at {place} with men in their twenties who give "
             "them vodka. Came in on Monday smelling of alcohol.",
             ("They're just parties. Everyone goes.", ""), ("a flat on Orchard Rise",),
             ("returns_under_influence", "controlling_or_older_relationships"),
             ("exchange_tangible", "exchange_intangible", "group_or_community", "missing_or_found_out_of_area"),
             hours=(8, 10), adult=AdultOfConcern("'Dee'", "Man in his twenties, lives at the flat"), group=True),
    Scenario("cce", "A kitchen knife was found in their bag at morning registration. They said it was for "
             "protection on the way home past {place}.",
             ("Everyone carries one round there. I need it.",), ("the underpass by the canal", "the bus station"),
             ("carrying_weapons",), ("gang_association", "assault_or_unexplained_injuries", "county_lines"),
             hours=(8, 9), weight=2),
    Scenario("cse", "Told me a sports coach from a club outside school has been messaging them late at night "
             "and asking them to keep it a secret.",
             ("He said it's our secret and no one would understand.",), ("online (messaging app)",),
             ("concerning_online_use", "controlling_or_older_relationships", "increasing_secretiveness"),
             ("adult_working_with_children", "online_exploitation", "exchange_intangible"), hours=(9, 15),
             adult=AdultOfConcern("'Coach Ray'", "Sports coach at a club outside school"), about_staff=True, weight=1),
    Scenario("cce", "Rang the school office at lunchtime from {place}, crying, saying men they owe money to are "
             "waiting for them and they cannot get home.",
             ("Please come and get me, they're still here.",), ("the bus station", "the retail park car park"),
             ("exclusion_or_unexplained_absence", "missing_or_found_out_of_area"),
             ("exchange_prevention_of_harm", "gang_association", "county_lines"), hours=(12, 13),
             immediate_danger=True, weight=1),
    Scenario("missing", "Their carer rang: they have been coming home late and will not say where they have been. "
             "In school they seem quieter than usual.", ("I'm fine, it's just some friends from town.", ""),
             ("home",), ("parental_concerns", "increasing_secretiveness"), ("isolated_from_peers",), hours=(8, 10)),
    Scenario("other", "Seen handing a package to an older teenager at {place}. On asking, it was a birthday "
             "present for their sister, who confirmed it; recorded to be safe.",
             ("It's for my sister, she's in Year 12.",), ("the tram stop", "the school gates"), (), hours=(15, 16)),
    Scenario("online", "A parent rang, worried about an older 'friend' messaging their child. It is a cousin "
             "the family knows well; recorded to be safe.", ("He's my cousin, we play games online.",),
             ("online (games chat)",), (), hours=(9, 12)),
)

# Background a screening may find (never one that contradicts the child's record, such as being in care).
VULNERABILITIES = ("unsafe_or_unstable_home", "recent_bereavement_or_loss", "social_isolation",
                   "economically_vulnerable", "connected_to_exploited_children", "prior_abuse_or_neglect")
RECORDERS = (("Ola Fenwick", "Form tutor"), ("Dev Marsh", "Head of Year"), ("Ruth Kinsella", "Teaching assistant"),
             ("Yara Nassif", "Receptionist"), ("Tom Ashdown", "Teacher"))
OVERRIDE_REASONS = (
    "Known to the youth justice service, who already have a plan in place this week.",
    "New information from a parent after the screening raises my concern.",
)
CONTACTED = {
    RouteId.SOCIAL_WORKER: "the child's social worker, Sam Okafor (fictional)",
    RouteId.SAFEGUARDING_HUB: "Duty worker at the Safeguarding Hub (fictional)",
    RouteId.POLICE_101: "PC on the 101 desk (fictional)",
    RouteId.LADO: "LADO duty officer (fictional)",
    RouteId.NRM: "Duty worker, children's social care (fictional)",
}
OUTCOME_REFERRED = (
    "Safeguarding Hub: no further action from them; school keeps monitoring and records any new concern.",
    "Passed to the Amber Project, who will allocate a worker; concern closed here and kept on the child's file.",
)
OUTCOME_SCREENED = "Screening found no sign of exploitation; kept on file. Staff to record any new concern."


@dataclass(frozen=True, slots=True)
class DemoSummary:
    children: int
    concerns: int
    by_stage: dict[str, int]


def _school_year_start(today: date) -> int:
    return today.year if today.month >= 9 else today.year - 1


def _dob(rng: random.Random, year_group: int, today: date) -> date:
    """A birthday that puts the child in ``year_group`` (in England: their age on 31 August, less four)."""
    born_by = date(_school_year_start(today) - year_group - 4, 8, 31)
    return born_by - timedelta(days=rng.randrange(365))


def demo_children(count: int, seed: int, today: date) -> list[ChildDetails]:
    """``count`` fictional children, the same list for the same seed."""
    rng = random.Random(f"children:{seed}")  # noqa: S311 - reproducible fiction, not a secret
    children = []
    for _ in range(count):
        culture = rng.choice(CULTURES)
        gender = rng.choices(("Girl", "Boy", "Non-binary", ""), weights=(45, 45, 4, 6))[0]
        girl = gender == "Girl" or (gender not in ("Girl", "Boy") and rng.random() < 0.5)
        year = rng.choices(range(7, 14), weights=(6, 6, 6, 6, 6, 3, 3))[0]
        social_worker = rng.random() < 0.2
        children.append(ChildDetails(
            first_name=rng.choice(culture.girls if girl else culture.boys),
            last_name=culture.family_name(rng, girl), date_of_birth=_dob(rng, year, today),
            year_group=f"Year {year}", gender=gender,
            social_worker="Sam Okafor (children's social care, 01632 960555)" if social_worker else "",
            learning_disability=rng.random() < 0.08, address=f"{rng.randint(1, 120)} Example Street, Exampleton",
        ))
    return children


def _moments(rng: random.Random, scenario: Scenario, days_ago: int, today: date,
             now: datetime) -> tuple[datetime, datetime]:
    """When it happened and when it was recorded (that day, or the next morning for a late evening)."""
    start, end = scenario.hours
    happened = datetime.combine(today - timedelta(days=days_ago),
                                time(rng.randint(start, end), rng.choice((0, 15, 30, 45)))).astimezone()
    if start >= 18:
        recorded = datetime.combine(happened.date() + timedelta(days=1), time(8, 30)).astimezone()
    else:
        recorded = happened + timedelta(minutes=rng.randint(10, 150))
    while recorded > now:  # today's early hours: the same story a day earlier
        happened, recorded = happened - timedelta(days=1), recorded - timedelta(days=1)
    return happened, recorded


def _draft(rng: random.Random, scenario: Scenario, happened: datetime, recorded: datetime,
           others: list[str]) -> ConcernDraft:
    place = rng.choice(scenario.places)
    named = (OtherChild(rng.choice(others), rng.choice((ChildRole.WITNESS, ChildRole.OTHER))),) \
        if others and rng.random() < 0.25 else ()
    recorder, role = rng.choice(RECORDERS)
    return ConcernDraft(
        immediate_danger=scenario.immediate_danger, happened_at=happened, location=place,
        account=scenario.account.format(place=place), childs_words=rng.choice(scenario.words),
        action_taken="Listened, did not promise secrecy, told the DSL straight away.",
        category_ids=(scenario.category,), sign_ids=scenario.signs, other_children=named,
        adults=(scenario.adult,) if scenario.adult else (), places=(Place(place),),
        about_adult_working_with_children=scenario.about_staff, group_or_community=scenario.group,
        recorder_name=recorder, recorder_role=role, recorded_at=recorded, declaration=True,
    )


STAGES = ("waiting", "screened", "referred", "confirmed", "closed")


def _answers(rng: random.Random, definition: Any, scenario: Scenario, details: ChildDetails,
             prefilled: set[str]) -> dict[str, Answer]:
    """Yes to the recorder's ticks, to some of what the scenario may also show, and to a little background."""
    yes = set(prefilled)
    if not scenario.benign:
        depth = rng.choices((0, 1, 2, 3), weights=(20, 30, 30, 20))[0]
        yes.update(rng.sample(scenario.further, k=min(depth, len(scenario.further))))
        yes.update(rng.sample(VULNERABILITIES, k=rng.randint(0, 2)))
    if details.learning_disability:
        yes.add("learning_disability")
    protective = [item.id for section, item in definition.items() if section.kind.value == "protective"]
    yes.update(rng.sample(protective, k=rng.randint(1, 3)))
    answers: dict[str, Answer] = {}
    for _section, item in definition.items():
        if item.id in yes:
            when = When.CURRENT if item.id in prefilled or rng.random() < 0.8 else When.EARLIER
            answers[item.id] = Answer(AnswerStatus.YES, when, rng.choice(list(Basis)), "Noted; see the concern.")
        else:
            answers[item.id] = Answer(AnswerStatus.NO if rng.random() < 0.7 else AnswerStatus.NOT_KNOWN)
    return answers


def _clock() -> datetime:
    return datetime.now().astimezone()


def fill_demo_data(session: Any, *, children: int, concerns: int, seed: int = 1,
                   progress: Progress | None = None, today: date | None = None) -> DemoSummary:
    """Add ``children`` fictional children and ``concerns`` concerns spread over them, at every stage.

    Concerns happen before ``today`` (default: the clock's date, which cannot be earlier: screenings are stamped
    with the clock).
    """
    if children < 1 or concerns < 0:
        raise ValueError("need at least one child and no negative number of concerns")
    if today is not None and today > _clock().date():
        raise ValueError("demo concerns cannot happen after the day they are screened (today)")
    today = today or _clock().date()
    forms = load_forms()
    definition = forms.screening()
    actor: Actor = session.actor()
    rng = random.Random(f"concerns:{seed}")  # noqa: S311 - reproducible fiction, not a secret
    details = demo_children(children, seed, today)
    child_ids: list[int] = []
    with session.uow() as uow:
        for d in details:
            child = uow.children.add(d, actor)
            uow.audit.append(actor, "child.added", f"child:{child.child_id}", {"demo": True})
            child_ids.append(child.child_id)
        uow.commit()
    names = [d.display_name for d in details]
    by_stage = dict.fromkeys(STAGES, 0)
    done = 0
    while done < concerns:
        with session.uow() as uow:
            for _ in range(min(BATCH, concerns - done)):
                index = rng.randrange(children)
                stage = rng.choices(STAGES, weights=(20, 30, 20, 15, 15))[0]
                scenario = rng.choices(SCENARIOS, weights=[s.weight for s in SCENARIOS])[0]
                other = rng.randrange(children - 1) if children > 1 else None  # another child to name, never them
                others = [names[other + (other >= index)]] if other is not None else []
                reached = _one_concern(uow, rng, actor, definition, forms.contacts,
                                       Child(child_ids[index], details[index], _clock()), scenario, stage, today,
                                       others, f"DEMO-{seed}-{done:06d}")
                by_stage[reached] += 1
                done += 1
            uow.commit()
        if progress is not None:
            progress(done, concerns)
    _log.info("demo data written: %s children, %s concerns", Safe(children), Safe(concerns))
    return DemoSummary(children, concerns, by_stage)


def _one_concern(uow: Any, rng: random.Random, actor: Actor, definition: Any, contacts: Any, child: Child,
                 scenario: Scenario, stage: str, today: date, others: list[str], intake_reference: str) -> str:
    """Write one concern and take it as far as ``stage``; return the stage it reached (a concern that needs no
    referral stops at screened, or is closed straight after)."""
    # Waiting ones are days old; the rest were screened just now, so they are recent too (see the module note).
    days_ago = rng.choices((rng.randint(1, 3), rng.randint(4, 10)), weights=(3, 1))[0] if stage == "waiting" \
        else rng.randint(1, 21)
    happened, recorded = _moments(rng, scenario, days_ago, today, _clock())
    draft = _draft(rng, scenario, happened, recorded, others)
    concern: Concern = uow.concerns.add(child.child_id, draft, actor, sealed=True, intake_reference=intake_reference)
    uow.audit.append(actor, "concern.imported", f"concern:{concern.concern_id}",
                     {"intake_reference": intake_reference, "demo": True})
    if rng.random() < 0.1:
        later = happened + timedelta(minutes=30)
        casework.write_addendum(uow, "concern", concern.concern_id, "The time was recorded wrongly.",
                                f"It happened at {later:%H:%M}, not {happened:%H:%M}.", actor)
    if stage == "waiting":
        return stage
    record = _screen(uow, rng, actor, definition, contacts, child, concern, scenario)
    route = next((r for r in record.decision.routes if r in casework.ROUTES_NEEDING_CONFIRMATION), None)
    if route is None:  # monitor or early help only: nobody to refer to
        if stage == "closed":
            casework.close(uow, concern.concern_id, OUTCOME_SCREENED, actor)
            return stage
        return "screened"
    if stage == "screened":
        return stage
    contacted = max(_clock(), casework.local(record.completed_at))  # after the screening, as the store stamped it
    form = casework.check_referral(casework.ReferralForm(
        route, CONTACTED[route], contacted, f"REF-{rng.randint(10000, 99999)}",
        "Referral accepted; they will contact the family.", True, casework.default_confirmation_due(contacted)),
        contacted, concern.submitted_at)
    entry = casework.add_referral(uow, concern.concern_id, form, actor)
    if stage == "referred":
        return stage
    casework.confirm_referral(uow, entry, contacted.date(), actor)
    if stage == "closed":
        casework.close(uow, concern.concern_id, rng.choice(OUTCOME_REFERRED), actor)
    return stage


def _screen(uow: Any, rng: random.Random, actor: Actor, definition: Any, contacts: Any, child: Child,
            concern: Concern, scenario: Scenario) -> ScreeningRecord:
    """Screen the concern now, with a decision that follows the tool (now and then raised, with a reason)."""
    screened_on = _clock().date()
    draft = start_screening(definition, contacts, child, concern, screened_on)
    for item_id, answer in _answers(rng, definition, scenario, child.details, set(draft.from_concern)).items():
        draft.set_answer(item_id, answer)
    result = draft.result()
    level, override = result.suggested_level, ""
    if rng.random() < 0.08 and level is not RiskLevel.HIGH:
        level, override = list(RiskLevel)[level.rank + 1], rng.choice(OVERRIDE_REASONS)
    routes = tuple(a.route for a in result.routes) or (RouteId.MONITOR,)
    told = rng.random() < 0.85
    name = child.details.first_name
    decision = casework.check_decision(casework.DecisionForm(
        confirmed_level=level, override_reason=override,
        childs_wishes="Wants things to calm down and to stay at this school.",
        parents_told=told, parents_views="Carer is worried and supports the plan." if told else "",
        parents_not_told_reason="" if told else "Telling the family could put the child at more risk.",
        danger_statement=f"{name} may be drawn further into exploitation and be harmed.",
        safety_goal=f"{name} has a trusted adult in school and is home safe each evening.",
        routes=routes, review_date=default_review_date(level, screened_on, definition),
    ), result, screened_on)
    return casework.save_screening(uow, concern.concern_id, draft.definition_ref(), draft.answered_items(), decision,
                                   actor)


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
