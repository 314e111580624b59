"""Local contact numbers: a number nobody can dial is refused whole; a good one is stored as people write it."""

from __future__ import annotations

import pytest

from desktop_app.errors import InvalidInput
from desktop_app.services.setting.local_numbers import save_local_numbers
from desktop_app.services.vault import VaultSession, public_contacts
from tests.fixtures_vault import open_session  # noqa: F401 (a fixture)


def _phone_set_rows(session: VaultSession) -> int:
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    with session.uow() as uow:
        return sum(e.action == "contact.phone_set" for e in uow.audit.entries(now - timedelta(1), now + timedelta(1)))


def test_not_a_number_never_becomes_a_routes_number(open_session: VaultSession) -> None:
    with pytest.raises(InvalidInput) as refused:
        save_local_numbers(open_session, {"lado": "0114 273 4850", "police_101": "not a number!!"})
    [problem] = refused.value.problems
    assert problem.field == "police_101" and problem.sentence.startswith("That telephone number has letters")
    with open_session.uow() as uow:
        assert uow.contacts.overrides() == {}  # nothing of the batch saved, the good number neither
    assert _phone_set_rows(open_session) == 0


def test_a_number_is_stored_as_people_write_it_audited_and_shown_at_the_lock_screen(
    open_session: VaultSession,
) -> None:
    stored = save_local_numbers(open_session, {"lado": "01142734850", "police_101": " 101 "})
    assert stored == {"lado": "0114 273 4850", "police_101": "101"}
    with open_session.uow() as uow:
        assert uow.contacts.overrides() == stored
    assert _phone_set_rows(open_session) == 2
    assert public_contacts.read(open_session.vault_dir) == stored


def test_a_number_too_long_to_print_is_refused(open_session: VaultSession) -> None:
    with pytest.raises(InvalidInput, match="too long"):
        save_local_numbers(open_session, {"lado": "0" * 400})
