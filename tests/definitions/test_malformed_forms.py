"""A bad forms file is refused with one sentence naming the file, the field and what is wrong."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app import paths
from desktop_app.definitions import FormError, load_forms

SCREENING = Path("screening") / "sheffield-exploitation-screening.toml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "forms"
    shutil.copytree(paths.forms_dir(), target)
    return target


def edit(folder: Path, name: Path | str, change: Callable[[str], str]) -> Path:
    path = folder / name
    before = path.read_text(encoding="utf-8")
    after = change(before)
    assert after != before, "the edit did not apply"
    path.write_text(after, encoding="utf-8")
    return path


def refusal(folder: Path) -> FormError:
    with pytest.raises(FormError) as caught:
        load_forms(folder)
    sentence = str(caught.value)
    assert sentence.endswith(".") and "\n" not in sentence
    return caught.value


def test_a_copy_of_the_shipped_folder_loads(folder: Path) -> None:
    assert load_forms(folder).screening().id == "sheffield-exploitation-screening"


def test_missing_field_names_the_field_and_the_item(folder: Path) -> None:
    path = edit(folder, SCREENING, lambda s: s.replace('help = "Cash, drugs', 'hint = "Cash, drugs', 1))
    error = refusal(folder)
    assert str(path) in str(error)
    assert "'sections[2].items[0].help'" in str(error) and "'exchange_tangible'" in str(error)
    assert "is missing" in str(error)


def test_duplicate_item_id_is_named(folder: Path) -> None:
    edit(folder, SCREENING, lambda s: s.replace('id = "in_care"', 'id = "physical_disability"', 1))
    error = refusal(folder)
    assert "the item id 'physical_disability' is used more than once" in str(error)
    assert error.field == "sections"


def test_duplicate_contact_id_is_named(folder: Path) -> None:
    edit(folder, "contacts.toml", lambda s: s.replace('id = "amber_project"', 'id = "nrm"', 1))
    assert "the contact id 'nrm' is used more than once" in str(refusal(folder))


def test_unknown_key_is_named(folder: Path) -> None:
    path = edit(folder, "contacts.toml", lambda s: s.replace('phone = "101"', 'phone = "101"\ncolour = "blue"', 1))
    error = refusal(folder)
    assert str(path) in str(error)
    assert "'contacts[3].colour' (in 'police_101') is not a known field" in str(error)


def test_bands_out_of_order_are_refused(folder: Path) -> None:
    edit(folder, SCREENING, lambda s: s.replace("min_score = 14", "min_score = 5", 1))
    error = refusal(folder)
    assert error.field == "bands"
    assert "band 'high' must start above band 'medium'" in str(error)


def test_a_missing_level_band_is_refused(folder: Path) -> None:
    edit(folder, SCREENING, lambda s: s.replace('level = "low"', 'level = "medium"', 1))
    assert "one band for each level, in the order no_apparent_risk, low, medium, high" in str(refusal(folder))


def test_not_toml_at_all(folder: Path) -> None:
    path = folder / "obligations.toml"
    path.write_text("This is a Word document pasted in by mistake.\n", encoding="utf-8")
    error = refusal(folder)
    assert str(error).startswith(f"The form file {path} is not TOML:")
    assert "line 1" in str(error)


def test_binary_file_is_not_toml(folder: Path) -> None:
    (folder / "categories.toml").write_bytes(b"\xff\xfe\x00garbage")
    assert "is not TOML: it is not UTF-8 text" in str(refusal(folder))


def test_missing_file_is_named(folder: Path) -> None:
    (folder / "categories.toml").unlink()
    assert str(refusal(folder)) == f"The form file {folder / 'categories.toml'} is missing."


def test_unknown_flag_is_refused(folder: Path) -> None:
    edit(folder, SCREENING, lambda s: s.replace('flags = ["trafficking"]', 'flags = ["traficking"]', 1))
    assert "unknown flag 'traficking'" in str(refusal(folder))


def test_a_reference_to_a_missing_contact_is_refused(folder: Path) -> None:
    edit(
        folder, "contacts.toml", lambda s: s.replace('"social_worker", "safeguarding_hub"]', '"social_worker", "hub"]')
    )
    assert "reached through 'hub', which is not a contact" in str(refusal(folder))


def test_a_route_without_a_contact_is_refused(folder: Path) -> None:
    edit(folder, "contacts.toml", lambda s: s.replace('route = "early_help"\n', "", 1))
    assert "the route 'early_help' has no contact" in str(refusal(folder))


def test_a_route_without_advice_is_refused(folder: Path) -> None:
    edit(folder, "contacts.toml", lambda s: s.replace('advice = "Low risk: offer early help', '# "Low risk', 1))
    assert "the route contact 'early_help' has no advice" in str(refusal(folder))


def test_advice_naming_something_the_rules_cannot_fill_in_is_refused(folder: Path) -> None:
    edit(folder, "contacts.toml", lambda s: s.replace("review within {review}", "review by {review_date}", 1))
    error = refusal(folder)
    assert "advice may say {level} or {review}, not {review_date}" in str(error) and "'monitor'" in str(error)


def test_an_id_that_is_not_snake_case_is_refused(folder: Path) -> None:
    edit(folder, "categories.toml", lambda s: s.replace('id = "cse"', 'id = "Sexual Exploitation"', 1))
    assert "'categories[0].id' (in 'Sexual Exploitation') must be lower-case letters" in str(refusal(folder))


def test_a_bad_version_is_refused(folder: Path) -> None:
    edit(folder, "categories.toml", lambda s: s.replace('version = "1"', 'version = "first"', 1))
    assert "'version' must be a version number such as 1 or 2.1" in str(refusal(folder))


def test_empty_text_is_refused(folder: Path) -> None:
    edit(folder, SCREENING, lambda s: s.replace('text = "Carries weapons"', 'text = "  "', 1))
    assert "(in 'carrying_weapons') must not be empty" in str(refusal(folder))


def test_a_written_hash_is_refused(folder: Path) -> None:
    edit(folder, "categories.toml", lambda s: 'hash = "abc"\n' + s)
    assert "has a 'hash' field, which Waymark works out itself" in str(refusal(folder))


def test_two_defaults_are_refused(folder: Path) -> None:
    other = folder / "screening" / "other.toml"
    text = (folder / SCREENING).read_text(encoding="utf-8")
    other.write_text(
        text.replace('id = "sheffield-exploitation-screening"', 'id = "other-screening"', 1), encoding="utf-8"
    )
    assert "Only one screening definition may have 'default = true'" in str(refusal(folder))


def test_a_newer_version_is_the_one_used(folder: Path) -> None:
    text = (folder / SCREENING).read_text(encoding="utf-8")
    (folder / "screening" / "v2.toml").write_text(text.replace('version = "1"', 'version = "2"', 1), encoding="utf-8")
    assert load_forms(folder).screening().version == "2"


def test_an_unknown_definition_id_is_refused(folder: Path) -> None:
    with pytest.raises(FormError, match="There is no screening definition 'leeds'"):
        load_forms(folder).screening("leeds")


def test_the_hash_changes_with_the_content(folder: Path, tmp_path: Path) -> None:
    before = load_forms(folder).screening().hash
    changed = tmp_path / "changed"
    shutil.copytree(folder, changed)
    edit(changed, SCREENING, lambda s: s.replace('text = "Carries weapons"', 'text = "Carries a weapon"', 1))
    assert load_forms(changed).screening().hash != before


def test_a_quoted_yes_is_not_true(folder: Path) -> None:
    """TOML has real booleans; a quoted "yes" is refused rather than guessed at."""
    edit(folder, SCREENING, lambda s: s.replace("significant = true", 'significant = "yes"', 1))
    assert "(in 'unexplained_money_or_goods') must be true or false, without quotes" in str(refusal(folder))


def test_a_quoted_number_is_refused(folder: Path) -> None:
    edit(folder, SCREENING, lambda s: s.replace("min_score = 8", 'min_score = "8"', 1))
    assert "'bands[2].min_score' must be a whole number, without quotes" in str(refusal(folder))


def test_an_unknown_section_kind_is_refused(folder: Path) -> None:
    edit(folder, SCREENING, lambda s: s.replace('kind = "exchange"', 'kind = "swap"', 1))
    assert "'sections[2].kind' (in 'exchange') must be 'vulnerabilities', 'warning_signs'" in str(refusal(folder))


def test_an_unknown_route_is_refused(folder: Path) -> None:
    edit(folder, "contacts.toml", lambda s: s.replace('route = "lado"', 'route = "ladoo"', 1))
    assert "'contacts[4].route' (in 'lado') must be 'emergency_999'" in str(refusal(folder))


def test_a_missing_what_to_do_file_is_named(folder: Path) -> None:
    (folder / "what_to_do.toml").unlink()
    assert str(refusal(folder)) == f"The form file {folder / 'what_to_do.toml'} is missing."


def test_a_duplicate_step_id_is_named(folder: Path) -> None:
    path = edit(folder, "what_to_do.toml", lambda s: s.replace('id = "wishes_and_feelings"', 'id = "immediate_danger"'))
    error = refusal(folder)
    assert str(path) in str(error) and error.field == "steps"
    assert "the step id 'immediate_danger' is used more than once" in str(error)


def test_a_step_for_an_unknown_route_is_refused(folder: Path) -> None:
    edit(folder, "what_to_do.toml", lambda s: s.replace('route = "lado"', 'route = "lado_office"', 1))
    assert "'steps[6].route' (in 'adult_working_with_children_lado') must be 'emergency_999'" in str(refusal(folder))


def test_a_phone_number_typed_into_a_step_instead_of_its_route_is_refused(folder: Path) -> None:
    edit(folder, "what_to_do.toml", lambda s: s.replace("the police on {number}", "the police on 101", 1))
    error = refusal(folder)
    assert "step 'group_or_community_101' has route 'police_101' but no {number} in its text" in str(error)


def test_a_number_placeholder_without_a_route_is_refused(folder: Path) -> None:
    edit(folder, "what_to_do.toml", lambda s: s.replace("before you go home.", "before you go home ({number}).", 1))
    error = refusal(folder)
    assert "step 'tell_dsl_immediately' has {number} in its text but no route" in str(error)


def test_a_misspelt_key_in_a_step_is_named(folder: Path) -> None:
    edit(folder, "what_to_do.toml", lambda s: s.replace('route = "lado"', 'rout = "lado"', 1))
    assert "'steps[6].rout' (in 'adult_working_with_children_lado') is not a known field" in str(refusal(folder))
