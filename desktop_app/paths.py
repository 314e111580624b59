"""Where Waymark keeps its data, settings and logs, and where its shipped resources and forms are."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

_DIRS = PlatformDirs(appname="Waymark", appauthor=False, roaming=False)


def home() -> Path | None:
    """The WAYMARK_HOME override (IT staff, tests), if set."""
    value = os.environ.get("WAYMARK_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    """The folder that holds vaults (local, not roaming, app data)."""
    base = home()
    return base / "data" if base else Path(_DIRS.user_data_dir)


def default_vault_dir() -> Path:
    return data_dir() / "vault"


def config_dir() -> Path:
    base = home()
    return base / "config" if base else Path(_DIRS.user_config_dir)


def log_dir() -> Path:
    base = home()
    return base / "logs" if base else Path(_DIRS.user_log_dir)


def _install_root() -> Path:
    """The folder holding resources/ and forms/: the checkout, or the PyInstaller bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return _install_root() / "resources"


def forms_dir() -> Path:
    override = os.environ.get("WAYMARK_FORMS")
    return Path(override) if override else _install_root() / "forms"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
