"""Fixtures for the screening tests: the shipped definition and contacts."""

from __future__ import annotations

import pytest

from desktop_app import paths
from desktop_app.definitions import ContactsDefinition, ScreeningDefinition, load_forms


@pytest.fixture(scope="session")
def definition() -> ScreeningDefinition:
    return load_forms(paths.forms_dir()).screening()


@pytest.fixture(scope="session")
def contacts() -> ContactsDefinition:
    return load_forms(paths.forms_dir()).contacts
