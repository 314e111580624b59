"""`waymark verify`: exit 0 and a report when sound; exit 1 naming the problem when not."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.fixtures_vault import PASSPHRASE, make_vault, record_concerns


def _vault(tmp_path: Path) -> list[str]:
    created = make_vault(tmp_path / "vault")
    record_concerns(created.session, 3)
    created.session.lock()
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n")
    return ["verify", "--vault", str(tmp_path / "vault"), "--passphrase-file", str(tmp_path / "pass.txt")]


def test_a_sound_vault_exits_0_with_a_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(_vault(tmp_path)) == 0
    out = capsys.readouterr().out
    assert "Audit trail: all 5 entries (who did what, and when) are intact" in out
    assert out.rstrip().endswith("The vault is sound.\nNothing to do now; keep making a backup at least once a week.")
    assert "quick_check" not in out and "Schema" not in out  # plain English, for IT staff too


def test_a_rolled_back_database_exits_1_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_app.services import vault as vault_service
    from tests.fixtures_vault import record_concern

    args = _vault(tmp_path)
    old = (tmp_path / "vault" / "waymark.db").read_bytes()
    session = vault_service.unlock(tmp_path / "vault", PASSPHRASE)
    record_concern(session)
    session.lock()
    (tmp_path / "vault" / "waymark.db").write_bytes(old)
    assert main(args) == 1
    out = capsys.readouterr().out
    assert "PROBLEM  Newest entry" in out and "older copy" in out
    assert out.rstrip().splitlines()[-1].startswith("What to do next: change and delete nothing")


def test_a_wrong_passphrase_exits_1_with_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    args = _vault(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("this is certainly not it, sorry\n"))
    assert main(args[:3]) == 1  # passphrase from standard input
    err = capsys.readouterr().err
    assert err.startswith("waymark: That passphrase does not open this vault") and err.count("\n") == 1


def test_a_missing_vault_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pass.txt").write_text(PASSPHRASE)
    assert main(["verify", "--vault", str(tmp_path / "nowhere"), "--passphrase-file", str(tmp_path / "pass.txt")]) == 1
    assert "There is no Waymark vault" in capsys.readouterr().err
