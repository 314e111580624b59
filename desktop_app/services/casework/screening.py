"""The screening wizard without Qt: its pages, its answers, the live suggestion, and what each page still needs.

The wizard only lays out what this module decides. The rules themselves live in ``desktop_app.screening``: this
module calls ``evaluate`` and never re-implements a band or a hard rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from desktop_app.domain.enums import AnswerStatus, RouteId, When
from desktop_app.domain.naming import name_with_detail
from desktop_app.domain.records import AnsweredItem, Child, Concern, Decision, ScreeningRecord
from desktop_app.domain.screening import (
    Answer,
    ChildFacts,
    ConcernFacts,
    DefinitionRef,
    ScreeningInput,
    ScreeningResult,
)
from desktop_app.errors import FieldProblem, InvalidInput
from desktop_app.services.casework import DecisionForm, check_decision, confirmed_kinds, save_screening
from desktop_app.services.child import missing as missing_episodes

if TYPE_CHECKING:
    from desktop_app.definitions import ContactsDefinition, ScreeningDefinition
    from desktop_app.services.vault.session import VaultSession
    from desktop_app.store.uow import UnitOfWork

FACTS_PAGE = "facts"
MAX_CHILD_AGE = 18
DECISION_PAGE = "decision"

Evaluate = Callable[..., ScreeningResult]


def _engine() -> Evaluate:
    from desktop_app.screening import evaluate

    return evaluate


def item_field(item_id: str) -> str:
    """The field name a problem with one item is reported under (the wizard puts the message beside that item)."""
    return f"item:{item_id}"


@dataclass
class ScreeningDraft:
    """The wizard's state: facts, answers, and which answers came from the concern and still need confirming."""

    definition: ScreeningDefinition
    contacts: ContactsDefinition | None
    child: ChildFacts
    concern: ConcernFacts
    answers: dict[str, Answer] = field(default_factory=dict)
    from_concern: set[str] = field(default_factory=set)  # item ids pre-answered from the staff member's ticks
    hints: dict[str, str] = field(default_factory=dict)  # item id -> a note from the records (missing episodes)
    child_contacts: dict[RouteId, str] = field(default_factory=dict)  # e.g. the allocated social worker's details
    # The kinds of concern (forms/categories.toml) as they stand, for the DSL to confirm or change, and the choices
    # (id, title); no choices means the decision does not ask (a caller without the forms).
    category_ids: tuple[str, ...] = ()
    categories: tuple[tuple[str, str], ...] = ()
    evaluate: Evaluate = field(default_factory=_engine)

    # --- pages -----------------------------------------------------------------------------------------------
    def pages(self) -> list[str]:
        """Page ids in order: the facts, one page per section of the definition, then the decision."""
        return [FACTS_PAGE, *(section.id for section in self.definition.sections), DECISION_PAGE]

    def next_page(self, page: str) -> str | None:
        order = self.pages()
        index = order.index(page)
        return order[index + 1] if index + 1 < len(order) else None

    def section_items(self, section_id: str) -> Iterator[Any]:
        for section in self.definition.sections:
            if section.id == section_id:
                yield from section.items

    # --- answers ---------------------------------------------------------------------------------------------
    def set_answer(self, item_id: str, answer: Answer | None) -> None:
        self.definition.item(item_id)  # an unknown id is a bug in the caller: fail loudly
        if answer is None:
            self.answers.pop(item_id, None)
        else:
            # a "no" or "not known" carries no timeframe or basis
            if answer.status is not AnswerStatus.YES:
                answer = replace(answer, when=None, basis=None)
            self.answers[item_id] = answer
        self.from_concern.discard(item_id)

    def answer_rest_not_known(self, section_id: str) -> None:
        for item in self.section_items(section_id):
            if item.id not in self.answers:
                self.answers[item.id] = Answer(AnswerStatus.NOT_KNOWN)

    def set_facts(self, child: ChildFacts | None = None, concern: ConcernFacts | None = None) -> None:
        if child is not None:
            self.child = child
        if concern is not None:
            self.concern = concern

    # --- the suggestion --------------------------------------------------------------------------------------
    def engine_answers(self) -> dict[str, Answer]:
        """Answers the engine can judge: a 'yes' still missing its timeframe counts as current until it is chosen."""
        ready: dict[str, Answer] = {}
        for item_id, answer in self.answers.items():
            if answer.status is AnswerStatus.YES and answer.when is None:
                answer = replace(answer, when=When.CURRENT)
            ready[item_id] = answer
        return ready

    def result(self) -> ScreeningResult:
        data = ScreeningInput(child=self.child, concern=self.concern, answers=self.engine_answers())
        return self.evaluate(self.definition, data, contacts=self.contacts)

    def definition_ref(self) -> DefinitionRef:
        d = self.definition
        return DefinitionRef(id=d.id, version=d.version, hash=d.hash)

    def answered_items(self) -> tuple[AnsweredItem, ...]:
        """Every answer with the item's text as shown, in the definition's order."""
        out: list[AnsweredItem] = []
        for section, item in self.definition.items():
            answer = self.answers.get(item.id)
            if answer is None:
                continue
            out.append(
                AnsweredItem(
                    item_id=item.id,
                    section_id=section.id,
                    section_title=section.title,
                    text=item.text,
                    status=answer.status,
                    when=answer.when,
                    basis=answer.basis,
                    note=answer.note.strip(),
                    significant=item.significant,
                )
            )
        return tuple(out)

    # --- what each page still needs --------------------------------------------------------------------------
    def page_problems(self, page: str) -> list[FieldProblem]:
        """Why the wizard cannot leave ``page`` yet: every item answered, a "yes" with its timeframe and basis."""
        if page in (FACTS_PAGE, DECISION_PAGE):
            return []
        problems: list[FieldProblem] = []
        for item in self.section_items(page):
            answer = self.answers.get(item.id)
            name = item_field(item.id)
            if answer is None:
                problems.append(FieldProblem(name, "Answer Yes, No or Not known."))
            elif item.id in self.from_concern:
                problems.append(FieldProblem(name, "Confirm this answer by choosing how you know, or change it."))
            elif answer.status is AnswerStatus.YES and answer.when is None:
                problems.append(FieldProblem(name, "Say whether this is current (last 3 months) or earlier."))
            elif answer.status is AnswerStatus.YES and answer.basis is None:
                problems.append(FieldProblem(name, "Say how you know: observed, disclosed, reported or a concern."))
        return problems

    def confirm_from_concern(self, item_id: str) -> None:
        """The DSL has looked at an answer pre-filled from the concern and keeps it."""
        self.from_concern.discard(item_id)

    def all_problems(self) -> list[FieldProblem]:
        return [p for page in self.pages() for p in self.page_problems(page)]


def child_facts(child: Child, today: date) -> ChildFacts:
    """The facts the engine needs about the child, as the child's record has them today."""
    details = child.details
    age = details.age_on(today)
    return ChildFacts(
        age=age if age is not None and 0 <= age <= MAX_CHILD_AGE else None,  # the wizard asks when it is out of range
        learning_disability=details.learning_disability,
        has_social_worker=bool(details.social_worker.strip()),
    )


def concern_facts(concern: Concern) -> ConcernFacts:
    draft = concern.draft
    return ConcernFacts(
        immediate_danger=bool(draft.immediate_danger),
        about_adult_working_with_children=bool(draft.about_adult_working_with_children),
        group_or_community=bool(draft.group_or_community),
    )


def start_screening(
    definition: ScreeningDefinition,
    contacts: ContactsDefinition | None,
    child: Child,
    concern: Concern,
    today: date,
    evaluate: Evaluate | None = None,
    previous: tuple[AnsweredItem, ...] = (),
) -> ScreeningDraft:
    """A draft for ``concern``: facts from the records; a screening again starts from the ``previous`` answers, a
    first one from the staff member's ticked signs, pre-answered 'yes' for the DSL to confirm."""
    known = {item.id for _section, item in definition.items()}
    answers = {a.item_id: Answer(a.status, a.when, a.basis, a.note) for a in previous if a.item_id in known}
    prefilled = [sign for sign in concern.draft.sign_ids if sign in known and sign not in answers]
    answers.update({sign: Answer(AnswerStatus.YES, when=When.CURRENT) for sign in prefilled})
    draft = ScreeningDraft(
        definition=definition,
        contacts=contacts,
        child=child_facts(child, today),
        concern=concern_facts(concern),
        answers=answers,
        from_concern=set(prefilled),
        category_ids=tuple(concern.draft.category_ids),
    )
    if child.details.social_worker.strip():
        draft.child_contacts[RouteId.SOCIAL_WORKER] = child.details.social_worker.strip()
    if evaluate is not None:
        draft.evaluate = evaluate
    return draft


@dataclass(frozen=True, slots=True)
class RouteChoice:
    """One route on the decision page: its local contact, whether the engine advises it, and why."""

    route: RouteId
    title: str
    phone: str
    advised: bool
    why: str


def route_choices(
    result: ScreeningResult,
    contacts: ContactsDefinition | None,
    overrides: Mapping[str, str] | None = None,
    child_contacts: Mapping[RouteId, str] | None = None,
) -> list[RouteChoice]:
    """Every route, the engine's first and in its order, each with its local number (the setting's own if set, or
    the child's own contact such as their social worker)."""
    overrides = overrides or {}
    child_contacts = child_contacts or {}
    choices: list[RouteChoice] = []
    seen: set[RouteId] = set()
    for advice in result.routes:
        contact = contacts.for_route(advice.route) if contacts is not None else None
        phone = overrides.get(contact.id, advice.phone) if contact is not None else advice.phone
        phone = child_contacts.get(advice.route, phone)
        choices.append(RouteChoice(advice.route, advice.title, phone, True, advice.why))
        seen.add(advice.route)
    for route in RouteId:
        if route in seen:
            continue
        contact = contacts.for_route(route) if contacts is not None else None
        title = route_title(route, contacts)
        phone = overrides.get(contact.id, contact.phone) if contact is not None else ""
        choices.append(RouteChoice(route, title, child_contacts.get(route, phone), False, ""))
    return choices


def route_title(route: RouteId, contacts: ContactsDefinition | None) -> str:
    """The route as the local contacts in forms/ name it (e.g. "Sheffield Safeguarding Hub"); without them (a
    screening draft made before contacts were read), as its id reads."""
    contact = contacts.for_route(route) if contacts is not None else None
    return contact.title if contact is not None else route.value.replace("_", " ").capitalize()


# --- starting from the vault -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScreeningContext:
    """What the screening wizard starts from: a draft built from the records, and how to title it."""

    draft: ScreeningDraft
    child_name: str
    reference: str
    phone_overrides: dict[str, str]
    previous_decision: Decision | None = None  # a screening again: the last decision, to carry forward
    previous_when: str = ""  # "3 Nov 2026": when that screening was completed


def phone_overrides(uow: UnitOfWork) -> dict[str, str]:
    """The setting's own phone numbers for contacts, where it has set any."""
    return dict(uow.contacts.overrides())


def route_labels(session: VaultSession, forms: Any) -> dict[RouteId, str]:
    """Each route's name with its local number (the setting's own where set), for choosing a route."""
    with session.uow() as uow:
        contacts = forms.contacts.with_phones(phone_overrides(uow))
    labels: dict[RouteId, str] = {}
    for route in RouteId:
        contact = contacts.for_route(route)
        title = route_title(route, contacts)
        labels[route] = f"{title} — {contact.phone}" if contact is not None and contact.phone else title
    return labels


def screening_context(session: VaultSession, concern_id: int, forms: Any, today: date) -> ScreeningContext:
    """Start a screening of ``concern_id`` with the default definition and the setting's local numbers."""
    with session.uow() as uow:
        concern = uow.concerns.get(concern_id)
        child = uow.children.get(concern.child_id)
        overrides = phone_overrides(uow)
        earlier = uow.screenings.for_concern(concern_id)
        latest: ScreeningRecord | None = earlier[-1] if earlier else uow.screenings.latest_for_child(child.child_id)
        hints = missing_episodes.screening_hints(uow, concern.child_id, _end_of(today), forms)
        kinds = confirmed_kinds(uow, concern_id)
    contacts = forms.contacts.with_phones(overrides)
    previous = earlier[-1].answers if earlier else ()
    draft = start_screening(forms.screening(), contacts, child, concern, today, previous=previous)
    draft.hints.update(hints)
    draft.category_ids = kinds
    draft.categories = tuple((c.id, c.title) for c in forms.categories.categories)
    when = f"{latest.completed_at.astimezone():%d %b %Y}" if latest is not None else ""
    return ScreeningContext(
        draft,
        name_with_detail(child.details),
        concern.reference,
        overrides,
        latest.decision if latest is not None else None,
        when,
    )


def _end_of(day: date) -> datetime:
    """The end of ``day`` (local time): episodes recorded today count towards the screening's suggestion."""
    return datetime.combine(day, datetime.max.time()).astimezone()


# --- finishing ---------------------------------------------------------------------------------------------------


def complete_screening(
    session: VaultSession, concern_id: int, draft: ScreeningDraft, form: DecisionForm, today: date
) -> ScreeningRecord:
    """Check the decision against the engine's suggestion, then save the screening, audited, in one transaction."""
    problems = draft.all_problems()
    result = draft.result()
    try:
        decision = check_decision(form, result, today)
    except InvalidInput as error:
        problems += error.problems
    if problems:
        raise InvalidInput(problems)
    actor = session.actor()
    with session.uow() as uow:
        record = save_screening(uow, concern_id, draft.definition_ref(), draft.answered_items(), decision, actor)
        uow.commit()
    return record
