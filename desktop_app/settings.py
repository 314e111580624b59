"""Per-machine preferences (zoom, idle lock minutes, last vault folder). Never personal data."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from desktop_app import paths

SETTINGS_FILE = "settings.json"


class Preferences(NamedTuple):
    """A named tuple rather than a dataclass: it is read before the lock screen shows, and importing ``dataclasses``
    there was a measurable share of start-up (issue 17)."""

    zoom_percent: int = 100
    idle_lock_minutes: int = 5

    def with_zoom(self, percent: int) -> Preferences:
        return self._replace(zoom_percent=max(70, min(250, percent)))


def _path() -> Path:
    return paths.config_dir() / SETTINGS_FILE


def load() -> Preferences:
    try:
        text = _path().read_text(encoding="utf-8")
    except (OSError, ValueError):  # none saved yet (the zoom and the idle lock never changed), or unreadable
        return Preferences()
    import json  # only when there is a file: it is read before the lock screen shows (issue 17)

    try:
        data = json.loads(text)
        known = {k: v for k, v in data.items() if k in Preferences._fields}
        return Preferences(**known)
    except (ValueError, TypeError, AttributeError):  # not JSON, or not an object of the names above
        return Preferences()


def save(prefs: Preferences) -> None:
    import json

    target = _path()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(prefs._asdict(), indent=2), encoding="utf-8")
    os.replace(tmp, target)
