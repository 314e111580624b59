"""The fiction of demo data: names, scenarios and what a screening of each finds. Data and pure functions only.

Each concern comes from a small scenario (account, the child's words, place, signs ticked, category), so what it says
and what is ticked agree. ``services/demo/__init__.py`` decides when each concern's moments happen and writes them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from desktop_app.domain.enums import AnswerStatus, Basis, ChildRole, RouteId, When
from desktop_app.domain.records import AdultOfConcern, ChildDetails, ConcernDraft, OtherChild, Place
from desktop_app.domain.screening import Answer


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
    Culture(
        "English",
        ("Poppy", "Isla", "Evie", "Daisy", "Amelia", "Freya"),
        ("Alfie", "Archie", "Harry", "Freddie", "Oliver", "Rory"),
        ("Thistlewood", "Brightwater", "Marrowby", "Quillfeather", "Ashcombe", "Fernsby"),
    ),
    Culture(
        "Irish",
        ("Saoirse", "Siobhán", "Aoife", "Niamh"),
        ("Oisín", "Cian", "Darragh", "Tadhg"),
        ("Gallagher", "Donnelly", "Mulcahy", "Brennan"),
    ),
    Culture(
        "Polish",
        ("Łucja", "Zofia", "Wiktoria", "Maja"),
        ("Tomasz", "Dawid", "Jakub", "Szymon"),
        ("Kowalczyk", ("Wiśniewski", "Wiśniewska"), ("Żuławski", "Żuławska"), ("Nowicki", "Nowicka")),
    ),
    Culture(
        "Vietnamese",
        ("Linh", "Thảo", "Ngọc", "Hương"),
        ("Dương", "Minh", "Quang", "Huy"),
        ("Trần", "Nguyễn", "Phạm", "Lê"),
    ),
    Culture(
        "Arabic",
        ("Noor", "Aisha", "Layla", "Maryam"),
        ("Yusuf", "Tariq", "Omar", "Karim"),
        ("Haddad", "Al-Sayed", "Mansour", "Khalil"),
    ),
    Culture(
        "Greek",
        ("Ελένη", "Δήμητρα", "Κατερίνα", "Σοφία"),
        ("Νίκος", "Γιώργος", "Κώστας", "Άγγελος"),
        (("Παπαδόπουλος", "Παπαδοπούλου"), "Γεωργίου", "Οικονόμου", ("Νικολαΐδης", "Νικολαΐδου")),
    ),
    Culture(
        "Russian",
        ("Дарья", "Полина", "Ксения", "Аня"),
        ("Максим", "Артём", "Илья", "Кирилл"),
        (("Смирнов", "Смирнова"), ("Волков", "Волкова"), ("Соколов", "Соколова"), ("Морозов", "Морозова")),
    ),
    Culture(
        "Chinese", ("美玲", "雅婷", "思雨", "欣怡"), ("子轩", "浩然", "宇航", "俊杰"), ("陈", "王", "张", "刘", "黄")
    ),
    Culture(
        "Nigerian (Igbo)",
        ("Ngozi", "Chiamaka", "Adaeze", "Nneka"),
        ("Chidi", "Emeka", "Obinna", "Ikenna"),
        ("Okonkwo", "Eze", "Nwosu", "Okeke"),
    ),
    Culture(
        "Ghanaian (Akan)",
        ("Ama", "Akosua", "Abena", "Efua"),
        ("Kwame", "Kofi", "Yaw", "Kwabena"),
        ("Mensah", "Asante", "Owusu", "Boateng"),
    ),
    Culture(
        "Turkish",
        ("Elif", "Zeynep", "Defne", "Ayşe"),
        ("Emir", "Kerem", "Arda", "Barış"),
        ("Demir", "Yıldız", "Şahin", "Aydın"),
    ),
    Culture(
        "Somali",
        ("Hodan", "Ayaan", "Sahra", "Ifrah"),
        ("Abdi", "Mahad", "Liban", "Guled"),
        ("Warsame", "Jama", "Farah", "Egal"),
    ),
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
    Scenario(
        "cse",
        "Seen getting into a silver car driven by an older man after school at {place}. Friends say "
        "he picks them up most days and buys them things.",
        ("He's my boyfriend, he's nineteen, it's fine.", "He buys me stuff. He says I'm mature for my age.", ""),
        ("the school gates", "the retail park car park"),
        ("controlling_or_older_relationships",),
        ("exchange_tangible", "exchange_intangible", "increasing_secretiveness", "missing_or_found_out_of_area"),
        hours=(15, 16),
        adult=AdultOfConcern("'Tee'", "Man, about 20, grey hoodie", "Silver hatchback"),
    ),
    Scenario(
        "cce",
        "Came into the form room with new designer trainers and two phones and would not say where "
        "they came from. One of the phones rang again and again during registration.",
        ("My cousin gave me them.", "I'm fine, it's just some friends from town."),
        ("the form room",),
        ("unexplained_money_or_goods", "excessive_calls_or_multiple_phones"),
        ("exchange_tangible", "gang_association", "multiple_callers", "increasing_secretiveness"),
        hours=(8, 9),
    ),
    Scenario(
        "missing",
        "A family friend found them at {place} at eleven at night on a school night. Their carer "
        "told me this morning it is the third late night this month.",
        ("I was just with mates.", ""),
        ("the underpass by the canal", "the park behind the leisure centre"),
        ("missing_or_found_out_of_area", "parental_concerns"),
        ("returns_under_influence", "increasing_secretiveness", "exchange_intangible"),
        hours=(23, 23),
    ),
    Scenario(
        "county_lines",
        "Friends say an older group asked them to take a bag on the train to another town. "
        "They were absent on Thursday with no explanation from home.",
        ("It's only dropping off a bag, it's not a big deal.", "I can't tell you, they'll know it was me."),
        ("the railway station",),
        ("exclusion_or_unexplained_absence", "missing_or_found_out_of_area"),
        ("county_lines", "gang_association", "exchange_tangible", "exchange_prevention_of_harm"),
        group=True,
    ),
    Scenario(
        "cce",
        "Missed afternoon lessons three days running; seen near {place} with older teenagers who are "
        "not from this school.",
        ("I just didn't feel like going.", ""),
        ("the chicken shop on Mill Road", "the tram stop"),
        ("exclusion_or_unexplained_absence", "isolated_from_peers"),
        ("gang_association", "decline_in_attainment", "exchange_intangible"),
        hours=(13, 15),
    ),
    Scenario(
        "online",
        "Showed me messages from an adult they met online offering money for photos. They have "
        "been tired and withdrawn in lessons for two weeks.",
        ("He said he'd send them to everyone if I stop answering.", "I didn't know what to do."),
        ("online (messaging app)",),
        ("concerning_online_use", "self_harm_or_wellbeing_change"),
        (
            "online_exploitation",
            "exchange_tangible",
            "exchange_prevention_of_harm",
            "controlling_or_older_relationships",
        ),
        hours=(10, 14),
    ),
    Scenario(
        "cce",
        "Has a cut and swelling across the knuckles that they would not explain, and was anxious "
        "when their phone rang in the lesson; asked to leave the room to answer it.",
        ("I fell off my bike.", "I can't tell you, they'll know it was me."),
        ("the science block",),
        ("assault_or_unexplained_injuries", "excessive_calls_or_multiple_phones"),
        ("gang_association", "exchange_prevention_of_harm", "carrying_weapons"),
        hours=(9, 14),
    ),
    Scenario(
        "cce",
        "Told me at the end of the lesson that they owe someone money and 'have to work it off'. "
        "Would not say who, and asked me not to tell anyone.",
        ("If I don't do it they'll go after my little brother.", "I have to pay it back, that's all."),
        ("the library",),
        ("increasing_secretiveness",),
        ("exchange_prevention_of_harm", "county_lines", "gang_association"),
        hours=(11, 15),
    ),
    Scenario(
        "cse",
        "Friends say they have been going to parties at {place} with men in their twenties who give "
        "them vodka. Came in on Monday smelling of alcohol.",
        ("They're just parties. Everyone goes.", ""),
        ("a flat on Orchard Rise",),
        ("returns_under_influence", "controlling_or_older_relationships"),
        ("exchange_tangible", "exchange_intangible", "group_or_community", "missing_or_found_out_of_area"),
        hours=(8, 10),
        adult=AdultOfConcern("'Dee'", "Man in his twenties, lives at the flat"),
        group=True,
    ),
    Scenario(
        "cce",
        "A kitchen knife was found in their bag at morning registration. They said it was for "
        "protection on the way home past {place}.",
        ("Everyone carries one round there. I need it.",),
        ("the underpass by the canal", "the bus station"),
        ("carrying_weapons",),
        ("gang_association", "assault_or_unexplained_injuries", "county_lines"),
        hours=(8, 9),
        weight=2,
    ),
    Scenario(
        "cse",
        "Told me a sports coach from a club outside school has been messaging them late at night "
        "and asking them to keep it a secret.",
        ("He said it's our secret and no one would understand.",),
        ("online (messaging app)",),
        ("concerning_online_use", "controlling_or_older_relationships", "increasing_secretiveness"),
        ("adult_working_with_children", "online_exploitation", "exchange_intangible"),
        hours=(9, 15),
        adult=AdultOfConcern("'Coach Ray'", "Sports coach at a club outside school"),
        about_staff=True,
        weight=1,
    ),
    Scenario(
        "cce",
        "Rang the school office at lunchtime from {place}, crying, saying men they owe money to are "
        "waiting for them and they cannot get home.",
        ("Please come and get me, they're still here.",),
        ("the bus station", "the retail park car park"),
        ("exclusion_or_unexplained_absence", "missing_or_found_out_of_area"),
        ("exchange_prevention_of_harm", "gang_association", "county_lines"),
        hours=(12, 13),
        immediate_danger=True,
        weight=1,
    ),
    Scenario(
        "missing",
        "Their carer rang: they have been coming home late and will not say where they have been. "
        "In school they seem quieter than usual.",
        ("I'm fine, it's just some friends from town.", ""),
        ("home",),
        ("parental_concerns", "increasing_secretiveness"),
        ("isolated_from_peers",),
        hours=(8, 10),
    ),
    Scenario(
        "other",
        "Seen handing a package to an older teenager at {place}. On asking, it was a birthday "
        "present for their sister, who confirmed it; recorded to be safe.",
        ("It's for my sister, she's in Year 12.",),
        ("the tram stop", "the school gates"),
        (),
        hours=(15, 16),
    ),
    Scenario(
        "online",
        "A parent rang, worried about an older 'friend' messaging their child. It is a cousin "
        "the family knows well; recorded to be safe.",
        ("He's my cousin, we play games online.",),
        ("online (games chat)",),
        (),
        hours=(9, 12),
    ),
)

# Background a screening may find (never one that contradicts the child's record, such as being in care).
VULNERABILITIES = (
    "unsafe_or_unstable_home",
    "recent_bereavement_or_loss",
    "social_isolation",
    "economically_vulnerable",
    "connected_to_exploited_children",
    "prior_abuse_or_neglect",
)
RECORDERS = (
    ("Ola Fenwick", "Form tutor"),
    ("Dev Marsh", "Head of Year"),
    ("Ruth Kinsella", "Teaching assistant"),
    ("Yara Nassif", "Receptionist"),
    ("Tom Ashdown", "Teacher"),
)
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
# What the agency said when contacted, matching how the concern closed later (never "accepted" then "no action").
REFERRAL_SAID = {
    OUTCOME_REFERRED[0]: "Hub will look at it with what they hold and ring back with their decision.",
    OUTCOME_REFERRED[1]: "Referral accepted; they will pass it to the Amber Project and contact the family.",
}
OUTCOME_SCREENED = "Screening found no sign of exploitation; kept on file. Staff to record any new concern."
CONSENT_REFUSED = (
    "Mother said the school is making too much of it and the family will sort it out themselves.",
    "Father said he does not want social services involved again after last year.",
)
CONSENT_NOT_SOUGHT = (
    "Seeking it would alert the adult the child is afraid of, who lives at the family home; agreed with the duty "
    "worker.",
    "The child asked us not to tell home yet and is frightened of what would happen; the Hub advised us not to.",
)
PARENTS_NOT_TOLD = "The duty worker asked us not to tell them until the strategy discussion has been held."


def referral_request(seed: str, route: RouteId, suggested: tuple[str, ...], amber: bool, told: bool) -> dict[str, Any]:
    """What the DSL asked for and the consent they recorded, agreeing with whether the parents were told."""
    rng = random.Random(seed)  # noqa: S311 - reproducible fiction; its own stream, so other demo values stay put
    asks = (
        (*suggested, "amber_project")
        if amber and route in (RouteId.SAFEGUARDING_HUB, RouteId.SOCIAL_WORKER)
        else suggested
    )
    if not told:
        return {
            "asks": asks,
            "consent": "not_sought",
            "consent_note": rng.choice(CONSENT_NOT_SOUGHT),
            "parents_told": False,
            "parents_not_told_reason": PARENTS_NOT_TOLD,
        }
    if rng.random() < 0.2:
        return {"asks": asks, "consent": "refused", "consent_note": rng.choice(CONSENT_REFUSED), "parents_told": True}
    return {"asks": asks, "consent": "given", "parents_told": True}


# What staff add after the account; none of it changes what the account says was seen (and so what is ticked).
AFTERWORDS = (
    "",
    " A friend came with them to tell me.",
    " They were calm when I asked about it.",
    " They became upset when I asked and would not say more.",
    " I spoke to them on their own in the pastoral office.",
    " Another member of staff was with me at the time.",
    " I wrote this down straight after speaking to them.",
    " They said they did not want to get anyone into trouble.",
)


def _part_of_day(hour: int) -> str:
    return (
        "morning"
        if hour < 12
        else ("lunchtime" if hour < 14 else ("afternoon" if hour < 18 else ("evening" if hour < 22 else "night")))
    )


def distinct_account(account: str, rng: random.Random, happened: datetime | None, used: set[str]) -> str:
    """``account`` as this concern's recorder wrote it, different from every account in ``used`` (then added to
    it): a closing remark, then when it was, then the time, so no two demo concerns read the same."""
    first = rng.randrange(len(AFTERWORDS))
    candidates = [account + AFTERWORDS[(first + n) % len(AFTERWORDS)] for n in range(len(AFTERWORDS))]
    if happened is not None:
        local = happened.astimezone()
        when = f" This was on {local:%A} {_part_of_day(local.hour)}."
        candidates += [c + when for c in candidates]
        candidates += [c + f" It was about {local:%H:%M} on {local.day} {local:%B}." for c in candidates]
    text = next((c for c in candidates if c not in used), None)
    number = 2
    while text is None or text in used:  # only when one child's day repeats itself to the minute
        text = f"{candidates[0]} (Note {number} of the day.)"
        number += 1
    used.add(text)
    return text


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
        children.append(
            ChildDetails(
                first_name=rng.choice(culture.girls if girl else culture.boys),
                last_name=culture.family_name(rng, girl),
                date_of_birth=_dob(rng, year, today),
                year_group=f"Year {year}",
                gender=gender,
                social_worker="Sam Okafor (children's social care, 01632 960555)" if social_worker else "",
                learning_disability=rng.random() < 0.08,
                address=f"{rng.randint(1, 120)} Example Street, Exampleton",
            )
        )
    return children


def concern_draft(
    rng: random.Random, scenario: Scenario, happened: datetime, recorded: datetime, others: list[str]
) -> ConcernDraft:
    """What a member of staff records for ``scenario`` (``others``: another child who may be named)."""
    place = rng.choice(scenario.places)
    named = (
        (OtherChild(rng.choice(others), rng.choice((ChildRole.WITNESS, ChildRole.OTHER))),)
        if others and rng.random() < 0.25
        else ()
    )
    recorder, role = rng.choice(RECORDERS)
    return ConcernDraft(
        immediate_danger=scenario.immediate_danger,
        happened_at=happened,
        location=place,
        account=scenario.account.format(place=place),
        childs_words=rng.choice(scenario.words),
        action_taken="Listened, did not promise secrecy, told the DSL straight away.",
        category_ids=(scenario.category,),
        sign_ids=scenario.signs,
        other_children=named,
        adults=(scenario.adult,) if scenario.adult else (),
        places=(Place(place),),
        about_adult_working_with_children=scenario.about_staff,
        group_or_community=scenario.group,
        recorder_name=recorder,
        recorder_role=role,
        recorded_at=recorded,
        declaration=True,
    )


def screening_answers(
    rng: random.Random, definition: Any, scenario: Scenario, details: ChildDetails, prefilled: set[str]
) -> dict[str, Answer]:
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
