"""Settings screens (only while the vault is unlocked)."""

from desktop_app.ui.settings.page import SECTIONS, SettingsPage

__all__ = ["SECTIONS", "SettingsPage"]
