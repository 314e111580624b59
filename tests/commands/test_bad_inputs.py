"""Issue 15, item 7: every listed bad input gets one clear, bounded sentence, never the generic one.

Before the fix: a passphrase or password file that was not UTF-8, an id too large for an integer, JSON nested
thousands deep or with a 5,000-digit number, a form file (TOML) likewise, ``audit.anchor`` replaced by a folder,
all ended in "something went wrong" (an exception the command did not expect); a 5,000-digit ``--child`` or a 5 MB
age was echoed back whole. Each case here checks the exit code, that stderr is one sentence naming the problem, and
that it quotes at most about 80 characters of what the user gave.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from desktop_app import paths
from desktop_app.cli import main
from desktop_app.definitions import clear_cache
from tests.fixtures_vault import PASSPHRASE, make_vault, record_concern

LONGEST_SENTENCE = 400


@pytest.fixture
def vault(tmp_path: Path) -> tuple[Path, Path]:
    created = make_vault(tmp_path / "vault")
    record_concern(created.session)
    created.session.lock()
    passphrase_file = tmp_path / "pass.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return tmp_path / "vault", passphrase_file


def _one_sentence(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    err = capsys.readouterr().err
    assert "something went wrong" not in err, err[:500]
    assert err.count("\n") <= 2 and len(err) < LONGEST_SENTENCE, err[:500]
    for word in words:
        assert word in err, err[:500]
    return err


def test_a_passphrase_file_that_is_not_utf8(vault, tmp_path, capsys) -> None:
    vault_dir, _ = vault
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("caf\xe9 plum orchard lantern".encode("latin-1"))
    assert main(["verify", "--vault", str(vault_dir), "--passphrase-file", str(latin1)]) == 1
    _one_sentence(capsys, "is not UTF-8 text")


def test_a_pdf_password_file_that_is_not_utf8(vault, tmp_path, capsys) -> None:
    vault_dir, passphrase_file = vault
    bad = tmp_path / "pdf.txt"
    bad.write_bytes(b"\xff\xfe\x00password")
    code = main(
        [
            "export",
            "referral",
            "--vault",
            str(vault_dir),
            "--passphrase-file",
            str(passphrase_file),
            "--concern",
            "1",
            "--out",
            str(tmp_path / "r.pdf"),
            "--pdf-password-file",
            str(bad),
        ]
    )
    assert code == 1
    _one_sentence(capsys, "is not UTF-8 text")


@pytest.mark.parametrize("given", ["99999999999999999999999", "9" * 5000, "WM-2026-" + "9" * 5000])
def test_a_concern_id_too_large_for_an_integer(vault, tmp_path, capsys, given) -> None:
    vault_dir, passphrase_file = vault
    code = main(
        [
            "export",
            "referral",
            "--vault",
            str(vault_dir),
            "--passphrase-file",
            str(passphrase_file),
            "--concern",
            given,
            "--out",
            str(tmp_path / "r.pdf"),
            "--unencrypted",
        ]
    )
    assert code == 1
    _one_sentence(capsys, "is not a concern number")


def test_a_child_id_of_5000_digits_is_not_echoed_whole(vault, tmp_path, capsys) -> None:
    vault_dir, passphrase_file = vault
    with pytest.raises(SystemExit) as usage:
        main(
            [
                "export",
                "chronology",
                "--vault",
                str(vault_dir),
                "--passphrase-file",
                str(passphrase_file),
                "--child",
                "9" * 5000,
                "--out",
                str(tmp_path / "c.pdf"),
                "--unencrypted",
            ]
        )
    assert usage.value.code == 2
    err = capsys.readouterr().err
    assert "is not a child number" in err and len(err) < 1500  # argparse's usage lines, plus one bounded sentence


def test_out_under_proc(vault, capsys) -> None:
    vault_dir, passphrase_file = vault
    code = main(
        [
            "backup",
            "--vault",
            str(vault_dir),
            "--passphrase-file",
            str(passphrase_file),
            "--out",
            "/proc/1/backup.wmbak",
        ]
    )
    assert code == 1
    _one_sentence(capsys, "system folder")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("[" * 100_000 + "]" * 100_000, "nests objects or lists far too deeply"),
        ('{"child": {"age": ' + "9" * 5000 + "}}", "number far too long"),
        ('{"child": {"age": "' + "1" * 5_000_000 + '"}, "concern": {}, "answers": {}}', "must be a whole number"),
    ],
)
def test_answers_json_that_is_deep_huge_or_holds_a_5000_digit_number(tmp_path, capsys, content, words) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(content, encoding="utf-8")
    assert main(["screen", "--answers", str(answers)]) == 1
    _one_sentence(capsys, words)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("x = " + "[" * 50_000 + "]" * 50_000 + "\n", "far too deeply"),
        ("x = " + "9" * 5000 + "\n", "number far too long"),
    ],
)
def test_a_form_file_that_is_deep_or_holds_a_5000_digit_number(tmp_path, capsys, monkeypatch, content, words) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(paths.forms_dir(), forms)
    (forms / "categories.toml").write_text(content, encoding="utf-8")
    monkeypatch.setenv("WAYMARK_FORMS", str(forms))
    clear_cache()
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"child": {"age": 14}, "concern": {}, "answers": {}}), encoding="utf-8")
    try:
        assert main(["screen", "--answers", str(answers)]) == 1
    finally:
        clear_cache()
    _one_sentence(capsys, words)


@pytest.mark.parametrize("name", ["audit.anchor", "unlock-failures.json"])
def test_a_vault_file_replaced_by_a_folder(vault, capsys, name) -> None:
    vault_dir, passphrase_file = vault
    target = vault_dir / name
    if target.exists():
        target.unlink()
    target.mkdir()
    code = main(
        [
            "backup",
            "--vault",
            str(vault_dir),
            "--passphrase-file",
            str(passphrase_file),
            "--out",
            str(vault_dir.parent / "b.wmbak"),
        ]
    )
    if name == "audit.anchor":
        assert code == 1
        _one_sentence(capsys, "audit.anchor", "not a readable file")
    else:  # the count lives on outside the folder too, so the vault still opens; a wrong try is still counted
        assert code == 0
        wrong = vault_dir.parent / "wrong.txt"
        wrong.write_text("not the passphrase at all, sorry\n", encoding="utf-8")
        assert main(["verify", "--vault", str(vault_dir), "--passphrase-file", str(wrong)]) == 1
        _one_sentence(capsys, "does not open this vault")


def test_a_long_value_is_quoted_at_most_about_80_characters(tmp_path, capsys) -> None:
    from desktop_app.errors import quote

    assert len(quote("x" * 5_000_000)) <= 82
    missing = tmp_path / ("n" * 200 + ".txt")
    assert main(["screen", "--answers", str(missing)]) == 1
    err = _one_sentence(capsys, "does not exist")
    assert "n" * 100 not in err
    assert os.fspath(tmp_path)[:20] in err
