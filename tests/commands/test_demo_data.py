"""`waymark demo-data`: creates or fills a vault, reproducibly, with a clear refusal for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.services import casework
from desktop_app.services import vault as vault_service

PASSPHRASE = "copper willow meadow thimble"


def test_demo_data_creates_a_vault_and_fills_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    vault = tmp_path / "vault"
    code = cli.main(
        [
            "demo-data",
            "--vault",
            str(vault),
            "--passphrase-file",
            str(secret),
            "--children",
            "4",
            "--concerns",
            "9",
            "--seed",
            "5",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Added 4 fictional children and 9 concerns" in out
    session = vault_service.unlock(vault, PASSPHRASE)
    try:
        assert casework.concern_file(session, 9).concern.reference.startswith("WM-")
        assert session.verify().ok, "a back-dated demo keeps an intact audit trail"
    finally:
        session.lock()
    # a second run adds to the same vault
    assert (
        cli.main(
            ["demo-data", "--vault", str(vault), "--passphrase-file", str(secret), "--children", "1", "--concerns", "1"]
        )
        == 0
    )


def test_demo_data_refuses_a_wrong_passphrase_and_bad_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    vault = tmp_path / "vault"
    assert (
        cli.main(
            ["demo-data", "--vault", str(vault), "--passphrase-file", str(secret), "--children", "1", "--concerns", "0"]
        )
        == 0
    )
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the right passphrase at all\n", encoding="utf-8")
    assert (
        cli.main(
            ["demo-data", "--vault", str(vault), "--passphrase-file", str(wrong), "--children", "1", "--concerns", "1"]
        )
        == 1
    )
    assert "passphrase" in capsys.readouterr().err.lower()
    assert (
        cli.main(
            ["demo-data", "--vault", str(vault), "--passphrase-file", str(secret), "--children", "0", "--concerns", "1"]
        )
        == 1
    )
    with pytest.raises(SystemExit) as usage:
        cli.main(["demo-data", "--vault", str(vault), "--children", "many", "--concerns", "1"])
    assert usage.value.code == 2
