"""Issue 15, item 2: an output path can never destroy the vault.

Before the fix, ``export … --out VAULT/waymark.db`` (and ``keyslots.json``, and ``backup --out`` into the vault)
replaced the file and exited 0, after which the vault no longer opened; a ``--out`` that was a symbolic link was
written through; an existing file of another kind was silently replaced. Each case below ran to exit 0 then, and
the vault's files changed. Now one shared check (``vault.outputs.check_output_path``), used by every command and by
``services.documents.save_pdf`` (the app's save dialogs), refuses them with one sentence before anything is written.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.domain.audit import AcademicYear
from desktop_app.errors import UserFacingError
from desktop_app.services import documents
from desktop_app.services import vault as vault_service
from tests.fixtures_vault import PASSPHRASE, make_vault, record_concern


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[tuple[Path, Path, int]]:
    created = make_vault(tmp_path / "vault")
    concern_id = record_concern(created.session)
    created.session.lock()
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    yield tmp_path / "vault", passphrase_file, concern_id


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in {"waymark.lock", "unlock-failures.json"}
    }


def _export(vault: Path, passphrase_file: Path, concern_id: int, out: Path) -> list[str]:
    return [
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


@pytest.mark.parametrize("name", ["waymark.db", "keyslots.json", "audit.anchor", "inbox/new.pdf"])
def test_export_into_the_vault_folder_is_refused_and_the_vault_still_opens(vault, capsys, name) -> None:
    vault_dir, passphrase_file, concern_id = vault
    before = _files(vault_dir)
    assert main(_export(vault_dir, passphrase_file, concern_id, vault_dir / name)) == 1
    err = capsys.readouterr().err
    assert "inside the vault folder" in err and err.count("\n") == 1
    assert _files(vault_dir) == before
    vault_service.unlock(vault_dir, PASSPHRASE).lock()


def test_backup_into_the_vault_folder_is_refused(vault, capsys) -> None:
    vault_dir, passphrase_file, _concern_id = vault
    before = _files(vault_dir)
    code = main(
        [
            "backup",
            "--vault",
            str(vault_dir),
            "--passphrase-file",
            str(passphrase_file),
            "--out",
            str(vault_dir / "waymark.db"),
        ]
    )
    assert code == 1
    assert "inside the vault folder" in capsys.readouterr().err
    assert _files(vault_dir) == before


def test_an_out_path_that_is_a_symbolic_link_is_not_written_through(vault, tmp_path, capsys) -> None:
    vault_dir, passphrase_file, concern_id = vault
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / "report.pdf"
    link.symlink_to(victim)
    assert main(_export(vault_dir, passphrase_file, concern_id, link)) == 1
    assert "symbolic link" in capsys.readouterr().err
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_an_existing_file_of_another_kind_is_not_replaced(vault, tmp_path, capsys) -> None:
    vault_dir, passphrase_file, concern_id = vault
    notes = tmp_path / "notes.pdf"
    notes.write_text("my notes, not a PDF", encoding="utf-8")
    assert main(_export(vault_dir, passphrase_file, concern_id, notes)) == 1
    assert "is not a PDF file" in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "my notes, not a PDF"
    backup_over_pdf = tmp_path / "old.pdf"
    backup_over_pdf.write_bytes(b"%PDF-1.4 a document")
    code = main(
        ["backup", "--vault", str(vault_dir), "--passphrase-file", str(passphrase_file), "--out", str(backup_over_pdf)]
    )
    assert code == 1 and "is not a Waymark backup file" in capsys.readouterr().err
    # The same kind is replaced as before: a second export over the first PDF works.
    good = tmp_path / "referral.pdf"
    assert main(_export(vault_dir, passphrase_file, concern_id, good)) == 0
    assert main(_export(vault_dir, passphrase_file, concern_id, good)) == 0


def test_a_folder_a_device_or_a_system_folder_is_refused(vault, tmp_path, capsys) -> None:
    vault_dir, passphrase_file, concern_id = vault
    for out, words in [
        (tmp_path, "is not a file"),
        (Path(os.devnull), "system folder"),
        (Path("/proc/self/waymark.pdf"), "system folder"),
        (tmp_path / "missing" / "x.pdf", "does not exist"),
    ]:
        if os.name != "posix" and "system" in words:
            continue
        assert main(_export(vault_dir, passphrase_file, concern_id, out)) == 1, out
        err = capsys.readouterr().err
        assert words in err and err.count("\n") == 1, err


def test_the_apps_save_dialog_path_gets_the_same_check(vault, tmp_path) -> None:
    """``documents.save_pdf`` is what the document dialog's Save calls."""
    vault_dir, _passphrase_file, concern_id = vault
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    try:
        pdf, document_id, _title = documents.render_referral_summary(session, concern_id)
        before = (vault_dir / "keyslots.json").read_bytes()
        with pytest.raises(UserFacingError):
            documents.save_pdf(session, pdf, vault_dir / "keyslots.json", None, document_id, unencrypted=True)
        assert (vault_dir / "keyslots.json").read_bytes() == before
        saved = documents.save_pdf(session, pdf, tmp_path / "ok.pdf", None, document_id, unencrypted=True)
        assert saved.read_bytes().startswith(b"%PDF")
    finally:
        session.lock()


# Commands written after the check above (transfer, drop kit, sharing, audit and governors' report): before this merge
# `export transfer` and `export drop-kit` only refused a folder, so `--out VAULT/keyslots.json` replaced the key slots.


def _child_of(vault_dir: Path, concern_id: int) -> int:
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    try:
        with session.uow() as uow:
            return uow.concerns.get(concern_id).child_id
    finally:
        session.lock()


def _later_command(kind: str, vault_dir: Path, passphrase_file: Path, child_id: int, out: Path) -> list[str]:
    """``waymark export KIND … --out OUT`` for the commands that are not the PDF exports above."""
    password = passphrase_file.with_name("password.txt")
    password.write_text("TELEPHONE-PASSWORD-42\n", encoding="utf-8")
    common = ["--vault", str(vault_dir), "--passphrase-file", str(passphrase_file)]
    today = date.today()
    period = ["--from", (today - timedelta(days=30)).isoformat(), "--to", today.isoformat()]
    year = AcademicYear.containing(today).name
    return {
        "transfer": [
            "export",
            "transfer",
            *common,
            "--child",
            str(child_id),
            "--out",
            str(out),
            "--pdf-password-file",
            str(password),
            "--to-setting",
            "Riverside Academy",
        ],
        "transfer-pdf": [
            "export",
            "transfer",
            *common,
            "--child",
            str(child_id),
            "--out",
            str(passphrase_file.with_name("ok.wmtransfer")),
            "--pdf",
            str(out),
            "--pdf-password-file",
            str(password),
            "--to-setting",
            "Riverside Academy",
        ],
        "drop-kit": ["export", "drop-kit", *common, "--out", str(out)],
        "sharing": [
            "export",
            "sharing",
            *common,
            "--child",
            str(child_id),
            *period,
            "--out",
            str(out),
            "--pdf-password-file",
            str(password),
        ],
        "sharing-csv": [
            "export",
            "sharing",
            *common,
            "--child",
            str(child_id),
            *period,
            "--out",
            str(out.with_suffix(".csv")),
            "--unencrypted",
        ],
        "audit": ["export", "audit", *common, "--year", year, "--out", str(out), "--unencrypted"],
        "governors-report": ["export", "governors-report", *common, "--year", year, "--out", str(out), "--unencrypted"],
        "quick-reference": ["export", "quick-reference", *common, "--out", str(out)],
    }[kind]


LATER_COMMANDS = [
    "transfer",
    "transfer-pdf",
    "drop-kit",
    "sharing",
    "sharing-csv",
    "audit",
    "governors-report",
    "quick-reference",
]


@pytest.mark.parametrize("kind", LATER_COMMANDS)
def test_every_later_command_refuses_an_out_inside_the_vault_folder(vault, capsys, kind) -> None:
    vault_dir, passphrase_file, _concern_id = vault
    before = _files(vault_dir)
    for name in ("keyslots.json", "waymark.db"):
        assert main(_later_command(kind, vault_dir, passphrase_file, 1, vault_dir / name)) == 1, name
        err = capsys.readouterr().err
        assert "inside the vault folder" in err and err.count("\n") == 1, err
    assert _files(vault_dir) == before
    vault_service.unlock(vault_dir, PASSPHRASE).lock()


@pytest.mark.parametrize("kind", LATER_COMMANDS)
def test_every_later_command_refuses_a_link_and_a_file_of_another_kind(vault, tmp_path, capsys, kind) -> None:
    vault_dir, passphrase_file, _concern_id = vault
    suffix = ".csv" if kind == "sharing-csv" else ".out"  # the CSV export is chosen by its name
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = (tmp_path / "link").with_suffix(suffix)
    link.symlink_to(victim)
    assert main(_later_command(kind, vault_dir, passphrase_file, 1, link)) == 1
    assert "symbolic link" in capsys.readouterr().err
    assert victim.read_text(encoding="utf-8") == "keep me"
    other = (tmp_path / "other").with_suffix(suffix)
    other.write_bytes(b"SQLite format 3\x00 someone's database")
    assert main(_later_command(kind, vault_dir, passphrase_file, 1, other)) == 1
    assert "already exists and is not a" in capsys.readouterr().err
    assert other.read_bytes() == b"SQLite format 3\x00 someone's database"


@pytest.mark.parametrize("kind", ["transfer", "drop-kit", "sharing-csv"])
def test_a_later_command_still_replaces_its_own_kind_of_file(vault, tmp_path, capsys, kind) -> None:
    vault_dir, passphrase_file, concern_id = vault
    child_id = _child_of(vault_dir, concern_id)
    out = tmp_path / "written.out"
    assert main(_later_command(kind, vault_dir, passphrase_file, child_id, out)) == 0, capsys.readouterr().err
    assert main(_later_command(kind, vault_dir, passphrase_file, child_id, out)) == 0, capsys.readouterr().err
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
