"""Demo data for the annual audit: a staff register with its CE Lead, deputies and training, last year's audit
signed and closed, and this year's in progress (carried from last year, a few answers confirmed, an action overdue).

Fictional adults only. Everything goes through the audit use cases. The story is that the DSL entered the register
and last year's signed paper audit into Waymark at the end of the demo's last day: the dates on the paper (training
completed, audit date, signatures) are in the past, while the audit trail says when they were entered, after every
concern of the demo, so the trail stays in time order.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from desktop_app.definitions import load_forms
from desktop_app.domain.audit import AcademicYear, AnswerForm, AuditStatus, ExploitationRole, SignRole
from desktop_app.services.audit import checklist, training
from desktop_app.services.vault import VaultSession
from desktop_app.store.clock import frozen_clock

FIRST = (
    "Alison",
    "Bilal",
    "Carys",
    "Deepak",
    "Eleri",
    "Femi",
    "Gareth",
    "Hana",
    "Imran",
    "Joanna",
    "Kofi",
    "Lucy",
    "Mohammed",
    "Niamh",
    "Owen",
    "Parveen",
    "Quentin",
    "Rosa",
    "Sanjay",
    "Tilly",
    "Uzma",
    "Victor",
    "Wendy",
    "Xavier",
    "Yasmin",
    "Zak",
)
LAST = (
    "Ashworth",
    "Bhatti",
    "Cartwright",
    "Dunmore",
    "Ellwood",
    "Fenwick",
    "Greaves",
    "Hollis",
    "Iqbal",
    "Jessop",
    "Kaur",
    "Lindqvist",
    "Marsden",
    "Nowak",
    "Oduya",
    "Pemberton",
    "Rahman",
    "Sykes",
    "Thorne",
    "Varga",
)
JOBS = (
    "Teacher",
    "Teacher",
    "Teacher",
    "Teaching assistant",
    "Learning mentor",
    "Head of Year",
    "Office manager",
    "Site manager",
    "Midday supervisor",
    "SENCo",
    "Librarian",
    "Cover supervisor",
)
STAFF = 44
LEAD, DEPUTIES = "Rosa Marsden", ("Kofi Oduya", "Niamh Fenwick")
HEAD, GOVERNOR = "Joanna Pemberton", "Victor Ellwood"


def fill_audit_demo(session: VaultSession, entered: datetime, seed: int = 1) -> None:
    """Last year's signed audit, this year's in progress, and a training register, all entered at ``entered``."""
    if checklist.years(session) or training.staff(session, limit=1):
        return  # demo data added to a vault again: the register and the audits are there already
    rng = random.Random(f"audit:{seed}")  # noqa: S311 - reproducible fiction
    today = entered.astimezone().date()
    this_year = AcademicYear.containing(today)
    with frozen_clock(entered):
        _register(session, rng, today)
        _last_year(session, rng, this_year.previous(), today)
        _this_year(session, this_year, today)


def _names(rng: random.Random) -> list[str]:
    names = {LEAD, *DEPUTIES}
    while len(names) < STAFF:
        names.add(f"{rng.choice(FIRST)} {rng.choice(LAST)}")
    return sorted(names)


def _register(session: VaultSession, rng: random.Random, today: date) -> None:
    begun = today - timedelta(days=800)
    people = []
    for name in _names(rng):
        role = (
            ExploitationRole.CE_LEAD
            if name == LEAD
            else ExploitationRole.DEPUTY
            if name in DEPUTIES
            else ExploitationRole.NONE
        )
        job = "Assistant head" if role == ExploitationRole.CE_LEAD else rng.choice(JOBS)
        people.append(
            training.add_staff(session, name, job, begun - timedelta(days=rng.randrange(30, 3000)), role, today=begun)
        )
    courses = []
    for number, person in enumerate(people):
        if person.name == LEAD:
            courses.append((today - timedelta(days=400), person.staff_id, "ce_lead_training"))
            courses.append((today - timedelta(days=70), person.staff_id, "exploitation_awareness"))
            continue
        if number % 15 == 4:  # three or so not trained in the last year: overdue
            courses.append((today - timedelta(days=rng.randrange(400, 600)), person.staff_id, "exploitation_awareness"))
            continue
        if number % 15 == 9:  # falls due within the month
            courses.append((today - timedelta(days=rng.randrange(340, 360)), person.staff_id, "exploitation_awareness"))
            continue
        latest = today - timedelta(days=rng.randrange(30, 300))
        courses.append((latest - timedelta(days=rng.randrange(330, 370)), person.staff_id, "exploitation_awareness"))
        courses.append((latest, person.staff_id, "exploitation_awareness"))
        if person.name in DEPUTIES:
            courses.append((today - timedelta(days=rng.randrange(200, 500)), person.staff_id, "dsl_training"))
    for day, staff_id, course in sorted(courses):
        training.record_training(session, staff_id, course, day, today=day)


def _evidence(obligation_evidence: str) -> str:
    first = obligation_evidence.split(";")[0].rstrip(".")
    return f"Seen at the audit: {first[0].lower()}{first[1:]}."


def _last_year(session: VaultSession, rng: random.Random, year: AcademicYear, today: date) -> None:
    obligations = load_forms().obligations.obligations
    checklist.start_year(session, year)
    audit_day = min(date(year.start + 1, 7, 3), today)
    for number, obligation in enumerate(obligations):
        if number in (2, 8):
            form = AnswerForm(
                AuditStatus.PARTLY_MET,
                evidence=_evidence(obligation.evidence),
                action="Refresher briefing for staff who joined this year",
                owner=LEAD,
                due=audit_day + timedelta(days=rng.randrange(60, 120)),
            )
        elif number == 12:
            form = AnswerForm(
                AuditStatus.NOT_MET,
                evidence="No record of calls to 101 this year.",
                action="Add 101 calls and their references to the concern log",
                owner=LEAD,
                due=audit_day + timedelta(days=75),
            )
        else:
            form = AnswerForm(AuditStatus.MET, evidence=_evidence(obligation.evidence), owner=LEAD)
        checklist.record_answer(session, year, obligation.id, form)
    checklist.set_dates(session, year, audit_day, today=audit_day)
    for offset, (role, name) in enumerate(
        ((SignRole.DSL, session.user.name), (SignRole.HEAD, HEAD), (SignRole.GOVERNOR, GOVERNOR))
    ):
        day = min(audit_day + timedelta(days=2 * offset + 1), today)
        checklist.sign(session, year, role, name, day, today=day)


def _this_year(session: VaultSession, year: AcademicYear, today: date) -> None:
    obligations = load_forms().obligations.obligations
    started = min(year.first_day + timedelta(days=14), today)
    checklist.start_year(session, year)
    confirm_day = min(started + timedelta(days=30), today)
    for number, obligation in enumerate(obligations[:9]):
        if number == 2:  # slipped: the training record shows gaps, and its action is already overdue
            form = AnswerForm(
                AuditStatus.NOT_MET,
                evidence="Three members of staff have no training this year.",
                action="Book exploitation awareness training for the three",
                owner=LEAD,
                due=min(confirm_day + timedelta(days=20), today - timedelta(days=1)),
            )
        elif number == 8:  # improved since last year
            form = AnswerForm(AuditStatus.MET, evidence="Autumn newsletter and a parents' evening session.", owner=HEAD)
        else:
            form = AnswerForm(AuditStatus.MET, evidence=_evidence(obligation.evidence), owner=LEAD)
        checklist.record_answer(session, year, obligation.id, form)
