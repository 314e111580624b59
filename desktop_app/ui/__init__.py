"""PySide6 screens: thin, they lay out widgets and call services."""
