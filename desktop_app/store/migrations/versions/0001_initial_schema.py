"""Initial schema: records, projections, audit chain, append-only triggers, full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 18:14:35.981318
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

APPEND_ONLY = (
    "audit", "concerns", "concern_events", "screenings", "referrals", "referral_events", "addenda", "child_versions",
)


def upgrade() -> None:
    op.create_table('addenda',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('object_kind', sa.String(length=32), nullable=False),
    sa.Column('object_id', sa.Integer(), nullable=False),
    sa.Column('written_at', sa.String(length=32), nullable=False),
    sa.Column('actor_name', sa.Text(), nullable=False),
    sa.Column('actor_role', sa.Text(), nullable=False),
    sa.Column('actor_user_id', sa.String(length=64), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('change', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_addenda'))
    )
    with op.batch_alter_table('addenda', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_addenda_object_kind_object_id'), ['object_kind', 'object_id'], unique=False)

    op.create_table('audit',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('actor_name', sa.Text(), nullable=False),
    sa.Column('actor_role', sa.Text(), nullable=False),
    sa.Column('actor_user_id', sa.String(length=64), nullable=True),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('object_ref', sa.Text(), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('details_hash', sa.String(length=64), nullable=False),
    sa.Column('prev_mac', sa.String(length=64), nullable=False),
    sa.Column('mac', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit'))
    )
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_at'), ['at'], unique=False)

    op.create_table('children',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('first_fold', sa.Text(), nullable=False),
    sa.Column('last_fold', sa.Text(), nullable=False),
    sa.Column('known_fold', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_children'))
    )
    with op.batch_alter_table('children', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_children_first_fold'), ['first_fold'], unique=False)
        batch_op.create_index(batch_op.f('ix_children_known_fold'), ['known_fold'], unique=False)
        batch_op.create_index(batch_op.f('ix_children_last_fold'), ['last_fold'], unique=False)

    op.create_table('contact_overrides',
    sa.Column('contact_id', sa.String(length=64), nullable=False),
    sa.Column('phone', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('contact_id', name=op.f('pk_contact_overrides'))
    )
    op.create_table('setting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vault_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('phone', sa.Text(), nullable=False),
    sa.Column('dsl_name', sa.Text(), nullable=False),
    sa.Column('dsl_phone', sa.Text(), nullable=False),
    sa.Column('dsl_email', sa.Text(), nullable=False),
    sa.Column('extra', sa.Text(), nullable=False),
    sa.Column('intake_private_key', sa.LargeBinary(), nullable=False),
    sa.Column('audit_key', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_setting'))
    )
    op.create_table('users',
    sa.Column('user_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('slot_id', sa.String(length=64), nullable=False),
    sa.Column('slot_secret', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('removed_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_users'))
    )
    op.create_table('child_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('written_at', sa.String(length=32), nullable=False),
    sa.Column('actor_name', sa.Text(), nullable=False),
    sa.Column('actor_role', sa.Text(), nullable=False),
    sa.Column('actor_user_id', sa.String(length=64), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_child_versions_child_id_children')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_child_versions'))
    )
    with op.batch_alter_table('child_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_versions_child_id_version'), ['child_id', 'version'], unique=True)

    op.create_table('concerns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=32), nullable=False),
    sa.Column('intake_reference', sa.String(length=64), nullable=True),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('submitted_at', sa.String(length=32), nullable=False),
    sa.Column('sealed', sa.Boolean(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('recorded_by_name', sa.Text(), nullable=False),
    sa.Column('recorded_by_role', sa.Text(), nullable=False),
    sa.Column('recorded_by_user_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_concerns_child_id_children')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_concerns')),
    sa.UniqueConstraint('intake_reference', name=op.f('uq_concerns_intake_reference')),
    sa.UniqueConstraint('reference', name=op.f('uq_concerns_reference'))
    )
    with op.batch_alter_table('concerns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_concerns_child_id'), ['child_id'], unique=False)

    op.create_table('concern_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('concern_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('actor_name', sa.Text(), nullable=False),
    sa.Column('actor_role', sa.Text(), nullable=False),
    sa.Column('actor_user_id', sa.String(length=64), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['concern_id'], ['concerns.id'], name=op.f('fk_concern_events_concern_id_concerns')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_concern_events'))
    )
    with op.batch_alter_table('concern_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_concern_events_concern_id'), ['concern_id'], unique=False)

    op.create_table('concern_state',
    sa.Column('concern_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('submitted_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['concern_id'], ['concerns.id'], name=op.f('fk_concern_state_concern_id_concerns')),
    sa.PrimaryKeyConstraint('concern_id', name=op.f('pk_concern_state'))
    )
    with op.batch_alter_table('concern_state', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_concern_state_status_submitted_at_concern_id'), ['status', 'submitted_at', 'concern_id'], unique=False)

    op.create_table('referrals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('concern_id', sa.Integer(), nullable=False),
    sa.Column('route', sa.String(length=32), nullable=False),
    sa.Column('contacted_name', sa.Text(), nullable=False),
    sa.Column('contacted_at', sa.String(length=32), nullable=False),
    sa.Column('reference', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('confirmation_due', sa.String(length=10), nullable=True),
    sa.Column('recorded_at', sa.String(length=32), nullable=False),
    sa.Column('actor_name', sa.Text(), nullable=False),
    sa.Column('actor_role', sa.Text(), nullable=False),
    sa.Column('actor_user_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['concern_id'], ['concerns.id'], name=op.f('fk_referrals_concern_id_concerns')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referrals'))
    )
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referrals_concern_id'), ['concern_id'], unique=False)

    op.create_table('screenings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('concern_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('definition_id', sa.Text(), nullable=False),
    sa.Column('definition_version', sa.Text(), nullable=False),
    sa.Column('definition_hash', sa.String(length=64), nullable=False),
    sa.Column('suggested_level', sa.String(length=32), nullable=False),
    sa.Column('confirmed_level', sa.String(length=32), nullable=False),
    sa.Column('review_date', sa.String(length=10), nullable=False),
    sa.Column('completed_at', sa.String(length=32), nullable=False),
    sa.Column('actor_name', sa.Text(), nullable=False),
    sa.Column('actor_role', sa.Text(), nullable=False),
    sa.Column('actor_user_id', sa.String(length=64), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_screenings_child_id_children')),
    sa.ForeignKeyConstraint(['concern_id'], ['concerns.id'], name=op.f('fk_screenings_concern_id_concerns')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screenings'))
    )
    with op.batch_alter_table('screenings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_screenings_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_screenings_concern_id'), ['concern_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_screenings_review_date'), ['review_date'], unique=False)

    op.create_table('child_risk',
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('screening_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=32), nullable=False),
    sa.Column('review_date', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_child_risk_child_id_children')),
    sa.ForeignKeyConstraint(['screening_id'], ['screenings.id'], name=op.f('fk_child_risk_screening_id_screenings')),
    sa.PrimaryKeyConstraint('child_id', name=op.f('pk_child_risk'))
    )
    with op.batch_alter_table('child_risk', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_risk_level_review_date'), ['level', 'review_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_risk_review_date'), ['review_date'], unique=False)

    op.create_table('referral_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('referral_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('sent', sa.String(length=10), nullable=True),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('actor_name', sa.Text(), nullable=False),
    sa.Column('actor_role', sa.Text(), nullable=False),
    sa.Column('actor_user_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['referral_id'], ['referrals.id'], name=op.f('fk_referral_events_referral_id_referrals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_events'))
    )
    with op.batch_alter_table('referral_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_events_referral_id'), ['referral_id'], unique=False)

    op.create_table('referral_pending',
    sa.Column('referral_id', sa.Integer(), nullable=False),
    sa.Column('confirmation_due', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['referral_id'], ['referrals.id'], name=op.f('fk_referral_pending_referral_id_referrals')),
    sa.PrimaryKeyConstraint('referral_id', name=op.f('pk_referral_pending'))
    )
    with op.batch_alter_table('referral_pending', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_pending_confirmation_due'), ['confirmation_due'], unique=False)


    # Submitted records are never changed in place (DESIGN §4): corrections are addenda, moves are events.
    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, 'append-only table {table}'); END")
    op.execute("CREATE VIRTUAL TABLE concern_text USING fts5(account, childs_words, location, others, "
               "tokenize = 'unicode61 remove_diacritics 2')")


def downgrade() -> None:
    op.execute("DROP TABLE concern_text")
    for table in APPEND_ONLY:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER {table}_no_{verb}")
    with op.batch_alter_table('referral_pending', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_pending_confirmation_due'))

    op.drop_table('referral_pending')
    with op.batch_alter_table('referral_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_events_referral_id'))

    op.drop_table('referral_events')
    with op.batch_alter_table('child_risk', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_risk_review_date'))
        batch_op.drop_index(batch_op.f('ix_child_risk_level_review_date'))

    op.drop_table('child_risk')
    with op.batch_alter_table('screenings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_screenings_review_date'))
        batch_op.drop_index(batch_op.f('ix_screenings_concern_id'))
        batch_op.drop_index(batch_op.f('ix_screenings_child_id'))

    op.drop_table('screenings')
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referrals_concern_id'))

    op.drop_table('referrals')
    with op.batch_alter_table('concern_state', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_concern_state_status_submitted_at_concern_id'))

    op.drop_table('concern_state')
    with op.batch_alter_table('concern_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_concern_events_concern_id'))

    op.drop_table('concern_events')
    with op.batch_alter_table('concerns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_concerns_child_id'))

    op.drop_table('concerns')
    with op.batch_alter_table('child_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_versions_child_id_version'))

    op.drop_table('child_versions')
    op.drop_table('users')
    op.drop_table('setting')
    op.drop_table('contact_overrides')
    with op.batch_alter_table('children', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_children_last_fold'))
        batch_op.drop_index(batch_op.f('ix_children_known_fold'))
        batch_op.drop_index(batch_op.f('ix_children_first_fold'))

    op.drop_table('children')
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_at'))

    op.drop_table('audit')
    with op.batch_alter_table('addenda', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_addenda_object_kind_object_id'))

    op.drop_table('addenda')
