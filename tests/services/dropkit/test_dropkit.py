"""Drop kits: a concern recorded in a folder on another computer is imported into the vault; tampered, foreign and
out-of-date kits and files are refused with a sentence."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.domain.enums import Role
from desktop_app.errors import UserFacingError
from desktop_app.services.dropkit import collect, kit, record
from desktop_app.services.vault import VaultSession
from desktop_app.services.vault import people as vault_people
from tests.fixtures_vault import PASSPHRASE, make_vault, open_session  # noqa: F401

CONCERN = {
    "child": {
        "first_name": "Rafferty",
        "last_name": "Okonkwo-Lind",
        "date_of_birth": "2012-05-09",
        "year_group": "Year 9",
    },
    "happened_at": "2026-12-04T15:20:00",
    "location": "Car park behind the sports hall",
    "account": "Seen handing a small package to an older teenager in a grey car, who gave him cash.",
    "childs_words": "It's just a favour for a mate.",
    "recorder_name": "Ellis Marchbank",
    "recorder_role": "Teaching assistant",
    "immediate_danger": False,
    "declaration": True,
}


@pytest.fixture
def drop(tmp_path: Path, open_session: VaultSession) -> tuple[Path, Path]:
    kit_path = tmp_path / "school.wmdropkit"
    kit.export_kit(open_session, kit_path)
    folder = tmp_path / "usb"
    folder.mkdir()
    return kit_path, folder


def _concern_file(tmp_path: Path) -> Path:
    path = tmp_path / "concern.json"
    path.write_text(json.dumps(CONCERN), encoding="utf-8")
    return path


def test_a_concern_recorded_with_a_drop_kit_is_imported_into_the_vault(
    open_session: VaultSession,
    drop: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    kit_path, folder = drop
    reference = record.record_from_file(kit_path, folder, _concern_file(tmp_path))
    sealed = list(folder.glob("concern-*.sealed"))
    assert len(sealed) == 1 and b"Okonkwo" not in sealed[0].read_bytes() and b"favour" not in sealed[0].read_bytes()
    collected = collect.collect(open_session, folder)
    assert len(collected.moved) == 1 and not collected.refused and not list(folder.glob("*.sealed"))
    imported = collect.import_collected(open_session, collected.moved)
    with open_session.uow() as uow:
        concern = uow.concerns.by_reference(imported[0])
        child = uow.children.get(concern.child_id)
    assert concern.draft.childs_words == "It's just a favour for a mate."
    assert child.details.last_name == "Okonkwo-Lind" and child.details.date_of_birth == date(2012, 5, 9)
    assert concern.sealed and reference.startswith("INT-")


def test_the_kit_holds_no_secret_and_an_edited_kit_is_refused(
    open_session: VaultSession,
    drop: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    kit_path, folder = drop
    text = kit_path.read_text(encoding="utf-8")
    assert open_session.intake_private_key().hex() not in text
    data = json.loads(text)
    data["body"]["setting_name"] = "Somewhere Else"
    edited = tmp_path / "edited.wmdropkit"
    edited.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(UserFacingError, match="altered or damaged"):
        record.record_from_file(edited, folder, _concern_file(tmp_path))
    assert not list(folder.iterdir())


def test_a_file_sealed_for_another_vault_is_refused_and_left_in_the_folder(
    open_session: VaultSession,
    tmp_path: Path,
) -> None:
    other = make_vault(tmp_path / "other")
    try:
        other_kit = tmp_path / "other.wmdropkit"
        kit.export_kit(other.session, other_kit)
    finally:
        other.session.lock()
    folder = tmp_path / "usb"
    folder.mkdir()
    record.record_from_file(other_kit, folder, _concern_file(tmp_path))
    collected = collect.collect(open_session, folder)
    assert collected.moved == [] and len(collected.refused) == 1
    assert "drop kit from another vault" in collected.refused[0][1]
    assert len(list(folder.glob("*.sealed"))) == 1


def test_a_tampered_sealed_file_is_refused(
    open_session: VaultSession,
    drop: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    kit_path, folder = drop
    record.record_from_file(kit_path, folder, _concern_file(tmp_path))
    sealed = next(folder.glob("*.sealed"))
    data = bytearray(sealed.read_bytes())
    data[-5] ^= 0x20
    sealed.write_bytes(bytes(data))
    collected = collect.collect(open_session, folder)
    assert collected.moved == [] and "altered or damaged" in collected.refused[0][1]


def test_after_the_key_is_replaced_old_files_open_and_the_old_kit_is_refused(
    open_session: VaultSession,
    drop: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    kit_path, folder = drop
    record.record_from_file(kit_path, folder, _concern_file(tmp_path))  # sealed before the key changed
    deputy = vault_people.add_user(open_session, "Sam Deputy", Role.DEPUTY_DSL, "a long deputy passphrase here")
    vault_people.remove_user(open_session, deputy.user_id)  # a new intake key pair; the old one is retired
    collected = collect.collect(open_session, folder)
    assert len(collected.moved) == 1 and collected.old_kit == 1  # a file for a retired key still opens
    with pytest.raises(UserFacingError, match="out of date"):
        record.record_from_file(kit_path, folder, _concern_file(tmp_path))
    new_kit = tmp_path / "new.wmdropkit"
    kit.export_kit(open_session, new_kit)
    record.record_from_file(new_kit, folder, _concern_file(tmp_path))
    assert len(collect.collect(open_session, folder).moved) == 1


def test_a_concern_file_without_the_essentials_is_refused(drop: tuple[Path, Path], tmp_path: Path) -> None:
    kit_path, folder = drop
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**CONCERN, "account": ""}), encoding="utf-8")
    with pytest.raises(UserFacingError, match="what was seen or heard"):
        record.record_from_file(kit_path, folder, bad)


def test_the_command_line_records_and_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_vault(tmp_path / "vault").session.lock()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    vault = ["--vault", str(tmp_path / "vault"), "--passphrase-file", str(secret)]
    kit_path, folder = tmp_path / "k.wmdropkit", tmp_path / "share"
    folder.mkdir()
    assert main(["export", "drop-kit", *vault, "--out", str(kit_path)]) == 0
    assert (
        main(["record", "--drop-kit", str(kit_path), "--to", str(folder), "--concern", str(_concern_file(tmp_path))])
        == 0
    )
    assert "Its reference is INT-" in capsys.readouterr().out
    assert main(["import-sealed", *vault, "--from", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "1 sealed concern collected" in out and "Imported: WM-" in out
