"""A concern's actions: each action and each change to it (append-only), and where each action stands now.

``concern_actions`` and ``action_events`` refuse UPDATE always and DELETE except while their child is named in
``destruction_open`` (the one transaction that destroys a child's file). ``action_state`` is a projection kept by
``uow.actions`` in the same transaction as each event.

Revision ID: 0010_actions
Revises: audit_by_action
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_actions"
down_revision = "audit_by_action"
branch_labels = None
depends_on = None

# How each append-only table's row finds its child (frozen copy, as written for this revision).
_OWNER = {
    "concern_actions": "OLD.child_id",
    "action_events": "(SELECT child_id FROM concern_actions WHERE id = OLD.action_id)",
}


def _actor_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("actor_name", sa.Text(), nullable=False),
        sa.Column("actor_role", sa.Text(), nullable=False),
        sa.Column("actor_user_id", sa.String(length=64), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "concern_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("concern_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        *_actor_columns(),
        sa.ForeignKeyConstraint(["child_id"], ["children.id"], name=op.f("fk_concern_actions_child_id_children")),
        sa.ForeignKeyConstraint(["concern_id"], ["concerns.id"], name=op.f("fk_concern_actions_concern_id_concerns")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concern_actions")),
    )
    op.create_index(op.f("ix_concern_actions_child_id"), "concern_actions", ["child_id"])
    op.create_index(op.f("ix_concern_actions_concern_id"), "concern_actions", ["concern_id"])
    op.create_table(
        "action_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("change", sa.String(length=16), nullable=False),
        sa.Column("owner_staff_id", sa.Integer(), nullable=False),
        sa.Column("owner_name", sa.Text(), nullable=False),
        sa.Column("owner_job_title", sa.Text(), nullable=False),
        sa.Column("due", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("done_on", sa.String(length=10), nullable=True),
        sa.Column("at", sa.String(length=32), nullable=False),
        *_actor_columns(),
        sa.ForeignKeyConstraint(
            ["action_id"], ["concern_actions.id"], name=op.f("fk_action_events_action_id_concern_actions")
        ),
        sa.ForeignKeyConstraint(["owner_staff_id"], ["staff.id"], name=op.f("fk_action_events_owner_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_events")),
    )
    op.create_index(op.f("ix_action_events_action_id"), "action_events", ["action_id"])
    op.create_table(
        "action_state",
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("concern_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("is_open", sa.Boolean(), nullable=False),
        sa.Column("due", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"], ["concern_actions.id"], name=op.f("fk_action_state_action_id_concern_actions")
        ),
        sa.ForeignKeyConstraint(["child_id"], ["children.id"], name=op.f("fk_action_state_child_id_children")),
        sa.ForeignKeyConstraint(["concern_id"], ["concerns.id"], name=op.f("fk_action_state_concern_id_concerns")),
        sa.ForeignKeyConstraint(
            ["event_id"], ["action_events.id"], name=op.f("fk_action_state_event_id_action_events")
        ),
        sa.PrimaryKeyConstraint("action_id", name=op.f("pk_action_state")),
    )
    op.create_index(op.f("ix_action_state_child_id"), "action_state", ["child_id"])
    op.create_index(op.f("ix_action_state_concern_id"), "action_state", ["concern_id"])
    op.create_index(op.f("ix_action_state_is_open_due_action_id"), "action_state", ["is_open", "due", "action_id"])
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
    op.drop_table("action_state")
    op.drop_table("action_events")
    op.drop_table("concern_actions")
