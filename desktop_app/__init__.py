"""Waymark: offline recording, screening and referral of child exploitation concerns."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "Waymark"

try:
    __version__ = version("waymark")
except PackageNotFoundError:  # a frozen build without metadata
    __version__ = "0.1.0"
