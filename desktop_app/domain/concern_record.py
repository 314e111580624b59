"""A concern's stored record described once, as a titled section of labelled values.

The concern view (``ui/concern_view.py``) and the referral summary (``reports/referral.py``) both render this
description, each in its own way (HTML for the screen, paragraphs for the PDF), so what the record shows, in which
order and under which label, is decided here and nowhere else. Days and moments stay dates and datetimes: each
renderer writes them as its reader expects. A screening and its decision are described the same way, in
``domain.screening_record``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desktop_app.domain.enums import AddendumTarget, RouteId
from desktop_app.domain.records import Addendum, Concern, ConcernDraft, ReferralEntry, answer_text
from desktop_app.domain.wording import join_phrases


class Shape(StrEnum):
    FIELD = "field"  # "Label: value" on one line
    TEXT = "text"  # a label, then what was written, in paragraphs
    VERBATIM = "verbatim"  # the child's own words, exactly as said
    ITEMS = "items"  # a label (with its value, if any), then one line per item
    ANSWERS = "answers"  # a label, then the tool's questions answered, under their sections, each with facts and note


@dataclass(frozen=True, slots=True)
class Answer:
    """One question of a screening tool answered yes, as a reader needs it: what was asked, what is known about the
    answer (current or earlier, how it is known, significant), the DSL's note, and the tool's section it sits in."""

    text: str
    facts: tuple[str, ...] = ()
    note: str = ""
    group: str = ""  # the tool's section title; empty when the entry's label already names it

    @property
    def line(self) -> str:
        """What was asked, then what is known about the answer: "Unexplained absences — current, observed"."""
        return f"{self.text} — {', '.join(self.facts)}" if self.facts else self.text


@dataclass(frozen=True, slots=True)
class Entry:
    label: str
    value: str = ""
    shape: Shape = Shape.FIELD
    items: tuple[str, ...] = ()
    at: date | None = None  # a day or a moment (a datetime): the value is empty and the renderer writes it
    warning: bool = False  # a reader must not miss it (the child was in immediate danger, a high level of risk)
    answers: tuple[Answer, ...] = ()  # Shape.ANSWERS
    none: str = ""  # what a list (ITEMS, ANSWERS) says when it is empty; without it an empty list is left out
    follows: bool = False  # the reason for the entry before it: printed on the same page as that entry

    @property
    def empty(self) -> bool:
        return not (self.value.strip() or self.items or self.answers or self.at)


@dataclass(frozen=True, slots=True)
class RecordSection:
    title: str
    entries: tuple[Entry, ...]

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def entry(self, label: str) -> Entry:
        return next(e for e in self.entries if e.label == label)


# The two yes/no questions of the staff form, and where a "Yes" points the DSL.
QUESTIONS = (
    ("about_adult_working_with_children", "About an adult who works with children", "LADO"),
    ("group_or_community", "About a group or community", "police 101"),
)
CHILDS_WORDS = "The child's own words"


def _answer(draft: ConcernDraft, question: str, route: str) -> str:
    """Yes (with where it points), No or Don't know; nothing when the question was not answered (an old draft)."""
    said = answer_text(draft, question)
    if said == "Not answered":
        return ""
    return f"{said} ({route})" if said == "Yes" else said


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("Yes" if value else "No")


def kinds_text(
    recorded: Sequence[str], confirmed: Sequence[str] | None, category_title: Callable[[str], str] = str
) -> str:
    """The kinds of concern as a reader sees them: the DSL's word when a screening confirmed them (``confirmed``), with
    what the recorder ticked when it differs; else the recorder's ticks."""
    ticked = ", ".join(category_title(c) for c in recorded)
    if confirmed is None:
        return ticked
    said = ", ".join(category_title(c) for c in confirmed) or "None of these kinds"
    if tuple(confirmed) == tuple(recorded):
        return f"{said} (confirmed by the DSL)"
    return f"{said} (confirmed by the DSL; the member of staff ticked: {ticked or 'none'})"


def concern_record(
    concern: Concern,
    sign_title: Callable[[str], str] = str,
    category_title: Callable[[str], str] = str,
    confirmed_kinds: Sequence[str] | None = None,
) -> RecordSection:
    """What the recorder recorded, in the order a reader needs it. ``sign_title`` / ``category_title`` name a ticked
    sign and a kind of concern from the forms (the id itself when not given); ``confirmed_kinds`` are the kinds the
    DSL confirmed at the latest screening (None: not confirmed yet)."""
    draft = concern.draft
    entries = [
        Entry("Reference", concern.reference),
        Entry("When it happened", at=draft.happened_at),
        Entry("Where", draft.location),
        Entry("Recorded by", join_phrases((draft.recorder_name, draft.recorder_role))),
        Entry("Recorded at", at=draft.recorded_at or concern.submitted_at),
    ]
    if concern.sealed:
        entries.append(Entry("Recorded from the lock screen", "Yes: sealed by the recorder, then imported"))
    entries += [
        Entry("Immediate danger at the time", _yes_no(draft.immediate_danger), warning=bool(draft.immediate_danger)),
        *(Entry(label, _answer(draft, question, route)) for question, label, route in QUESTIONS),
        Entry("Kinds of concern", kinds_text(draft.category_ids, confirmed_kinds, category_title)),
        Entry("What was seen or heard", draft.account, Shape.TEXT),
        Entry(CHILDS_WORDS, draft.childs_words, Shape.VERBATIM),
        Entry("Others present", draft.others_present, Shape.TEXT),
        Entry("Action taken at the time", draft.action_taken, Shape.TEXT),
        Entry("Signs ticked by the recorder", shape=Shape.ITEMS, items=tuple(sign_title(s) for s in draft.sign_ids)),
        Entry(
            "Other children involved",
            shape=Shape.ITEMS,
            items=tuple(
                join_phrases((f"{c.name} ({c.role.label.lower()})", c.details), ": ") for c in draft.other_children
            ),
        ),
        Entry(
            "Adults of concern",
            shape=Shape.ITEMS,
            items=tuple(join_phrases((a.name_or_nickname, a.description, a.vehicle, a.phone)) for a in draft.adults),
        ),
        Entry("Places", shape=Shape.ITEMS, items=tuple(join_phrases((p.name, p.details), ": ") for p in draft.places)),
    ]
    return RecordSection("The concern", tuple(entries))


def screening_title(number: int, total: int) -> str:
    """A screening as its heading names it: numbered (oldest first) only when the concern was screened twice or more."""
    return "Screening" if total <= 1 else f"Screening {number} of {total}"


def correction_target(
    addendum: Addendum,
    screening_ids: Sequence[int],
    referrals: Sequence[ReferralEntry],
    route_title: Callable[[RouteId], str],
) -> str:
    """What a correction (addendum) corrects, as the view and the referral summary both name it: "the concern",
    "screening 2 of 2" (as ``screening_title`` heads it; ``screening_ids`` are the concern's screenings, oldest
    first), "the referral to Sheffield Safeguarding Hub"."""
    kind = addendum.object_kind
    if kind == AddendumTarget.CONCERN:
        return "the concern"
    if kind == AddendumTarget.SCREENING:
        ids = list(screening_ids)
        if addendum.object_id not in ids:
            return "a screening"
        title = screening_title(ids.index(addendum.object_id) + 1, len(ids))
        return "the screening" if len(ids) == 1 else title[0].lower() + title[1:]
    if kind == AddendumTarget.REFERRAL:
        entry = next((r for r in referrals if r.referral_id == addendum.object_id), None)
        return f"the referral to {route_title(entry.route)}" if entry is not None else "a referral"
    return f"the {str(kind).replace('_', ' ')}"
