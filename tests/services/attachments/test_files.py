"""Files kept with a concern: only allowed kinds and sizes, kept whole inside the vault, withdrawn not deleted."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.errors import UserFacingError
from desktop_app.services.attachments import files
from desktop_app.services.attachments.files import AttachmentRefused
from desktop_app.services.demo.attachments import png_picture
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import open_session, record_concern  # noqa: F401


def _actions(session: VaultSession) -> list[tuple[str, str]]:
    with session.uow() as uow:
        rows = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
    return [(r.action, r.details) for r in rows if r.action.startswith("attachment.")]


def test_a_photo_is_kept_inside_the_vault_and_read_back_exactly(
    open_session: VaultSession,
    tmp_path: Path,
) -> None:
    concern_id = record_concern(open_session)
    picture = png_picture()
    source = tmp_path / "Bruise photo.png"
    source.write_bytes(picture)
    seen: list[tuple[int, int]] = []
    info = files.add_file(
        open_session,
        concern_id,
        source,
        "Photo taken by the school nurse",
        progress=lambda done, total, _text: seen.append((done, total)),
    )
    source.unlink()  # the vault's copy does not depend on the original
    assert (info.file_name, info.media_type, info.size) == ("Bruise photo.png", "image/png", len(picture))
    assert info.sha256 == hashlib.sha256(picture).hexdigest() and seen[-1] == (len(picture), len(picture))
    opened = files.open_file(open_session, info.attachment_id)
    assert opened.data == picture and opened.shown_as == files.IMAGE
    assert [f.description for f in files.files_of(open_session, concern_id)] == ["Photo taken by the school nurse"]
    actions = _actions(open_session)
    assert [a for a, _ in actions] == ["attachment.added", "attachment.viewed"]
    assert all("Bruise" not in details for _, details in actions)  # no file name in the audit


def test_an_email_from_the_hub_is_shown_as_text(open_session: VaultSession) -> None:
    concern_id = record_concern(open_session)
    email = "Subject: Strategy discussion\n\nThe Hub will call on Monday. – Hub duty team".encode()
    info = files.add_bytes(open_session, concern_id, "hub.eml", email, "Email from the Hub")
    opened = files.open_file(open_session, info.attachment_id)
    assert opened.shown_as == files.TEXT and "Hub duty team" in opened.text
    assert info.media_type == "message/rfc822"


@pytest.mark.parametrize(
    ("name", "data", "sentence"),
    [
        (
            "setup.exe",
            b"MZ\x90\x00",
            "setup.exe was not added. Waymark keeps PDF, PNG, JPEG, plain text (.txt) and saved emails (.eml).",
        ),
        ("photo.jpg", b"MZ\x90\x00 not a jpeg", "photo.jpg ends in .jpg but is not really a JPEG photo"),
        ("note.txt", b"\x00\x01\x02binary", "note.txt does not hold plain text"),
        ("empty.pdf", b"", "empty.pdf is empty"),
    ],
)
def test_other_kinds_are_refused_with_one_sentence_and_nothing_saved(
    open_session: VaultSession,
    name: str,
    data: bytes,
    sentence: str,
) -> None:
    concern_id = record_concern(open_session)
    with pytest.raises(AttachmentRefused) as refused:
        files.add_bytes(open_session, concern_id, name, data, "Something")
    assert sentence in refused.value.sentence
    assert files.files_of(open_session, concern_id) == [] and _actions(open_session) == []


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    open_session: VaultSession,
    tmp_path: Path,
) -> None:
    concern_id = record_concern(open_session)
    big = tmp_path / "scan.pdf"
    with open(big, "wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(21 * 1024 * 1024)
    read: list[int] = []
    with pytest.raises(AttachmentRefused, match=r"scan.pdf is 21.0 MB; Waymark keeps files of up to 20 MB"):
        files.add_file(open_session, concern_id, big, "Scanned notes", progress=lambda *a: read.append(1))
    assert read == [] and files.count_files(open_session, concern_id) == 0


def test_a_description_is_needed(open_session: VaultSession) -> None:
    concern_id = record_concern(open_session)
    with pytest.raises(AttachmentRefused, match="Say in a few words what the file is"):
        files.add_bytes(open_session, concern_id, "a.png", png_picture(), "   ")


def test_a_wrong_file_is_withdrawn_with_a_reason_and_kept(open_session: VaultSession) -> None:
    concern_id = record_concern(open_session)
    info = files.add_bytes(open_session, concern_id, "a.png", png_picture(), "Photo")
    withdrawn = files.withdraw(open_session, info.attachment_id, "Attached to the wrong concern")
    assert withdrawn.withdrawal is not None and withdrawn.withdrawal.reason == "Attached to the wrong concern"
    listed = files.files_of(open_session, concern_id)
    assert [(f.attachment_id, f.withdrawn) for f in listed] == [(info.attachment_id, True)]
    assert files.open_file(open_session, info.attachment_id).data == png_picture()  # still readable
    with pytest.raises(UserFacingError, match="already withdrawn"):
        files.withdraw(open_session, info.attachment_id, "Again")


def test_kept_files_refuse_change_and_deletion(open_session: VaultSession) -> None:
    from sqlalchemy import text

    concern_id = record_concern(open_session)
    files.add_bytes(open_session, concern_id, "a.png", png_picture(), "Photo")
    for statement in (
        "DELETE FROM attachment_contents",
        "UPDATE attachment_contents SET data = x'00'",
        "DELETE FROM attachments",
        "UPDATE attachments SET file_name = 'b.png'",
    ):
        with open_session.uow() as uow, pytest.raises(UserFacingError, match="cannot be changed"):
            uow.session.execute(text(statement))


def test_a_copy_is_written_only_where_the_dsl_chose_and_audited(
    open_session: VaultSession,
    tmp_path: Path,
) -> None:
    concern_id = record_concern(open_session)
    info = files.add_bytes(open_session, concern_id, "a.png", png_picture(), "Photo")
    out = tmp_path / "out" / "copy.png"
    with pytest.raises(AttachmentRefused, match="does not exist"):
        files.save_copy(open_session, info.attachment_id, out)
    with pytest.raises(AttachmentRefused, match="inside the vault folder"):
        files.save_copy(open_session, info.attachment_id, open_session.vault_dir / "copy.png")
    out.parent.mkdir()
    files.save_copy(open_session, info.attachment_id, out)
    assert out.read_bytes() == png_picture()
    assert [a for a, _ in _actions(open_session)][-1] == "attachment.saved"


def test_a_copy_never_replaces_a_file_of_another_kind_or_follows_a_link(
    open_session: VaultSession,
    tmp_path: Path,
) -> None:
    """The red team's --out finding, for the window's "Save a copy…": the same check as every other output."""
    concern_id = record_concern(open_session)
    info = files.add_bytes(open_session, concern_id, "a.png", png_picture(), "Photo")
    backup = tmp_path / "Vault backup.wmbak"
    backup.write_bytes(b"WAYMARK-BACKUP\x00 the school's only backup")
    with pytest.raises(AttachmentRefused):
        files.save_copy(open_session, info.attachment_id, backup)
    assert backup.read_bytes().startswith(b"WAYMARK-BACKUP"), "the other file is untouched"
    target = tmp_path / "elsewhere.png"
    target.write_bytes(b"")
    link = tmp_path / "link.png"
    link.symlink_to(target)
    with pytest.raises(AttachmentRefused):
        files.save_copy(open_session, info.attachment_id, link)
    older = tmp_path / "older copy.png"
    older.write_bytes(png_picture())
    files.save_copy(open_session, info.attachment_id, older)  # a picture replaces a picture
    assert older.read_bytes() == png_picture()
    assert not list(tmp_path.glob(".*")), "no staging file is left beside the copy"
