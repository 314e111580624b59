"""Fictional child-file details for the demo children: family, language, needs, GP, identifiers, professionals.

Every person is invented; telephone numbers are in Ofcom's drama ranges (07700 900xxx, 0114 496 0xxx), email
addresses at example.org, NHS numbers in the 999 range the NHS keeps for testing, UPNs for an invented school
(LA 999). The same seed gives the same details. A child marked with a learning disability gets a need that says so,
so the screening's fact and the child file agree.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from desktop_app.definitions.loader import child_details_definition
from desktop_app.domain.child import ContactPerson, HouseholdMember, SenStatus
from desktop_app.domain.identifiers import upn_check_letter
from desktop_app.domain.records import ChildDetails
from desktop_app.services.child.details import completed
from desktop_app.services.demo.scenarios import CULTURES

LANGUAGE = {
    "English": "English",
    "Irish": "English",
    "Polish": "Polish",
    "Vietnamese": "Vietnamese",
    "Arabic": "Arabic",
    "Greek": "Greek",
    "Russian": "Russian",
    "Chinese": "Chinese (Mandarin)",
    "Nigerian (Igbo)": "English",
    "Ghanaian (Akan)": "English",
    "Turkish": "Turkish",
    "Somali": "Somali",
}
ETHNICITY = {
    "English": "White British",
    "Irish": "White Irish",
    "Polish": "Any other White background",
    "Vietnamese": "Any other Asian background",
    "Arabic": "Arab",
    "Greek": "Any other White background",
    "Russian": "Any other White background",
    "Chinese": "Chinese",
    "Nigerian (Igbo)": "Black African",
    "Ghanaian (Akan)": "Black African",
    "Turkish": "Any other ethnic group",
    "Somali": "Black African",
}
RELIGIONS = {
    "English": ("No religion", "Christian"),
    "Irish": ("Christian", "No religion"),
    "Polish": ("Christian",),
    "Vietnamese": ("Buddhist", "No religion"),
    "Arabic": ("Muslim",),
    "Greek": ("Christian",),
    "Russian": ("Christian", "No religion"),
    "Chinese": ("No religion", "Buddhist"),
    "Nigerian (Igbo)": ("Christian",),
    "Ghanaian (Akan)": ("Christian",),
    "Turkish": ("Muslim",),
    "Somali": ("Muslim",),
}
# English-letter spellings of the demo's names written in other scripts.
LATIN = {
    "Ελένη": "Eleni",
    "Δήμητρα": "Dimitra",
    "Κατερίνα": "Katerina",
    "Σοφία": "Sofia",
    "Νίκος": "Nikos",
    "Γιώργος": "Giorgos",
    "Κώστας": "Kostas",
    "Άγγελος": "Angelos",
    "Παπαδόπουλος": "Papadopoulos",
    "Παπαδοπούλου": "Papadopoulou",
    "Γεωργίου": "Georgiou",
    "Οικονόμου": "Oikonomou",
    "Νικολαΐδης": "Nikolaidis",
    "Νικολαΐδου": "Nikolaidou",
    "Дарья": "Darya",
    "Полина": "Polina",
    "Ксения": "Kseniya",
    "Аня": "Anya",
    "Максим": "Maksim",
    "Артём": "Artyom",
    "Илья": "Ilya",
    "Кирилл": "Kirill",
    "Смирнов": "Smirnov",
    "Смирнова": "Smirnova",
    "Волков": "Volkov",
    "Волкова": "Volkova",
    "Соколов": "Sokolov",
    "Соколова": "Sokolova",
    "Морозов": "Morozov",
    "Морозова": "Morozova",
    "美玲": "Meiling",
    "雅婷": "Yating",
    "思雨": "Siyu",
    "欣怡": "Xinyi",
    "子轩": "Zixuan",
    "浩然": "Haoran",
    "宇航": "Yuhang",
    "俊杰": "Junjie",
    "陈": "Chen",
    "王": "Wang",
    "张": "Zhang",
    "刘": "Liu",
    "黄": "Huang",
}
NICKNAMES = ("Tee", "Bubs", "Smiley", "J", "Kid", "Red", "Mouse", "Lil Man", "Princess", "Ace")
PRACTICES = ("Example Road Surgery", "Exampleton Health Centre", "Canal Side Medical Practice")
DOCTORS = ("Dr Ama Mensah", "Dr Rhys Penhaligon", "Dr Farah Qureshi", "Dr Tomasz Lis")
SOCIAL_WORKERS = (
    ("Sam Okafor", "Assessment and intervention team"),
    ("Priya Lakhani", "Children in need team"),
    ("Callum Reid", "Exploitation team"),
)
AGENCIES = (
    ("Youth Justice Service", "Case worker", "Jo Reyes"),
    ("CAMHS", "Clinician", "Hana Brooks"),
    ("Amber Project (exploitation)", "Key worker", "Dee Mwangi"),
    ("Early help", "Family worker", "Lewis Carrick"),
)
NEEDS = ("spld", "semh", "slcn", "asd", "adhd", "hi", "medical")
LEARNING = ("mld", "learning_disability", "sld")


def with_child_file_details(children: list[ChildDetails], seed: int, today: date) -> list[ChildDetails]:
    """The same children with the details a social worker asks for filled in, plausibly and consistently."""
    rng = random.Random(f"child-file:{seed}")  # noqa: S311 - reproducible fiction, not a secret
    lists = child_details_definition()
    return [completed(_filled(rng, d, number, today), lists) for number, d in enumerate(children)]


def _culture(details: ChildDetails) -> str:
    for culture in CULTURES:
        if details.last_name in culture.family_names():
            return culture.name
    return "English"


def _filled(rng: random.Random, d: ChildDetails, number: int, today: date) -> ChildDetails:
    culture = _culture(d)
    language = LANGUAGE[culture]
    surname = d.last_name
    latin = ""
    if d.first_name in LATIN or d.last_name in LATIN:
        latin = f"{LATIN.get(d.first_name, d.first_name)} {LATIN.get(d.last_name, d.last_name)}"
    carers = _carers(rng, surname, number)
    household = _household(rng, surname, carers, d.date_of_birth, today)
    needs: tuple[str, ...] = ()
    sen = rng.choices((None, SenStatus.NONE, SenStatus.SEN_SUPPORT, SenStatus.EHCP), weights=(10, 70, 16, 4))[0]
    if d.learning_disability:
        sen = rng.choice((SenStatus.SEN_SUPPORT, SenStatus.EHCP))
        needs = (rng.choice(LEARNING),)
    if sen in (SenStatus.SEN_SUPPORT, SenStatus.EHCP):
        needs += tuple(n for n in rng.sample(NEEDS, rng.randint(0 if needs else 1, 2)) if n not in needs)
    worker = None
    if d.social_worker:
        name, team = rng.choice(SOCIAL_WORKERS)
        worker = ContactPerson(
            name,
            "Social worker",
            f"Children's social care, {team}",
            phone=f"0114 496 0{rng.randint(500, 599)}",
            email=f"{name.split()[0].lower()}.{name.split()[1].lower()}@example.org",
        )
    agencies = tuple(
        ContactPerson(worker_name, role, agency, phone=f"0114 496 0{rng.randint(600, 699)}")
        for agency, role, worker_name in rng.sample(AGENCIES, rng.choices((0, 1, 2), (70, 22, 8))[0])
    )
    return replace(
        d,
        known_as=d.known_as,
        other_names=(rng.choice(NICKNAMES),) if rng.random() < 0.12 else (),
        latin_name=latin,
        ethnicity=ETHNICITY[culture] if rng.random() < 0.95 else "Prefers not to say",
        first_language=language,
        interpreter_needed=(rng.random() < 0.3) if language != "English" else False,
        religion=rng.choice(RELIGIONS[culture]),
        sen_status=sen,
        needs=needs,
        disabilities="Asthma: inhaler kept in the school office." if rng.random() < 0.06 else "",
        gp=ContactPerson(rng.choice(DOCTORS), "GP", rng.choice(PRACTICES), phone=f"0114 496 0{rng.randint(100, 199)}"),
        nhs_number=_nhs_number(rng),
        upn=_upn(d, number, today),
        carers=carers,
        household=household,
        allocated_social_worker=worker,
        agencies=agencies,
    )


def _carers(rng: random.Random, surname: str, number: int) -> tuple[ContactPerson, ...]:
    shape = rng.choices(("both", "mother", "father", "grandmother", "foster"), weights=(50, 30, 8, 6, 6))[0]
    first_names = ("Rhiannon", "Dev", "Marta", "Kwame", "Lena", "Omar", "Grace", "Pavel", "Hui", "Maryam")
    phone = f"07700 900{number % 1000:03d}"
    mother = ContactPerson(
        f"{rng.choice(first_names[::2])} {surname}",
        "Mother",
        phone=phone,
        email=f"parent{number}@example.org",
        parental_responsibility=True,
    )
    father = ContactPerson(
        f"{rng.choice(first_names[1::2])} {surname}",
        "Father",
        phone=f"07700 900{(number + 500) % 1000:03d}",
        parental_responsibility=True,
    )
    if shape == "both":
        return (mother, father)
    if shape == "mother":
        return (mother,)
    if shape == "father":
        return (replace(father, email=f"parent{number}@example.org"),)
    if shape == "grandmother":
        return (
            ContactPerson(
                f"{rng.choice(first_names[::2])} {surname}",
                "Grandmother",
                phone=phone,
                parental_responsibility=rng.random() < 0.5,
                notes="Special guardianship order",
            ),
            replace(mother, phone="", email="", notes="Contact through children's social care only"),
        )
    return (
        ContactPerson(
            "Jan Holloway",
            "Foster carer",
            phone=phone,
            email=f"carer{number}@example.org",
            notes="Children's social care holds parental responsibility",
        ),
    )


def _household(
    rng: random.Random, surname: str, carers: tuple[ContactPerson, ...], born: date | None, today: date
) -> tuple[HouseholdMember, ...]:
    members = [
        HouseholdMember(c.name, c.relationship, lives_with_child=not c.notes.startswith("Contact"))
        for c in carers
        if c.relationship != "Foster carer"
    ]
    for _ in range(rng.choices((0, 1, 2, 3), weights=(25, 40, 25, 10))[0]):
        age_gap = rng.randint(-6, 8) or 2
        sibling_born = (born or today - timedelta(days=365 * 13)) + timedelta(days=365 * age_gap + rng.randint(0, 300))
        if sibling_born > today:
            continue
        members.append(
            HouseholdMember(
                f"{rng.choice(('Mia', 'Leo', 'Ada', 'Sol', 'Kai', 'Ivy'))} {surname}",
                rng.choice(("Brother", "Sister", "Half-brother", "Half-sister")),
                sibling_born,
                lives_with_child=rng.random() < 0.85,
                sibling=True,
            )
        )
    return tuple(members)


def _nhs_number(rng: random.Random) -> str:
    """A valid number in the NHS's 999 test range: never a real person's."""
    while True:
        digits = [9, 9, 9, *(rng.randint(0, 9) for _ in range(6))]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            text = "".join(map(str, [*digits, check]))
            return f"{text[:3]} {text[3:6]} {text[6:]}"


def _upn(d: ChildDetails, number: int, today: date) -> str:
    """Invented schools (LA 999, establishments from 4000, a thousand children each), the year the child joined,
    and a serial: unique for every demo child."""
    joined = (d.date_of_birth.year + 4) % 100 if d.date_of_birth else today.year % 100
    rest = f"999{4000 + number // 1000:04d}{joined:02d}{number % 1000:03d}"
    return upn_check_letter(rest) + rest
