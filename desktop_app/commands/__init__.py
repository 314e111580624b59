"""Headless subcommands; see desktop_app.cli."""
