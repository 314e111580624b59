"""Fixtures for the child-file service tests."""

from tests.fixtures_vault import open_session  # noqa: F401
