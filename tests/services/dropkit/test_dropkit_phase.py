"""A drop kit carries the setting's phase of education (issue 16): staff recording from a kit are offered the same
year groups as in the app; when the DSL never chose one, the shipped phase's."""

from __future__ import annotations

from pathlib import Path

from desktop_app.services.dropkit import kit, record
from desktop_app.services.setting import phase
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import open_session  # noqa: F401


def test_the_kit_offers_the_settings_year_groups(open_session: VaultSession, tmp_path: Path) -> None:
    phase.save(open_session, "primary")
    kit_path = tmp_path / "school.wmdropkit"
    made = kit.export_kit(open_session, kit_path)
    assert made.phase == "primary"
    groups = record.content_for(kit.parse_kit(kit_path.read_bytes())).year_groups
    assert groups[0] == "Nursery" and "Year 7" not in groups


def test_a_kit_without_a_phase_offers_the_shipped_ones(open_session: VaultSession, tmp_path: Path) -> None:
    kit_path = tmp_path / "school.wmdropkit"
    made = kit.export_kit(open_session, kit_path)
    assert made.phase == ""  # the DSL never chose: the shipped default applies
    groups = record.content_for(made).year_groups
    assert "Year 7" in groups and "Nursery" not in groups
