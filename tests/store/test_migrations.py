"""Migrations: the models match them, a vault made at every schema version opens (after a backup), a newer one not."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop_app.services import vault as vault_service
from desktop_app.store import migrate
from desktop_app.store.database import open_database
from desktop_app.store.errors import VaultTooNew
from desktop_app.store.models import FTS_TABLE, Base
from tests.fixtures_vault import PASSPHRASE, fictional_child, make_vault, raw_connection, record_concern


def test_the_models_and_the_migrations_describe_the_same_schema(tmp_path: Path) -> None:
    created = make_vault(tmp_path / "vault")
    database = created.session._db()
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "include_name": lambda name, kind, _parent: not (kind == "table" and name.startswith(FTS_TABLE)),
            },
        )
        differences = compare_metadata(context, Base.metadata)
    created.session.lock()
    assert differences == []


def test_there_is_one_line_of_schema_versions() -> None:
    assert migrate.revisions()[0] == "0001"
    assert migrate.revisions()[-1] == migrate.head()
    assert migrate.script().get_current_head() == migrate.HEAD  # the constant an unlock compares with
    assert len(set(migrate.revisions())) == len(migrate.revisions())


@pytest.mark.parametrize("revision", migrate.revisions())
def test_a_vault_made_at_each_schema_version_opens_after_a_backup(tmp_path: Path, revision: str) -> None:
    vault_dir = tmp_path / "vault"
    created = make_vault(vault_dir)
    record_concern(created.session, child=fictional_child("Perpetua", "Hartley-Okonkwo"))
    key = created.session.data_key_for_checks()
    created.session.lock()
    database = open_database(vault_dir, key, upgrade=False)
    with database.engine.begin() as connection:
        command.downgrade(migrate._config(connection), revision)
    database.dispose()

    session = vault_service.unlock(vault_dir, PASSPHRASE)
    try:
        with session.uow() as uow:
            assert [c.details.last_name for c in uow.children.search("okonk")] == ["Hartley-Okonkwo"]
        assert session.verify().ok
    finally:
        session.lock()
    backups = sorted((vault_dir / "backups").glob("before-upgrade-*.wmbak"))
    assert len(backups) == (0 if revision == migrate.head() else 1)


def test_a_vault_from_a_newer_waymark_is_refused_and_left_alone(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    created = make_vault(vault_dir)
    key = created.session.data_key_for_checks()
    created.session.lock()
    connection = raw_connection(vault_dir, key)
    connection.execute("UPDATE alembic_version SET version_num = '9000'")
    connection.close()
    before = (vault_dir / "waymark.db").read_bytes()
    with pytest.raises(VaultTooNew) as refused:
        vault_service.unlock(vault_dir, PASSPHRASE)
    assert "newer version of Waymark" in refused.value.sentence
    assert (vault_dir / "waymark.db").read_bytes() == before
