"""Issue 15, item 4: every file Waymark writes is 0600 and every folder it makes 0700.

Before the fix ``waymark.db``, ``*.wmbak``, ``waymark.log``, and the key slots and inbox files after a restore were
0644 in 0755 folders under the usual umask 022, so any other account on the laptop could copy them: this walk found
them. Now the command line sets umask 077 at start and Waymark also sets the modes itself where it makes a file or
folder. The walk runs init, demo data, backup, restore and export through the command line, under umask 022.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.fixtures_vault import PASSPHRASE

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes; Windows relies on the profile's ACLs")


@pytest.fixture
def loose_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _too_open(root: Path) -> list[str]:
    found = []
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        mode = stat.S_IMODE(path.stat().st_mode)
        wanted = 0o700 if path.is_dir() else 0o600
        if mode & ~wanted:
            found.append(f"{path.relative_to(root.parent)} {oct(mode)}")
    return found


def test_every_file_after_init_demo_data_backup_restore_and_export_is_private(
    tmp_path: Path, waymark_home: Path, loose_umask: None
) -> None:
    secrets_dir = tmp_path / "secrets"
    secrets_dir.mkdir()
    passphrase = secrets_dir / "pass.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    password = secrets_dir / "pdf.txt"
    password.write_text("pass for the hub 2026\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir(mode=0o700)
    vault = tmp_path / "place" / "vault"
    common = ["--vault", str(vault), "--passphrase-file", str(passphrase)]
    assert (
        main(
            [
                "init",
                *common,
                "--setting",
                "Hollybrook",
                "--user",
                "Morgan Fairweather",
                "--recovery-sheet",
                str(out / "recovery.pdf"),
            ]
        )
        == 0
    )
    os.umask(0o022)  # as if each command were a fresh process started from a shell with the usual umask
    assert main(["demo-data", *common, "--children", "3", "--concerns", "4"]) == 0
    os.umask(0o022)
    assert main(["backup", *common, "--out", str(out / "nightly" / "vault.wmbak")]) == 0
    os.umask(0o022)
    assert main(["restore", "--backup", str(out / "nightly" / "vault.wmbak"), *common]) == 0
    os.umask(0o022)
    assert (
        main(
            [
                "export",
                "chronology",
                *common,
                "--child",
                "1",
                "--out",
                str(out / "chronology.pdf"),
                "--pdf-password-file",
                str(password),
            ]
        )
        == 0
    )
    walked = [tmp_path / "place", out, waymark_home]
    assert all(root.exists() for root in walked)
    assert [line for root in walked for line in _too_open(root)] == []
    # Not vacuous: the walk saw the files this item is about.
    names = {p.name for root in walked for p in root.rglob("*")}
    assert {"waymark.db", "keyslots.json", "vault.wmbak", "waymark.log", "chronology.pdf"} <= names


def test_the_services_set_modes_themselves_without_the_command_lines_umask(tmp_path: Path, loose_umask: None) -> None:
    from desktop_app.services import vault as vault_service
    from tests.fixtures_vault import make_vault, record_concern

    created = make_vault(tmp_path / "vault")
    record_concern(created.session)
    created.session.backup(tmp_path / "copies" / "one.wmbak")
    created.session.lock()
    vault_service.restore(tmp_path / "copies" / "one.wmbak", tmp_path / "vault", PASSPHRASE)
    vault_service.unlock(tmp_path / "vault", PASSPHRASE).lock()
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("vault.before-restore-")]
    problems = _too_open(tmp_path / "vault") + _too_open(tmp_path / "copies")
    problems += [line for folder in kept for line in _too_open(folder)]
    assert kept and problems == []
