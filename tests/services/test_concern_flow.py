"""The concern wizard's pages, checks and advice, without a window."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.enums import ChildRole, RouteId
from desktop_app.domain.records import answer_text
from desktop_app.services.concern import flow
from desktop_app.services.concern.flow import Entry, Mode, Page

NOW = datetime(2026, 11, 28, 15, 0)
CONTACTS = {
    RouteId.EMERGENCY_999: flow.RouteContact("Emergency services", "999"),
    RouteId.POLICE_101: flow.RouteContact("Police non-emergency", "101"),
    RouteId.LADO: flow.RouteContact("LADO", "0114 000 0000"),
}


def complete_entry(**changes: object) -> Entry:
    base = Entry(
        immediate_danger=False,
        first_name="Zoë",
        last_name="Wiśniewska-Nguyễn",
        dob_text="14/03/2012",
        year_group="Year 9",
        date_text="28/11/2026",
        time_text="10:15",
        location="Bus stop outside the school",
        account="Seen getting into a car with an older man.",
        childs_words="He said I owe him.",
        about_adult_working_with_children=False,
        group_or_community=False,
        recorder_name="Sam Teacher",
        recorder_role="Form tutor",
        declaration=True,
    )
    return flow.Entry(**{**{f: getattr(base, f) for f in Entry.__dataclass_fields__}, **changes})  # type: ignore[arg-type]


def fields(problems: list) -> set[str]:
    return {p.field for p in problems}


def test_pages_run_in_the_order_of_the_issue_safety_first() -> None:
    order = [s.page for s in flow.PAGES]
    assert order[0] is Page.SAFETY
    assert order == [
        Page.SAFETY, Page.CHILD, Page.HAPPENED, Page.ROUTES, Page.SIGNS, Page.OTHERS, Page.RECORDER, Page.REVIEW,
        Page.DONE,
    ]  # fmt: skip
    assert flow.next_page(Page.SAFETY) is Page.CHILD
    assert flow.previous_page(Page.CHILD) is Page.SAFETY
    assert flow.next_page(Page.DONE) is None
    assert flow.previous_page(Page.DONE) is None  # no way back once sent


def test_a_teacher_walks_only_the_essentials_unless_they_choose_to_add_signs_and_people() -> None:
    walked, page = [], Page.SAFETY
    while page is not None:
        walked.append(page)
        page = flow.next_page(page, complete_entry())
    assert walked == [Page.SAFETY, Page.CHILD, Page.HAPPENED, Page.ROUTES, Page.RECORDER, Page.REVIEW, Page.DONE]
    assert flow.previous_page(Page.RECORDER, complete_entry()) is Page.ROUTES
    more = complete_entry(more_detail=True)
    assert flow.next_page(Page.ROUTES, more) is Page.SIGNS
    assert flow.next_page(Page.OTHERS, more) is Page.RECORDER
    assert flow.previous_page(Page.RECORDER, more) is Page.OTHERS
    resumed = flow.from_draft(flow.to_draft(complete_entry(sign_ids=("ws_money",))))
    assert resumed.more_detail  # a draft that has signs shows them again


def test_a_date_of_birth_and_an_age_that_disagree_are_refused_with_a_sentence() -> None:
    entry = complete_entry(dob_text="14/03/2012", age_text="11")  # the date of birth makes the child 14
    found = flow.check_page(Page.CHILD, entry, mode=Mode.STAFF, now=NOW)
    assert [p.field for p in found] == [flow.F_AGE]
    assert "makes the child 14" in found[0].sentence and "11" in found[0].sentence
    agree = complete_entry(dob_text="14/03/2012", age_text="14")
    assert flow.check_page(Page.CHILD, agree, mode=Mode.STAFF, now=NOW) == []
    rows = {s.page: dict(s.rows) for s in flow.review(agree)}[Page.CHILD]
    assert rows["Date of birth"] == "14/03/2012" and rows["Age"] == "14"


def test_dont_know_answers_the_adult_and_group_questions_and_is_kept_as_such() -> None:
    entry = complete_entry(
        about_adult_working_with_children=None, group_or_community=None, dont_know=(flow.Q_ADULT_AT_WORK, flow.Q_GROUP)
    )
    assert flow.check_page(Page.ROUTES, entry, mode=Mode.STAFF, now=NOW) == []
    draft = flow.to_draft(entry)
    assert draft.about_adult_working_with_children is None and draft.group_or_community is None
    assert answer_text(draft, flow.Q_ADULT_AT_WORK) == "Don't know"
    assert answer_text(draft, flow.Q_GROUP) == "Don't know"
    assert answer_text(flow.to_draft(complete_entry()), flow.Q_GROUP) == "No"
    rows = {s.page: dict(s.rows) for s in flow.review(entry)}[Page.ROUTES]
    assert rows["About an adult who works with children"] == "Don't know"
    assert flow.from_draft(draft).dont_know == (flow.Q_ADULT_AT_WORK, flow.Q_GROUP)
    unsure = {n.key: n.text for n in flow.notices(Page.ROUTES, entry, now=NOW, contacts=CONTACTS)}
    assert "might be" in unsure["lado_unsure"] and "DSL" in unsure["lado_unsure"]


def test_the_kind_of_concern_is_optional_and_kept_in_the_draft() -> None:
    entry = complete_entry(category_ids=("county_lines", "cce"))
    assert flow.check_all(entry, mode=Mode.STAFF, now=NOW) == {}
    assert flow.to_draft(entry).category_ids == ("county_lines", "cce")
    assert flow.from_draft(flow.to_draft(entry)).category_ids == ("county_lines", "cce")
    rows = {
        s.page: dict(s.rows) for s in flow.review(entry, category_titles={"county_lines": "County lines", "cce": "CCE"})
    }
    assert rows[Page.ROUTES]["Kind of concern"] == "County lines, CCE"
    assert {s.page: dict(s.rows) for s in flow.review(complete_entry())}[Page.ROUTES]["Kind of concern"] == (
        "Not sure (the DSL decides)"
    )


def test_a_complete_entry_has_no_problems_on_any_page() -> None:
    assert flow.check_all(complete_entry(), mode=Mode.STAFF, now=NOW) == {}


def test_immediate_danger_must_be_answered_and_yes_says_ring_999_from_the_contacts() -> None:
    assert fields(flow.check_page(Page.SAFETY, Entry(), mode=Mode.STAFF, now=NOW)) == {flow.F_DANGER}
    urgent = flow.notices(Page.SAFETY, Entry(immediate_danger=True), now=NOW, contacts=CONTACTS)
    assert urgent[0].urgent and "Ring 999 now" in urgent[0].text
    other = {RouteId.EMERGENCY_999: flow.RouteContact("Emergency", "112")}
    assert "Ring 112 now" in flow.notices(Page.SAFETY, Entry(immediate_danger=True), now=NOW, contacts=other)[0].text
    assert flow.notices(Page.SAFETY, Entry(immediate_danger=False), now=NOW, contacts=CONTACTS) == []


def test_empty_required_fields_each_get_their_own_sentence() -> None:
    problems = flow.check_all(Entry(), mode=Mode.STAFF, now=NOW)
    assert set(problems) == {Page.SAFETY, Page.CHILD, Page.HAPPENED, Page.ROUTES, Page.RECORDER}
    happened = {p.field: p.sentence for p in problems[Page.HAPPENED]}
    assert set(happened) == {flow.F_DATE, flow.F_TIME, flow.F_ACCOUNT}
    assert "what you saw or heard" in happened[flow.F_ACCOUNT]
    recorder = fields(problems[Page.RECORDER])
    assert recorder == {flow.F_RECORDER_NAME, flow.F_RECORDER_ROLE, flow.F_DECLARATION}


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"date_text": "29/11/2026"}, flow.F_DATE, "in the future"),
        ({"time_text": "16:30"}, flow.F_TIME, "later than now"),
        ({"date_text": "31/02/2026"}, flow.F_DATE, "day/month/year"),
        ({"time_text": "25:00"}, flow.F_TIME, "hours and minutes"),
        ({"dob_text": "01/01/2027"}, flow.F_DOB, "in the future"),
        ({"dob_text": "01/01/2026", "date_text": "01/12/2025"}, flow.F_DATE, "before the child's date of birth"),
        ({"age_text": "fourteen", "dob_text": ""}, flow.F_AGE, "whole years"),
        ({"account": "x" * (flow.MAX_TEXT + 1)}, flow.F_ACCOUNT, "100,001 characters"),
        ({"first_name": "", "known_as": ""}, flow.F_FIRST_NAME, "first name"),
    ],
)
def test_bad_values_are_refused_with_a_sentence_by_the_field(changes: dict, field: str, words: str) -> None:
    found = [p for ps in flow.check_all(complete_entry(**changes), mode=Mode.STAFF, now=NOW).values() for p in ps]
    assert [p.field for p in found] == [field]
    assert words in found[0].sentence


def test_text_up_to_the_limit_is_accepted() -> None:
    entry = complete_entry(account="y" * flow.MAX_TEXT, childs_words="z" * flow.MAX_TEXT)
    assert flow.check_all(entry, mode=Mode.STAFF, now=NOW) == {}
    assert flow.to_draft(entry).account == "y" * flow.MAX_TEXT


def test_a_child_of_18_or_over_is_allowed_but_the_wizard_says_the_dsl_decides() -> None:
    entry = complete_entry(dob_text="01/11/2008")
    assert flow.check_all(entry, mode=Mode.STAFF, now=NOW) == {}
    note = flow.notices(Page.CHILD, entry, now=NOW, contacts=CONTACTS)
    assert [n.key for n in note] == ["over_18"]
    assert "under 18" in note[0].text and "DSL will decide" in note[0].text
    assert flow.notices(Page.CHILD, complete_entry(dob_text="", age_text="17"), now=NOW, contacts=CONTACTS) == []


def test_adult_working_with_children_points_to_lado_and_group_to_police_101() -> None:
    entry = complete_entry(about_adult_working_with_children=True, group_or_community=True)
    by_key = {n.key: n.text for n in flow.notices(Page.ROUTES, entry, now=NOW, contacts=CONTACTS)}
    assert "Local Authority Designated Officer" in by_key["lado"] and "0114 000 0000" in by_key["lado"]
    assert "101" in by_key["police_101"]
    assert flow.notices(Page.ROUTES, complete_entry(), now=NOW, contacts=CONTACTS) == []


def test_other_children_need_a_name_and_a_role_and_blank_rows_are_ignored() -> None:
    entry = complete_entry(
        other_children=(flow.ChildRow("Kai", None), flow.ChildRow()),
        adults=(flow.AdultRow(vehicle="Blue van"),),
        places=(flow.PlaceRow(details="behind the shops"),),
    )
    found = fields(flow.check_page(Page.OTHERS, entry, mode=Mode.STAFF, now=NOW))
    assert found == {"others.children.0.role", "others.adults.0.name", "others.places.0.name"}
    ok = complete_entry(other_children=(flow.ChildRow("Kai", ChildRole.WITNESS), flow.ChildRow()))
    assert flow.to_draft(ok).other_children[0].role is ChildRole.WITNESS
    assert len(flow.to_draft(ok).other_children) == 1


def test_dsl_mode_may_pick_a_child_on_file_instead_of_typing_one() -> None:
    entry = complete_entry(first_name="", last_name="", dob_text="", choose_existing=True)
    assert fields(flow.check_page(Page.CHILD, entry, mode=Mode.DSL, now=NOW)) == {flow.F_CHILD}
    entry = complete_entry(
        first_name="", dob_text="", choose_existing=True, existing_child_id=7, existing_child_label="A"
    )
    assert flow.check_page(Page.CHILD, entry, mode=Mode.DSL, now=NOW) == []
    draft = flow.to_draft(entry)
    assert draft.existing_child_id == 7 and draft.child is None


def test_draft_keeps_names_in_any_script_and_the_childs_own_words_verbatim() -> None:
    words = "  he said “you owe us” — then he left  "
    draft = flow.to_draft(complete_entry(childs_words=words, first_name="Zoe\u0308"), recorded_at=NOW)
    assert draft.child is not None and draft.child.first_name == "Zoë"  # composed form
    assert draft.child.last_name == "Wiśniewska-Nguyễn"
    assert draft.childs_words == words
    assert draft.happened_at == datetime(2026, 11, 28, 10, 15)
    assert draft.child.date_of_birth == date(2012, 3, 14)


def test_resuming_a_draft_gives_back_what_was_typed_even_half_typed_dates() -> None:
    entry = complete_entry(date_text="28/11/20", adults=(flow.AdultRow("Big T", "tall", "Blue van", "07700 900000"),))
    back = flow.from_draft(flow.to_draft(entry), flow.unparsed(entry))
    assert back.date_text == "28/11/20"
    assert back.first_name == "Zoë" and back.adults == entry.adults
    assert back.declaration is False  # declared afresh


def test_review_lists_everything_with_the_childs_words_marked_as_verbatim() -> None:
    entry = complete_entry(sign_ids=("ws_money",), places=(flow.PlaceRow("Park", "by the lake"),))
    sections = {s.page: dict(s.rows) for s in flow.review(entry, sign_texts={"ws_money": "Unexplained money"})}
    assert sections[Page.CHILD]["Name"] == "Zoë Wiśniewska-Nguyễn"
    assert sections[Page.HAPPENED]["The child's own words (verbatim)"] == "“He said I owe him.”"
    assert sections[Page.SIGNS] == {"Signs ticked": "Unexplained money"}
    assert sections[Page.OTHERS]["Place"] == "Park — by the lake"


def test_several_signs_are_listed_under_one_label_not_sign_sign_sign() -> None:
    entry = complete_entry(sign_ids=("a", "b", "c"))
    rows = {s.page: s.rows for s in flow.review(entry, sign_texts={"a": "Money", "b": "Phones", "c": "Missing"})}
    assert rows[Page.SIGNS] == (("Signs ticked", "Money\nPhones\nMissing"),)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("14:30", time(14, 30)), ("1430", time(14, 30)), ("2.30pm", time(14, 30)), ("2pm", time(14, 0)),
     ("12am", time(0, 0)), ("9:05", time(9, 5)), ("13pm", None), ("", None), ("noon", None)],
)  # fmt: skip
def test_times_typed_the_usual_ways(text: str, expected: time | None) -> None:
    assert flow.parse_time(text) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_any_date_typed_day_first_reads_back(day: date) -> None:
    assert flow.parse_date(day.strftime("%d/%m/%Y")) == day
    assert flow.parse_date(day.isoformat()) == day


@given(st.text(max_size=40))
def test_parsers_never_crash_on_anything_typed(text: str) -> None:
    flow.parse_date(text)
    flow.parse_time(text)
    flow.parse_age(text)
