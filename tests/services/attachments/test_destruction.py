"""Destroying a child's file takes its concerns' attachments and body maps with it, leaving no byte in any file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.domain.attachments import BodyMark, BodySide
from desktop_app.domain.records import ChildDetails
from desktop_app.services.attachments import body_map, files
from desktop_app.services.demo.attachments import png_picture
from desktop_app.services.retention import destroy
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import open_session, record_concern  # noqa: F401
from tests.sqlcipher_pages import file_pages, plaintext_holds

MARKER = "Quorvallenthrop"
PICTURE = png_picture(64, 64, (13, 201, 77))


def _holds_picture(path: Path, key: bytes) -> bool:
    return any(PICTURE in page for page in file_pages(path, key))


def test_a_destroyed_file_takes_its_attachments_and_body_map_out_of_every_file(
    open_session: VaultSession,
    tmp_path: Path,
) -> None:
    session, vault = open_session, tmp_path / "vault"
    child = ChildDetails("Imogen", "Brackenbury", date_of_birth=date(1999, 1, 2))
    concern_id = record_concern(session, child=child)
    kept_concern = record_concern(session, child=ChildDetails("Orla", "Kept", date_of_birth=date(2012, 5, 5)))
    email = f"Subject: Strategy discussion\n\n{MARKER} was named by the Hub.".encode()
    gone = files.add_bytes(session, concern_id, "hub.eml", email, "Email from the Hub")
    files.add_bytes(session, concern_id, "photo.png", PICTURE, "Photo of the note")
    files.withdraw(session, gone.attachment_id, "Wrong version")
    body_map.save_body_map(session, concern_id, [BodyMark(BodySide.FRONT, 0.5, 0.25, f"{MARKER} bruise")])
    files.add_bytes(session, kept_concern, "kept.txt", b"Another child's note, kept", "Kept note")
    key = session.data_key_for_checks()
    database_files = [p for p in vault.rglob("waymark.db*") if p.is_file()]
    assert any(plaintext_holds(p, key, MARKER) for p in database_files)  # the check can see it before
    assert any(_holds_picture(p, key) for p in database_files)

    with session.uow() as uow:
        child_id = uow.concerns.get(concern_id).child_id
    done = destroy.destroy_file(session, child_id, "Retention period ended", date(2026, 12, 5))

    assert done.destruction.records >= 6  # two files, their bytes, a withdrawal, a body map, the concern, the child
    for path in (p for p in vault.rglob("*") if p.is_file()):
        assert MARKER.encode() not in path.read_bytes() and PICTURE not in path.read_bytes(), path
        if path.name.startswith("waymark.db"):
            assert not plaintext_holds(path, key, MARKER), path
            assert not plaintext_holds(path, key, "Photo of the note"), path
            assert not _holds_picture(path, key), path
    assert [f.file_name for f in files.files_of(session, kept_concern)] == ["kept.txt"]
    assert files.open_file(session, files.files_of(session, kept_concern)[0].attachment_id).text.startswith("Another")
    assert session.verify().ok
