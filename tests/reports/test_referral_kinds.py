"""The referral summary prints the kinds of concern the DSL confirmed in the screening, and what the member of staff
ticked when the DSL changed it (issue 16)."""

from __future__ import annotations

import dataclasses

from desktop_app.reports import referral_summary_pdf
from tests.reports import samples
from tests.reports.pdfcheck import all_text, squeeze


def summary_with(recorded: tuple[str, ...], confirmed: tuple[str, ...] | None):  # type: ignore[no-untyped-def]
    base = samples.SUMMARY
    assert base.screening is not None
    concern = dataclasses.replace(base.concern, draft=dataclasses.replace(base.concern.draft, category_ids=recorded))
    decision = dataclasses.replace(base.screening.decision, category_ids=confirmed)
    screening = dataclasses.replace(base.screening, decision=decision)
    titles = (("cse", "Child sexual exploitation (CSE)"), ("county_lines", "County lines"))
    return dataclasses.replace(base, concern=concern, screening=screening, category_titles=titles)


def test_the_dsls_kinds_print_with_what_the_recorder_ticked() -> None:
    text = squeeze(all_text(referral_summary_pdf(summary_with(("cse",), ("county_lines",)), samples.META)))
    assert (
        squeeze("County lines (confirmed by the DSL; the member of staff ticked: Child sexual exploitation (CSE))")
        in text
    )


def test_confirmed_unchanged_and_not_asked() -> None:
    same = summary_with(("cse",), ("cse",)).kinds_text()
    assert same == "Child sexual exploitation (CSE) (confirmed by the DSL)"
    assert summary_with(("cse",), None).kinds_text() == "Child sexual exploitation (CSE)"
    assert summary_with(("cse",), ()).kinds_text().startswith("None of these kinds (confirmed by the DSL")
