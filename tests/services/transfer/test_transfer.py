"""Transfer out and in between two vaults: every record and addendum arrives as sent; bad files are refused whole."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.domain.records import ChildDetails
from desktop_app.errors import UserFacingError
from desktop_app.services import casework
from desktop_app.services.demo import fill_demo_data
from desktop_app.services.intake.import_items import ExistingChild, NewChild
from desktop_app.services.transfer import log, receive, send
from desktop_app.services.transfer.contents import addenda_count, child_records
from desktop_app.services.vault import VaultSession
from desktop_app.vault import package
from tests.fixtures_vault import make_vault

PASSWORD = "K7QP-M2XD-9RTA-WB4H"


@pytest.fixture
def sender(tmp_path: Path) -> VaultSession:
    created = make_vault(tmp_path / "sender")
    fill_demo_data(created.session, children=3, concerns=8, seed=4)
    yield created.session
    created.session.lock()


@pytest.fixture
def receiver(tmp_path: Path) -> VaultSession:
    created = make_vault(tmp_path / "receiver")
    yield created.session
    created.session.lock()


def _busiest_child(session: VaultSession) -> int:
    with session.uow() as uow:
        children = uow.children.recent(50)
        return max(children, key=lambda c: len(uow.screenings.for_child(c.child_id))).child_id


def _send(session: VaultSession, child_id: int, out: Path, pdf: Path | None = None) -> send.SentTransfer:
    details = send.TransferOut("Riverside Academy", "Priya Okonjo-Hart", "Secure email to the receiving DSL")
    return send.export_transfer(session, child_id, out, PASSWORD, details, pdf_out=pdf)


def test_a_package_round_trips_with_every_record_and_addendum(
    sender: VaultSession, receiver: VaultSession, tmp_path: Path
) -> None:
    child_id = _busiest_child(sender)
    with sender.uow() as uow:
        concern = uow.concerns.list_for_child(child_id)[0]
    casework.add_correction(sender, "concern", concern.concern_id, "Time was wrong", "It happened at 16:10.")
    with sender.uow() as uow:
        expected = child_records(uow, child_id)
        details = uow.children.get(child_id).details
    assert expected["concerns"] and addenda_count(expected) >= 1
    sent = _send(sender, child_id, tmp_path / "file.wmtransfer", tmp_path / "file.pdf")
    raw = sent.package.read_bytes()
    assert details.last_name.encode() not in raw and b"16:10" not in raw  # nothing in the clear

    incoming = receive.preview(receiver, sent.package, PASSWORD)
    assert incoming.contents.child == details and not incoming.already_imported
    kept = receive.import_transfer(receiver, sent.package, PASSWORD, NewChild())
    assert json.loads(kept.records) == json.loads(json.dumps(expected))
    assert kept.from_setting == "Hollybrook Community School"
    assert kept.chronology_pdf.startswith(b"%PDF") and kept.records_pdf.startswith(b"%PDF")
    entries = log.transfer_log(receiver, kept.child_id)
    assert [(e.direction, e.other_setting) for e in entries] == [("in", "Hollybrook Community School")]
    with receiver.uow() as uow:
        rows = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
    actions = [e.action for e in rows]
    assert "transfer.received" in actions and "child.added" in actions
    # The sender's log says sent, to whom and how, awaiting receipt.
    out = log.transfer_log(sender, child_id)
    assert [(e.direction, e.other_setting, e.other_person, e.confirmed) for e in out] == [
        ("out", "Riverside Academy", "Priya Okonjo-Hart", False)
    ]
    from desktop_app.services.child.chronology import TRANSFER, child_chronology

    sent_events = [e for e in child_chronology(sender, child_id).events if e.kind == TRANSFER]
    assert [e.summary for e in sent_events] == [
        "Child protection file sent to Priya Okonjo-Hart, Riverside Academy (Secure email to the receiving DSL)."
    ]
    received_events = [e for e in child_chronology(receiver, kept.child_id).events if e.kind == TRANSFER]
    assert [e.summary for e in received_events] == [
        "Child protection file received from Hollybrook Community School, kept as sent."
    ]


def test_the_pdf_bundle_is_encrypted_with_the_same_password(sender: VaultSession, tmp_path: Path) -> None:
    import pikepdf

    sent = _send(sender, _busiest_child(sender), tmp_path / "f.wmtransfer", tmp_path / "f.pdf")
    assert sent.pdf is not None
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(sent.pdf)
    with pikepdf.open(sent.pdf, password=PASSWORD) as pdf:
        assert len(pdf.pages) >= 3


def test_a_second_setting_resends_what_it_received(
    sender: VaultSession, receiver: VaultSession, tmp_path: Path
) -> None:
    child_id = _busiest_child(sender)
    sent = _send(sender, child_id, tmp_path / "a.wmtransfer")
    kept = receive.import_transfer(receiver, sent.package, PASSWORD, NewChild())
    again = _send(receiver, kept.child_id, tmp_path / "b.wmtransfer")
    contents = receive.open_package(again.package, PASSWORD)
    assert contents.records["received"][0]["records"] == json.loads(kept.records)


def test_matching_a_child_on_file_suggests_by_name_and_date_of_birth(
    sender: VaultSession, receiver: VaultSession, tmp_path: Path
) -> None:
    child_id = _busiest_child(sender)
    with sender.uow() as uow:
        details = uow.children.get(child_id).details
    with receiver.uow() as uow:
        other = uow.children.add(
            ChildDetails(details.first_name, details.last_name, date_of_birth=date(2001, 1, 1)), receiver.actor()
        )
        same = uow.children.add(details, receiver.actor())
        uow.audit.append(receiver.actor(), "child.added", "test")
        uow.commit()
    sent = _send(sender, child_id, tmp_path / "a.wmtransfer")
    incoming = receive.preview(receiver, sent.package, PASSWORD)
    assert incoming.suggestions[0].child_id == same.child_id
    assert other.child_id in {c.child_id for c in incoming.suggestions}
    kept = receive.import_transfer(receiver, sent.package, PASSWORD, ExistingChild(same.child_id))
    assert kept.child_id == same.child_id


@pytest.fixture
def package_file(sender: VaultSession, tmp_path: Path) -> Path:
    return _send(sender, _busiest_child(sender), tmp_path / "c.wmtransfer").package


def _refused(receiver: VaultSession, path: Path, password: str = PASSWORD) -> str:
    with receiver.uow() as uow:
        before = (uow.audit.latest_seq(), len(uow.children.recent(100)))
    with pytest.raises(UserFacingError) as refusal:
        receive.import_transfer(receiver, path, password, NewChild())
    with receiver.uow() as uow:
        assert (uow.audit.latest_seq(), len(uow.children.recent(100))) == before  # nothing imported half-way
    return refusal.value.sentence


def test_a_wrong_password_is_refused(receiver: VaultSession, package_file: Path) -> None:
    assert "password does not open" in _refused(receiver, package_file, "NOT-THE-RIGHT-ONE")


def test_a_truncated_file_is_refused(receiver: VaultSession, package_file: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.wmtransfer"
    cut.write_bytes(package_file.read_bytes()[:-500])
    assert "cut short" in _refused(receiver, cut)


def test_an_edited_file_is_refused(receiver: VaultSession, package_file: Path, tmp_path: Path) -> None:
    data = bytearray(package_file.read_bytes())
    data[package.HEADER_SIZE + 40] ^= 0x01
    edited = tmp_path / "edited.wmtransfer"
    edited.write_bytes(bytes(data))
    assert "altered" in _refused(receiver, edited)


def test_a_file_from_a_newer_version_is_refused(receiver: VaultSession, package_file: Path, tmp_path: Path) -> None:
    data = bytearray(package_file.read_bytes())
    data[len(package.MAGIC) : len(package.MAGIC) + 2] = (package.FORMAT_VERSION + 1).to_bytes(2, "big")
    newer = tmp_path / "newer.wmtransfer"
    newer.write_bytes(bytes(data))
    assert "newer version of Waymark" in _refused(receiver, newer)


def test_a_file_that_is_not_a_transfer_is_refused(receiver: VaultSession, tmp_path: Path) -> None:
    other = tmp_path / "holiday.jpg"
    other.write_bytes(b"\xff\xd8\xff" + b"0" * 200)
    assert "not a Waymark transfer file" in _refused(receiver, other)


def test_a_file_imported_twice_is_refused(receiver: VaultSession, package_file: Path) -> None:
    receive.import_transfer(receiver, package_file, PASSWORD, NewChild())
    assert "already imported" in _refused(receiver, package_file)


def test_no_receipt_after_five_school_days_is_overdue(sender: VaultSession, tmp_path: Path) -> None:
    child_id = _busiest_child(sender)
    sent_on = date(2026, 11, 27)  # a Friday: due the next Friday, 4 December
    details = send.TransferOut("Riverside Academy", "Priya Okonjo-Hart", "Secure email", sent_on=sent_on)
    entry = send.export_transfer(sender, child_id, tmp_path / "d.wmtransfer", PASSWORD, details).entry

    def overdue_on(day: date) -> list[tuple[int, date]]:
        found = log.overdue_receipts(sender, day)
        return [(o.entry.transfer_id, o.due) for o in found if o.entry.transfer_id == entry.transfer_id]

    assert log.receipt_due(sent_on) == date(2026, 12, 4)
    assert overdue_on(date(2026, 12, 4)) == []
    assert overdue_on(date(2026, 12, 5)) == [(entry.transfer_id, date(2026, 12, 4))]
    log.confirm_receipt(sender, entry.transfer_id, date(2026, 12, 3), "Priya Okonjo-Hart, Riverside Academy")
    assert overdue_on(date(2026, 12, 5)) == []
    assert log.transfer_log(sender, child_id)[-1].receipt_by == "Priya Okonjo-Hart, Riverside Academy"
    with pytest.raises(UserFacingError, match="already confirmed"):
        log.confirm_receipt(sender, entry.transfer_id, date(2026, 12, 3), "Someone")


def test_demo_data_has_a_transfer_awaiting_receipt_and_a_file_past_retention(sender: VaultSession) -> None:
    from desktop_app.services.retention import dates

    today = date.today()
    assert [o.entry.other_setting for o in log.overdue_receipts(sender, today)] == ["Northfield Academy"]
    assert [p.name for p in dates.review_list(sender, today)] == ["Lorcan Whitlow-Hayes"]


def test_bank_holidays_are_not_school_days() -> None:
    assert log.receipt_due(date(2026, 12, 18)) == date(2026, 12, 29)  # Christmas, Boxing Day (Mon 28th) skipped
    assert log.receipt_due(date(2026, 12, 18)) - date(2026, 12, 18) == timedelta(days=11)
