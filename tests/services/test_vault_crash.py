"""The app killed mid-save, and a full disk while saving, backing up or writing key slots (DESIGN §10).

Each fault happens in a child process (``python -m tests.services.test_vault_crash MODE VAULT …``) so it can be
killed with SIGKILL or given a file-size limit (RLIMIT_FSIZE: writes past it fail as on a full disk).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.services import vault as vault_service
from desktop_app.services.vault import people as vault_people
from tests.fixtures_vault import PASSPHRASE, make_vault, record_concerns

REPO = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and rlimits")]


def _child(mode: str, vault_dir: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "WAYMARK_FAST_KDF_FOR_TESTS": "1", "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.services.test_vault_crash", mode, str(vault_dir), *extra],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _accounts(vault_dir: Path) -> set[str]:
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    try:
        with session.uow() as uow:
            found = {c.draft.account for c in uow.concerns.awaiting_screening(100_000)}
        assert session.verify().ok, session.verify().text()
    finally:
        session.lock()
    return found


def test_every_confirmed_save_survives_kill_9_many_times(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    make_vault(vault_dir).session.lock()
    confirmed: set[str] = set()
    rng = random.Random(20261128)
    for round_number in range(12):
        child = _child("save-loop", vault_dir, str(round_number))
        assert child.stdout is not None
        wanted = rng.randint(1, 6)
        for _ in range(wanted):
            line = child.stdout.readline()
            assert line.startswith("saved "), child.stderr.read() if child.stderr else line
            confirmed.add(line.removeprefix("saved ").strip())
        child.send_signal(signal.SIGKILL)  # mid-way through the next save
        child.wait(timeout=30)
        child.stdout.close()
        if child.stderr is not None:
            child.stderr.close()
    assert len(confirmed) >= 12
    assert confirmed <= _accounts(vault_dir)


def test_a_second_process_is_refused_while_the_vault_is_open(tmp_path: Path) -> None:
    from desktop_app.vault import AlreadyRunning

    vault_dir = tmp_path / "vault"
    make_vault(vault_dir).session.lock()
    child = _child("save-loop", vault_dir, "0")
    assert child.stdout is not None and child.stdout.readline().startswith("saved ")
    try:
        with pytest.raises(AlreadyRunning):
            vault_service.unlock(vault_dir, PASSPHRASE)
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
        if child.stderr is not None:
            child.stderr.close()
    vault_service.unlock(vault_dir, PASSPHRASE).lock()  # the lock died with the process


def _full_disk(mode: str, vault_dir: Path) -> tuple[list[str], str]:
    child = _child(mode, vault_dir)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    lines = out.splitlines()
    failures = [line.removeprefix("refused ") for line in lines if line.startswith("refused ")]
    assert len(failures) == 1, out + err
    return [line.removeprefix("saved ") for line in lines if line.startswith("saved ")], failures[0]


def test_a_full_disk_while_saving_is_a_sentence_and_loses_nothing_confirmed(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    created = make_vault(vault_dir)
    record_concerns(created.session, 5)
    created.session.lock()
    saved, sentence = _full_disk("full-save", vault_dir)
    assert "disk is full" in sentence and "was not saved" in sentence
    assert saved and set(saved) <= _accounts(vault_dir)


def test_a_full_disk_while_backing_up_leaves_no_partial_file(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    created = make_vault(vault_dir)
    record_concerns(created.session, 200)
    created.session.lock()
    _saved, sentence = _full_disk("full-backup", vault_dir)
    assert "disk is full" in sentence
    assert list((tmp_path / "out").iterdir()) == []
    assert len(_accounts(vault_dir)) == 200


def test_a_full_disk_while_writing_key_slots_keeps_the_old_ones(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    make_vault(vault_dir).session.lock()
    before = (vault_dir / "keyslots.json").read_bytes()
    _saved, sentence = _full_disk("full-keyslots", vault_dir)
    assert "disk is full" in sentence.lower() and "nothing was changed" in sentence
    assert (vault_dir / "keyslots.json").read_bytes() == before
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    assert [u.name for u in vault_people.users(session)] == [session.user.name]
    session.lock()


# ----- the child process ------------------------------------------------------------------------------------------


def _limit_file_size(extra_bytes: int, *files: Path) -> None:
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG instead of killing
    limit = max(f.stat().st_size for f in files if f.exists()) + extra_bytes
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))


def _child_main(mode: str, vault_dir: Path, *extra: str) -> None:
    from desktop_app.domain.enums import Role
    from desktop_app.errors import UserFacingError
    from tests.fixtures_vault import record_concern

    session = vault_service.unlock(vault_dir, PASSPHRASE)
    if mode == "save-loop":
        for number in range(100_000):
            account = f"round {extra[0]} save {number}"
            record_concern(session, account=account)
            print(f"saved {account}", flush=True)
        return
    try:
        if mode == "full-save":
            _limit_file_size(64 * 1024, vault_dir / "waymark.db", vault_dir / "waymark.db-wal")
            for number in range(100_000):
                account = f"full disk save {number} " + "x" * 2000
                record_concern(session, account=account)
                print(f"saved {account}", flush=True)
        elif mode == "full-backup":
            out = vault_dir.parent / "out"
            out.mkdir()
            _limit_file_size(-(vault_dir / "waymark.db").stat().st_size // 2, vault_dir / "waymark.db")
            session.backup(out / "backup.wmbak")
        elif mode == "full-keyslots":
            _limit_file_size(100, vault_dir / "keyslots.json")
            vault_people.add_user(session, "Rowan Ellery", Role.DEPUTY_DSL, "heron over the winter marsh at dawn")
    except UserFacingError as error:
        print(f"refused {error.sentence}", flush=True)
    finally:
        session.lock()


if __name__ == "__main__":
    _child_main(sys.argv[1], Path(sys.argv[2]), *sys.argv[3:])
