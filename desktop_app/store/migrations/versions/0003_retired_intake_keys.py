"""Keep the vault's earlier intake private keys, so a new key pair can be made when someone is removed.

Sealed items already waiting in the inbox were sealed to the old public key; the old private key is kept (inside the
encrypted database only) so they still open, while everything sealed from then on is for the new key alone.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("setting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("retired_intake_keys", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("setting", schema=None) as batch_op:
        batch_op.drop_column("retired_intake_keys")
