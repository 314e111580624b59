"""Alembic migrations applied at open: transactional (the engine emits BEGIN), refused for a newer vault.

An unlock of a vault already at ``HEAD`` reads its version with one query and never imports Alembic or parses the
migration scripts (about 30 ms and more on a first unlock); they are loaded only when there is work to do.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from desktop_app.store.errors import VaultTooNew

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
HEAD = "0014_report_indexes"  # the newest script's revision; tests/store/test_migrations.py keeps the two in step


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head() -> str:
    return HEAD


def revisions() -> list[str]:
    """Every schema version, oldest first."""
    return list(_revisions())


@functools.cache
def _revisions() -> tuple[str, ...]:
    return tuple(r.revision for r in reversed(list(script().walk_revisions())))


def current(connection: Connection) -> str | None:
    """The vault's schema version (None for a database without one), read as Alembic stores it."""
    try:
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    except OperationalError as error:
        if "no such table" in str(error.orig):
            return None
        raise
    return None if row is None else str(row[0])


def needs_upgrade(engine: Engine, revision: str | None = None) -> bool:
    """True when the vault is older than this code; VaultTooNew when it is newer (never opened).

    ``revision``: the vault's version when the caller has just read it (``current``), saving a second read."""
    if revision is None:
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
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_config(connection), target)
    return True
