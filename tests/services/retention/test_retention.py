"""Retention: dates, holds, the review list, and a destruction that leaves no trace of the text in any file."""

from __future__ import annotations

import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop_app.domain.enums import ChildRole, Role
from desktop_app.domain.records import AdultOfConcern, ChildDetails, ConcernDraft
from desktop_app.errors import UserFacingError
from desktop_app.services import casework
from desktop_app.services import vault as vault_service
from desktop_app.services.retention import dates, destroy
from desktop_app.services.vault import VaultSession
from desktop_app.services.vault import people as vault_people
from tests.fixtures_vault import open_session  # noqa: F401
from tests.sqlcipher_pages import plaintext_holds

TODAY = date(2026, 12, 5)
MARKER = "Zanzibarquetzal"


def _child(
    session: VaultSession, born: date | None, account: str = "Seen near the station", *, age: int | None = None
) -> tuple[int, int]:
    actor = session.actor()
    with session.uow() as uow:
        child = uow.children.add(ChildDetails("Imogen", "Brackenbury", date_of_birth=born, age_years=age), actor)
        concern = uow.concerns.add(
            child.child_id,
            ConcernDraft(account=account, location="Bus station", category_ids=("cce",)),
            actor,
            sealed=False,
        )
        uow.audit.append(actor, "concern.submitted", f"concern:{concern.concern_id}")
        uow.commit()
    return child.child_id, concern.concern_id


def test_the_retention_date_is_the_25th_birthday_and_a_hold_extends_it(
    open_session: VaultSession,
) -> None:
    child_id, _ = _child(open_session, date(2010, 3, 14))
    status = dates.status(open_session, child_id)
    assert status.retention_date == date(2035, 3, 14) and not status.past(TODAY)
    dates.place_hold(open_session, child_id, "Independent inquiry asked us to keep records", date(2040, 1, 1), TODAY)
    assert dates.status(open_session, child_id).retention_date == date(2040, 1, 1)
    dates.lift_hold(open_session, child_id, "Inquiry closed")
    assert dates.status(open_session, child_id).retention_date == date(2035, 3, 14)


def test_the_review_list_shows_files_past_their_date_unless_held(
    open_session: VaultSession,
) -> None:
    old, _ = _child(open_session, date(1999, 6, 1))
    held, _ = _child(open_session, date(1998, 2, 1))
    _child(open_session, date(2012, 1, 1))
    dates.place_hold(open_session, held, "Court case", None, TODAY)
    listed = dates.review_list(open_session, TODAY)
    assert [(p.child_id, p.retention_date) for p in listed] == [(old, date(2024, 6, 1))]
    assert dates.count_past(open_session, TODAY) == 1


def test_a_child_under_a_hold_is_not_destroyed(
    open_session: VaultSession,
) -> None:
    child_id, _ = _child(open_session, date(1998, 2, 1))
    dates.place_hold(open_session, child_id, "Police investigation", None, TODAY)
    with pytest.raises(UserFacingError, match="on hold until it is lifted"):
        destroy.destroy_file(open_session, child_id, "Retention period ended", TODAY)
    assert dates.status(open_session, child_id).hold is not None


def test_a_deputy_cannot_destroy_a_file(
    open_session: VaultSession,
    tmp_path: Path,
) -> None:
    child_id, _ = _child(open_session, date(1998, 2, 1))
    vault_people.add_user(open_session, "Sam Deputy", Role.DEPUTY_DSL, "a long deputy passphrase here")
    open_session.lock()
    deputy = vault_service.unlock(tmp_path / "vault", "a long deputy passphrase here")
    try:
        with pytest.raises(UserFacingError, match="Only the Designated Safeguarding Lead"):
            destroy.destroy_file(deputy, child_id, "Retention period ended", TODAY)
    finally:
        deputy.lock()


def test_after_destruction_the_text_is_in_no_file_of_the_vault_nor_a_later_backup(
    open_session: VaultSession,
    tmp_path: Path,
) -> None:
    session = open_session
    vault = tmp_path / "vault"
    child_id, concern_id = _child(session, date(1999, 1, 2), f"Said {MARKER} drove him to the flat")
    casework.add_correction(session, "concern", concern_id, "Spelling", f"The name is {MARKER}, not Zanzi.")
    keep_id, kept_concern = _child(session, date(2011, 1, 2), "Another child's concern, kept")
    with session.uow() as uow:  # an adult named only in the destroyed file, one shared; the kept concern names them
        own = uow.connections.find_or_add_adult(AdultOfConcern(f"{MARKER} Senior", "Drives a red van"))
        shared = uow.connections.find_or_add_adult(AdultOfConcern("Shared Adultname", "Seen with both"))
        for concern, child, adult in (
            (concern_id, child_id, own),
            (concern_id, child_id, shared),
            (kept_concern, keep_id, shared),
        ):
            uow.connections.link_adult(concern, child, adult)
        uow.connections.add_link(kept_concern, child_id, "Imogen Brackenbury", ChildRole.WITNESS, "", session.actor())
        uow.audit.append(session.actor(), "test.linked", "test")
        uow.commit()
    month = (date.today().replace(day=1), date.today())
    with session.uow() as uow:  # the governors' counts see both concerns' categories
        assert sum(uow.year_counts.concerns_by_category(*month).values()) == 2
    key = session.data_key_for_checks()
    files = [p for p in vault.rglob("*") if p.is_file()]
    assert any(plaintext_holds(p, key, MARKER) for p in files if p.name.startswith("waymark.db"))  # the check works

    done = destroy.destroy_file(session, child_id, "Retention period ended", TODAY)
    assert done.destruction.records >= 5
    for path in (p for p in vault.rglob("*") if p.is_file()):
        assert MARKER.encode() not in path.read_bytes(), path
        if path.name.startswith("waymark.db"):
            assert not plaintext_holds(path, key, MARKER), path
    backup = session.backup(tmp_path / "after.wmbak")
    with zipfile.ZipFile(backup) as archive:
        archive.extract("waymark.db", tmp_path / "unzipped")
    copy = tmp_path / "unzipped" / "waymark.db"
    assert plaintext_holds(copy, key, "Another child's concern")  # the backup is readable with the key…
    assert not plaintext_holds(copy, key, MARKER)  # …and the destroyed file is not in it
    with session.uow() as uow:
        assert not uow.children.exists(child_id) and uow.children.exists(keep_id)
        assert [a.name for a, _refs in uow.connections.adults_of_child(keep_id)] == ["Shared Adultname"]
        assert [link.linked_child_id for link in uow.connections.links_for_concern(kept_concern)] == [None]
        assert uow.concerns.search(MARKER) == []
        assert sum(uow.year_counts.concerns_by_category(*month).values()) == 1  # the destroyed concern's went with it
        destroyed = uow.retention.destructions()
    assert [(d.child_id, d.reason) for d in destroyed] == [(child_id, "Retention period ended")]
    report = session.verify()
    assert report.ok, report.text()


def test_the_audit_row_of_a_destruction_holds_no_personal_text(
    open_session: VaultSession,
) -> None:
    child_id, _ = _child(open_session, date(1999, 1, 2), f"Told staff about {MARKER}")
    destroy.destroy_file(open_session, child_id, "Retention period ended", TODAY)
    with open_session.uow() as uow:
        rows = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
    destroyed = [r for r in rows if r.action == "child.destroyed"]
    assert len(destroyed) == 1
    assert "Imogen" not in destroyed[0].details and MARKER not in destroyed[0].details
    assert "Retention" not in destroyed[0].details


def test_append_only_rows_still_refuse_deletion_outside_a_destruction(
    open_session: VaultSession,
) -> None:
    from sqlalchemy import text

    _child(open_session, date(1999, 1, 2))
    with open_session.uow() as uow, pytest.raises(UserFacingError, match="cannot be changed"):
        uow.session.execute(text("DELETE FROM concerns"))
