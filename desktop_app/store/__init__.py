"""The encrypted database: SQLCipher engine, typed models, migrations, unit of work, repositories, audit chain."""

from desktop_app.store.errors import AppendOnly, RecordNotFound, RolledBack, VaultDamaged, VaultTooNew
from desktop_app.store.uow import UnitOfWork

__all__ = ["AppendOnly", "RecordNotFound", "RolledBack", "UnitOfWork", "VaultDamaged", "VaultTooNew"]
