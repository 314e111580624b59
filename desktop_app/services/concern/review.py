"""The review page: everything entered, page by page, as label/value pairs in plain English."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop_app.domain.records import answer_text
from desktop_app.services.concern.draft import child_details, to_draft
from desktop_app.services.concern.entry import Entry, clean_name, happened_at
from desktop_app.services.concern.pages import PAGES, Q_ADULT_AT_WORK, Q_GROUP, Page


@dataclass(frozen=True, slots=True)
class ReviewSection:
    page: Page
    title: str
    rows: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def _yes_no(value: bool | None) -> str:
    return {True: "Yes", False: "No", None: "Not answered"}[value]


def review(
    entry: Entry,
    *,
    sign_texts: Mapping[str, str] | None = None,
    category_titles: Mapping[str, str] | None = None,
) -> tuple[ReviewSection, ...]:
    """Everything entered, page by page, as label/value pairs in plain English."""
    sign_texts = sign_texts or {}
    category_titles = category_titles or {}
    draft = to_draft(entry)
    details = child_details(entry)
    if entry.choose_existing:
        child_rows: list[tuple[str, str]] = [("Child on file", entry.existing_child_label or "Chosen from the list")]
    else:
        child_rows = [
            ("Name", details.display_name if details else ""),
            ("Date of birth", entry.dob_text.strip()),
            ("Age", entry.age_text.strip()),
            ("Year group", entry.year_group.strip()),
            ("Gender", entry.gender.strip()),
        ]
    when = happened_at(entry)
    sections = [
        ReviewSection(Page.SAFETY, "Safety", (("In immediate danger", _yes_no(entry.immediate_danger)),)),
        ReviewSection(Page.CHILD, "The child", tuple(r for r in child_rows if r[1])),
        ReviewSection(
            Page.HAPPENED,
            "What happened",
            tuple(
                r
                for r in (
                    (
                        "When",
                        when.strftime("%d/%m/%Y at %H:%M") if when else f"{entry.date_text} {entry.time_text}".strip(),
                    ),
                    ("Where", entry.location.strip()),
                    ("What was seen or heard", entry.account),
                    (
                        "The child's own words (verbatim)",
                        f"“{entry.childs_words}”" if entry.childs_words.strip() else "",
                    ),
                    ("Who else was present", entry.others_present),
                    ("What you did", entry.action_taken),
                )
                if r[1].strip()
            ),
        ),
        ReviewSection(
            Page.SIGNS,
            "Signs noticed",
            (("Signs ticked", "\n".join(sign_texts.get(i, i) for i in entry.sign_ids) or "None ticked"),),
        ),
        ReviewSection(
            Page.OTHERS,
            "Others involved",
            tuple(
                [
                    (f"Child ({c.role.label if c.role else 'role not chosen'})", _join(c.name, c.details))
                    for c in entry.other_children
                    if not c.is_empty()
                ]
                + [
                    (
                        "Adult of concern",
                        _join(
                            a.name_or_nickname,
                            a.description,
                            a.vehicle and f"vehicle: {a.vehicle}",
                            a.phone and f"phone: {a.phone}",
                        ),
                    )
                    for a in entry.adults
                    if not a.is_empty()
                ]
                + [("Place", _join(p.name, p.details)) for p in entry.places if not p.is_empty()]
            )
            or (("Others", "None named"),),
        ),
        ReviewSection(
            Page.ROUTES,
            "Who else must know",
            (
                ("About an adult who works with children", answer_text(draft, Q_ADULT_AT_WORK)),
                ("About a group or community", answer_text(draft, Q_GROUP)),
                (
                    "Kind of concern",
                    ", ".join(category_titles.get(c, c) for c in entry.category_ids) or "Not sure (the DSL decides)",
                ),
            ),
        ),
        ReviewSection(
            Page.RECORDER,
            "Recorded by",
            tuple(
                r
                for r in (
                    ("Name", clean_name(entry.recorder_name)),
                    ("Role", entry.recorder_role.strip()),
                    ("Declaration", "Confirmed accurate" if entry.declaration else "Not yet confirmed"),
                )
                if r[1]
            ),
        ),
    ]
    order = [s.page for s in PAGES]
    return tuple(sorted(sections, key=lambda section: order.index(section.page)))


def _join(*parts: str) -> str:
    return " — ".join(p.strip() for p in parts if p and p.strip())
