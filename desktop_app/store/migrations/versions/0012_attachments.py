"""Files kept with a concern (bytes inside the encrypted database) and the concern's body map.

Every table is append-only: UPDATE is refused always, DELETE except while the row's child is named in
``destruction_open`` (the one transaction that destroys a child's file, CONTRACTS "How a file is destroyed"). Each
row finds its child through its concern. Existing vaults gain empty tables; nothing they hold changes.

Revision ID: 0012_attachments
Revises: 0011_referral_request
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_attachments"
down_revision = "0011_referral_request"
branch_labels = None
depends_on = None

_THROUGH_ATTACHMENT = (
    "(SELECT c.child_id FROM attachments a JOIN concerns c ON c.id = a.concern_id WHERE a.id = OLD.attachment_id)"
)
# How each row finds its child (frozen copy, as written for this revision).
_OWNER = {
    "attachments": "(SELECT child_id FROM concerns WHERE id = OLD.concern_id)",
    "attachment_contents": _THROUGH_ATTACHMENT,
    "attachment_withdrawals": _THROUGH_ATTACHMENT,
    "body_maps": "(SELECT child_id FROM concerns WHERE id = OLD.concern_id)",
}


def _actor_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("actor_name", sa.Text(), nullable=False),
        sa.Column("actor_role", sa.Text(), nullable=False),
        sa.Column("actor_user_id", sa.String(length=64), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("concern_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("added_at", sa.String(length=32), nullable=False),
        *_actor_columns(),
        sa.ForeignKeyConstraint(["concern_id"], ["concerns.id"], name=op.f("fk_attachments_concern_id_concerns")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    op.create_index(op.f("ix_attachments_concern_id"), "attachments", ["concern_id"])
    op.create_table(
        "attachment_contents",
        sa.Column("attachment_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"], ["attachments.id"], name=op.f("fk_attachment_contents_attachment_id_attachments")
        ),
        sa.PrimaryKeyConstraint("attachment_id", name=op.f("pk_attachment_contents")),
    )
    op.create_table(
        "attachment_withdrawals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        *_actor_columns(),
        sa.ForeignKeyConstraint(
            ["attachment_id"], ["attachments.id"], name=op.f("fk_attachment_withdrawals_attachment_id_attachments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment_withdrawals")),
        sa.UniqueConstraint("attachment_id", name=op.f("uq_attachment_withdrawals_attachment_id")),
    )
    op.create_table(
        "body_maps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("concern_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("marks", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        *_actor_columns(),
        sa.ForeignKeyConstraint(["concern_id"], ["concerns.id"], name=op.f("fk_body_maps_concern_id_concerns")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body_maps")),
    )
    op.create_index(op.f("ix_body_maps_concern_id_version"), "body_maps", ["concern_id", "version"], unique=True)
    for table, owner in _OWNER.items():
        op.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'append-only table {table}'); END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"WHEN NOT EXISTS (SELECT 1 FROM destruction_open WHERE child_id = {owner}) "
            f"BEGIN SELECT RAISE(ABORT, 'append-only table {table}'); END"
        )


def downgrade() -> None:
    for table in _OWNER:
        op.execute(f"DROP TRIGGER {table}_no_update")
        op.execute(f"DROP TRIGGER {table}_no_delete")
    op.drop_index(op.f("ix_body_maps_concern_id_version"), table_name="body_maps")
    op.drop_table("body_maps")
    op.drop_table("attachment_withdrawals")
    op.drop_table("attachment_contents")
    op.drop_index(op.f("ix_attachments_concern_id"), table_name="attachments")
    op.drop_table("attachments")
