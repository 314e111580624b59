"""What the school asks for, and consent, recorded with each referral contact (issue 13).

One nullable column of JSON on ``referrals``: a referral recorded before this revision keeps NULL there and reads as
"not recorded"; nothing already in a vault changes. The table stays append-only (its UPDATE/DELETE triggers are not
touched: adding a column does not update a row).

Revision ID: 0011_referral_request
Revises: 0010_actions
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_referral_request"
down_revision = "0010_actions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("referrals", sa.Column("request", sa.Text(), nullable=True))


def downgrade() -> None:
    # Not a batch copy of the table: that would break the triggers of the tables that refer to it.
    op.execute("ALTER TABLE referrals DROP COLUMN request")
