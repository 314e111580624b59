"""Files kept with concerns at scale (issue 16): one concern in twenty has a small file, and one concern has many
large ones. The figure is the concern's list as its record view asks for it (metadata only, a page of 50): it must
not grow with the size of the files, because the bytes live in a table of their own that a list never reads."""

from __future__ import annotations

import hashlib
import os
import random
from collections.abc import Callable
from functools import partial
from typing import Any

from sqlalchemy import text

from desktop_app.services.attachments import files
from desktop_app.services.vault.session import VaultSession
from desktop_app.store.types import format_utc

LIMIT_MS = 50.0
SMALL_FILE = 4 * 1024
MANY = 25
LARGE_FILE = 512 * 1024


def bulk_attachments(connection: Any, first_concern: int, last_concern: int, at: Any, rng: random.Random) -> None:
    """Attachment rows (and their bytes) for the bulk concerns ``first_concern``..``last_concern``."""
    next_id = int(connection.execute("SELECT coalesce(max(id), 0) + 1 FROM attachments").fetchone()[0])
    rows, contents = [], []
    wanted = [(c, SMALL_FILE) for c in range(first_concern, last_concern + 1, 20)]
    wanted += [(last_concern, LARGE_FILE)] * MANY
    stamp = format_utc(at)
    for concern_id, size in wanted:
        data = b"%PDF-1.7\n" + os.urandom(size - 9) if size == LARGE_FILE else rng.randbytes(size)
        rows.append(
            (
                next_id,
                concern_id,
                f"scan-{next_id}.pdf",
                "application/pdf",
                len(data),
                hashlib.sha256(data).hexdigest(),
                "Scanned note (bulk)",
                stamp,
                "Bulk",
                "dsl",
                None,
            )
        )
        contents.append((next_id, data))
        next_id += 1
    connection.executemany(
        "INSERT INTO attachments (id, concern_id, file_name, media_type, size, sha256, "
        "description, added_at, actor_name, actor_role, actor_user_id) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    connection.executemany("INSERT INTO attachment_contents (attachment_id, data) VALUES (?,?)", contents)


def figures(
    session: VaultSession, repeat: int, timed_ms: Callable[[Callable[[], object], int], list[float]]
) -> dict[str, tuple[float, list[float]]]:
    """{what: (limit ms, times)} for ``figures.py``'s ``more_ms``."""
    with session.uow() as uow:
        found = uow.session.execute(
            text(
                "SELECT concern_id, count(*), sum(size) FROM attachments GROUP BY concern_id ORDER BY count(*) DESC "
                "LIMIT 1"
            )
        ).first()
        total = int(uow.session.execute(text("SELECT count(*) FROM attachments")).scalar_one())
    if found is None:
        return {}
    concern_id, count, size = int(found[0]), int(found[1]), int(found[2])
    what = f"Attachments: list a concern's {count} files ({size / 1048576:.0f} MB) among {total:,}, metadata only"
    return {
        what: (LIMIT_MS, timed_ms(partial(files.files_of, session, concern_id), repeat)),
        "Attachments: count a concern's files": (
            LIMIT_MS,
            timed_ms(partial(files.count_files, session, concern_id), repeat),
        ),
    }
