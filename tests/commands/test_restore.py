"""`waymark restore`: checked first, and the vault it replaces kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.fixtures_vault import PASSPHRASE, make_vault, record_concerns


def test_restore_puts_the_backup_in_place_and_keeps_the_old_vault(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    created = make_vault(tmp_path / "vault")
    record_concerns(created.session, 2)
    created.session.backup(tmp_path / "b.wmbak")
    created.session.lock()
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n")
    code = main(
        [
            "restore",
            "--backup",
            str(tmp_path / "b.wmbak"),
            "--vault",
            str(tmp_path / "vault"),
            "--passphrase-file",
            str(tmp_path / "pass.txt"),
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "Vault restored" in out and "is kept in" in out
    assert len(list(tmp_path.glob("vault.before-restore-*"))) == 1
    assert main(["verify", "--vault", str(tmp_path / "vault"), "--passphrase-file", str(tmp_path / "pass.txt")]) == 0


def test_restore_of_a_damaged_file_exits_1_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_vault(tmp_path / "vault").session.lock()
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n")
    (tmp_path / "b.wmbak").write_bytes(b"PK\x03\x04 truncated")
    code = main(
        [
            "restore",
            "--backup",
            str(tmp_path / "b.wmbak"),
            "--vault",
            str(tmp_path / "vault"),
            "--passphrase-file",
            str(tmp_path / "pass.txt"),
        ]
    )
    assert code == 1
    assert "Nothing was changed" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.wmbak", "pass.txt", "vault"]
