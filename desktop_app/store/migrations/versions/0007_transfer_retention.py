"""Transfers (out, in, receipts), retention holds, destructions, and the narrow path by which a file is destroyed.

The DELETE triggers of the append-only tables are recreated with a WHEN clause: a row may be deleted only while its
child is named in ``destruction_open``, a table that holds a row only inside the one transaction that destroys that
child's file (``store/repositories/retention.py``). UPDATE stays refused everywhere; ``audit`` and ``destructions``
refuse DELETE always.

Revision ID: 0007_transfer
Revises: annual_audit
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_transfer"
down_revision = "annual_audit"
branch_labels = None
depends_on = None

_ACTOR = ("actor_name", "actor_role", "actor_user_id")

# How each append-only table's row finds its child (frozen copy, as written for this revision).
_OWNER = {
    "concerns": "OLD.child_id",
    "screenings": "OLD.child_id",
    "child_versions": "OLD.child_id",
    "concern_events": "(SELECT child_id FROM concerns WHERE id = OLD.concern_id)",
    "referrals": "(SELECT child_id FROM concerns WHERE id = OLD.concern_id)",
    "referral_events": "(SELECT c.child_id FROM referrals r JOIN concerns c ON c.id = r.concern_id "
    "WHERE r.id = OLD.referral_id)",
    "addenda": "(CASE OLD.object_kind WHEN 'child' THEN OLD.object_id "
    "WHEN 'concern' THEN (SELECT child_id FROM concerns WHERE id = OLD.object_id) "
    "WHEN 'screening' THEN (SELECT child_id FROM screenings WHERE id = OLD.object_id) "
    "WHEN 'referral' THEN (SELECT c.child_id FROM referrals r JOIN concerns c ON c.id = r.concern_id "
    "WHERE r.id = OLD.object_id) END)",
    "transfers": "OLD.child_id",
    "transfer_receipts": "OLD.child_id",
    "received_files": "OLD.child_id",
    "retention_holds": "OLD.child_id",
    # Tables of 0004_connections: links of a concern to children, adults and places; missing episodes.
    "concern_children": "(SELECT child_id FROM concerns WHERE id = OLD.concern_id)",
    "concern_adults": "OLD.child_id",
    "concern_places": "OLD.child_id",
    "missing_episodes": "OLD.child_id",
}
_CONNECTIONS = ("concern_children", "concern_adults", "concern_places", "missing_episodes", "adults", "places")
# Shared records (an adult or place named in several children's concerns): deleted only during a destruction, and
# only once no concern links to them any more.
_SHARED = {"adults": "concern_adults WHERE adult_id = OLD.id", "places": "concern_places WHERE place_id = OLD.id"}


def _message(table: str) -> str:
    return f"no deletes from {table}" if table in _CONNECTIONS else f"append-only table {table}"


_NEW_APPEND_ONLY = ("transfers", "transfer_receipts", "received_files", "retention_holds", "destructions")

_BORN = (
    "COALESCE(json_extract(NEW.body, '$.date_of_birth'), CASE WHEN json_extract(NEW.body, '$.age_years') IS NOT "
    "NULL THEN date(substr(NEW.created_at, 1, 10), '-' || json_extract(NEW.body, '$.age_years') || ' years') END)"
)


def _actor_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("actor_name", sa.Text(), nullable=False),
        sa.Column("actor_role", sa.Text(), nullable=False),
        sa.Column("actor_user_id", sa.String(length=64), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "transfers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("package_id", sa.String(length=64), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("sent_on", sa.String(length=10), nullable=False),
        sa.Column("other_setting", sa.Text(), nullable=False),
        sa.Column("other_person", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        *_actor_columns(),
        sa.ForeignKeyConstraint(["child_id"], ["children.id"], name=op.f("fk_transfers_child_id_children")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfers")),
    )
    op.create_index(op.f("ix_transfers_child_id"), "transfers", ["child_id"])
    op.create_index(op.f("ix_transfers_direction_package_id"), "transfers", ["direction", "package_id"], unique=True)
    op.create_table(
        "transfer_receipts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transfer_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("confirmed_on", sa.String(length=10), nullable=False),
        sa.Column("confirmed_by", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        *_actor_columns(),
        sa.ForeignKeyConstraint(["child_id"], ["children.id"], name=op.f("fk_transfer_receipts_child_id_children")),
        sa.ForeignKeyConstraint(
            ["transfer_id"], ["transfers.id"], name=op.f("fk_transfer_receipts_transfer_id_transfers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfer_receipts")),
        sa.UniqueConstraint("transfer_id", name=op.f("uq_transfer_receipts_transfer_id")),
    )
    op.create_index(op.f("ix_transfer_receipts_child_id"), "transfer_receipts", ["child_id"])
    op.create_table(
        "transfer_awaiting",
        sa.Column("transfer_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("sent_on", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["child_id"], ["children.id"], name=op.f("fk_transfer_awaiting_child_id_children")),
        sa.ForeignKeyConstraint(
            ["transfer_id"], ["transfers.id"], name=op.f("fk_transfer_awaiting_transfer_id_transfers")
        ),
        sa.PrimaryKeyConstraint("transfer_id", name=op.f("pk_transfer_awaiting")),
    )
    op.create_index(op.f("ix_transfer_awaiting_child_id"), "transfer_awaiting", ["child_id"])
    op.create_index(op.f("ix_transfer_awaiting_sent_on"), "transfer_awaiting", ["sent_on"])
    op.create_table(
        "received_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("transfer_id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=64), nullable=False),
        sa.Column("from_setting", sa.Text(), nullable=False),
        sa.Column("made_at", sa.String(length=32), nullable=False),
        sa.Column("records", sa.Text(), nullable=False),
        sa.Column("chronology_pdf", sa.LargeBinary(), nullable=False),
        sa.Column("records_pdf", sa.LargeBinary(), nullable=False),
        sa.Column("imported_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["child_id"], ["children.id"], name=op.f("fk_received_files_child_id_children")),
        sa.ForeignKeyConstraint(
            ["transfer_id"], ["transfers.id"], name=op.f("fk_received_files_transfer_id_transfers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_files")),
        sa.UniqueConstraint("package_id", name=op.f("uq_received_files_package_id")),
    )
    op.create_index(op.f("ix_received_files_child_id"), "received_files", ["child_id"])
    op.create_table(
        "retention_holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("until", sa.String(length=10), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        *_actor_columns(),
        sa.ForeignKeyConstraint(["child_id"], ["children.id"], name=op.f("fk_retention_holds_child_id_children")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retention_holds")),
    )
    op.create_index(op.f("ix_retention_holds_child_id"), "retention_holds", ["child_id"])
    op.create_table(
        "retention_hold_state",
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("hold_id", sa.Integer(), nullable=False),
        sa.Column("until", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(["child_id"], ["children.id"], name=op.f("fk_retention_hold_state_child_id_children")),
        sa.ForeignKeyConstraint(
            ["hold_id"], ["retention_holds.id"], name=op.f("fk_retention_hold_state_hold_id_retention_holds")
        ),
        sa.PrimaryKeyConstraint("child_id", name=op.f("pk_retention_hold_state")),
    )
    op.create_table(
        "child_born",
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("born_on", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(["child_id"], ["children.id"], name=op.f("fk_child_born_child_id_children")),
        sa.PrimaryKeyConstraint("child_id", name=op.f("pk_child_born")),
    )
    op.create_index(op.f("ix_child_born_born_on"), "child_born", ["born_on"])
    op.create_table(
        "destructions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("destroyed_at", sa.String(length=32), nullable=False),
        sa.Column("retention_date", sa.String(length=10), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        *_actor_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destructions")),
    )
    op.create_table(
        "destruction_open",
        sa.Column("child_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("child_id", name=op.f("pk_destruction_open")),
    )
    # Every child's date of birth, kept by triggers whatever code adds or amends a child.
    op.execute(
        f"CREATE TRIGGER child_born_insert AFTER INSERT ON children BEGIN "
        f"INSERT OR REPLACE INTO child_born(child_id, born_on) VALUES (NEW.id, {_BORN}); END"
    )
    op.execute(
        f"CREATE TRIGGER child_born_update AFTER UPDATE OF body ON children BEGIN "
        f"INSERT OR REPLACE INTO child_born(child_id, born_on) VALUES (NEW.id, {_BORN}); END"
    )
    op.execute("INSERT INTO child_born(child_id, born_on) SELECT id, " + _BORN.replace("NEW.", "") + " FROM children")
    for table in _NEW_APPEND_ONLY:
        op.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'append-only table {table}'); END"
        )
        if table == "destructions":
            op.execute(
                f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'append-only table {table}'); END"
            )
    for table, owner in _OWNER.items():
        if table not in _NEW_APPEND_ONLY:
            op.execute(f"DROP TRIGGER {table}_no_delete")
        op.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"WHEN NOT EXISTS (SELECT 1 FROM destruction_open WHERE child_id = {owner}) "
            f"BEGIN SELECT RAISE(ABORT, '{_message(table)}'); END"
        )
    for table, links in _SHARED.items():
        op.execute(f"DROP TRIGGER {table}_no_delete")
        op.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"WHEN NOT EXISTS (SELECT 1 FROM destruction_open) OR EXISTS (SELECT 1 FROM {links}) "
            f"BEGIN SELECT RAISE(ABORT, '{_message(table)}'); END"
        )


def downgrade() -> None:
    for table in (*_OWNER, *_SHARED):
        op.execute(f"DROP TRIGGER {table}_no_delete")
        if table not in _NEW_APPEND_ONLY:
            op.execute(
                f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{_message(table)}'); END"
            )
    for table in _NEW_APPEND_ONLY:
        op.execute(f"DROP TRIGGER {table}_no_update")
    op.execute("DROP TRIGGER destructions_no_delete")
    op.execute("DROP TRIGGER child_born_insert")
    op.execute("DROP TRIGGER child_born_update")
    for table in (
        "destruction_open",
        "destructions",
        "child_born",
        "retention_hold_state",
        "retention_holds",
        "received_files",
        "transfer_awaiting",
        "transfer_receipts",
        "transfers",
    ):
        op.drop_table(table)
