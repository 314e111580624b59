"""Alembic migrations of the vault database, applied by ``store.migrate`` when a vault opens (a backup first).

A new revision: change ``store/models.py``, then in a scratch vault run alembic's ``command.revision(config,
autogenerate=True, ...)`` with ``store.migrate._config(connection)`` on an open, keyed connection; edit the result
so it uses plain SQLAlchemy types (never the app's own), add triggers or data moves by hand, and check that
``tests/store/test_migrations.py`` passes (models match, every older version upgrades). Packaging must ship this
folder as data: Alembic reads the revision files from disk.
"""
