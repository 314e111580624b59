"""`waymark export transfer` and `waymark import-transfer` between two vaults; a wrong password exits 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.commands.test_export import audit
from tests.fixtures_vault import PASSPHRASE, make_vault
from tests.services.test_documents import record_case


def test_a_file_goes_from_one_vault_to_another_by_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sender = make_vault(tmp_path / "a")
    child_id, _ = record_case(sender.session)
    sender.session.lock()
    make_vault(tmp_path / "b").session.lock()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    password = tmp_path / "transfer.txt"
    password.write_text("TELEPHONE-PASSWORD-42\n", encoding="utf-8")
    out = tmp_path / "file.wmtransfer"
    code = main(
        [
            "export",
            "transfer",
            "--vault",
            str(tmp_path / "a"),
            "--passphrase-file",
            str(secret),
            "--child",
            str(child_id),
            "--out",
            str(out),
            "--pdf-password-file",
            str(password),
            "--pdf",
            str(tmp_path / "file.pdf"),
            "--to-setting",
            "Riverside Academy",
        ]
    )
    assert code == 0 and out.exists() and (tmp_path / "file.pdf").exists()
    assert ("transfer.sent", f"child:{child_id}") in audit(tmp_path / "a")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("NOT-THE-PASSWORD\n", encoding="utf-8")
    assert (
        main(
            [
                "import-transfer",
                "--vault",
                str(tmp_path / "b"),
                "--passphrase-file",
                str(secret),
                "--file",
                str(out),
                "--password-file",
                str(wrong),
            ]
        )
        == 1
    )
    assert "password does not open this transfer file" in capsys.readouterr().err
    assert (
        main(
            [
                "import-transfer",
                "--vault",
                str(tmp_path / "b"),
                "--passphrase-file",
                str(secret),
                "--file",
                str(out),
                "--password-file",
                str(password),
            ]
        )
        == 0
    )
    assert "Imported the file from Hollybrook Community School" in capsys.readouterr().out
    assert (
        main(
            [
                "import-transfer",
                "--vault",
                str(tmp_path / "b"),
                "--passphrase-file",
                str(secret),
                "--file",
                str(out),
                "--password-file",
                str(password),
            ]
        )
        == 1
    )
    assert "already imported" in capsys.readouterr().err
