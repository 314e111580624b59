"""The child file: children found by their unique pupil number (UPN), and listed in name order at full scale.

Existing children keep every detail; a UPN already in a child's details is copied into the new indexed column.

Revision ID: 0004_child_file
Revises: 0003
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0004_child_file"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("children", schema=None) as batch_op:
        batch_op.add_column(sa.Column("upn", sa.String(length=16), nullable=True))
        batch_op.create_index(batch_op.f("ix_children_upn"), ["upn"], unique=False)
        batch_op.create_index("ix_children_name_order", ["last_fold", "first_fold", "id"], unique=False)
    connection = op.get_bind()
    last_id = 0
    while True:
        rows = connection.execute(
            sa.text("SELECT id, body FROM children WHERE id > :last ORDER BY id LIMIT 2000"), {"last": last_id}
        ).all()
        if not rows:
            break
        for child_id, body in rows:
            upn = "".join(str(json.loads(body).get("upn") or "").split()).upper()
            if upn:
                connection.execute(
                    sa.text("UPDATE children SET upn = :upn WHERE id = :id"), {"upn": upn, "id": child_id}
                )
        last_id = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("children", schema=None) as batch_op:
        batch_op.drop_index("ix_children_name_order")
        batch_op.drop_index(batch_op.f("ix_children_upn"))
        batch_op.drop_column("upn")
