"""The kind of concern in the screening (issue 16): the DSL confirms or changes what the recorder ticked; the change
is kept with the screening (append-only), audited, and is what the governors' report counts."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from desktop_app.definitions import load_forms
from desktop_app.domain.audit import AcademicYear
from desktop_app.services.audit import governors
from desktop_app.services.casework import screening as screening_flow
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import open_session  # noqa: F401
from tests.services.test_casework import TODAY, screen, submit


def category_counts(session: VaultSession) -> dict[str, int]:
    year = AcademicYear.containing(TODAY)
    with session.uow() as uow:
        report = governors.report(uow, year, TODAY, load_forms())
    table = report.by_category
    return {label: sum(row) for label, row in zip(table.labels, table.counts, strict=True) if sum(row)}


def test_the_dsl_changes_the_kind_and_the_governors_count_it(open_session: VaultSession) -> None:
    concern_id = submit(open_session, category_ids=("cse",))
    context = screening_flow.screening_context(open_session, concern_id, load_forms(), TODAY)
    assert context.draft.category_ids == ("cse",)  # offered to confirm: what the recorder ticked
    assert "Child sexual exploitation (CSE)" in category_counts(open_session)

    screening_id = screen(open_session, concern_id, category_ids=("cce", "county_lines"))

    counts = category_counts(open_session)
    assert counts == {"Child criminal exploitation (CCE)": 1, "County lines": 1}
    with open_session.uow() as uow:
        record = uow.screenings.for_concern(concern_id)[-1]
        entries = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
        concern = uow.concerns.get(concern_id)
    assert record.screening_id == screening_id and record.decision.category_ids == ("cce", "county_lines")
    assert concern.draft.category_ids == ("cse",)  # what the recorder ticked stays as they ticked it
    changed = [e for e in entries if e.action == "concern.kind_changed"]
    assert len(changed) == 1 and json.loads(changed[0].details) == {
        "concern": concern_id,
        "screening": screening_id,
        "from": ["cse"],
        "to": ["cce", "county_lines"],
    }
    # a screening again starts from the DSL's last word on it
    again = screening_flow.screening_context(open_session, concern_id, load_forms(), TODAY)
    assert again.draft.category_ids == ("cce", "county_lines")


def test_confirming_unchanged_writes_no_change_and_none_is_the_dsls_word_too(
    open_session: VaultSession,
) -> None:
    concern_id = submit(open_session, category_ids=("online",))
    screen(open_session, concern_id, category_ids=("online",))
    with open_session.uow() as uow:
        entries = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
    assert not [e for e in entries if e.action == "concern.kind_changed"]
    assert category_counts(open_session) == {"Online exploitation": 1}
    screen(open_session, concern_id, category_ids=())  # on screening again: none of these kinds after all
    assert category_counts(open_session) == {}
    with open_session.uow() as uow:
        entries = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
    changed = [json.loads(e.details) for e in entries if e.action == "concern.kind_changed"]
    assert [(c["from"], c["to"]) for c in changed] == [(["online"], [])]
