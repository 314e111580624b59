"""forms/missing_episodes.toml: the dashboard threshold, the screening item and the sharing contact are data, checked
against the other files when the folder loads."""

from __future__ import annotations

from pathlib import Path

from desktop_app.definitions import load_forms
from tests.definitions.test_malformed_forms import edit, folder, refusal  # noqa: F401


def test_the_shipped_file_names_the_amber_project_and_a_real_screening_item() -> None:
    forms = load_forms()
    missing = forms.missing_episodes
    assert (missing.repeated.episodes, missing.repeated.days, missing.return_interview_hours) == (2, 90, 72)
    assert forms.screening().has_item(missing.screening.item)
    contact = forms.contacts.contact(missing.sharing.contact)
    assert contact is not None and contact.title == "The Amber Project"


def test_an_unknown_screening_item_is_refused(folder: Path) -> None:
    path = edit(
        folder,
        "missing_episodes.toml",
        lambda s: s.replace('item = "missing_or_found_out_of_area"', 'item = "goes_missing"'),
    )
    error = refusal(folder)
    assert str(error) == (
        f"The form file {path} is not valid: 'screening.item' names 'goes_missing', which is not "
        f"an item of the screening definition 'sheffield-exploitation-screening'."
    )


def test_an_unknown_sharing_contact_is_refused(folder: Path) -> None:
    edit(folder, "missing_episodes.toml", lambda s: s.replace('contact = "amber_project"', 'contact = "amber"'))
    assert "'sharing.contact' names 'amber'" in str(refusal(folder))


def test_a_threshold_of_none_is_refused(folder: Path) -> None:
    edit(folder, "missing_episodes.toml", lambda s: s.replace("episodes = 2", "episodes = 0"))
    assert "'repeated.episodes'" in str(refusal(folder))
