"""Issue 15, item 5: diagnostics that send the DSL the right way.

Before the fix: with the disk nearly full (or a file-size limit), unlocking said "The vault's database cannot be read
with its key … restore the latest backup", advice that would throw away everything since that backup (the first
test got exactly that sentence); with audit pages damaged, ``verify`` stopped on "something went wrong" instead of
printing its report (an exception escaped ``check_database``); a page torn in the main file while its newer copy
waited in the write-ahead log made one verify fail and the next pass, because closing the first one folded the log
in; and ``verify`` counted damaged pages without naming them.

The full-disk cases run in a child process, whose file-size limit (RLIMIT_FSIZE) makes every write past it fail as
on a full disk.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.services import vault as vault_service
from tests.fixtures_vault import PASSPHRASE, make_vault, record_concerns

REPO = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX rlimits")


def _child(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WAYMARK_FAST_KDF_FOR_TESTS": "1", "PYTHONPATH": str(REPO), "WAYMARK_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "tests.services.test_honest_diagnostics", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@posix_only
@pytest.mark.parametrize("limit", [0, 20_000])
def test_a_full_disk_at_unlock_says_the_disk_is_full(tmp_path: Path, waymark_home: Path, limit: int) -> None:
    vault_dir = tmp_path / "vault"
    created = make_vault(vault_dir)
    record_concerns(created.session, 5)
    created.session.lock()
    done = _child("unlock", str(vault_dir), str(limit), home=waymark_home)
    assert done.returncode == 0, done.stderr
    assert "disk is full" in done.stdout and "restore the latest backup" not in done.stdout, done.stdout
    vault_service.unlock(vault_dir, PASSPHRASE).lock()  # and nothing was harmed


@posix_only
def test_init_on_a_full_disk_says_so_and_leaves_nothing_half_made(tmp_path: Path, waymark_home: Path) -> None:
    done = _child("init", str(tmp_path / "vault"), "20000", home=waymark_home)
    assert done.returncode == 0, done.stderr
    code, _, err = done.stdout.partition("\n")
    assert code == "1" and "disk is full" in err and "something went wrong" not in err, done.stdout
    assert not (tmp_path / "vault" / "waymark.db").exists()


def _flip(path: Path, offsets: list[int]) -> None:
    with open(path, "r+b") as handle:
        for offset in offsets:
            handle.seek(offset)
            byte = handle.read(1)
            handle.seek(offset)
            handle.write(bytes([byte[0] ^ 0xFF]))


def test_verify_prints_its_whole_report_and_names_every_damaged_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault_dir = tmp_path / "vault"
    created = make_vault(vault_dir)
    record_concerns(created.session, 300)
    created.session.lock()
    db = vault_dir / "waymark.db"
    pages = db.stat().st_size // 4096
    damaged = list(range(pages - 16, pages + 1))  # the last 17 pages: the newest audit entries live there
    _flip(db, [(page - 1) * 4096 + 1000 for page in damaged])
    passphrase_file = tmp_path / "pass.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert main(["verify", "--vault", str(vault_dir), "--passphrase-file", str(passphrase_file)]) == 1
    out, err = capsys.readouterr()
    assert "something went wrong" not in err and err == ""
    assert "Encryption: 17 blocks of the database file" in out and f"Damaged: blocks {damaged[0]}-{damaged[-1]}." in out
    assert "Audit trail" in out and "Newest entry" in out  # the checks after the damaged blocks still ran
    assert " problems found.\nWhat to do next: change and delete nothing" in out


def test_a_torn_page_whose_newer_copy_is_in_the_log_is_judged_the_same_twice(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    created = make_vault(vault_dir)
    record_concerns(created.session, 40)
    session = created.session
    record_concerns(session, 3)  # these pages wait in the write-ahead log until the last connection closes
    crash = tmp_path / "crash"
    crash.mkdir()
    for name in ("waymark.db", "waymark.db-wal"):
        shutil.copy(vault_dir / name, crash / name)  # the files as a kill -9 would leave them
    session.lock()
    for name in ("waymark.db", "waymark.db-wal"):
        shutil.copy(crash / name, vault_dir / name)
    wal = (vault_dir / "waymark.db-wal").read_bytes()
    page = int.from_bytes(wal[32:36], "big")  # the page in the log's first frame
    db = vault_dir / "waymark.db"
    if page * 4096 <= db.stat().st_size:
        with open(db, "r+b") as handle:  # torn: the second half of that page never reached the disk
            handle.seek((page - 1) * 4096 + 2048)
            handle.write(bytes(2048))
    first = vault_service.verify(vault_dir, PASSPHRASE)
    second = vault_service.verify(vault_dir, PASSPHRASE)
    assert (first.ok, first.problems) == (second.ok, second.problems)
    assert first.ok, first.text()  # the log held the page's newer copy: nothing was lost


def test_a_database_cut_off_mid_page_is_reported_every_time(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    created = make_vault(vault_dir)
    record_concerns(created.session, 20)
    created.session.lock()
    db = vault_dir / "waymark.db"
    with open(db, "r+b") as handle:
        handle.truncate(db.stat().st_size - 2048)
    reports = [vault_service.verify(vault_dir, PASSPHRASE) for _ in range(2)]
    assert [r.ok for r in reports] == [False, False]
    assert reports[0].problems == reports[1].problems
    assert any("ends part-way through a block (2048 of 4096 characters)" in p for p in reports[0].problems)


def _run_child(mode: str, vault_dir: str, limit: str) -> None:
    import resource

    from desktop_app.errors import UserFacingError

    if mode == "unlock":
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), resource.RLIM_INFINITY))
        try:
            vault_service.unlock(Path(vault_dir), PASSPHRASE).lock()
            print("opened")
        except UserFacingError as error:
            print(error.sentence)
    else:
        folder = Path(vault_dir).parent
        (folder / "pass.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), resource.RLIM_INFINITY))
        said = io.StringIO()
        sys.stderr = said
        code = main(
            [
                "init",
                "--vault",
                vault_dir,
                "--setting",
                "Hollybrook",
                "--user",
                "Morgan Fairweather",
                "--passphrase-file",
                str(folder / "pass.txt"),
                "--recovery-sheet",
                str(folder / "sheet.pdf"),
            ]
        )
        sys.stderr = sys.__stderr__
        print(code)
        print(said.getvalue())


if __name__ == "__main__":
    _run_child(*sys.argv[1:4])
