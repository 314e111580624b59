"""Settings screens (only while the vault is unlocked), and the small widgets they share with setup and lock screen.

``SettingsPage`` is loaded on first use, so the lock screen (which borrows the passphrase fields) starts light.
"""

from __future__ import annotations

from typing import Any

__all__ = ["SECTIONS", "SettingsPage"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from desktop_app.ui.settings import page

        return getattr(page, name)
    raise AttributeError(name)
