"""forms/audit.toml: the audit's timings, the training courses and the governors' small-count rule are data."""

from __future__ import annotations

from pathlib import Path

from desktop_app.definitions import load_forms
from tests.definitions.test_malformed_forms import edit, folder, refusal  # noqa: F401


def test_the_shipped_file_suppresses_counts_under_5_and_knows_the_ce_lead_course() -> None:
    audit = load_forms().audit
    assert (audit.suppress_below, audit.review_months, audit.training_window_months) == (5, 12, 12)
    course = audit.course("ce_lead_training")
    assert course is not None and course.refresh_months == 24


def test_a_course_named_twice_is_refused(folder: Path) -> None:
    edit(folder, "audit.toml", lambda s: s.replace('id = "dsl_training"', 'id = "ce_lead_training"'))
    assert "ce_lead_training" in str(refusal(folder))


def test_suppressing_nothing_is_refused(folder: Path) -> None:
    edit(folder, "audit.toml", lambda s: s.replace("suppress_below = 5", "suppress_below = 1"))
    assert "suppress_below" in str(refusal(folder))
