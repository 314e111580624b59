"""Use cases: concern."""
