"""Issue 15, item 3: staging files have unique names, never follow a planted link, and are swept at the next start.

Before the fix the backup staged its zip at the fixed name ``.NAME.tmp`` beside the output and opened it with a plain
``open(…, "w")``: a symbolic link planted there by another local user made the backup overwrite the link's target
(``test_a_planted_link_at_the_old_fixed_name_is_never_followed`` found the target replaced by the backup's bytes).
A run killed half-way left ``.waymark-backup-*``, ``.NAME.restoring-*`` and ``.NAME.tmp`` behind for good (the
sweep tests found them still there after the next unlock).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.services import vault as vault_service
from desktop_app.vault import atomic
from tests.fixtures_vault import PASSPHRASE, make_vault


def test_a_planted_link_at_the_old_fixed_name_is_never_followed(tmp_path: Path) -> None:
    created = make_vault(tmp_path / "vault")
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file", encoding="utf-8")
    out = tmp_path / "out" / "nightly.wmbak"
    out.parent.mkdir()
    (out.parent / ".nightly.wmbak.tmp").symlink_to(victim)
    try:
        created.session.backup(out)
    finally:
        created.session.lock()
    assert victim.read_text(encoding="utf-8") == "someone else's file"
    assert out.read_bytes().startswith(b"PK")
    assert sorted(p.name for p in out.parent.iterdir()) == [".nightly.wmbak.tmp", "nightly.wmbak"]


def test_atomic_staging_names_are_fresh_and_exclusive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even a link planted at the very name chosen is refused (O_EXCL), never written through."""
    target = tmp_path / "keyslots.json"
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep")
    planted = tmp_path / ".keyslots.json.0123456789abcdef.tmp"
    planted.symlink_to(victim)
    monkeypatch.setattr(atomic, "temp_name_for", lambda _target: planted)
    with pytest.raises(Exception):  # noqa: B017  (FileExistsError, whatever the platform words it as)
        atomic.write_bytes(target, b"new")
    assert victim.read_bytes() == b"keep" and not target.exists()
    monkeypatch.undo()
    names = {atomic.temp_name_for(target).name for _ in range(50)}
    assert len(names) == 50 and all(atomic.is_temp_name(n) for n in names)


def test_staging_files_left_by_a_killed_run_are_removed_at_the_next_start(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    make_vault(vault_dir).session.lock()
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    left = [
        vault_dir / ".audit.anchor.0123456789abcdef.tmp",
        vault_dir / "inbox" / ".concern-x.sealed.89abcdef01234567.tmp",
        vault_dir / "backups" / ".before-upgrade.wmbak.fedcba9876543210.tmp",
        vault_dir / ".waymark-backup-k3j4h5" / "waymark.db",
        tmp_path / ".vault.restoring-abc123" / "waymark.db",
        tmp_path / "..vault.restore-journal.json.fd6bb848b54d4051.tmp",  # the kill loop found this one
    ]
    for path in left:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half-written")
    # A PDF being saved outside the vault when the app was killed: named in the register before it was made.
    outside = out_dir / ".referral.pdf.00112233aabbccdd.tmp"
    from desktop_app.vault.leftovers import OutputRegister

    OutputRegister(vault_dir)(outside, True)
    outside.write_bytes(b"%PDF half")
    mine = out_dir / ".notes.txt.tmp"  # not Waymark's: a name it never makes, in a folder it does not own
    mine.write_bytes(b"the user's own")
    theirs = tmp_path / ".other.restore-journal.json.fd6bb848b54d4051.tmp"  # another vault's, beside this one
    theirs.write_bytes(b"not ours")

    vault_service.unlock(vault_dir, PASSPHRASE).lock()

    assert [p for p in left if p.exists()] == []
    assert not (vault_dir / ".waymark-backup-k3j4h5").exists() and not (tmp_path / ".vault.restoring-abc123").exists()
    assert not outside.exists() and mine.exists() and theirs.exists()
    assert not (vault_dir / "outputs-in-progress.json").exists()


def test_a_restore_running_in_another_process_keeps_its_staging_folder(tmp_path: Path) -> None:
    from desktop_app.vault.instance import VaultInstanceLock
    from desktop_app.vault.leftovers import STAGING_LOCK, sweep

    vault_dir = tmp_path / "vault"
    make_vault(vault_dir).session.lock()
    staging = tmp_path / ".vault.restoring-live"
    staging.mkdir()
    with VaultInstanceLock(staging, STAGING_LOCK):
        sweep(vault_dir)
        assert staging.exists()
    sweep(vault_dir)
    assert not staging.exists()


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges on Windows")
def test_the_sweep_never_follows_a_link(tmp_path: Path) -> None:
    from desktop_app.vault.leftovers import sweep

    vault_dir = tmp_path / "vault"
    make_vault(vault_dir).session.lock()
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "data").write_text("keep", encoding="utf-8")
    (vault_dir / ".waymark-backup-evil").symlink_to(precious)
    (tmp_path / ".vault.restoring-evil").symlink_to(precious)
    sweep(vault_dir)
    assert (precious / "data").read_text(encoding="utf-8") == "keep"
