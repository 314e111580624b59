"""`waymark backup`: one encrypted file, audited."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.services import vault as vault_service
from tests.fixtures_vault import PASSPHRASE, make_vault, record_concerns


def test_backup_writes_one_file_and_records_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    created = make_vault(tmp_path / "vault")
    record_concerns(created.session, 2)
    created.session.lock()
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n")
    code = main(
        [
            "backup",
            "--vault",
            str(tmp_path / "vault"),
            "--passphrase-file",
            str(tmp_path / "pass.txt"),
            "--out",
            str(tmp_path / "usb" / "friday.wmbak"),
        ]
    )
    assert code == 0
    assert "Backup written" in capsys.readouterr().out
    with zipfile.ZipFile(tmp_path / "usb" / "friday.wmbak") as bundle:
        assert "waymark.db" in bundle.namelist()
    session = vault_service.unlock(tmp_path / "vault", PASSPHRASE)
    with session.uow() as uow:
        from datetime import UTC, datetime

        actions = [
            e.action for e in uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
        ]
    session.lock()
    assert "backup.written" in actions


def test_backup_into_a_folder_that_cannot_be_written_is_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_vault(tmp_path / "vault").session.lock()
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n")
    (tmp_path / "a-file").write_text("not a folder")
    code = main(
        [
            "backup",
            "--vault",
            str(tmp_path / "vault"),
            "--passphrase-file",
            str(tmp_path / "pass.txt"),
            "--out",
            str(tmp_path / "a-file" / "b.wmbak"),
        ]
    )
    assert code == 1
    assert "is not a folder" in capsys.readouterr().err  # the one sentence of the output-path check
