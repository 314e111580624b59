"""The concern wizard's checks: what stops the recorder leaving a page, one clear sentence each, keyed by field."""

from __future__ import annotations

from datetime import datetime

from desktop_app.errors import FieldProblem
from desktop_app.services.concern.entry import Entry, age_on, parse_age, parse_date, parse_time
from desktop_app.services.concern.pages import (
    F_ACCOUNT,
    F_ACTION,
    F_ADULT_AT_WORK,
    F_AGE,
    F_CHILD,
    F_DANGER,
    F_DATE,
    F_DECLARATION,
    F_DOB,
    F_FIRST_NAME,
    F_GENDER,
    F_GROUP,
    F_KNOWN_AS,
    F_LAST_NAME,
    F_LOCATION,
    F_PRESENT,
    F_RECORDER_NAME,
    F_RECORDER_ROLE,
    F_TIME,
    F_WORDS,
    F_YEAR,
    PAGES,
    Q_ADULT_AT_WORK,
    Q_GROUP,
    Mode,
    Page,
    row_field,
)

MAX_TEXT = 100_000  # an account, the child's words: long enough for anything a person would type
MAX_SHORT = 300  # names, roles, a place, a phone number


def _too_long(field_id: str, text: str, limit: int) -> FieldProblem | None:
    if len(text) <= limit:
        return None
    return FieldProblem(
        field_id,
        f"This is {len(text):,} characters long; the most it can hold is {limit:,}. "
        "Shorten it, or tell your DSL the rest in person.",
    )


def _required(field_id: str, text: str, sentence: str) -> FieldProblem | None:
    return None if text.strip() else FieldProblem(field_id, sentence)


def _check_child(entry: Entry, mode: Mode, now: datetime) -> list[FieldProblem]:
    out: list[FieldProblem | None] = []
    if mode is Mode.DSL and entry.choose_existing:
        if entry.existing_child_id is None:
            return [
                FieldProblem(F_CHILD, "Search for the child and choose them from the list, or choose 'A new child'.")
            ]
        return []
    if not entry.first_name.strip() and not entry.known_as.strip():
        out.append(FieldProblem(F_FIRST_NAME, "Enter the child's first name (or the name they are known by)."))
    for fid, text in (
        (F_FIRST_NAME, entry.first_name),
        (F_LAST_NAME, entry.last_name),
        (F_KNOWN_AS, entry.known_as),
        (F_YEAR, entry.year_group),
        (F_GENDER, entry.gender),
    ):
        out.append(_too_long(fid, text, MAX_SHORT))
    dob = parse_date(entry.dob_text)
    if entry.dob_text.strip():
        if dob is None:
            out.append(FieldProblem(F_DOB, "Enter the date of birth as day/month/year, for example 14/03/2012."))
        elif dob > now.date():
            out.append(FieldProblem(F_DOB, "The date of birth is in the future. Check the year."))
            dob = None
    if entry.age_text.strip():
        age = parse_age(entry.age_text)
        if age is None:
            out.append(FieldProblem(F_AGE, "Enter the age in whole years, for example 14."))
        elif age > 25:
            out.append(FieldProblem(F_AGE, "That age is too high for a child or young person. Check the number."))
        elif dob is not None and age != age_on(dob, now.date()):
            out.append(
                FieldProblem(
                    F_AGE,
                    f"The date of birth makes the child {age_on(dob, now.date())}, but the age says {age}. "
                    "Correct one of them, or leave the age empty.",
                )
            )
    return [p for p in out if p]


def _check_happened(entry: Entry, now: datetime) -> list[FieldProblem]:
    out: list[FieldProblem | None] = []
    day = parse_date(entry.date_text)
    if not entry.date_text.strip():
        out.append(FieldProblem(F_DATE, "Enter the date it happened (your best estimate is fine)."))
    elif day is None:
        out.append(FieldProblem(F_DATE, "Enter the date as day/month/year, for example 28/11/2026."))
    elif day > now.date():
        out.append(FieldProblem(F_DATE, "This date is in the future. Enter the day it happened."))
    at = parse_time(entry.time_text)
    if not entry.time_text.strip():
        out.append(FieldProblem(F_TIME, "Enter the time it happened, for example 14:30 (your best estimate is fine)."))
    elif at is None:
        out.append(FieldProblem(F_TIME, "Enter the time as hours and minutes, for example 14:30."))
    elif day is not None and day == now.date() and at > now.time():
        out.append(FieldProblem(F_TIME, "This time is later than now. Enter when it happened."))
    dob = parse_date(entry.dob_text)
    if day is not None and dob is not None and dob <= now.date() and day < dob:
        out.append(FieldProblem(F_DATE, "This date is before the child's date of birth. Check both dates."))
    out.append(_required(F_ACCOUNT, entry.account, "Write what you saw or heard. A few plain sentences are enough."))
    for fid, text in (
        (F_ACCOUNT, entry.account),
        (F_WORDS, entry.childs_words),
        (F_PRESENT, entry.others_present),
        (F_ACTION, entry.action_taken),
    ):
        out.append(_too_long(fid, text, MAX_TEXT))
    out.append(_too_long(F_LOCATION, entry.location, MAX_SHORT * 3))
    return [p for p in out if p]


def _check_others(entry: Entry) -> list[FieldProblem]:
    out: list[FieldProblem | None] = []
    for i, child in enumerate(entry.other_children):
        if child.is_empty():
            continue
        if not child.name.strip():
            out.append(FieldProblem(row_field("children", i, "name"), "Give this child's name, or remove the row."))
        if child.role is None:
            out.append(
                FieldProblem(
                    row_field("children", i, "role"),
                    "Choose this child's role: possible victim, possible perpetrator, witness or other.",
                )
            )
        out.append(_too_long(row_field("children", i, "name"), child.name, MAX_SHORT))
        out.append(_too_long(row_field("children", i, "details"), child.details, MAX_TEXT))
    for i, adult in enumerate(entry.adults):
        if adult.is_empty():
            continue
        if not (adult.name_or_nickname.strip() or adult.description.strip()):
            out.append(
                FieldProblem(
                    row_field("adults", i, "name"),
                    "Give a name, a nickname or a description of this adult, or remove the row.",
                )
            )
        for part, text in (("name", adult.name_or_nickname), ("vehicle", adult.vehicle), ("phone", adult.phone)):
            out.append(_too_long(row_field("adults", i, part), text, MAX_SHORT))
        out.append(_too_long(row_field("adults", i, "description"), adult.description, MAX_TEXT))
    for i, place in enumerate(entry.places):
        if place.is_empty():
            continue
        if not place.name.strip():
            out.append(FieldProblem(row_field("places", i, "name"), "Say where this place is, or remove the row."))
        out.append(_too_long(row_field("places", i, "name"), place.name, MAX_SHORT * 3))
        out.append(_too_long(row_field("places", i, "details"), place.details, MAX_TEXT))
    return [p for p in out if p]


def _check_recorder(entry: Entry) -> list[FieldProblem]:
    out: list[FieldProblem | None] = [
        _required(F_RECORDER_NAME, entry.recorder_name, "Enter your name so the DSL can talk to you."),
        _required(F_RECORDER_ROLE, entry.recorder_role, "Enter your role, for example 'Year 9 tutor'."),
        _too_long(F_RECORDER_NAME, entry.recorder_name, MAX_SHORT),
        _too_long(F_RECORDER_ROLE, entry.recorder_role, MAX_SHORT),
    ]
    if not entry.declaration:
        out.append(FieldProblem(F_DECLARATION, "Tick the box to confirm this record is accurate."))
    return [p for p in out if p]


def check_page(page: Page, entry: Entry, *, mode: Mode, now: datetime) -> list[FieldProblem]:
    """Problems that stop the recorder leaving ``page``; empty when it may go on."""
    if page is Page.SAFETY:
        if entry.immediate_danger is None:
            return [FieldProblem(F_DANGER, "Answer yes or no: is the child in immediate danger?")]
        return []
    if page is Page.CHILD:
        return _check_child(entry, mode, now)
    if page is Page.HAPPENED:
        return _check_happened(entry, now)
    if page is Page.OTHERS:
        return _check_others(entry)
    if page is Page.ROUTES:
        out = []
        if entry.about_adult_working_with_children is None and Q_ADULT_AT_WORK not in entry.dont_know:
            out.append(
                FieldProblem(
                    F_ADULT_AT_WORK, "Answer yes, no or don't know: is this about an adult who works with children?"
                )
            )
        if entry.group_or_community is None and Q_GROUP not in entry.dont_know:
            out.append(FieldProblem(F_GROUP, "Answer yes, no or don't know: is this about a group or a community?"))
        return out
    if page is Page.RECORDER:
        return _check_recorder(entry)
    if page is Page.REVIEW:
        return [
            p
            for spec_ in PAGES
            if spec_.page not in (Page.REVIEW, Page.DONE)
            for p in check_page(spec_.page, entry, mode=mode, now=now)
        ]
    return []


def check_all(entry: Entry, *, mode: Mode, now: datetime) -> dict[Page, list[FieldProblem]]:
    """Every page with problems, in page order (the review page lists them with a way back)."""
    found = {
        s.page: check_page(s.page, entry, mode=mode, now=now) for s in PAGES if s.page not in (Page.REVIEW, Page.DONE)
    }
    return {page: problems for page, problems in found.items() if problems}


def first_page_with_problems(entry: Entry, *, mode: Mode, now: datetime) -> Page | None:
    return next(iter(check_all(entry, mode=mode, now=now)), None)
