"""PySide6 screens: thin, they lay out widgets and call services."""

from desktop_app.ui import _none_refcount

_none_refcount.apply()
