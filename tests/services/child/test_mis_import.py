"""Pupils from the MIS: previewed row by row before anything is saved, matched by UPN, re-runnable each term."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop_app.domain.child_list import ChildFilter
from desktop_app.domain.records import ChildDetails
from desktop_app.errors import UserFacingError
from desktop_app.services.child import mis_import
from desktop_app.services.child.listing import children_page
from desktop_app.services.child.mis_import import Outcome
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import open_session  # noqa: F401
from tests.services.child import mis_samples

TODAY = date(2026, 12, 5)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def run(session: VaultSession, path: Path) -> mis_import.ImportResult:
    preview = mis_import.preview(session, path, TODAY)
    return mis_import.apply(session, preview, mis_import.file_digest(path))


def children(session: VaultSession) -> list[ChildDetails]:
    return [e.details for e in children_page(session, ChildFilter(), 0, 500).entries]


def test_a_sims_export_is_previewed_then_imported_and_audited(
    open_session: VaultSession,
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "students.csv", mis_samples.sims_csv())
    preview = mis_import.preview(open_session, path, TODAY)
    assert [r.outcome for r in preview.rows] == [Outcome.NEW] * 3
    assert children(open_session) == [], "a preview saves nothing"
    seq = open_session.audit_seq()
    result = run(open_session, path)
    assert (result.added, result.changed, result.problems) == (3, 0, 0)
    by_name = {d.last_name: d for d in children(open_session)}
    tamsin = by_name["Quillfeather"]
    assert (tamsin.known_as, tamsin.date_of_birth, tamsin.year_group, tamsin.gender) == (
        "Tam",
        date(2011, 3, 14),
        "Year 9",
        "Female",
    )
    assert tamsin.address == "1 Example Row, Exampleton, EX1 1AA"
    assert tamsin.carers[0].name == "Rhiannon Quillfeather" and tamsin.carers[0].parental_responsibility
    assert by_name["Blackwood"].known_as == "", "a preferred name equal to the legal one is not repeated"
    assert by_name["Wiśniewska"].address == "Flat 3, 4 Example Row, Exampleton, EX1 1AC"
    with open_session.uow() as uow:
        entries = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC), after_seq=seq)
        actions = [e.action for e in entries]
    assert actions.count("child.added") == 3 and actions[-1] == "pupils.imported"


def test_running_it_again_next_term_adds_nobody_twice_and_changes_become_versions(
    open_session: VaultSession,
    tmp_path: Path,
) -> None:
    run(open_session, write(tmp_path, "autumn.csv", mis_samples.sims_csv()))
    again = mis_import.preview(open_session, write(tmp_path, "autumn2.csv", mis_samples.sims_csv()), TODAY)
    assert [r.outcome for r in again.rows] == [Outcome.UNCHANGED] * 3
    spring = write(tmp_path, "spring.csv", mis_samples.sims_csv(orrin_year="10", zofia_phone="07700 900999"))
    preview = mis_import.preview(open_session, spring, TODAY)
    outcomes = {r.name: (r.outcome, r.sentence) for r in preview.rows}
    assert outcomes["Orrin Blackwood"] == (Outcome.CHANGED, "Changes: Year group.")
    assert (
        outcomes["Zofia Wiśniewska"][0] is Outcome.CHANGED and "Parents and carers" in outcomes["Zofia Wiśniewska"][1]
    )
    result = mis_import.apply(open_session, preview, mis_import.file_digest(spring))
    assert (result.added, result.changed, result.unchanged) == (0, 2, 1)
    assert len(children(open_session)) == 3
    orrin = next(e for e in children_page(open_session, ChildFilter(text="orrin")).entries)
    with open_session.uow() as uow:
        versions = uow.children.versions(orrin.child_id)
    assert [v.details.year_group for v in versions] == ["Year 9", "Year 10"]
    assert "MIS export spring.csv" in versions[-1].reason


def test_what_the_dsl_added_survives_a_re_import(open_session: VaultSession, tmp_path: Path) -> None:
    from dataclasses import replace

    from desktop_app.services.child import details as details_service

    run(open_session, write(tmp_path, "a.csv", mis_samples.sims_csv()))
    tamsin = children_page(open_session, ChildFilter(text="tamsin")).entries[0]
    carer = replace(tamsin.details.carers[0], notes="Works nights: ring after 4pm")
    details_service.amend_details(
        open_session,
        tamsin.child_id,
        replace(tamsin.details, carers=(carer,), religion="Christian"),
        "Met mother",
        TODAY,
    )
    preview = mis_import.preview(open_session, write(tmp_path, "b.csv", mis_samples.sims_csv()), TODAY)
    assert all(r.outcome is Outcome.UNCHANGED for r in preview.rows)


def test_a_child_recorded_from_a_concern_is_matched_by_name_and_birthday_not_added_twice(
    open_session: VaultSession, tmp_path: Path
) -> None:
    actor = open_session.actor()
    with open_session.uow() as uow:
        uow.children.add(ChildDetails("Tamsin", "Quillfeather", date_of_birth=date(2011, 3, 14)), actor)
        uow.children.add(ChildDetails("Orrin", "Blackwood"), actor)
        uow.audit.append(actor, "child.added", "test")
        uow.commit()
    preview = mis_import.preview(open_session, write(tmp_path, "s.csv", mis_samples.sims_csv()), TODAY)
    outcomes = {r.name: r for r in preview.rows}
    assert outcomes["Tamsin Quillfeather"].outcome is Outcome.CHANGED
    assert "Unique pupil number" in outcomes["Tamsin Quillfeather"].sentence
    assert outcomes["Orrin Blackwood"].outcome is Outcome.PROBLEM
    assert "without a UPN or date of birth" in outcomes["Orrin Blackwood"].sentence


def test_arbor_and_bromcom_shapes_encodings_and_bad_rows(
    open_session: VaultSession,
    tmp_path: Path,
) -> None:
    arbor = mis_import.preview(open_session, write(tmp_path, "arbor.csv", mis_samples.arbor_csv()), TODAY)
    (row,) = arbor.rows
    assert (row.outcome, row.details and row.details.date_of_birth) == (Outcome.NEW, date(2011, 9, 30))
    assert row.details is not None and row.details.carers[0].email == "claire.durand@example.org"
    bromcom = mis_import.preview(open_session, write(tmp_path, "bromcom.csv", mis_samples.bromcom_csv()), TODAY)
    rows = {r.line: r for r in bromcom.rows}
    assert rows[2].outcome is Outcome.NEW and rows[2].name == "Amélie Durand", "Windows-1252 read as such"
    assert rows[2].details is not None and rows[2].details.year_group == "Year 9"
    assert rows[3].outcome is Outcome.PROBLEM and "does not match" in rows[3].sentence
    assert rows[4].outcome is Outcome.PROBLEM and "no UPN" in rows[4].sentence
    assert rows[5].outcome is Outcome.PROBLEM and "future" in rows[5].sentence
    assert all(r.sentence.endswith(".") for r in bromcom.rows)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"Name,Age\r\nTamsin,15\r\n", "no UPN or first name or surname column"),
        (b"UPN,Surname,Forename\r\n", "no pupils"),
        (b"\x00\x01\x02\xff" * 50, "not a CSV file"),
        (b"PK\x03\x04 a spreadsheet", "not a CSV file"),
    ],
)
def test_a_file_that_is_not_a_pupil_list_gets_one_sentence(
    open_session: VaultSession,
    tmp_path: Path,
    data: bytes,
    words: str,
) -> None:
    with pytest.raises(UserFacingError, match=words):
        mis_import.preview(open_session, write(tmp_path, "x.csv", data), TODAY)


def test_a_file_changed_after_its_preview_is_refused(open_session: VaultSession, tmp_path: Path) -> None:
    path = write(tmp_path, "s.csv", mis_samples.sims_csv())
    preview = mis_import.preview(open_session, path, TODAY)
    path.write_bytes(mis_samples.sims_csv(orrin_year="11"))
    with pytest.raises(UserFacingError, match="changed since it was previewed"):
        mis_import.apply(open_session, preview, mis_import.file_digest(path))
    assert children(open_session) == []
