"""Issue 15, item 1: an older copy of the vault put back is refused, wherever the anchor went.

Before the fix the only record of the newest audit entry was ``audit.anchor`` in the vault folder itself, so:
an older ``waymark.db`` with ``audit.anchor`` deleted opened (the unlock rebuilt the anchor from the old database:
47 concerns became 42), exported, and then verified as sound; an older database together with its own anchor, or a
whole older folder, was not noticed at all; and the command line never printed the session's warnings.

Now the newest (seq, MAC) seen is also kept in this computer's configuration folder per vault
(``vault.witness``) and compared at every unlock and by verify; every session warning is printed by the command line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.services import vault as vault_service
from desktop_app.store.errors import RolledBack, VaultDamaged
from tests.fixtures_vault import PASSPHRASE, make_vault, record_concerns

VOLATILE = ("waymark.lock", "unlock-failures.json")


def _concern_count(vault_dir: Path) -> int:
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    try:
        with session.uow() as uow:
            return len(uow.concerns.awaiting_screening(1000))
    finally:
        session.lock()


@pytest.fixture
def older_and_newer(tmp_path: Path) -> tuple[Path, Path]:
    """A vault with 42 concerns copied aside (the older folder), then 5 more added in place (47)."""
    vault_dir = tmp_path / "vault"
    created = make_vault(vault_dir)
    record_concerns(created.session, 42)
    created.session.lock()
    older = tmp_path / "older-copy"
    shutil.copytree(vault_dir, older, ignore=shutil.ignore_patterns(*VOLATILE))
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    record_concerns(session, 5)
    session.lock()
    assert _concern_count(vault_dir) == 47
    return vault_dir, older


def test_an_older_database_with_the_anchor_deleted_is_refused(older_and_newer: tuple[Path, Path]) -> None:
    vault_dir, older = older_and_newer
    shutil.copy(older / "waymark.db", vault_dir / "waymark.db")
    (vault_dir / "audit.anchor").unlink()
    with pytest.raises(RolledBack) as refused:
        vault_service.unlock(vault_dir, PASSPHRASE)
    assert "this computer last saw" in refused.value.sentence
    assert not (vault_dir / "audit.anchor").exists()  # nothing was re-anchored
    report = vault_service.verify(vault_dir, PASSPHRASE)
    assert not report.ok and any("older copy of the vault was put back" in p for p in report.problems)


def test_an_older_database_with_its_own_anchor_is_refused(older_and_newer: tuple[Path, Path]) -> None:
    vault_dir, older = older_and_newer
    for name in ("waymark.db", "audit.anchor"):
        shutil.copy(older / name, vault_dir / name)
    with pytest.raises(RolledBack):
        vault_service.unlock(vault_dir, PASSPHRASE)
    assert not vault_service.verify(vault_dir, PASSPHRASE).ok


def test_a_whole_older_folder_put_back_is_refused(older_and_newer: tuple[Path, Path]) -> None:
    vault_dir, older = older_and_newer
    shutil.rmtree(vault_dir)
    shutil.copytree(older, vault_dir)
    with pytest.raises(RolledBack):
        vault_service.unlock(vault_dir, PASSPHRASE)


def test_another_history_of_the_same_vault_is_refused(older_and_newer: tuple[Path, Path]) -> None:
    """The older copy, grown on its own (elsewhere) past the newest entry seen here, then put back."""
    vault_dir, older = older_and_newer
    session = vault_service.unlock(older, PASSPHRASE)
    record_concerns(session, 20)
    session.lock()
    shutil.rmtree(vault_dir)
    shutil.copytree(older, vault_dir, ignore=shutil.ignore_patterns(*VOLATILE))
    with pytest.raises(VaultDamaged) as refused:
        vault_service.unlock(vault_dir, PASSPHRASE)
    assert "what this computer last saw" in refused.value.sentence


def test_a_deleted_anchor_that_the_record_here_vouches_for_opens_with_a_warning(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    created = make_vault(vault_dir)
    record_concerns(created.session, 3)
    created.session.lock()
    (vault_dir / "audit.anchor").unlink()
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    try:
        assert any("the newest this computer had seen" in w for w in session.warnings)
    finally:
        session.lock()


def test_the_command_line_prints_every_session_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vault_dir = tmp_path / "vault"
    make_vault(vault_dir).session.lock()
    (vault_dir / "audit.anchor").unlink()
    passphrase_file = tmp_path / "pass.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    code = main(
        [
            "backup",
            "--vault",
            str(vault_dir),
            "--passphrase-file",
            str(passphrase_file),
            "--out",
            str(tmp_path / "copy.wmbak"),
        ]
    )
    assert code == 0
    err = capsys.readouterr().err
    assert "waymark: warning: The vault's audit anchor file was missing" in err


def test_a_restore_is_not_mistaken_for_a_rollback(older_and_newer: tuple[Path, Path], tmp_path: Path) -> None:
    vault_dir, _older = older_and_newer
    session = vault_service.unlock(vault_dir, PASSPHRASE)
    session.backup(tmp_path / "now.wmbak")
    record_concerns(session, 2)
    session.lock()
    kept = vault_service.restore(tmp_path / "now.wmbak", vault_dir, PASSPHRASE)
    assert _concern_count(vault_dir) == 47  # the deliberate, audited step back is accepted
    assert kept is not None and _concern_count(kept) == 49  # and the copy it replaced still opens where it is kept
