"""`waymark export`: referral and chronology from a vault (encrypted unless --unencrypted), the blank checklist."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pytest

from desktop_app.cli import main
from desktop_app.services.vault import VaultSession
from tests.fixtures_vault import PASSPHRASE, make_vault
from tests.reports.pdfcheck import all_text, page_texts
from tests.services.test_documents import record_case


@pytest.fixture
def case(tmp_path: Path) -> Iterator[tuple[Path, Path, int, int]]:
    """A vault with the fictional case in it, locked again so the command unlocks it itself."""
    created = make_vault(tmp_path / "vault")
    child_id, concern_id = record_case(created.session)
    created.session.lock()
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    yield tmp_path / "vault", passphrase_file, child_id, concern_id


def audit(vault: Path, passphrase: str = PASSPHRASE) -> list[tuple[str, str]]:
    from desktop_app.services import vault as vault_service

    session: VaultSession = vault_service.unlock(vault, passphrase)
    try:
        with session.uow() as uow:
            entries = uow.audit.entries(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
    finally:
        session.lock()
    return [(e.action, str(e.object_ref)) for e in entries]


def test_export_referral_writes_an_aes_256_pdf_and_audits_it(case, tmp_path, capsys) -> None:
    vault, passphrase_file, _child_id, concern_id = case
    password_file = tmp_path / "pdf-password.txt"
    password_file.write_text("pass for the hub 2026\n", encoding="utf-8")
    out = tmp_path / "referral.pdf"
    code = main(
        [
            "export",
            "referral",
            "--vault",
            str(vault),
            "--passphrase-file",
            str(passphrase_file),
            "--concern",
            str(concern_id),
            "--out",
            str(out),
            "--pdf-password-file",
            str(password_file),
        ]
    )
    assert code == 0
    message = capsys.readouterr().out
    assert "encrypted with AES-256" in message and str(out) in message
    data = out.read_bytes()
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(data))
    with pikepdf.open(io.BytesIO(data), password="pass for the hub 2026") as pdf:
        assert pdf.encryption.R == 6 and pdf.encryption.bits == 256
    text = " ".join(page_texts(data, password="pass for the hub 2026"))
    assert "Wiśniewska-Nguyễn" in text and "SSH-884213" in text
    saved = [ref for action, ref in audit(vault) if action == "document.saved"]
    assert len(saved) == 1 and saved[0].startswith("REF-") and saved[0] in message


def test_export_referral_by_reference_unencrypted_only_when_asked(case, tmp_path, capsys) -> None:
    vault, passphrase_file, _child_id, _concern_id = case
    out = tmp_path / "referral.pdf"
    base = [
        "export",
        "referral",
        "--vault",
        str(vault),
        "--passphrase-file",
        str(passphrase_file),
        "--concern",
        "wm-2026-00001",
        "--out",
        str(out),
    ]
    with pytest.raises(SystemExit) as usage:
        main(base)  # neither a password file nor --unencrypted
    assert usage.value.code == 2
    assert not out.exists()
    capsys.readouterr()
    reference = f"WM-{datetime.now(UTC):%Y}-00001"
    base[base.index("wm-2026-00001")] = reference
    assert main([*base, "--unencrypted"]) == 0
    assert "WITHOUT encryption" in capsys.readouterr().out
    assert "Wiśniewska-Nguyễn" in all_text(out.read_bytes())


def test_export_chronology(case, tmp_path) -> None:
    vault, passphrase_file, child_id, _concern_id = case
    out = tmp_path / "chronology.pdf"
    assert (
        main(
            [
                "export",
                "chronology",
                "--vault",
                str(vault),
                "--passphrase-file",
                str(passphrase_file),
                "--child",
                str(child_id),
                "--out",
                str(out),
                "--unencrypted",
            ]
        )
        == 0
    )
    text = all_text(out.read_bytes())
    assert "Chronology: Zoë Wiśniewska-Nguyễn" in text and "Priya Shah, duty social worker" in text
    assert any(action == "document.saved" and ref.startswith("CHR-") for action, ref in audit(vault))


def test_a_missing_concern_or_a_short_pdf_password_is_refused_with_one_sentence(case, tmp_path, capsys) -> None:
    vault, passphrase_file, _child_id, _concern_id = case
    out = tmp_path / "x.pdf"
    assert (
        main(
            [
                "export",
                "referral",
                "--vault",
                str(vault),
                "--passphrase-file",
                str(passphrase_file),
                "--concern",
                "9999",
                "--out",
                str(out),
                "--unencrypted",
            ]
        )
        == 1
    )
    error = capsys.readouterr().err
    assert error.startswith("waymark: ") and error.count("\n") == 1
    assert not out.exists()
    short = tmp_path / "short.txt"
    short.write_text("abc\n", encoding="utf-8")
    assert (
        main(
            [
                "export",
                "referral",
                "--vault",
                str(vault),
                "--passphrase-file",
                str(passphrase_file),
                "--concern",
                "1",
                "--out",
                str(out),
                "--pdf-password-file",
                str(short),
            ]
        )
        == 1
    )
    assert "at least 8 characters" in capsys.readouterr().err
    assert not out.exists()


def test_export_blank_checklist_needs_no_vault(tmp_path, capsys) -> None:
    out = tmp_path / "checklist.pdf"
    assert main(["export", "checklist", "--blank", "--out", str(out), "--setting", "Hillside Academy"]) == 0
    assert "Blank obligations checklist" in capsys.readouterr().out
    text = all_text(out.read_bytes())
    assert "A trained Child Exploitation Lead is identified" in text
    assert "Hillside Academy" in text
    assert text.count("☐ Met") >= 8


def test_export_quick_reference_writes_one_page_with_the_dsl_and_is_audited(case, capsys) -> None:
    vault, passphrase_file, _child_id, _concern_id = case
    out = vault.parent / "quick.pdf"
    code = main(
        [
            "export",
            "quick-reference",
            "--vault",
            str(vault),
            "--passphrase-file",
            str(passphrase_file),
            "--out",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    pdf = out.read_bytes()
    assert len(page_texts(pdf)) == 1
    assert "Child exploitation: what to do" in all_text(pdf)
    assert any(action == "document.saved" and ref.startswith("QR-") for action, ref in audit(vault))


def test_export_referral_warns_when_the_call_back_details_are_missing(case, capsys) -> None:
    vault, passphrase_file, _child_id, concern_id = case
    out = vault.parent / "referral.pdf"
    code = main(
        [
            "export",
            "referral",
            "--vault",
            str(vault),
            "--passphrase-file",
            str(passphrase_file),
            "--concern",
            str(concern_id),
            "--out",
            str(out),
            "--unencrypted",
        ]
    )
    assert code == 0
    assert "the DSL's direct telephone" in capsys.readouterr().err
