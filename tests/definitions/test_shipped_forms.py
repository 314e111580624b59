"""The forms shipped in forms/: they load, every entry is complete, published ids never change."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop_app import paths
from desktop_app.definitions import Forms, SectionKind, clear_cache, load_forms
from desktop_app.domain.enums import RiskLevel, RouteId

SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
PUBLISHED = json.loads((Path(__file__).parent / "published_ids.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def forms() -> Forms:
    return load_forms(paths.forms_dir())


def test_every_shipped_form_file_loads(forms: Forms) -> None:
    files = sorted(paths.forms_dir().rglob("*.toml"))
    assert len(files) >= 4
    loaded = {
        forms.contacts.id,
        forms.obligations.id,
        forms.categories.id,
        forms.what_to_do.id,
        forms.missing_episodes.id,
        forms.child_details.id,
        forms.mis_import.id,
        forms.audit.id,
        forms.records.id,
        forms.year_groups.id,
        forms.actions.id,
        forms.referral_requests.id,
        forms.attachments.id,
        *forms.screenings,
    }
    assert len(loaded) == len(files), "a .toml file in forms/ is not loaded by load_forms"
    for definition in (
        *forms.screenings.values(),
        forms.contacts,
        forms.obligations,
        forms.categories,
        forms.what_to_do,
        forms.records,
        forms.missing_episodes,
    ):
        assert re.fullmatch(r"[0-9a-f]{64}", definition.hash)


def test_the_default_screening_is_the_sheffield_tool(forms: Forms) -> None:
    definition = forms.screening()
    assert definition.id == "sheffield-exploitation-screening"
    assert forms.screening("sheffield-exploitation-screening") is definition
    kinds = {section.kind for section in definition.sections}
    assert kinds == set(SectionKind)
    assert [band.level for band in definition.bands] == list(RiskLevel)


def test_every_screening_item_has_text_help_and_a_snake_case_id(forms: Forms) -> None:
    for definition in forms.screenings.values():
        ids = [item.id for _, item in definition.items()]
        assert len(ids) == len(set(ids))
        for section, item in definition.items():
            assert SNAKE.fullmatch(item.id), item.id
            assert item.text.strip() and item.help.strip(), item.id
            assert item.text != item.help, item.id
            if section.kind is SectionKind.PROTECTIVE:
                assert not item.significant and not item.flags


def test_every_list_of_the_sheet_is_in_the_screening_tool(forms: Forms) -> None:
    definition = forms.screening()
    by_kind = {kind: [item for s, item in definition.items() if s.kind is kind] for kind in SectionKind}
    assert len(by_kind[SectionKind.VULNERABILITIES]) >= 16  # the sheet lists 16 (one split in two)
    assert len(by_kind[SectionKind.WARNING_SIGNS]) >= 17
    assert len(by_kind[SectionKind.EXCHANGE]) == 3
    assert len(by_kind[SectionKind.PROTECTIVE]) == 6
    significant = {item.id for item in by_kind[SectionKind.WARNING_SIGNS] if item.significant}
    assert {
        "unexplained_money_or_goods",
        "missing_or_found_out_of_area",
        "controlling_or_older_relationships",
        "assault_or_unexplained_injuries",
        "sexualised_behaviour_or_sti",
        "carrying_weapons",
        "frequents_sex_work_areas",
        "gang_association",
    } <= significant
    flags = {flag for item in by_kind[SectionKind.CONTEXT] for flag in item.flags}
    assert {"county_lines", "trafficking", "online", "group", "staff"} <= flags


def test_each_route_has_a_contact_and_the_local_numbers_are_the_sheets(forms: Forms) -> None:
    contacts = forms.contacts
    for route in RouteId:
        contact = contacts.for_route(route)
        assert contact is not None and contact.when_to_use.strip(), route
    hub = contacts.for_route(RouteId.SAFEGUARDING_HUB)
    assert hub is not None and hub.phone == "0114 2734855"
    assert contacts.for_route(RouteId.EMERGENCY_999).phone == "999"  # type: ignore[union-attr]
    assert contacts.for_route(RouteId.POLICE_101).phone == "101"  # type: ignore[union-attr]
    amber = contacts.contact("amber_project")
    assert amber is not None and amber.route is None
    assert set(amber.reached_through) == {"social_worker", "safeguarding_hub"}


def test_a_settings_own_number_replaces_the_shipped_one(forms: Forms) -> None:
    local = forms.contacts.with_phones({"lado": "0114 000 0000"})
    assert local.for_route(RouteId.LADO).phone == "0114 000 0000"  # type: ignore[union-attr]
    assert forms.contacts.for_route(RouteId.LADO).phone == ""  # type: ignore[union-attr]


def test_obligations_hold_the_eight_duties_and_the_what_to_do_duties(forms: Forms) -> None:
    obligations = forms.obligations.obligations
    ensure = [o for o in obligations if o.source == "All education settings should ensure that"]
    what_to_do = [o for o in obligations if o.source == "What to do"]
    assert len(ensure) >= 8
    assert len(what_to_do) >= 6
    assert all(o.description.strip() and o.evidence.strip() for o in obligations)
    assert {"staff_tell_dsl_immediately", "dsl_uses_screening_tool", "wishes_and_feelings_sought"} <= {
        o.id for o in what_to_do
    }


def test_every_what_to_do_step_is_plain_text_and_takes_its_number_from_contacts(forms: Forms) -> None:
    steps = forms.what_to_do.steps
    assert len({step.id for step in steps}) == len(steps)
    for step in steps:
        assert SNAKE.fullmatch(step.id), step.id
        assert step.text.strip().endswith("."), step.id
        assert not re.search(r"\d{3}", step.text), f"{step.id}: a number belongs in contacts.toml, not in a step"
        if step.route is not None:
            assert forms.contacts.for_route(step.route) is not None, step.id
    # The sheet's "What to do": 999 first, tell the DSL, the DSL screens and refers, 101, LADO, wishes and feelings.
    assert [step.route for step in steps if step.route] == [
        RouteId.EMERGENCY_999,
        RouteId.SAFEGUARDING_HUB,
        RouteId.POLICE_101,
        RouteId.LADO,
    ]
    texts = forms.what_to_do.texts(forms.contacts)
    assert texts[0].startswith("If a child or anyone else is in immediate danger, ring 999 now")
    joined = " ".join(texts)
    for expected in (
        "Safeguarding Hub on 0114 2734855",
        "ring the police on 101",
        "Local Authority Designated Officer (LADO)",
        "LADO number: ask the DSL",
        "screening tool",
        "social worker",
        "wishes and feelings",
        "parents or carers",
        "Record the concern in Waymark",
        "promise to keep a secret",
    ):
        assert expected in joined, expected
    assert "{number}" not in joined


def test_a_settings_own_number_shows_in_the_steps(forms: Forms) -> None:
    local = forms.contacts.with_phones({"lado": "0114 000 0000", "safeguarding_hub": "0114 111 1111"})
    joined = " ".join(forms.what_to_do.texts(local))
    assert "LADO number: 0114 000 0000." in joined
    assert "Safeguarding Hub on 0114 111 1111." in joined and "0114 2734855" not in joined


def test_categories_are_the_agreed_seven(forms: Forms) -> None:
    ids = [category.id for category in forms.categories.categories]
    assert ids == ["cse", "cce", "county_lines", "trafficking", "online", "missing", "other"]


def test_published_ids_never_change(forms: Forms) -> None:
    """Ids are stored with every record: renaming or dropping one of a published version loses meaning."""
    current: dict[str, object] = {}
    for definition in forms.screenings.values():
        current[f"{definition.id}@{definition.version}"] = {
            section.id: [item.id for item in section.items] for section in definition.sections
        }
    for doc, entries in (
        (forms.contacts, [c.id for c in forms.contacts.contacts]),
        (forms.obligations, [o.id for o in forms.obligations.obligations]),
        (forms.categories, [c.id for c in forms.categories.categories]),
        (forms.what_to_do, [s.id for s in forms.what_to_do.steps]),
    ):
        current[f"{doc.id}@{doc.version}"] = entries
    for key, ids in current.items():
        assert key in PUBLISHED, f"{key} is not in tests/definitions/published_ids.json: add it when publishing"
        assert ids == PUBLISHED[key], f"the ids of published {key} changed: publish a new version instead"


def test_loading_is_cached_per_folder(tmp_path: Path) -> None:
    first = load_forms(paths.forms_dir())
    assert load_forms(paths.forms_dir()) is first
    clear_cache()
    assert load_forms(paths.forms_dir()) is not first


def test_every_route_that_refers_to_an_agency_suggests_what_to_ask_for_and_consent_answers_need_their_note(
    forms: Forms,
) -> None:
    requests = forms.referral_requests
    for route in (
        RouteId.SOCIAL_WORKER,
        RouteId.SAFEGUARDING_HUB,
        RouteId.POLICE_101,
        RouteId.LADO,
        RouteId.NRM,
        RouteId.EARLY_HELP,
    ):
        assert requests.suggested((route,)), route
    titles = {choice.title for choice in requests.requests}
    assert {"Strategy discussion", "The Amber Project"} <= titles
    assert [c.title for c in requests.consent] == ["Sought and given", "Sought and refused", "Not sought"]
    assert [c.needs_note for c in requests.consent] == [False, True, True]
