"""Issue 15, item 6: a restore killed at any step is finished or undone at the next start.

Before the fix a kill between restore's two renames (``vault → vault.before-restore-…``, then ``staging → vault``)
left no vault folder at all: the next start offered to set up a new vault, and verify said there was none (the
``put-in-place`` case below found no vault). Now the renames are journalled (``vault.restore_journal``) and the next
start (any unlock, verify, restore or the app's first look at the folder) completes the restore or undoes it.

Each kill is a real SIGKILL, sent by the restoring process to itself just before the named step, so no ``finally``
block or clean-up of the restore runs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.services import vault as vault_service
from tests.fixtures_vault import PASSPHRASE, make_vault, record_concern

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

# Each step, and the vault the next start must show: the one that was there ("old") or the backup's ("restored").
STEPS = [
    ("journal", "old"),
    ("keep-old", "old"),
    ("put-in-place", "restored"),
    ("record", "restored"),
    ("done", "restored"),
]


def _accounts(vault_dir: Path) -> set[str]:
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    try:
        with session.uow() as uow:
            accounts = {c.draft.account for c in uow.concerns.awaiting_screening(1000)}
        assert session.verify().ok
    finally:
        session.lock()
    return accounts


# The command line's restore at every step; the window's (stage_restore, then put_in_place) where it matters most.
CASES = [
    *((step, expected, "cli") for step, expected in STEPS),
    ("keep-old", "old", "window"),
    ("put-in-place", "restored", "window"),
    ("record", "restored", "window"),
]


@pytest.mark.parametrize(("step", "expected", "how"), CASES)
def test_a_restore_killed_at_each_step_is_finished_or_undone_at_the_next_start(
    tmp_path: Path, waymark_home: Path, step: str, expected: str, how: str
) -> None:
    vault_dir = tmp_path / "vault"
    created = make_vault(vault_dir)
    record_concern(created.session, account="In the backup")
    created.session.backup(tmp_path / "copy.wmbak")
    record_concern(created.session, account="After the backup")
    created.session.lock()
    env = {**os.environ, "WAYMARK_FAST_KDF_FOR_TESTS": "1", "PYTHONPATH": str(REPO), "WAYMARK_HOME": str(waymark_home)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.services.test_restore_journal",
            str(tmp_path / "copy.wmbak"),
            str(vault_dir),
            step,
            how,
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr

    assert vault_service.vault_exists(vault_dir)  # the app's first look: never "set up a new vault"
    wanted = {"In the backup"} if expected == "restored" else {"In the backup", "After the backup"}
    assert _accounts(vault_dir) == wanted
    beside = sorted(p.name for p in tmp_path.iterdir())
    assert not [n for n in beside if ".restoring-" in n or n.endswith(".restore-journal.json")], beside
    kept = [tmp_path / n for n in beside if n.startswith("vault.before-restore-")]
    if expected == "restored":
        assert len(kept) == 1 and _accounts(kept[0]) == {"In the backup", "After the backup"}
    else:
        assert kept == []
    assert not (vault_dir / "staging.lock").exists()


def test_verify_is_a_next_start_too(tmp_path: Path, waymark_home: Path) -> None:
    vault_dir = tmp_path / "vault"
    created = make_vault(vault_dir)
    record_concern(created.session, account="In the backup")
    created.session.backup(tmp_path / "copy.wmbak")
    created.session.lock()
    env = {**os.environ, "WAYMARK_FAST_KDF_FOR_TESTS": "1", "PYTHONPATH": str(REPO), "WAYMARK_HOME": str(waymark_home)}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.services.test_restore_journal",
            str(tmp_path / "copy.wmbak"),
            str(vault_dir),
            "put-in-place",
            "cli",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert not vault_dir.exists()
    report = vault_service.verify(vault_dir, PASSPHRASE)
    assert report.ok, report.text()


def _kill_at(wanted: str) -> object:
    def step(name: str) -> None:
        if name == wanted:
            os.kill(os.getpid(), signal.SIGKILL)

    return step


def test_a_checked_copy_waiting_to_be_put_in_place_is_not_swept_by_another_start(tmp_path: Path) -> None:
    """The window checks a backup while the vault is open, then locks and puts it in place: meanwhile the staging
    folder is held, so a start elsewhere (here: verify from the command line) leaves it alone."""
    from desktop_app.services.vault import backup_restore

    vault_dir = tmp_path / "vault"
    created = make_vault(vault_dir)
    record_concern(created.session, account="In the backup")
    created.session.backup(tmp_path / "copy.wmbak")
    record_concern(created.session, account="After the backup")
    created.session.lock()
    staged = backup_restore.stage_restore(tmp_path / "copy.wmbak", vault_dir, PASSPHRASE)
    assert vault_service.verify(vault_dir, PASSPHRASE).ok  # a start: tidies what a killed run left
    assert staged.staging.is_dir()
    assert backup_restore.put_in_place(staged) is not None
    assert _accounts(vault_dir) == {"In the backup"}
    assert not (vault_dir / "staging.lock").exists()


if __name__ == "__main__":
    from desktop_app.services.vault import backup_restore

    backup_file, folder, at, how = sys.argv[1:5]
    if how == "cli":
        backup_restore.restore_backup(Path(backup_file), Path(folder), PASSPHRASE, step=_kill_at(at))  # type: ignore[arg-type]
    else:
        staged = backup_restore.stage_restore(Path(backup_file), Path(folder), PASSPHRASE)
        backup_restore.put_in_place(staged, step=_kill_at(at))  # type: ignore[arg-type]
    sys.exit(3)  # the step was never reached
