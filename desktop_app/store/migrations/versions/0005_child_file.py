"""The child file: children found by their unique pupil number (UPN), and listed in name order at full scale.

Existing children keep every detail (none had a UPN before this version, so the new column starts empty).

Revision ID: 0005_child_file
Revises: 0004_connections
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_child_file"
down_revision = "0004_connections"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE, not a batch copy: children is referenced by foreign keys, so it must not be dropped.
    op.add_column("children", sa.Column("upn", sa.String(length=16), nullable=True))
    op.create_index(op.f("ix_children_upn"), "children", ["upn"], unique=False)
    op.create_index("ix_children_name_order", "children", ["last_fold", "first_fold", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_children_name_order", table_name="children")
    op.drop_index(op.f("ix_children_upn"), table_name="children")
    op.drop_column("children", "upn")
