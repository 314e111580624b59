"""Where Waymark keeps its data, settings and logs, and where its shipped resources and forms are."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_FOLDER = "Waymark"


def _xdg(variable: str, default: str) -> Path:
    """An XDG base folder: the variable when it holds an absolute path, else the default under the home folder."""
    value = os.environ.get(variable, "")
    return Path(value) if os.path.isabs(value) else Path(os.path.expanduser(default))


def _user_dirs() -> tuple[Path, Path, Path]:
    """(data, config, logs): the folders ``platformdirs.PlatformDirs("Waymark", appauthor=False, roaming=False)``
    names, worked out here because importing platformdirs was a fifth of Waymark's own time from start to lock screen
    (issue 17). ``tests/test_paths.py`` checks that both agree. The rules are platformdirs 4's: local (not roaming)
    app data on Windows with ``Logs`` inside it; the XDG variables on Linux and macOS; ``~/Library/Logs`` on macOS.
    """
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or os.path.expanduser(r"~\AppData\Local")
        data = Path(os.path.normpath(local)) / APP_FOLDER
        return data, data, data / "Logs"
    if sys.platform == "darwin":
        support = _xdg("XDG_DATA_HOME", "~/Library/Application Support") / APP_FOLDER
        config = _xdg("XDG_CONFIG_HOME", "~/Library/Application Support") / APP_FOLDER
        return support, config, Path(os.path.expanduser("~/Library/Logs")) / APP_FOLDER
    return (
        _xdg("XDG_DATA_HOME", "~/.local/share") / APP_FOLDER,
        _xdg("XDG_CONFIG_HOME", "~/.config") / APP_FOLDER,
        _xdg("XDG_STATE_HOME", "~/.local/state") / APP_FOLDER / "log",
    )


def home() -> Path | None:
    """The WAYMARK_HOME override (IT staff, tests), if set."""
    value = os.environ.get("WAYMARK_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    """The folder that holds vaults (local, not roaming, app data)."""
    base = home()
    return base / "data" if base else _user_dirs()[0]


def default_vault_dir() -> Path:
    return data_dir() / "vault"


def config_dir() -> Path:
    base = home()
    return base / "config" if base else _user_dirs()[1]


def log_dir() -> Path:
    base = home()
    return base / "logs" if base else _user_dirs()[2]


_checkout: list[Path] = []  # the checkout's folder, resolved once (each resolve asks the file system about every part)


def _install_root() -> Path:
    """The folder holding resources/ and forms/: the checkout, or the PyInstaller bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    if not _checkout:
        _checkout.append(Path(__file__).resolve().parent.parent)
    return _checkout[0]


def resources_dir() -> Path:
    return _install_root() / "resources"


def forms_dir() -> Path:
    override = os.environ.get("WAYMARK_FORMS")
    return Path(override) if override else _install_root() / "forms"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
