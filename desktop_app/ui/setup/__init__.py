"""The first-run setup wizard's pages; the wizard itself (page order, what it collected) is ``ui.setup_wizard``."""
