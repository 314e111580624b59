"""The annual audit (years, answers, sign-offs), the staff training register, and indexes for the year's counts.

Revision ID: annual_audit
Revises: 0005_child_file
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "annual_audit"
down_revision = "0005_child_file"
branch_labels = None
depends_on = None

APPEND_ONLY = ("audit_answers", "audit_signoffs", "training_records")


def _actor() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("actor_name", sa.Text(), nullable=False),
        sa.Column("actor_role", sa.Text(), nullable=False),
        sa.Column("actor_user_id", sa.String(length=64), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "audit_years",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year_start", sa.Integer(), nullable=False),
        sa.Column("obligations_version", sa.Text(), nullable=False),
        sa.Column("carried_from", sa.String(length=16), nullable=False),
        sa.Column("audit_date", sa.String(length=10), nullable=True),
        sa.Column("next_review", sa.String(length=10), nullable=True),
        sa.Column("started_at", sa.String(length=32), nullable=False),
        *_actor(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_years")),
        sa.UniqueConstraint("year_start", name=op.f("uq_audit_years_year_start")),
    )
    op.create_table(
        "audit_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("obligation_id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("owner", sa.Text(), nullable=False),
        sa.Column("due", sa.String(length=10), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("carried", sa.Boolean(), nullable=False),
        sa.Column("written_at", sa.String(length=32), nullable=False),
        *_actor(),
        sa.ForeignKeyConstraint(["audit_id"], ["audit_years.id"], name=op.f("fk_audit_answers_audit_id_audit_years")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_answers")),
    )
    op.create_index(
        op.f("ix_audit_answers_audit_id_obligation_id_id"),
        "audit_answers",
        ["audit_id", "obligation_id", "id"],
        unique=False,
    )
    op.create_table(
        "audit_signoffs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("signed_on", sa.String(length=10), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        *_actor(),
        sa.ForeignKeyConstraint(["audit_id"], ["audit_years.id"], name=op.f("fk_audit_signoffs_audit_id_audit_years")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_signoffs")),
    )
    op.create_index(op.f("ix_audit_signoffs_audit_id_role"), "audit_signoffs", ["audit_id", "role"], unique=True)
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("job_title", sa.Text(), nullable=False),
        sa.Column("exploitation_role", sa.String(length=16), nullable=False),
        sa.Column("started_on", sa.String(length=10), nullable=True),
        sa.Column("left_on", sa.String(length=10), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
    )
    op.create_index(op.f("ix_staff_left_on"), "staff", ["left_on"], unique=False)
    op.create_index(op.f("ix_staff_exploitation_role"), "staff", ["exploitation_role"], unique=False)
    op.create_table(
        "training_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.String(length=64), nullable=False),
        sa.Column("course_title", sa.Text(), nullable=False),
        sa.Column("completed_on", sa.String(length=10), nullable=False),
        sa.Column("next_due", sa.String(length=10), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        *_actor(),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_training_records_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_records")),
    )
    op.create_index(
        op.f("ix_training_records_staff_id_completed_on"),
        "training_records",
        ["staff_id", "completed_on"],
        unique=False,
    )
    op.create_index(op.f("ix_training_records_completed_on"), "training_records", ["completed_on"], unique=False)
    op.create_index("ix_concerns_submitted_at", "concerns", ["submitted_at"], unique=False)
    op.create_index("ix_screenings_completed_at", "screenings", ["completed_at"], unique=False)
    op.create_index("ix_referrals_contacted_at", "referrals", ["contacted_at"], unique=False)
    op.create_index("ix_concern_events_status_at", "concern_events", ["status", "at"], unique=False)
    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'append-only table {table}'); END"
            )


def downgrade() -> None:
    for table in APPEND_ONLY:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER {table}_no_{verb}")
    for index, table in (
        ("ix_concern_events_status_at", "concern_events"),
        ("ix_referrals_contacted_at", "referrals"),
        ("ix_screenings_completed_at", "screenings"),
        ("ix_concerns_submitted_at", "concerns"),
    ):
        op.drop_index(index, table_name=table)
    op.drop_table("training_records")
    op.drop_table("staff")
    op.drop_table("audit_signoffs")
    op.drop_table("audit_answers")
    op.drop_table("audit_years")
