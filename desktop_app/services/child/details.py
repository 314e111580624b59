"""A child's details: read with what a DSL must see first (age, 18 or over, level), changed only by a new version.

A change never edits the old details: ``amend_details`` writes a new version with the DSL's reason (kept for ever,
shown in the chronology) and an audit row naming which details changed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, replace
from datetime import date, datetime

from desktop_app.definitions.child_file import ChildDetailsDefinition
from desktop_app.definitions.loader import child_details_definition
from desktop_app.domain.child import ContactPerson, DetailGroup, HouseholdMember
from desktop_app.domain.contact_checks import email_problem, format_email, format_phone, phone_problem
from desktop_app.domain.enums import RiskLevel
from desktop_app.domain.identifiers import nhs_number_problem, normal_nhs_number, normal_upn, upn_problem
from desktop_app.domain.records import Child, ChildDetails
from desktop_app.errors import FieldProblem, InvalidInput, UserFacingError
from desktop_app.services.vault import VaultSession

LABELS: dict[str, str] = {
    "first_name": "First name",
    "last_name": "Last name",
    "known_as": "Known as",
    "date_of_birth": "Date of birth",
    "age_years": "Age",
    "year_group": "Year group",
    "gender": "Gender",
    "address": "Address",
    "parental_responsibility": "Parental responsibility",
    "other_agencies": "Other agencies involved",
    "social_worker": "Allocated social worker",
    "learning_disability": "Learning disability",
    "other_names": "Other names",
    "latin_name": "Name in English letters",
    "ethnicity": "Ethnicity",
    "first_language": "First language",
    "interpreter_needed": "Interpreter needed",
    "religion": "Religion",
    "sen_status": "Special educational needs",
    "needs": "Needs and disabilities",
    "disabilities": "Disabilities and health needs",
    "gp": "GP",
    "nhs_number": "NHS number",
    "upn": "Unique pupil number (UPN)",
    "household": "Household and siblings",
    "carers": "Parents and carers",
    "allocated_social_worker": "Allocated social worker",
    "agencies": "Other agencies involved",
}
# One-line fields kept filled from the structured ones: a change to these is said once, by the structured field.
DERIVED = frozenset({"social_worker", "other_agencies", "parental_responsibility", "learning_disability"})


@dataclass(frozen=True, slots=True)
class ChildSummary:
    """What the top of a child's file says."""

    child: Child
    age: int | None
    adult: bool  # 18 or over today
    adult_note: str  # what to do differently (forms/child_details.toml), or ""
    level: RiskLevel | None
    review_date: date | None
    concerns: int
    version: int


@dataclass(frozen=True, slots=True)
class DetailsVersion:
    version: int
    written_at: datetime
    author: str
    reason: str
    changed: tuple[str, ...]  # labels of the details changed from the version before


def child_summary(session: VaultSession, child_id: int, today: date) -> ChildSummary:
    lists = child_details_definition()
    with session.uow() as uow:
        child = uow.children.get(child_id)
        latest = uow.screenings.latest_for_child(child_id)
        concerns = len(uow.concerns.list_for_child(child_id))
        version = len(uow.children.versions(child_id))
    age = child.details.age_on(today)
    adult = child.details.is_adult_on(today)
    return ChildSummary(
        child=child,
        age=age,
        adult=adult,
        adult_note=lists.adult_note if adult else "",
        level=latest.decision.confirmed_level if latest else None,
        review_date=latest.decision.review_date if latest else None,
        concerns=concerns,
        version=version,
    )


def child_of_concern(session: VaultSession, concern_id: int) -> int:
    with session.uow() as uow:
        return uow.concerns.child_id_of(concern_id)


def history(session: VaultSession, child_id: int) -> list[DetailsVersion]:
    """Every version of the child's details, oldest first, each with what changed."""
    with session.uow() as uow:
        versions = uow.children.versions(child_id)
    out = []
    for before, after in zip([None, *versions], versions, strict=False):
        changed = changed_labels(before.details, after.details) if before else ()
        out.append(DetailsVersion(after.version, after.written_at, after.author.name, after.reason, changed))
    return out


def changed_labels(old: ChildDetails, new: ChildDetails) -> tuple[str, ...]:
    labels: list[str] = []
    for f in dataclasses.fields(ChildDetails):
        if f.name in DERIVED and f.name != "learning_disability":
            continue
        if getattr(old, f.name) != getattr(new, f.name):
            label = LABELS.get(f.name, f.name.replace("_", " ").capitalize())
            if label not in labels:
                labels.append(label)
    return tuple(labels)


def amend_details(
    session: VaultSession, child_id: int, details: ChildDetails, reason: str, today: date | None = None
) -> Child:
    """Save ``details`` as the child's new version, with the reason; InvalidInput names each field to fix."""
    today = today or date.today()
    details = completed(details, child_details_definition())
    problems = check_details(details, today)
    if not reason.strip():
        problems.append(FieldProblem("reason", "Say why the details are changing: the reason is kept with them."))
    if problems:
        raise InvalidInput(problems)
    actor = session.actor()
    with session.uow() as uow:
        old = uow.children.get(child_id)
        changed = changed_labels(old.details, details)
        if not changed:
            raise UserFacingError("Nothing was changed, so nothing was saved.")
        _refuse_duplicate_upn(uow.children.by_upn([details.upn]) if details.upn else {}, child_id)
        child = uow.children.amend(child_id, details, actor, reason.strip())
        uow.audit.append(
            actor,
            "child.amended",
            f"child:{child_id}",
            {
                "fields": [
                    f.name
                    for f in dataclasses.fields(ChildDetails)
                    if getattr(old.details, f.name) != getattr(details, f.name)
                ]
            },
        )
        uow.commit()
    return child


def _refuse_duplicate_upn(found: dict[str, int], child_id: int) -> None:
    other = next((i for i in found.values() if i != child_id), None)
    if other is not None:
        raise InvalidInput(
            [
                FieldProblem(
                    "upn",
                    "Another child on file already has this unique pupil number (UPN); "
                    "check it against the school's records.",
                )
            ]
        )


def completed(details: ChildDetails, lists: ChildDetailsDefinition) -> ChildDetails:
    """Identifiers in their usual form, and the one-line fields (and the screening's learning disability) filled
    from the structured ones, so every reader of the older fields sees the same facts."""
    details = replace(
        details,
        carers=tuple(_tidy(c) for c in details.carers),
        agencies=tuple(_tidy(a) for a in details.agencies),
        gp=_tidy(details.gp) if details.gp else None,
        allocated_social_worker=_tidy(details.allocated_social_worker) if details.allocated_social_worker else None,
    )
    worker = details.allocated_social_worker
    carers_with_pr = [c.one_line() for c in details.carers if c.parental_responsibility]
    return replace(
        details,
        first_name=details.first_name.strip(),
        last_name=details.last_name.strip(),
        known_as=details.known_as.strip(),
        other_names=tuple(n.strip() for n in details.other_names if n.strip()),
        nhs_number=normal_nhs_number(details.nhs_number),
        upn=normal_upn(details.upn),
        social_worker=worker.one_line() if worker else details.social_worker,
        other_agencies="; ".join(a.one_line() for a in details.agencies)
        if details.agencies
        else details.other_agencies,
        parental_responsibility="; ".join(carers_with_pr) if carers_with_pr else details.parental_responsibility,
        learning_disability=lists.learning_disability(details.needs) if details.needs else details.learning_disability,
    )


def _tidy(person: ContactPerson) -> ContactPerson:
    """Numbers as people write them (0114 273 4855) and addresses trimmed; a value that cannot be read is kept."""
    return replace(
        person,
        name=person.name.strip(),
        phone=format_phone(person.phone),
        email=format_email(person.email) if not email_problem(person.email) else person.email.strip(),
    )


def check_details(details: ChildDetails, today: date) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if not details.first_name:
        problems.append(FieldProblem("first_name", "Give the child's first name."))
    if not details.last_name:
        problems.append(FieldProblem("last_name", "Give the child's last name (family name)."))
    if details.date_of_birth is not None:
        if details.date_of_birth > today:
            problems.append(FieldProblem("date_of_birth", "The date of birth is in the future; check the year."))
        elif today.year - details.date_of_birth.year > 25:
            problems.append(
                FieldProblem("date_of_birth", "The date of birth makes this person over 25; check the year.")
            )
    for field, problem in (("nhs_number", nhs_number_problem(details.nhs_number)), ("upn", upn_problem(details.upn))):
        if problem:
            problems.append(FieldProblem(field, problem))
    people: list[tuple[str, ContactPerson]] = [("carers", c) for c in details.carers]
    people += [("agencies", a) for a in details.agencies]
    if details.gp:
        people.append(("gp", details.gp))
    if details.allocated_social_worker:
        people.append(("allocated_social_worker", details.allocated_social_worker))
    for field, person in people:
        problems += _person_problems(field, person)
    for member in details.household:
        problems += _member_problems(member, today)
    return problems


def _person_problems(field: str, person: ContactPerson) -> list[FieldProblem]:
    problems = []
    who = person.name.strip() or person.organisation.strip()
    if not who:
        problems.append(FieldProblem(field, f"Each entry under {LABELS[field].lower()} needs a name."))
    for problem in (phone_problem(person.phone), email_problem(person.email)):
        if problem:
            problems.append(FieldProblem(field, f"{who or LABELS[field]}: {problem}"))
    return problems


def _member_problems(member: HouseholdMember, today: date) -> list[FieldProblem]:
    if not member.name.strip():
        return [FieldProblem("household", "Each person in the household needs a name.")]
    if member.date_of_birth and member.date_of_birth > today:
        return [FieldProblem("household", f"{member.name}: the date of birth is in the future.")]
    return []


def detail_groups(
    details: ChildDetails, today: date, lists: ChildDetailsDefinition | None = None
) -> tuple[DetailGroup, ...]:
    """The child's recorded details as labelled groups, in the order a social worker's form asks for them.

    Nothing unrecorded is listed ("not recorded" columns hide what matters). The referral summary prints the same.
    """
    lists = lists or child_details_definition()
    age = details.age_on(today)
    born = details.date_of_birth.strftime("%d %b %Y") if details.date_of_birth else ""
    identity = [
        ("Name", details.full_name),
        ("Known as", details.known_as),
        ("Other names", ", ".join(details.other_names)),
        ("Name in English letters", details.latin_name),
        ("Date of birth", f"{born} (age {age})" if born and age is not None else born),
        ("Age", "" if born or age is None else f"{age} (date of birth not known)"),
        ("Year group", details.year_group),
        ("Gender", details.gender),
        ("Ethnicity", details.ethnicity),
        ("Religion", details.religion),
        ("First language", details.first_language),
        ("Interpreter needed", {True: "Yes", False: "No", None: ""}[details.interpreter_needed]),
        ("Address", details.address),
        ("Unique pupil number (UPN)", details.upn),
        ("NHS number", details.nhs_number),
    ]
    needs = [
        ("Special educational needs", details.sen_status.label if details.sen_status else ""),
        ("Needs and disabilities", ", ".join(lists.need_title(n) for n in details.needs)),
        ("Learning disability", "Yes (the screening takes this into account)" if details.learning_disability else ""),
        ("Disabilities and health needs", details.disabilities),
    ]
    family = [(f"{c.relationship or 'Parent or carer'}", _person_text(c)) for c in details.carers]
    if not details.carers and details.parental_responsibility:
        family.append(("Parental responsibility", details.parental_responsibility))
    family += [(m.relationship or ("Sibling" if m.sibling else "Household"), m.one_line()) for m in details.household]
    professionals: list[tuple[str, str]] = []
    if details.allocated_social_worker:
        professionals.append(("Allocated social worker", _person_text(details.allocated_social_worker)))
    elif details.social_worker:
        professionals.append(("Allocated social worker", details.social_worker))
    if details.gp:
        professionals.append(("GP", _person_text(details.gp)))
    professionals += [(a.organisation or "Agency", _person_text(a, organisation=False)) for a in details.agencies]
    if not details.agencies and details.other_agencies:
        professionals.append(("Other agencies involved", details.other_agencies))
    groups = (
        DetailGroup("The child", _recorded(identity)),
        DetailGroup("Needs and disabilities", _recorded(needs)),
        DetailGroup("Parents, carers and household", _recorded(family)),
        DetailGroup("Professionals and agencies", _recorded(professionals)),
    )
    return tuple(g for g in groups if g.rows)


def _recorded(rows: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((label, value) for label, value in rows if value.strip())


def _person_text(person: ContactPerson, organisation: bool = True) -> str:
    head = person.name
    if organisation and person.organisation:
        head = f"{head}, {person.organisation}" if head else person.organisation
    parts = [head]
    if person.parental_responsibility:
        parts.append("has parental responsibility")
    parts += [p for p in (person.phone, person.email, person.address, person.notes) if p.strip()]
    return "; ".join(p for p in parts if p)


DAY_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d %b %Y", "%d %B %Y")


def parse_day(text: str, field: str, what: str = "The date") -> date | None:
    """A date as a DSL types it (day first, as in England); empty is None; anything else a FieldProblem."""
    text = " ".join(text.split())
    if not text:
        return None
    for pattern in DAY_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise FieldProblem(field, f"{what} should be written day/month/year, such as 14/03/2011.")
