"""The screening rules (DESIGN §6): answers, a definition and facts in; a suggested level, reasons and routes out."""

from desktop_app.screening.engine import ScreeningInputError, default_review_date, evaluate

__all__ = ["ScreeningInputError", "default_review_date", "evaluate"]
