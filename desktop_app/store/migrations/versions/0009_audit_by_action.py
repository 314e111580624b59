"""The audit trail by action: "when was the last backup written?" answered from an index, not a scan of every entry.

Revision ID: audit_by_action
Revises: 0008_concern_categories
"""

from __future__ import annotations

from alembic import op

revision = "audit_by_action"
down_revision = "0008_concern_categories"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_audit_action_seq"), "audit", ["action", "seq"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_audit_action_seq"), table_name="audit")
