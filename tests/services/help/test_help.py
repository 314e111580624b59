"""Help's content comes from forms/: the guidance sheet's lists and the screening tool's points and bands."""

from __future__ import annotations

from desktop_app.definitions import load_forms
from desktop_app.domain.enums import RiskLevel
from desktop_app.services.help import guidance, suggestion
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import open_session  # noqa: F401 (a fixture)


def _all_points(sections: tuple[guidance.HelpSection, ...]) -> str:
    return "\n".join(p for s in sections for p in (s.title, s.intro, *s.points))


def test_the_guidance_sheet_holds_every_list_of_forms_with_the_settings_own_numbers(open_session: VaultSession) -> None:
    forms = load_forms()
    with open_session.uow() as uow:
        uow.contacts.set_phone("lado", "01142734850", open_session.actor())
        uow.commit()
    text = _all_points(guidance.guidance_for(open_session))
    for _section, item in forms.screening().items():
        assert item.text in text, item.id
    for section in forms.screening().sections:
        assert section.title in text
    for step in forms.what_to_do.steps:
        assert step.text.split("{number}")[0] in text
    for category in forms.categories.categories:
        assert category.title in text
    assert "Local Authority Designated Officer (LADO): 0114 273 4850." in text  # the setting's, as people write it
    significant = next(item for _s, item in forms.screening().items() if item.significant)
    assert f"{significant.text} (a significant sign)" in text


def test_the_suggestion_is_explained_with_the_definitions_own_points_and_bands() -> None:
    forms = load_forms()
    definition = forms.screening()
    shown = suggestion.how_the_suggestion_works(forms)
    assert shown.points[0].current == definition.scoring.vulnerabilities.current
    significant = shown.points[-1]
    assert (significant.current, significant.earlier) == (
        definition.scoring.significant.current,
        definition.scoring.significant.earlier,
    )
    assert [b.level for b in shown.bands] == list(RiskLevel)
    assert [b.from_points for b in shown.bands] == [b.min_score for b in definition.bands]
    assert [b.points_text for b in shown.bands] == ["0", "1 to 7", "8 to 13", "14 or more"]  # the shipped tool
    assert shown.bands[-1].points_text == f"{definition.bands[-1].min_score} or more"
    assert [b.review_days for b in shown.bands] == [b.review_days for b in definition.bands]
    assert "local authority's to change" in shown.whose and "never a replacement" in shown.judgement


def test_a_local_authority_that_changes_its_bands_changes_the_help() -> None:
    forms = load_forms()
    definition = forms.screening()
    bands = tuple(b.model_copy(update={"min_score": b.min_score + 1}) if b.min_score else b for b in definition.bands)
    changed = definition.model_copy(update={"bands": bands})
    from dataclasses import replace

    other = replace(forms, screenings={**forms.screenings, definition.id: changed})
    shown = suggestion.how_the_suggestion_works(other)
    assert [b.from_points for b in shown.bands] == [b.min_score for b in bands]
    assert shown.bands[-1].from_points == definition.bands[-1].min_score + 1
