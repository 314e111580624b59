"""Waymark: offline recording, screening and referral of child exploitation concerns."""

APP_NAME = "Waymark"

# The one place the version is written: pyproject.toml reads it from here (hatch dynamic version), and start-up
# avoids importlib.metadata, which costs a noticeable part of the time to the lock screen.
__version__ = "0.1.0"
