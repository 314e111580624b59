"""The governors' counts by category: a projection of each concern's ticked categories with its month.

Filled once from the concerns already in the vault, then by a trigger on every concern added (concerns are never
changed; a destroyed file's rows go with its concerns, as ``retention.destroy`` deletes every row that reaches the
child through a foreign key).

Revision ID: 0008_concern_categories
Revises: 0007_transfer
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_concern_categories"
down_revision = "0007_transfer"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "concern_categories",
        sa.Column("concern_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.String(length=64), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.ForeignKeyConstraint(
            ["concern_id"], ["concerns.id"], name=op.f("fk_concern_categories_concern_id_concerns")
        ),
        sa.PrimaryKeyConstraint("concern_id", "category_id", name=op.f("pk_concern_categories")),
    )
    op.create_index(
        op.f("ix_concern_categories_month_category_id"), "concern_categories", ["month", "category_id"], unique=False
    )
    op.execute(
        "INSERT OR IGNORE INTO concern_categories (concern_id, category_id, month) "
        "SELECT c.id, j.value, substr(c.submitted_at, 1, 7) "
        "FROM concerns c, json_each(c.body, '$.category_ids') j WHERE j.type = 'text'"
    )
    op.execute(
        "CREATE TRIGGER concern_categories_on_insert AFTER INSERT ON concerns BEGIN "
        "INSERT OR IGNORE INTO concern_categories (concern_id, category_id, month) "
        "SELECT NEW.id, j.value, substr(NEW.submitted_at, 1, 7) "
        "FROM json_each(NEW.body, '$.category_ids') j WHERE j.type = 'text'; END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER concern_categories_on_insert")
    op.drop_index(op.f("ix_concern_categories_month_category_id"), table_name="concern_categories")
    op.drop_table("concern_categories")
