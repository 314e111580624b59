"""The governors' report: counts only. No child's name and no word of any record appears; small counts are hidden."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from desktop_app.domain.audit import AcademicYear, shown_count, suppressed_cells
from desktop_app.domain.records import ConcernDraft
from desktop_app.services.audit import documents as audit_documents
from desktop_app.services.demo import fill_demo_data
from desktop_app.services.vault import VaultSession
from desktop_app.store.clock import frozen_clock
from tests.fixtures_vault import fictional_child, make_vault, open_session  # noqa: F401
from tests.reports.pdfcheck import all_text, render_pngs

TODAY = date.today()
YEAR = AcademicYear.containing(TODAY)


def words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", text)}


def test_counts_from_1_to_4_read_fewer_than_5_and_a_total_never_gives_them_away() -> None:
    assert [shown_count(n) for n in (0, 1, 4, 5, 12)] == ["0", "fewer than 5", "fewer than 5", "5", "12"]
    assert suppressed_cells((0, 3, 9, 20)) == ("0", "fewer than 5", "5 or more", "20")
    assert suppressed_cells((2, 1, 8, 0)) == ("fewer than 5", "fewer than 5", "5 or more", "0")
    assert suppressed_cells((3, 4, 8)) == ("fewer than 5", "fewer than 5", "8"), "7 hidden: the total says nothing"
    assert suppressed_cells((6, 7)) == ("6", "7")


def test_a_small_month_prints_fewer_than_5(open_session: VaultSession, tmp_path) -> None:
    actor = open_session.actor()
    month = YEAR.first_day.replace(month=10)
    with frozen_clock(datetime(month.year, month.month, 14, 10, tzinfo=UTC)), open_session.uow() as uow:
        for number in range(3):
            child = uow.children.add(fictional_child("Tamsin", f"Quillfeather{number}"), actor)
            concern = uow.concerns.add(
                child.child_id,
                ConcernDraft(account="Seen near the canal with older youths", category_ids=("cce",)),
                actor,
                sealed=False,
            )
            uow.audit.append(actor, "concern.submitted", concern.concern_id)
        uow.commit()
    pdf, _doc, _title = audit_documents.render_governors_report(open_session, YEAR, today=TODAY)
    text = all_text(pdf)
    assert f"October {YEAR.start} fewer than 5" in text
    assert f"October {YEAR.start} 3" not in text
    assert "The year fewer than 5" in text
    assert "Quillfeather" not in text and "canal" not in text
    assert render_pngs(pdf, "governors_small")


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[str], list[str], str]:
    """A demo vault's governors' report, with every child's names and every record's words from the fixture."""
    folder = tmp_path_factory.mktemp("governors") / "vault"
    created = make_vault(folder)
    session = created.session
    try:
        empty, _d, _t = audit_documents.render_governors_report(session, YEAR, today=TODAY)
        fill_demo_data(session, children=30, concerns=90, seed=3)
        pdf, _d, _t = audit_documents.render_governors_report(session, YEAR, today=TODAY)
        names: list[str] = []
        texts: list[str] = []
        with session.uow() as uow:
            for child in uow.children.recent(1000):
                d = child.details
                names += [d.full_name, d.first_name, d.last_name, d.known_as]
                for concern in uow.concerns.list_for_child(child.child_id):
                    draft = concern.draft
                    texts += [
                        draft.account,
                        draft.childs_words,
                        draft.location,
                        draft.others_present,
                        draft.action_taken,
                    ]
                    names += [c.name for c in draft.other_children]
                    names += [a.name_or_nickname for a in draft.adults] + [p.name for p in draft.places]
            staff = " ".join(s.name for s in uow.training.staff())
    finally:
        session.lock()
    render_pngs(pdf, "governors_demo")
    return (
        all_text(pdf),
        [n for n in names if n.strip()],
        [t for t in texts if t.strip()],
        all_text(empty) + " " + staff,
    )


def test_the_report_names_no_child_and_quotes_no_record(demo_report) -> None:
    text, names, texts, vocabulary = demo_report
    assert "Concerns recorded, month by month" in text and "Missing episodes" in text
    assert len(names) > 60 and len(texts) > 100, "the fixture is the demo's whole fiction"
    present = words(text)
    allowed = words(vocabulary)  # words the report prints on an empty vault (months, headings) and staff names
    checked = {w for n in names for w in words(n) if len(w) > 2}
    assert len(checked - allowed) > 0.8 * len(checked), "the scan must look for nearly every name"
    leaked = sorted(
        {n for n in names if len(n) > 2 and n in text and (len(n.split()) > 1 or n.casefold() not in allowed)}
    )
    leaked += sorted({w for n in names for w in words(n) if len(w) > 2 and w in present and w not in allowed})
    assert not leaked, f"names in the governors' report: {leaked}"
    quoted = [t for t in texts if len(t) >= 12 and (t in text or t[:24] in text)]
    assert not quoted, f"record text in the governors' report: {quoted[:3]}"
