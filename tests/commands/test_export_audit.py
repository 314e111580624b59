"""`waymark export audit --year 2026-27` and `waymark export governors-report --year 2026-27`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.domain.audit import AcademicYear, AnswerForm, AuditStatus
from desktop_app.services.audit import checklist
from tests.commands.test_export import audit
from tests.fixtures_vault import PASSPHRASE, make_vault
from tests.reports.pdfcheck import all_text, page_texts

YEAR = AcademicYear.containing(date.today())


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    created = make_vault(tmp_path / "vault")
    checklist.start_year(created.session, YEAR)
    first = checklist.year_audit(created.session, YEAR).answers[0].obligation_id  # type: ignore[union-attr]
    checklist.record_answer(created.session, YEAR, first, AnswerForm(AuditStatus.MET, evidence="Policy seen"))
    created.session.lock()
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    yield tmp_path / "vault", passphrase_file


def run(vault: Path, passphrase_file: Path, document: str, year: str, out: Path, *extra: str) -> int:
    return main(
        [
            "export",
            document,
            "--vault",
            str(vault),
            "--passphrase-file",
            str(passphrase_file),
            "--year",
            year,
            "--out",
            str(out),
            *extra,
        ]
    )


def test_export_audit_writes_the_year_encrypted_and_audits_it(vault, tmp_path, capsys) -> None:
    folder, passphrase_file = vault
    password = tmp_path / "pdf.txt"
    password.write_text("for the governors 2026\n", encoding="utf-8")
    out = tmp_path / "audit.pdf"
    assert run(folder, passphrase_file, "audit", YEAR.name, out, "--pdf-password-file", str(password)) == 0
    assert "encrypted with AES-256" in capsys.readouterr().out
    text = " ".join(page_texts(out.read_bytes(), "for the governors 2026"))
    assert f"annual audit for {YEAR}" in text and "Policy seen" in text and "Not assessed" in text
    assert ("document.saved", f"AUD-{YEAR.start}{(YEAR.start + 1) % 100:02d}-V1") in audit(folder)


def test_export_governors_report_unencrypted_only_when_asked(vault, tmp_path, capsys) -> None:
    folder, passphrase_file = vault
    out = tmp_path / "governors.pdf"
    with pytest.raises(SystemExit) as usage:
        run(folder, passphrase_file, "governors-report", YEAR.name, out)
    assert usage.value.code == 2 and not out.exists()
    assert run(folder, passphrase_file, "governors-report", YEAR.name, out, "--unencrypted") == 0
    text = all_text(out.read_bytes())
    assert f"Governors' report: child exploitation, {YEAR}" in text
    assert any(action == "document.saved" and ref.startswith("GOV-") for action, ref in audit(folder))


def test_a_bad_or_missing_year_is_one_sentence_and_exit_1(vault, tmp_path, capsys) -> None:
    folder, passphrase_file = vault
    out = tmp_path / "audit.pdf"
    assert run(folder, passphrase_file, "audit", "2026-28", out, "--unencrypted") == 1
    assert "2026-27" in capsys.readouterr().err
    assert run(folder, passphrase_file, "audit", "2001-02", out, "--unencrypted") == 1
    assert capsys.readouterr().err.strip().endswith("There is no audit for 2001-02 in this vault.")
    assert not out.exists()


def test_blank_checklist_without_a_setting_has_a_line_to_write_it_and_no_audit_sequence(tmp_path) -> None:
    out = tmp_path / "blank.pdf"
    assert main(["export", "checklist", "--blank", "--out", str(out), "--unencrypted"]) == 0
    pages = page_texts(out.read_bytes())
    text = " ".join(pages)
    assert "Setting: ____" in text and ". Blank copy" not in text
    assert "Audit sequence" not in text
    assert "Audit date" in pages[-1] and "Next review" in pages[-1]
    last = pages[-1]
    assert "Obligation" in last and last.index("Status") < last.index("Sign-off"), "an obligation shares the page"
