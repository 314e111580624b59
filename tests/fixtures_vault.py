"""Shared vault fixtures: an unlocked ``VaultSession`` on a fresh vault of fictional data.

Use from any test module::

    from tests.fixtures_vault import open_session  # noqa: F401  (a pytest fixture)

    def test_something(open_session: VaultSession) -> None:
        with open_session.uow() as uow: ...
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.records import ChildDetails, Setting
from desktop_app.services import vault as vault_service
from desktop_app.services.vault import CreatedVault, VaultSession

PASSPHRASE = "plum orchard lantern by the canal"
DSL_NAME = "Morgan Fairweather"
SETTING = Setting(name="Hollybrook Community School", address="1 Example Lane, Exampleton", phone="01632 960000")


def make_vault(folder: Path, passphrase: str = PASSPHRASE) -> CreatedVault:
    """Create a vault in ``folder`` (fast Argon2id under the test hook); the caller locks the session."""
    return vault_service.create_vault(folder, SETTING, DSL_NAME, passphrase)


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def created_vault(tmp_path: Path) -> Iterator[CreatedVault]:
    """A new vault in ``tmp_path / "vault"`` with its recovery key; the session is locked after the test."""
    created = make_vault(tmp_path / "vault")
    yield created
    created.session.lock()


@pytest.fixture
def open_session(tmp_path: Path) -> Iterator[VaultSession]:
    """An unlocked session as the first DSL on a new vault in ``tmp_path / "vault"``; locked after the test."""
    created = make_vault(tmp_path / "vault")
    yield created.session
    created.session.lock()


def fictional_child(first: str = "Tamsin", last: str = "Quillfeather") -> ChildDetails:
    return ChildDetails(first_name=first, last_name=last, year_group="Year 9")


def record_concern(
    session: VaultSession,
    account: str = "Seen getting into an unknown car after school",
    child: ChildDetails | None = None,
) -> int:
    """Record a child and a concern through the unit of work, audited; return the concern id."""
    from desktop_app.domain.records import ConcernDraft

    actor = session.actor()
    with session.uow() as uow:
        added = uow.children.add(child or fictional_child(), actor)
        concern = uow.concerns.add(
            added.child_id, ConcernDraft(account=account, location="Bus station"), actor, sealed=False
        )
        uow.audit.append(actor, "concern.submitted", concern.concern_id)
        uow.commit()
    return concern.concern_id


def record_concerns(session: VaultSession, count: int) -> list[int]:
    """Record ``count`` children and concerns in one transaction (fast set-up for larger vaults)."""
    from desktop_app.domain.records import ConcernDraft

    actor = session.actor()
    ids = []
    with session.uow() as uow:
        for number in range(count):
            child = uow.children.add(fictional_child("Tamsin", f"Quillfeather-{number}"), actor)
            concern = uow.concerns.add(
                child.child_id, ConcernDraft(account=f"Concern number {number}"), actor, sealed=False
            )
            uow.audit.append(actor, "concern.submitted", concern.concern_id)
            ids.append(concern.concern_id)
        uow.commit()
    return ids


def raw_connection(vault_dir: Path, key: bytes) -> Any:
    """A bare SQLCipher connection with the data key: what someone holding the key could do behind the app's back."""
    from desktop_app.store.engine import connect_raw

    return connect_raw(vault_dir / "waymark.db", key)
