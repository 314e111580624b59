"""`waymark init`: a vault and a recovery sheet, the passphrase never on the command line."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.services import vault as vault_service
from desktop_app.services.vault.recovery_sheet import sheet_id, sheet_pdf

PASSPHRASE = "plum orchard lantern by the canal"


def init(tmp_path: Path, *extra: str) -> int:
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n")
    return main(
        [
            "init",
            "--vault",
            str(tmp_path / "vault"),
            "--setting",
            "Hollybrook Community School",
            "--user",
            "Morgan Fairweather",
            "--passphrase-file",
            str(tmp_path / "pass.txt"),
            "--recovery-sheet",
            str(tmp_path / "sheet.pdf"),
            *extra,
        ]
    )


def test_init_creates_a_vault_and_its_recovery_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert init(tmp_path) == 0
    assert "Recovery sheet written" in capsys.readouterr().out
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "sheet.pdf").pages)
    assert "Hollybrook Community School" in text and "OFFICIAL" in text
    session = vault_service.unlock(tmp_path / "vault", PASSPHRASE)
    assert session.user.name == "Morgan Fairweather"
    session.lock()


def test_the_recovery_key_on_the_sheet_opens_the_vault(tmp_path: Path) -> None:
    assert init(tmp_path) == 0
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "sheet.pdf").pages)
    groups = re.findall(r"\b[0-9A-Z]{5}\b", text)
    session = vault_service.unlock_with_recovery(tmp_path / "vault", "-".join(groups[-13:]))
    assert session.needs_new_passphrase
    session.lock()


def test_init_refuses_an_existing_vault(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert init(tmp_path) == 0
    assert init(tmp_path) == 1
    assert "already a Waymark vault" in capsys.readouterr().err


def test_init_refuses_a_weak_passphrase_and_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pass.txt").write_text("password\n")
    code = main(
        [
            "init",
            "--vault",
            str(tmp_path / "vault"),
            "--setting",
            "Hollybrook",
            "--user",
            "Morgan",
            "--passphrase-file",
            str(tmp_path / "pass.txt"),
            "--recovery-sheet",
            str(tmp_path / "s.pdf"),
        ]
    )
    assert code == 1
    assert capsys.readouterr().err.startswith("waymark: ")
    assert not vault_service.vault_exists(tmp_path / "vault")


def test_a_passphrase_on_the_command_line_is_bad_usage(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as usage:
        main(
            [
                "init",
                "--vault",
                str(tmp_path),
                "--setting",
                "S",
                "--user",
                "U",
                "--passphrase",
                PASSPHRASE,
                "--recovery-sheet",
                str(tmp_path / "s.pdf"),
            ]
        )
    assert usage.value.code == 2


def test_init_takes_the_referrers_details_and_stores_them_as_people_write_them(tmp_path: Path) -> None:
    code = init(
        tmp_path,
        "--dsl-role",
        "Designated Safeguarding Lead",
        "--dsl-phone",
        "07700900123",
        "--dsl-email",
        "dsl@hollybrook.sch.uk",
        "--address",
        "1 Example Lane, Exampleton, EX1 2MP",
        "--setting-phone",
        "01632960000",
    )
    assert code == 0
    session = vault_service.unlock(tmp_path / "vault", PASSPHRASE)
    setting = session.setting
    session.lock()
    assert (setting.dsl_name, setting.dsl_role) == ("Morgan Fairweather", "Designated Safeguarding Lead")
    assert (setting.dsl_phone, setting.phone) == ("07700 900123", "01632 960000")
    assert setting.address == "1 Example Lane\nExampleton\nEX1 2MP"
    assert setting.dsl_email == "dsl@hollybrook.sch.uk"


def test_init_refuses_a_bad_number_before_creating_anything(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert init(tmp_path, "--dsl-phone", "not a number!!") == 1
    assert "The DSL's direct telephone: that telephone number has letters" in capsys.readouterr().err
    assert not vault_service.vault_exists(tmp_path / "vault")


def test_init_says_which_call_back_details_are_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert init(tmp_path) == 0
    assert "the DSL's direct telephone" in capsys.readouterr().err


def test_the_sheet_written_by_init_is_the_one_settings_prints_and_its_saving_is_audited(tmp_path: Path) -> None:
    assert init(tmp_path) == 0
    written = "".join(page.extract_text() for page in PdfReader(tmp_path / "sheet.pdf").pages)
    key = "-".join(re.findall(r"\b[0-9A-Z]{5}\b", written)[-13:])
    session = vault_service.unlock(tmp_path / "vault", PASSPHRASE)
    try:
        with session.uow() as uow:
            entries = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
        saved = [(e.object_ref, json.loads(str(e.details))) for e in entries if e.action == "document.saved"]
        assert saved == [(sheet_id(session.vault_id), {"kind": "recovery_sheet", "encrypted": False})]
        again = "".join(page.extract_text() for page in PdfReader(io.BytesIO(sheet_pdf(session, key))).pages)
    finally:
        session.lock()
    assert sheet_id(session.vault_id) in written
    when = re.compile(r"\d{1,2} \w+ \d{4}|\d{2}:\d{2}|sequence \d+")  # the moment it was printed
    assert when.sub("", again) == when.sub("", written)
