"""What can go wrong with the encrypted database, each with a sentence a DSL or IT technician can act on."""

from __future__ import annotations

from desktop_app.errors import UserFacingError


class VaultDamaged(UserFacingError):
    """The database, its audit trail or its anchor cannot be trusted; nothing was changed."""


class RolledBack(UserFacingError):
    """The database is older than its audit anchor: an earlier copy was put back."""

    def __init__(self, database_seq: int, anchor_seq: int, on_this_computer: bool = False) -> None:
        record = "what this computer last saw of it" if on_this_computer else "its audit record"
        super().__init__(
            f"The vault's database is older than {record} (it ends at entry {database_seq}, "
            f"but entry {anchor_seq} was written): an earlier copy seems to have been put back. "
            "Nothing was opened or changed; restore the latest backup or ask IT to investigate."
        )
        self.database_seq = database_seq
        self.anchor_seq = anchor_seq


class VaultTooNew(UserFacingError):
    """The vault was made by a newer version of Waymark."""


class NotDriverSQLCipher(UserFacingError):
    """The database driver does not encrypt; refusing to write anything."""


class RecordNotFound(UserFacingError):
    """An id that names no record (a stale screen, a typo on the command line)."""


class AppendOnly(UserFacingError):
    """A submitted record was about to be changed in place; corrections are addenda."""
