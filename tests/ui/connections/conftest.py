"""Fixtures for the connections, missing-episode and sharing screens."""

from tests.fixtures_vault import open_session  # noqa: F401
from tests.ui.test_accessibility import closing, zoom_150  # noqa: F401
