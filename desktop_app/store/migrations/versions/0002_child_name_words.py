"""Search children by any word of their names (double-barrelled and multi-word names).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import json
import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Frozen copy of the folding in store/repositories/_common.py as it was when this migration was written.
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th",
                          "ð": "d", "ŀ": "l", "ŧ": "t"})


def _words(*names: str) -> set[str]:
    found: set[str] = set()
    for name in names:
        decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_LETTERS))
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        found.update(re.findall(r"\w+", folded))
    return found


def upgrade() -> None:
    op.create_table(
        "child_name_words",
        sa.Column("word", sa.Text(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["child_id"], ["children.id"], name=op.f("fk_child_name_words_child_id_children")),
        sa.PrimaryKeyConstraint("word", "child_id", name=op.f("pk_child_name_words")),
    )
    with op.batch_alter_table("child_name_words", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_child_name_words_child_id"), ["child_id"], unique=False)
    connection = op.get_bind()
    words = sa.table("child_name_words", sa.column("word", sa.Text), sa.column("child_id", sa.Integer))
    last_id = 0
    while True:
        rows = connection.execute(sa.text("SELECT id, body FROM children WHERE id > :last ORDER BY id LIMIT 2000"),
                                  {"last": last_id}).all()
        if not rows:
            break
        batch: list[dict[str, object]] = []
        for child_id, body in rows:
            details = json.loads(body)
            names = (details.get("first_name", ""), details.get("last_name", ""), details.get("known_as", ""))
            batch.extend({"word": w, "child_id": child_id} for w in sorted(_words(*names)))
        if batch:
            connection.execute(words.insert(), batch)
        last_id = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("child_name_words", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_child_name_words_child_id"))
    op.drop_table("child_name_words")
