"""The awaiting list ordered from the status index alone (issue 17).

``concern_state`` (the projection the dashboard reads) also holds what the awaiting list orders by: whether the child
was in immediate danger and the signs ticked at the quick-pick (a JSON list of screening item ids), copied from the
concern's body when it is recorded and here, once, for every concern already in the vault. The status index carries
both, so the most urgent fifty are found without reading a single concern's body; only those fifty are read. Nothing
a DSL sees changes.

Revision ID: 0013_awaiting_order
Revises: 0012_attachments
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_awaiting_order"
down_revision = "0012_attachments"
branch_labels = None
depends_on = None

_OLD = ["status", "submitted_at", "concern_id"]
_NEW = [*_OLD, "immediate_danger", "sign_ids"]


def upgrade() -> None:
    op.add_column(
        "concern_state", sa.Column("immediate_danger", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column("concern_state", sa.Column("sign_ids", sa.Text(), nullable=False, server_default="[]"))
    op.execute(
        "UPDATE concern_state SET "
        "immediate_danger = coalesce((SELECT json_extract(c.body, '$.immediate_danger') = 1 FROM concerns c "
        "WHERE c.id = concern_state.concern_id), 0), "
        "sign_ids = coalesce((SELECT json_extract(c.body, '$.sign_ids') FROM concerns c "
        "WHERE c.id = concern_state.concern_id AND json_type(c.body, '$.sign_ids') = 'array'), '[]')"
    )
    op.drop_index(op.f("ix_concern_state_status_submitted_at_concern_id"), table_name="concern_state")
    op.create_index(op.f("ix_concern_state_" + "_".join(_NEW)), "concern_state", _NEW, unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_concern_state_" + "_".join(_NEW)), table_name="concern_state")
    op.create_index(op.f("ix_concern_state_" + "_".join(_OLD)), "concern_state", _OLD, unique=False)
    op.execute("ALTER TABLE concern_state DROP COLUMN sign_ids")
    op.execute("ALTER TABLE concern_state DROP COLUMN immediate_danger")
