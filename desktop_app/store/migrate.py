"""Alembic migrations applied at open: transactional (the engine emits BEGIN), refused for a newer vault."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from desktop_app.store.errors import VaultTooNew

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head() -> str:
    revision = script().get_current_head()
    assert revision is not None
    return revision


def revisions() -> list[str]:
    """Every schema version, oldest first."""
    return list(_revisions())


@functools.cache
def _revisions() -> tuple[str, ...]:
    return tuple(r.revision for r in reversed(list(script().walk_revisions())))


def current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    """True when the vault is older than this code; VaultTooNew when it is newer (never opened)."""
    with engine.connect() as connection:
        revision = current(connection)
    if revision == head():
        return False
    if revision is not None and revision not in revisions():
        raise VaultTooNew(
            "This vault was made by a newer version of Waymark, so this version cannot open it safely. "
            "Install the latest version of Waymark; nothing was changed."
        )
    return True


def upgrade(engine: Engine, target: str = "head", before: Callable[[], None] | None = None) -> bool:
    """Bring the schema to ``target`` in one transaction; ``before`` runs first (a backup) when there is work."""
    if target == "head" and not needs_upgrade(engine):
        return False
    if before is not None:
        before()
    with engine.begin() as connection:
        command.upgrade(_config(connection), target)
    return True
