"""Alembic environment: always run on the open, keyed connection handed over by ``store.migrate``."""

from __future__ import annotations

from alembic import context

from desktop_app.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Waymark migrations run only through desktop_app.store.migrate (they need the vault's key)")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
