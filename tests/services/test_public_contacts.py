"""The clear copy of the setting's agency numbers: written from the vault, read by the lock screen, never a crash."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from desktop_app.definitions import load_forms
from desktop_app.domain.enums import RouteId
from desktop_app.services.intake import content as intake_content
from desktop_app.services.vault import VaultSession, public_contacts
from tests.fixtures_vault import open_session  # noqa: F401 (a fixture)

LADO = "0114 496 0123"


def shipped(contact_id: str) -> str:
    return load_forms().contacts.contact(contact_id).phone


def test_published_numbers_reach_the_staff_wizard_without_keys(open_session: VaultSession) -> None:
    session = open_session
    assert intake_content.staff_content(session.vault_dir).route_contacts[RouteId.LADO].phone == shipped("lado")
    with session.uow() as uow:
        uow.contacts.set_phone("lado", LADO, session.actor())
        uow.commit()
    assert public_contacts.publish(session)

    written = json.loads(public_contacts.path_for(session.vault_dir).read_text(encoding="utf-8"))
    assert written == {"phones": {"lado": LADO}}  # contact id → phone, nothing else
    content = intake_content.staff_content(session.vault_dir)
    assert content.route_contacts[RouteId.LADO].phone == LADO
    assert any(q.phone == LADO for q in content.quick_contacts)  # the "tell your DSL now" list too
    assert public_contacts.contacts(session.vault_dir).contact("police_101").phone == shipped("police_101")


def test_a_number_removed_in_the_vault_goes_back_to_the_shipped_one(open_session: VaultSession) -> None:
    session = open_session
    public_contacts.write(session.vault_dir, {"lado": LADO})
    assert public_contacts.publish(session)  # the database has no local numbers: it is the record
    assert public_contacts.read(session.vault_dir) == {}
    assert public_contacts.contacts(session.vault_dir).contact("lado").phone == shipped("lado")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json at all {",
        b"\xff\xfe\x00garbage",
        b'["lado", "0114 496 0123"]',
        b'{"phones": ["0114 496 0123"]}',
        b'{"numbers": {"lado": "0114 496 0123"}}',
        b'{"phones": {"lado": 1234}}',
        b'{"phones": {"lado": "' + b"9" * 400 + b'"}}',
        b'{"phones": {"lado": "' + b"9" * 70_000 + b'"}}',
    ],
)
def test_a_missing_or_malformed_copy_means_the_shipped_numbers(
    tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    assert public_contacts.contacts(tmp_path).contact("lado").phone == shipped("lado")  # absent
    public_contacts.path_for(tmp_path).write_bytes(content)
    with caplog.at_level(logging.DEBUG):
        assert public_contacts.contacts(tmp_path).contact("lado").phone == shipped("lado")
    assert "0114" not in caplog.text and "999" not in caplog.text


def test_unknown_ids_are_ignored_and_good_ones_kept(tmp_path: Path) -> None:
    public_contacts.write(tmp_path, {"lado": LADO, "not_a_contact": "01632 960999", "police_101": "  "})
    assert public_contacts.read(tmp_path) == {"lado": LADO, "not_a_contact": "01632 960999"}
    definition = public_contacts.contacts(tmp_path)
    assert definition.contact("lado").phone == LADO
    assert definition.contact("police_101").phone == shipped("police_101")
    assert "01632 960999" not in {c.phone for c in definition.contacts}
