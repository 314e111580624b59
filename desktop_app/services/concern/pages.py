"""The concern wizard's pages in order, and the id of each field a problem can be shown beside. No Qt."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol


class Mode(enum.StrEnum):
    STAFF = "staff"  # from the lock screen: no account, sealed, cannot be read back
    DSL = "dsl"  # from inside the app with an unlocked vault


class Page(enum.StrEnum):
    SAFETY = "safety"
    CHILD = "child"
    HAPPENED = "happened"
    SIGNS = "signs"
    OTHERS = "others"
    ROUTES = "routes"
    RECORDER = "recorder"
    REVIEW = "review"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class PageSpec:
    page: Page
    title: str
    subtitle: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec(Page.SAFETY, "Safety first", "Is the child in immediate danger right now?"),
    PageSpec(Page.CHILD, "The child", "Who is this concern about?"),
    PageSpec(Page.HAPPENED, "What happened", "Write what you saw or heard. Use the child's own words where you can."),
    PageSpec(
        Page.ROUTES,
        "Who else must know",
        "Two questions that decide who else must be told, and the kind of concern if you know it.",
    ),
    PageSpec(Page.SIGNS, "Signs you noticed", "Tick any that apply. None is required: leave them all if unsure."),
    PageSpec(Page.OTHERS, "Others involved", "Other children, adults of concern and places. Leave empty if none."),
    PageSpec(Page.RECORDER, "About you", "Who is recording this concern."),
    PageSpec(Page.REVIEW, "Check and send", "Read it through. Go back to change anything, then send it."),
    PageSpec(Page.DONE, "Sent", "Now tell your Designated Safeguarding Lead."),
)


OPTIONAL_PAGES = (Page.SIGNS, Page.OTHERS)  # shown only when the recorder chooses to add more detail


class Walk(Protocol):
    @property
    def more_detail(self) -> bool: ...


def spec(page: Page) -> PageSpec:
    return next(s for s in PAGES if s.page is page)


def _walked(entry: Walk | None) -> list[Page]:
    more = entry is None or entry.more_detail
    return [s.page for s in PAGES if more or s.page not in OPTIONAL_PAGES]


def next_page(page: Page, entry: Walk | None = None) -> Page | None:
    """The page after ``page``; the optional pages (signs, others) only when ``entry.more_detail``."""
    order = _walked(entry)
    if page not in order:  # an optional page just left out: carry on from where it stood
        later = [s.page for s in PAGES][[s.page for s in PAGES].index(page) + 1 :]
        return next((p for p in later if p in order), None)
    index = order.index(page)
    return order[index + 1] if index + 1 < len(order) else None


def previous_page(page: Page, entry: Walk | None = None) -> Page | None:
    order = _walked(entry)
    if page is Page.DONE or page not in order:
        return None
    index = order.index(page)
    return order[index - 1] if index > 0 else None


# Field ids: the wizard puts each problem's sentence beside the widget with this id.
F_DANGER = "safety.immediate_danger"
F_CHILD = "child.existing"
F_FIRST_NAME = "child.first_name"
F_LAST_NAME = "child.last_name"
F_KNOWN_AS = "child.known_as"
F_DOB = "child.date_of_birth"
F_AGE = "child.age"
F_YEAR = "child.year_group"
F_GENDER = "child.gender"
F_DATE = "happened.date"
F_TIME = "happened.time"
F_LOCATION = "happened.location"
F_ACCOUNT = "happened.account"
F_WORDS = "happened.childs_words"
F_PRESENT = "happened.others_present"
F_ACTION = "happened.action_taken"
F_ADULT_AT_WORK = "routes.adult_working_with_children"
F_GROUP = "routes.group_or_community"
F_CATEGORIES = "routes.categories"
F_MORE = "routes.more_detail"
F_RECORDER_NAME = "recorder.name"
F_RECORDER_ROLE = "recorder.role"
F_DECLARATION = "recorder.declaration"


# The yes/no questions that may be answered "Don't know": named as the ConcernDraft field that holds the answer.
Q_ADULT_AT_WORK = "about_adult_working_with_children"
Q_GROUP = "group_or_community"


def row_field(kind: str, index: int, part: str) -> str:
    """Field id of one cell in a repeating row, e.g. ``others.children.0.name``."""
    return f"others.{kind}.{index}.{part}"
