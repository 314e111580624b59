"""Connections and missing episodes as tables: other children (each with their own role), adults of concern and
places, moved out of the free text of each concern's body; the rows of existing concerns are parsed from the bodies.

Revision ID: 0004_connections
Revises: 0003
"""

from __future__ import annotations

import json
import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0004_connections"
down_revision = "0003"
branch_labels = None
depends_on = None

NO_DELETE_TABLES = ("concern_children", "concern_adults", "concern_places", "missing_episodes", "adults", "places")
ROLES = ("possible_victim", "possible_perpetrator", "witness", "other")

# Frozen copy of the folding in store/repositories/_common.py as it was when this migration was written.
_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ŀ": "l", "ŧ": "t"}
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    return " ".join(re.findall(r"\w+", "".join(ch for ch in decomposed if not unicodedata.combining(ch))))


def _actor() -> list[sa.Column[str]]:
    return [
        sa.Column("actor_name", sa.Text(), nullable=False),
        sa.Column("actor_role", sa.Text(), nullable=False),
        sa.Column("actor_user_id", sa.String(length=64), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "adults",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_fold", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("vehicle", sa.Text(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adults")),
    )
    op.create_index(op.f("ix_adults_name_fold"), "adults", ["name_fold"], unique=False)
    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_fold", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
    )
    op.create_index(op.f("ix_places_name_fold"), "places", ["name_fold"], unique=False)
    op.create_table(
        "concern_children",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("concern_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("linked_at", sa.String(length=32), nullable=False),
        *_actor(),
        sa.ForeignKeyConstraint(["child_id"], ["children.id"], name=op.f("fk_concern_children_child_id_children")),
        sa.ForeignKeyConstraint(["concern_id"], ["concerns.id"], name=op.f("fk_concern_children_concern_id_concerns")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concern_children")),
    )
    op.create_index(op.f("ix_concern_children_child_id"), "concern_children", ["child_id"], unique=False)
    op.create_index(op.f("ix_concern_children_concern_id"), "concern_children", ["concern_id"], unique=False)
    for kind, table in (("adult", "adults"), ("place", "places")):
        name = f"concern_{table}"
        op.create_table(
            name,
            sa.Column("concern_id", sa.Integer(), nullable=False),
            sa.Column(f"{kind}_id", sa.Integer(), nullable=False),
            sa.Column("child_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint([f"{kind}_id"], [f"{table}.id"], name=op.f(f"fk_{name}_{kind}_id_{table}")),
            sa.ForeignKeyConstraint(["child_id"], ["children.id"], name=op.f(f"fk_{name}_child_id_children")),
            sa.ForeignKeyConstraint(["concern_id"], ["concerns.id"], name=op.f(f"fk_{name}_concern_id_concerns")),
            sa.PrimaryKeyConstraint("concern_id", f"{kind}_id", name=op.f(f"pk_{name}")),
        )
        op.create_index(op.f(f"ix_{name}_{kind}_id_child_id"), name, [f"{kind}_id", "child_id"], unique=False)
        op.create_index(op.f(f"ix_{name}_child_id_{kind}_id"), name, ["child_id", f"{kind}_id"], unique=False)
    op.create_table(
        "missing_episodes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("went_missing_at", sa.String(length=32), nullable=False),
        sa.Column("returned_at", sa.String(length=32), nullable=True),
        sa.Column("where_found", sa.Text(), nullable=False),
        sa.Column("out_of_area", sa.Boolean(), nullable=False),
        sa.Column("police_told", sa.Boolean(), nullable=False),
        sa.Column("police_reference", sa.Text(), nullable=False),
        sa.Column("interview_offered", sa.Boolean(), nullable=False),
        sa.Column("interview_held_at", sa.String(length=32), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        *_actor(),
        sa.ForeignKeyConstraint(["child_id"], ["children.id"], name=op.f("fk_missing_episodes_child_id_children")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_missing_episodes")),
    )
    op.create_index(
        op.f("ix_missing_episodes_child_id_went_missing_at"),
        "missing_episodes",
        ["child_id", "went_missing_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_missing_episodes_went_missing_at_child_id"),
        "missing_episodes",
        ["went_missing_at", "child_id"],
        unique=False,
    )
    for table in NO_DELETE_TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'no deletes from {table}'); END"
        )
    _move_free_text()


def _move_free_text() -> None:
    """Every existing concern's other children, adults and places become rows (the bodies are left as they were)."""
    connection = op.get_bind()
    adults: dict[str, int] = {}
    places: dict[str, int] = {}
    last_id = 0
    while True:
        rows = connection.execute(
            sa.text(
                "SELECT id, child_id, body, submitted_at, recorded_by_name, recorded_by_role, recorded_by_user_id "
                "FROM concerns WHERE id > :last ORDER BY id LIMIT 1000"
            ),
            {"last": last_id},
        ).all()
        if not rows:
            break
        for concern_id, child_id, body, at, actor_name, actor_role, actor_user_id in rows:
            draft = json.loads(body)
            for other in draft.get("other_children") or ():
                name = str(other.get("name") or "").strip()
                details = str(other.get("details") or "")
                if not name and not details:
                    continue
                role = other.get("role") if other.get("role") in ROLES else "other"
                connection.execute(
                    sa.text(
                        "INSERT INTO concern_children (concern_id, child_id, name, role, details, linked_at, actor_name, "
                        "actor_role, actor_user_id) VALUES (:c, NULL, :n, :r, :d, :at, :an, :ar, :au)"
                    ),
                    {
                        "c": concern_id,
                        "n": name or "A child not named",
                        "r": role,
                        "d": details,
                        "at": at,
                        "an": actor_name,
                        "ar": actor_role,
                        "au": actor_user_id,
                    },
                )
            seen_adults: set[int] = set()
            for adult in draft.get("adults") or ():
                values = {k: str(adult.get(k) or "") for k in ("name_or_nickname", "description", "vehicle", "phone")}
                if not any(v.strip() for v in values.values()):
                    continue
                adult_id = _find_or_add(
                    connection,
                    adults,
                    "adults",
                    values["name_or_nickname"].strip(),
                    at,
                    {
                        "description": values["description"],
                        "vehicle": values["vehicle"].strip(),
                        "phone": values["phone"].strip(),
                    },
                )
                if adult_id not in seen_adults:
                    seen_adults.add(adult_id)
                    connection.execute(
                        sa.text("INSERT INTO concern_adults (concern_id, adult_id, child_id) VALUES (:c, :a, :k)"),
                        {"c": concern_id, "a": adult_id, "k": child_id},
                    )
            seen_places: set[int] = set()
            for place in draft.get("places") or ():
                name = str(place.get("name") or "").strip()
                details = str(place.get("details") or "")
                if not name and not details.strip():
                    continue
                place_id = _find_or_add(connection, places, "places", name, at, {"details": details})
                if place_id not in seen_places:
                    seen_places.add(place_id)
                    connection.execute(
                        sa.text("INSERT INTO concern_places (concern_id, place_id, child_id) VALUES (:c, :p, :k)"),
                        {"c": concern_id, "p": place_id, "k": child_id},
                    )
        last_id = rows[-1][0]


def _find_or_add(
    connection: sa.Connection, known: dict[str, int], table: str, name: str, at: str, extra: dict[str, str]
) -> int:
    """The same folded name is the same record (as the repository does for new concerns); a blank name never
    matches another."""
    folded = _fold(name)
    if folded and folded in known:
        return known[folded]
    columns = ["name_fold", "name", "created_at", *extra]
    values = {
        "name_fold": folded,
        "name": name or ("An adult not named" if table == "adults" else "A place not named"),
        "created_at": at,
        **extra,
    }
    result = connection.execute(
        sa.text(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})"), values
    )
    new_id = int(result.lastrowid or 0)
    if folded:
        known[folded] = new_id
    return new_id


def downgrade() -> None:
    for table in NO_DELETE_TABLES:
        op.execute(f"DROP TRIGGER {table}_no_delete")
    op.drop_index(op.f("ix_missing_episodes_went_missing_at_child_id"), table_name="missing_episodes")
    op.drop_index(op.f("ix_missing_episodes_child_id_went_missing_at"), table_name="missing_episodes")
    op.drop_table("missing_episodes")
    for kind, table in (("place", "places"), ("adult", "adults")):
        name = f"concern_{table}"
        op.drop_index(op.f(f"ix_{name}_child_id_{kind}_id"), table_name=name)
        op.drop_index(op.f(f"ix_{name}_{kind}_id_child_id"), table_name=name)
        op.drop_table(name)
    op.drop_index(op.f("ix_concern_children_concern_id"), table_name="concern_children")
    op.drop_index(op.f("ix_concern_children_child_id"), table_name="concern_children")
    op.drop_table("concern_children")
    op.drop_index(op.f("ix_places_name_fold"), table_name="places")
    op.drop_table("places")
    op.drop_index(op.f("ix_adults_name_fold"), table_name="adults")
    op.drop_table("adults")
